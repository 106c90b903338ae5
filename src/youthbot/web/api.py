"""The JSON API: the CLI's contract over HTTP (ask, search, stats, directory, documents)."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from youthbot.errors import IndexMissingError
from youthbot.web.service import (
    MAX_QUESTION_CHARS,
    DirectoryFilters,
    DirectoryKind,
    WebService,
    row_json,
)
from youthbot.web.streaming import Done, Failed, Token, sse, stream_call

Mode = Literal["hybrid", "dense", "lexical"]
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


# -- schemas (they document the contract; the objects themselves come from types.py) -------
class ErrorOut(BaseModel):
    """Every 4xx/5xx answer: one line saying what is wrong."""

    error: str


class AskIn(BaseModel):
    """``youthbot ask QUESTION [--session NAME] [--no-llm] [--mode M]``."""

    question: str = Field(description="The question, in Latvian or English.")
    session: str | None = Field(
        None, max_length=200, description="Keep this conversation's history (as --session)."
    )
    no_llm: bool = Field(False, description="Answer extractively even if an LLM is configured.")
    mode: Mode = Field("hybrid", description="Retrieval mode.")


class CitationOut(BaseModel):
    n: int
    doc: str
    title: str
    chunk: int
    start: int
    end: int
    quote: str


class PassageOut(BaseModel):
    rank: int
    doc: str
    title: str
    chunk: int
    start: int
    end: int
    score: float
    text: str


class SentenceOut(BaseModel):
    text: str
    citations: list[int]
    verified: bool


class LLMOut(BaseModel):
    model: str
    url_host: str
    latency_ms: float | None
    fallback_reason: str | None
    removed_markers: int


class AnswerOut(BaseModel):
    """The object ``youthbot ask --json`` prints."""

    question: str
    answered: bool
    answer: str
    mode: Literal["extractive", "llm"]
    citations: list[CitationOut]
    passages: list[PassageOut]
    sentences: list[SentenceOut]
    llm: LLMOut | None = None
    standalone_question: str | None = None


class SearchOut(BaseModel):
    """The object ``youthbot search --json`` prints."""

    query: str
    passages: list[PassageOut]


class SpanOut(BaseModel):
    """A span of an indexed document with some text around it."""

    doc: str
    title: str
    date: str | None
    start: int
    end: int
    quote: str
    context_start: int
    context_end: int
    context: str


class DocumentOut(BaseModel):
    """An indexed document's stored text (every offset points into ``text``)."""

    doc: str
    title: str
    date: str | None
    format: str
    text: str


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Bad input"},
    401: {"model": ErrorOut, "description": "Missing or wrong access token"},
    404: {"model": ErrorOut, "description": "Not found"},
    503: {"model": ErrorOut, "description": "No index yet"},
}


def _service(request: Request) -> WebService:
    return request.app.state.service


