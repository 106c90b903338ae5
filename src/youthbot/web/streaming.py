"""Server-sent events: a pipeline call on a worker thread, its streamed tokens, then its result."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

import anyio.to_thread

ResultT = TypeVar("ResultT")


@dataclass(frozen=True, slots=True)
class Token:
    """A piece of streamed answer text."""

    delta: str


@dataclass(frozen=True, slots=True)
class Done(Generic[ResultT]):
    """The call returned."""

    result: ResultT


@dataclass(frozen=True, slots=True)
class Failed:
    """The call raised."""

    error: BaseException


async def stream_call(
    call: Callable[[Callable[[str], None], threading.Event], ResultT],
) -> AsyncIterator[Token | Done[ResultT] | Failed]:
    """Run ``call(on_token, cancel)`` on a worker thread and yield its tokens, then its end.

    When the consumer stops early (the client went away), ``cancel`` is set so a streaming
    LLM answer stops, and the thread is left to finish on its own.
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[Token | Done[ResultT] | Failed] = asyncio.Queue()
    cancel = threading.Event()

    def on_token(delta: str) -> None:
        if not cancel.is_set():
            loop.call_soon_threadsafe(queue.put_nowait, Token(delta))

    async def run() -> None:
        try:
            result = await anyio.to_thread.run_sync(call, on_token, cancel, abandon_on_cancel=True)
        except Exception as exc:  # noqa: BLE001 - handed to the consumer
            queue.put_nowait(Failed(exc))
        else:
            queue.put_nowait(Done(result))

    task = asyncio.create_task(run())
    try:
        while True:
            item = await queue.get()
            yield item
            if not isinstance(item, Token):
                return
    finally:
        cancel.set()
        if not task.done():
            task.cancel()


def sse(event: str, data: object) -> str:
    """One server-sent event with JSON ``data``."""
    payload = json.dumps(data, ensure_ascii=False)
    return f"event: {event}\ndata: {payload}\n\n"
