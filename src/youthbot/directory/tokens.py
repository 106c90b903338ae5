"""The directory's view of text/'s tokens and folding (one implementation, in ``youthbot.text``)."""

from youthbot.text.normalize import fold
from youthbot.text.tokens import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    QUOTES,
    Token,
    between,
    is_verb,
    quoted,
    sentence_of,
    squash,
    tokens,
)

__all__ = [
    "CLOSE_QUOTES",
    "OPEN_QUOTES",
    "QUOTES",
    "Token",
    "between",
    "fold",
    "is_verb",
    "quoted",
    "sentence_of",
    "squash",
    "tokens",
]
