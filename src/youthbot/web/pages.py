"""The page: conversation, directory, documents, a whole document; server-rendered HTML."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from youthbot.errors import YouthbotError
from youthbot.export import conversation_markdown
from youthbot.text.dates import format_date
from youthbot.web.conversations import WebExchange, new_conversation_id
from youthbot.web.render import (
    answer_html,
    answer_note,
    describe_error,
    document_view,
    source_views,
)
from youthbot.web.service import MAX_QUESTION_CHARS, DirectoryFilters, WebService
from youthbot.web.streaming import Done, Failed, Token, sse, stream_call
from youthbot.web.strings import WebStrings, web_strings

HERE = Path(__file__).parent
CONVERSATION_COOKIE = "youthbot_conversation"
LANG_COOKIE = "youthbot_lang"
#: Seconds a browser keeps its conversation cookie (a reload, or tomorrow, finds it again).
COOKIE_AGE_S = 30 * 24 * 3600

templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.filters["latvian_date"] = lambda d, end=None: format_date(d, end)
templates.env.filters["joined"] = lambda v: ", ".join(str(x) for x in (v or []) if x)


def _service(request: Request) -> WebService:
    return request.app.state.service


def page_strings(request: Request) -> WebStrings:
    """The language asked for (``?lang=``), else the browser's cookie, else the setting."""
    lang = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    if lang not in ("lv", "en"):
        lang = _service(request).settings.lang
    return web_strings(lang)


def _conversation_id(request: Request) -> str | None:
    value = request.cookies.get(CONVERSATION_COOKIE)
    return value if value and 10 <= len(value) <= 64 else None


def _remember(
    response: Response, request: Request, t: WebStrings, conversation: str | None
) -> Response:
    """Set the language and conversation cookies on ``response``."""
    if request.query_params.get("lang") in ("lv", "en"):
        response.set_cookie(
            LANG_COOKIE, t.lang, max_age=COOKIE_AGE_S, samesite="lax", httponly=True
        )
    if conversation and conversation != _conversation_id(request):
        response.set_cookie(
            CONVERSATION_COOKIE, conversation, max_age=COOKIE_AGE_S, samesite="lax", httponly=True
        )
    return response


def status_line(service: WebService, t: WebStrings) -> str:
    """``Dokumenti: 5 · fragmenti: 25 · modelis: … · LLM: izslēgts``."""
    status = service.status()
    parts: list[str] = []
    index = status["index"]
    if status["build"]["running"]:
        parts.append(t.status_building)
    if index is not None:
        parts.append(t.status_documents.format(n=index["documents"]))
        parts.append(t.status_chunks.format(n=index["chunks"]))
        parts.append(t.status_model.format(model=str(index["model"]).rsplit("/", 1)[-1]))
    elif not status["build"]["running"]:
        parts.append(t.status_no_index)
    llm = {"off": t.llm_off, "connected": t.llm_connected, "unreachable": t.llm_unreachable}
    parts.append(t.status_llm.format(state=llm[status["llm"]["state"]]))
    return " · ".join(parts)


def _context(request: Request, t: WebStrings, active: str, **values: Any) -> dict[str, Any]:
    service = _service(request)
    return {
        "request": request,
        "t": t,
        "active": active,
        "status_line": status_line(service, t),
        "lang_href": request.url.path + "?" + _query_with(request, lang=t.other_lang),
        "js_strings": {
            "searching": t.searching,
            "stage": {"read": t.stage_read, "embed": t.stage_embed, "write": t.stage_write},
            "error": t.error_title,
            "saved": t.upload_saved,
        },
        **values,
    }


def _query_with(request: Request, **changes: str) -> str:
    from urllib.parse import urlencode

    params = dict(request.query_params)
    params.update(changes)
    return urlencode(params)


def render_exchange(service: WebService, exchange: WebExchange, t: WebStrings) -> Markup:
    """One exchange of the conversation as HTML (the page and the stream share it)."""
    template = templates.get_template("_exchange.html")
    return Markup(template.render(**exchange_values(service, exchange, t), t=t))


