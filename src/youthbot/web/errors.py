"""Errors as HTTP answers: typed errors and bad input become one line of JSON, no traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from youthbot import errors

logger = logging.getLogger(__name__)

_STATUS: tuple[tuple[type[errors.YouthbotError], int], ...] = (
    (errors.InputError, 400),
    (errors.DocumentNotFoundError, 404),
    (errors.IndexMissingError, 503),
    (errors.IndexMismatchError, 503),
    (errors.IndexCorruptError, 503),
    (errors.IndexLockedError, 409),
    (errors.IndexNotWritableError, 503),
    (errors.ModelError, 503),
    (errors.LLMError, 502),
    (errors.IngestError, 400),
)


def error_status(error: BaseException) -> tuple[int, str]:
    """The HTTP status and the one line to answer ``error`` with."""
    if isinstance(error, errors.YouthbotError):
        for kind, status in _STATUS:
            if isinstance(error, kind):
                return status, _one_line(str(error))
        return 500, _one_line(str(error))
    return 500, f"internal error ({type(error).__name__}); the server log has the details"


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "error"


def _validation_line(exc: RequestValidationError) -> str:
    """The first problem FastAPI found in a request, as one line."""
    problems = exc.errors()
    if not problems:
        return "the request is not valid"
    first = problems[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path"))
    message = str(first.get("msg", "is not valid"))
    if first.get("type") == "missing":
        message = "is required"
    elif first.get("type") == "string_pattern_mismatch" and where in ("from", "to"):
        message = f"{first.get('input')!r}: use YYYY, YYYY-MM or YYYY-MM-DD"
    return _one_line(f"{where or 'request'}: {message}")


def wants_html(request: Request) -> bool:
    """True for the page's own addresses (not ``/api``) asked for by a browser."""
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get(
        "accept", ""
    )


def install_error_handlers(app: FastAPI, page_error: callable) -> None:  # type: ignore[valid-type]
    """Answer every error with one line: JSON for the API, a small page for the browser.

    Args:
        app: The application.
        page_error: ``page_error(request, status, message) -> Response`` for the page.
    """

    def respond(request: Request, status: int, message: str) -> Response:
        if wants_html(request):
            response = page_error(request, status, message)
            if isinstance(response, (HTMLResponse, Response)):
                return response
        return JSONResponse({"error": message}, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, 400, _validation_line(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such address: {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return respond(request, exc.status_code, _one_line(message))

    @app.exception_handler(errors.YouthbotError)
    async def _youthbot(request: Request, exc: errors.YouthbotError) -> Response:
        status, message = error_status(exc)
        return respond(request, status, message)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        logger.exception("unexpected error answering %s %s", request.method, request.url.path)
        status, message = error_status(exc)
        return respond(request, status, message)
