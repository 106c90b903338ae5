"""Key bindings whose footer labels come from the interface strings of the chosen language."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TypeVar

from textual.binding import Binding
from textual.dom import DOMNode

from youthbot.ui.strings import Strings

NodeT = TypeVar("NodeT", bound=type[DOMNode])


@dataclass(frozen=True, slots=True)
class Key:
    """A binding whose description is the ``Strings`` field ``label`` (empty: not shown)."""

    keys: str
    action: str
    label: str = ""
    show: bool = True
    priority: bool = False
    key_display: str | None = None

    def binding(self, strings: Strings) -> Binding:
        """The Textual binding, described in the language of ``strings``."""
        description = getattr(strings, self.label) if self.label else ""
        return Binding(
            self.keys,
            self.action,
            description,
            show=self.show and bool(description),
            priority=self.priority,
            key_display=self.key_display,
        )


@functools.cache
def localised(cls: NodeT, strings: Strings) -> NodeT:
    """A subclass of ``cls`` whose ``BINDINGS`` are its ``KEYS`` described by ``strings``.

    Textual reads bindings from the class, so each language gets its own (cached) subclass
    with the same name; styles that select ``cls`` by name apply to it unchanged.
    """
    keys: tuple[Key, ...] = getattr(cls, "KEYS", ())
    namespace = {
        "BINDINGS": [key.binding(strings) for key in keys],
        "__module__": cls.__module__,
        "__doc__": cls.__doc__,
        "__qualname__": cls.__qualname__,
    }
    return type(cls.__name__, (cls,), namespace)  # type: ignore[return-value]