def exchange_values(service: WebService, exchange: WebExchange, t: WebStrings) -> dict[str, Any]:
    """What ``_exchange.html`` shows of one exchange."""
    answer = exchange.answer
    if answer is None:
        return {"ex": exchange, "answer": None, "note": t.answer_failed_short, "warn": True}
    note, warn = answer_note(answer, t)
    standalone = answer.standalone if answer.standalone != answer.question else None
    return {
        "ex": exchange,
        "answer": answer,
        "answer_html": answer_html(answer, exchange.seq, t),
        "note": note,
        "warn": warn,
        "standalone": standalone,
        "sources": source_views(answer, exchange.seq, t, service.document_or_none),
        "sources_title": t.sources_title if answer.citations else t.closest_title,
    }


def build_router() -> APIRouter:
    """The page's routes."""
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    def chat(request: Request) -> Response:
        t = page_strings(request)
        service = _service(request)
        conversation = _conversation_id(request)
        exchanges = service.conversations.exchanges(conversation) if conversation else []
        html = [render_exchange(service, e, t) for e in exchanges]
        response = templates.TemplateResponse(
            request,
            "chat.html",
            _context(request, t, "chat", exchanges=html, max_question=MAX_QUESTION_CHARS),
        )
        return _remember(response, request, t, conversation)

    @router.post("/ask", response_model=None)
    async def ask(request: Request) -> Response:
        t = page_strings(request)
        service = _service(request)
        form = await request.form()
        question = str(form.get("question") or "")
        conversation = _conversation_id(request) or new_conversation_id()
        streaming = "text/event-stream" in request.headers.get("accept", "")
        if streaming:
            from fastapi.responses import StreamingResponse

            response: Response = StreamingResponse(
                _ask_events(service, question, conversation, t),
                media_type="text/event-stream",
                headers={"Cache-Control": "no-store"},
            )
            return _remember(response, request, t, conversation)
        import anyio.to_thread

        exchange = await anyio.to_thread.run_sync(_answer, service, question, conversation)
        target = f"/#ex-{exchange.seq}" if exchange else "/"
        return _remember(RedirectResponse(target, status_code=303), request, t, conversation)

    @router.post("/clear")
    def clear(request: Request) -> Response:
        t = page_strings(request)
        conversation = _conversation_id(request)
        if conversation:
            _service(request).conversations.clear(conversation)
        response = RedirectResponse("/", status_code=303)
        return _remember(response, request, t, new_conversation_id())

    @router.get("/export.md")
    def export(request: Request) -> Response:
        t = page_strings(request)
        conversation = _conversation_id(request)
        exchanges = _service(request).conversations.exchanges(conversation) if conversation else []
        markdown = conversation_markdown(exchanges, t.export_labels())
        name = "youthbot-saruna.md" if t.lang == "lv" else "youthbot-conversation.md"
        return Response(
            markdown,
            media_type="text/markdown; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @router.get("/directory", response_class=HTMLResponse)
    def directory(request: Request) -> Response:
        t = page_strings(request)
        service = _service(request)
        q = request.query_params
        filters = DirectoryFilters(
            q.get("place"), q.get("org"), q.get("person"), q.get("from"), q.get("to")
        )
        error = None
        events: list[Any] = []
        people: list[Any] = []
        try:
            filters = service.check_filters(filters)
            events = service.directory("events", filters)
            people = service.directory("people", filters)
        except YouthbotError as exc:
            bad = next(
                (v for v in (filters.date_from, filters.date_to) if v and not _date_ok(v)), None
            )
            error = t.bad_date.format(value=bad) if bad else describe_error(exc, t)
        response = templates.TemplateResponse(
            request,
            "directory.html",
            _context(
                request,
                t,
                "directory",
                filters=filters,
                events=events,
                people=people,
                error=error,
            ),
        )
        return _remember(response, request, t, None)

    @router.get("/document", response_class=HTMLResponse)
    def document(request: Request) -> Response:
        t = page_strings(request)
        q = request.query_params
        path = q.get("doc") or ""
        doc = _service(request).document_or_none(path)
        if doc is None:
            return page_error(request, 404, t.document_missing.format(path=path))
        view = document_view(doc, _int(q.get("start")), _int(q.get("end")), t)
        response = templates.TemplateResponse(
            request, "document.html", _context(request, t, "document", doc=view)
        )
        return _remember(response, request, t, None)

    @router.get("/documents", response_class=HTMLResponse)
    def documents(request: Request) -> Response:
        t = page_strings(request)
        response = templates.TemplateResponse(
            request,
            "documents.html",
            _context(request, t, "documents", **_documents_values(request, t)),
        )
        return _remember(response, request, t, None)

    @router.post("/documents")
    async def upload(request: Request) -> Response:
        import anyio.to_thread

        form = await request.form()
        files = [f for f in form.getlist("files") if hasattr(f, "filename") and f.filename]
        service = _service(request)
        results = await anyio.to_thread.run_sync(
            service.save_uploads,
            [(f.filename, f.file.read) for f in files],  # type: ignore[union-attr]
        )
        request.app.state.last_uploads = results
        return RedirectResponse("/documents", status_code=303)

    @router.get("/ui/status")
    def ui_status(request: Request) -> Response:
        t = page_strings(request)
        service = _service(request)
        build = templates.get_template("_build.html").render(t=t, **_documents_values(request, t))
        return JSONResponse(
            {
                "line": status_line(service, t),
                "running": service.builds.state().running,
                "build_html": build,
            }
        )

    return router


def _documents_values(request: Request, t: WebStrings) -> dict[str, Any]:
    service = _service(request)
    status = service.status()
    state = service.builds.state()
    return {
        "stats": status["index"],
        "index_error": status["index_error"],
        "llm": status["llm"],
        "build": state,
        "uploads": getattr(request.app.state, "last_uploads", None),
        "corpus": str(service.settings.corpus),
        "max_mb": f"{service.settings.max_file_mb:g}",
        "accept": ",".join(sorted(_suffixes())),
    }


def _suffixes() -> frozenset[str]:
    from youthbot.ingest import SUPPORTED_SUFFIXES

    return SUPPORTED_SUFFIXES


def _date_ok(value: str) -> bool:
    from youthbot.web.service import DATE_FILTER

    return DATE_FILTER.fullmatch(value) is not None


def _int(value: str | None) -> int:
    try:
        return max(0, int(value or 0))
    except ValueError:
        return 0


def _answer(service: WebService, question: str, conversation: str) -> WebExchange | None:
    """Answer a page question and add it to the conversation (a failure is kept too)."""
    question = " ".join(question.split())
    if not question:
        return None
    try:
        answer = service.ask(question, conversation=conversation)
    except YouthbotError:
        return service.conversations.add(
            conversation, question[:MAX_QUESTION_CHARS], None, "failed"
        )
    service.note_llm(answer)
    return service.conversations.add(conversation, question, answer, "answered")


async def _ask_events(
    service: WebService, question: str, conversation: str, t: WebStrings
) -> AsyncIterator[str]:
    """Tokens while an LLM writes, then the exchange as HTML (or the error as one line)."""

    def call(on_token: Any, cancel: Any) -> WebExchange:
        answer = service.ask(question, conversation=conversation, on_token=on_token, cancel=cancel)
        service.note_llm(answer)
        return service.conversations.add(
            conversation, " ".join(question.split()), answer, "answered"
        )

    async for item in stream_call(call):
        if isinstance(item, Token):
            yield sse("token", {"delta": item.delta})
        elif isinstance(item, Done):
            exchange = item.result
            yield sse(
                "exchange",
                {"seq": exchange.seq, "html": str(render_exchange(service, exchange, t))},
            )
        elif isinstance(item, Failed):
            yield sse("error", {"message": describe_error(item.error, t)})


def page_error(request: Request, status: int, message: str) -> Response:
    """A small page that says what went wrong, with the navigation still there."""
    t = page_strings(request)
    try:
        context = _context(request, t, "error", message=message, status=status)
    except Exception:  # noqa: BLE001 - the status itself failed: show the error alone
        context = {
            "request": request,
            "t": t,
            "active": "error",
            "message": message,
            "status": status,
            "status_line": "",
            "lang_href": "?lang=" + t.other_lang,
            "js_strings": {},
        }
    return templates.TemplateResponse(request, "error.html", context, status_code=status)


__all__ = ["build_router", "page_error"]
