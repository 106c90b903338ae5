"""One background thread on which every pipeline call runs, one at a time."""

from __future__ import annotations

import asyncio
import functools
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

ResultT = TypeVar("ResultT")

_STOP = object()


class PipelineThread:
    """Runs pipeline calls off the UI loop, in order, on a single daemon thread.

    The pipeline (SQLite, FAISS, the embedding model) is then never entered by two threads at
    once, and the UI only awaits futures, so it never freezes; a cancelled await leaves the
    call to finish on its own (the pipeline's ``cancel`` event makes that quick).
    """

    def __init__(self, name: str = "youthbot-pipeline") -> None:
        self._calls: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self._started = False
        self._lock = threading.Lock()

    def _serve(self) -> None:
        while True:
            item = self._calls.get()
            if item is _STOP:
                return
            future, call = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(call())
            except BaseException as exc:  # noqa: BLE001 - handed to the awaiting coroutine
                future.set_exception(exc)

    def submit(self, fn: Callable[..., ResultT], /, *args: Any, **kwargs: Any) -> Future[ResultT]:
        """Queue ``fn(*args, **kwargs)`` and return its future."""
        with self._lock:
            if not self._started:
                self._thread.start()
                self._started = True
        future: Future[ResultT] = Future()
        self._calls.put((future, functools.partial(fn, *args, **kwargs)))
        return future

    async def call(self, fn: Callable[..., ResultT], /, *args: Any, **kwargs: Any) -> ResultT:
        """Run ``fn(*args, **kwargs)`` on the pipeline thread and await its result."""
        return await asyncio.wrap_future(self.submit(fn, *args, **kwargs))

    def stop(self, timeout: float | None = None) -> bool:
        """Let queued calls finish, end the thread and wait up to ``timeout`` seconds.

        Returns:
            True when the thread has ended (or never started).
        """
        if not self._started:
            return True
        self._calls.put(_STOP)
        self._thread.join(timeout)
        return not self._thread.is_alive()
