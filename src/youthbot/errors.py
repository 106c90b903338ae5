"""Typed errors raised by the library; only the CLI and UI turn them into user text."""

from __future__ import annotations


class YouthbotError(Exception):
    """Base class for every error youthbot raises on purpose.

    The message is one sentence a person can act on: what went wrong, where, and
    (when there is one) what to do about it.
    """


class IngestError(YouthbotError):
    """A document could not be read; ``path`` names it and ``reason`` says why."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class InputError(YouthbotError):
    """The user's input (a question, an option, a path) cannot be used."""


class NoDocumentsError(InputError):
    """No document was found to build an index from; the message says where it looked."""


class IndexMissingError(YouthbotError):
    """No index exists where one was expected."""


class IndexMismatchError(YouthbotError):
    """The index was built with another model, dimension or chunker."""


class IndexCorruptError(YouthbotError):
    """The index files exist but cannot be read."""


class IndexLockedError(YouthbotError):
    """Another process is building the same index right now."""


class IndexNotWritableError(YouthbotError):
    """The index directory cannot be created or written."""


class ModelError(YouthbotError):
    """The embedding model could not be loaded or used."""


class LLMError(YouthbotError):
    """The LLM endpoint failed; the message never contains the API key."""


class DocumentNotFoundError(YouthbotError):
    """A document the caller asked for is not in the index."""


class IndexForeignError(IndexNotWritableError):
    """The index directory is a folder of someone else's files, not a youthbot index."""