def build_router() -> APIRouter:
    """The ``/api`` routes."""
    router = APIRouter(prefix="/api", responses=ERRORS)

    @router.post(
        "/ask",
        response_model=None,
        responses={
            200: {
                "model": AnswerOut,
                "description": "The answer; with `Accept: text/event-stream`, server-sent"
                ' events: `token` (`{"delta"}`) while an LLM writes, then `answer` (this'
                ' object), or `error` (`{"error"}`).',
                "content": {"text/event-stream": {}},
            }
        },
    )
    def ask(request: Request, body: AskIn) -> Any:
        """Answer a question with citations (`youthbot ask --json`)."""
        service = _service(request)
        use_llm = False if body.no_llm else None
        if "text/event-stream" in request.headers.get("accept", ""):
            service.check_question(body.question)
            return StreamingResponse(
                _ask_events(service, body, use_llm),
                media_type="text/event-stream",
                headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
            )
        answer = service.ask(body.question, session=body.session, use_llm=use_llm, mode=body.mode)
        service.note_llm(answer)
        return JSONResponse(answer.to_dict())

    @router.get("/search", response_model=SearchOut)
    def search(
        request: Request,
        q: Annotated[str, Query(max_length=MAX_QUESTION_CHARS, description="The query.")],
        k: Annotated[int, Query(ge=1, le=100, description="Passages to return.")] = 5,
        mode: Mode = "hybrid",
    ) -> Any:
        """The best passages for a query (`youthbot search --json`)."""
        passages = _service(request).search(q, k, mode)
        return JSONResponse({"query": q, "passages": [p.to_dict() for p in passages]})

    @router.get("/document", response_model=DocumentOut)
    def document(request: Request, doc: Annotated[str, Query(description="`doc` path")]) -> Any:
        """An indexed document's stored text."""
        d = _service(request).document(doc)
        return JSONResponse(
            {"doc": d.path, "title": d.title, "date": d.date, "format": d.format, "text": d.text}
        )

    @router.get("/span", response_model=SpanOut)
    def span(
        request: Request,
        doc: Annotated[str, Query(description="`doc` path of a citation")],
        start: Annotated[int, Query(ge=0)],
        end: Annotated[int, Query(ge=0)],
    ) -> Any:
        """A cited span (`start`/`end` of a citation) with the text around it."""
        from youthbot.spans import context_bounds

        d, start, end = _service(request).span(doc, start, end)
        lo, hi = context_bounds(d.text, start, end)
        return JSONResponse(
            {
                "doc": d.path,
                "title": d.title,
                "date": d.date,
                "start": start,
                "end": end,
                "quote": d.text[start:end],
                "context_start": lo,
                "context_end": hi,
                "context": d.text[lo:hi],
            }
        )

    @router.get("/directory/{kind}")
    def directory(
        request: Request,
        kind: DirectoryKind,
        place: str | None = None,
        org: str | None = None,
        person: str | None = None,
        date_from: Annotated[
            str | None, Query(alias="from", pattern=DATE_PATTERN, description="YYYY[-MM[-DD]]")
        ] = None,
        date_to: Annotated[
            str | None, Query(alias="to", pattern=DATE_PATTERN, description="YYYY[-MM[-DD]]")
        ] = None,
    ) -> Any:
        """People, organisations, events or projects (`youthbot events --json` …)."""
        filters = DirectoryFilters(place, org, person, date_from, date_to)
        rows = _service(request).directory(kind, filters)
        return JSONResponse([row_json(r) for r in rows])

    @router.get("/stats")
    def stats(request: Request) -> Any:
        """What the index holds (`youthbot stats --json`)."""
        info = _service(request).stats()
        if info is None:
            raise IndexMissingError("there is no index yet; add documents or run `youthbot index`")
        return JSONResponse(dataclasses.asdict(info))

    @router.get("/status")
    def status(request: Request) -> Any:
        """Index figures, model, LLM state and indexing progress (what the page shows)."""
        return JSONResponse(_service(request).status())

    @router.get("/build")
    def build(request: Request) -> Any:
        """Indexing progress and the last build's outcome."""
        return JSONResponse(_service(request).builds.state().to_dict())

    @router.post("/documents", status_code=202)
    def upload(request: Request, files: Annotated[list[UploadFile], File()]) -> Any:
        """Add documents: each file is saved in the corpus folder and indexed incrementally.

        Files of a kind that cannot be read, or over the size limit, are refused with one
        line each; read failures show up in `/api/build` once the build has run.
        """
        service = _service(request)
        results = service.save_uploads((f.filename or "", f.file.read) for f in files)
        return JSONResponse(
            {
                "saved": [{"name": r.name, "path": str(r.path)} for r in results if r.path],
                "refused": [{"name": r.name, "error": r.error} for r in results if r.error],
                "build": service.builds.state().to_dict(),
            },
            status_code=202 if any(r.path for r in results) else 400,
        )

    return router


async def _ask_events(service: WebService, body: AskIn, use_llm: bool | None) -> AsyncIterator[str]:
    """``token`` events while an LLM writes, then ``answer`` (or ``error``)."""
    from youthbot.web.errors import error_status

    def call(on_token: Any, cancel: Any) -> Any:
        return service.ask(
            body.question,
            session=body.session,
            use_llm=use_llm,
            mode=body.mode,
            on_token=on_token,
            cancel=cancel,
        )

    async for item in stream_call(call):
        if isinstance(item, Token):
            yield sse("token", {"delta": item.delta})
        elif isinstance(item, Done):
            service.note_llm(item.result)
            yield sse("answer", item.result.to_dict())
        elif isinstance(item, Failed):
            status, message = error_status(item.error)
            yield sse("error", {"error": message, "status": status})
