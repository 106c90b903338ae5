"""Who may use the server: the access token, the Host a browser names, and same-site form posts."""

from __future__ import annotations

import ipaddress
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_COOKIE = "youthbot_token"
#: Names a browser may give a server bound to the loopback address (others: DNS rebinding).
LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback(host: str) -> bool:
    """True when ``host`` is a loopback address or ``localhost`` (no token needed there)."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    """A fresh access token for a server bound beyond localhost."""
    return secrets.token_urlsafe(24)


class AccessGuard:
    """ASGI middleware: without the token nothing but a 401 comes back.

    The token is accepted as ``Authorization: Bearer TOKEN``, as the ``youthbot_token`` cookie,
    or once as ``?token=TOKEN``: a page opened that way gets the cookie and is redirected to
    the same address without the token, so it does not stay in the address bar or history.
    With no token (bound to localhost), requests naming another host are refused, so a web
    page elsewhere cannot reach the server through DNS rebinding. Form posts from another
    site are refused either way.

    Args:
        app: The application.
        token: The access token, or None for a server on the loopback address.
    """

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if self.token is None and _host_name(host) not in LOCAL_NAMES:
            await _refuse(send, 403, "this server answers only on localhost")
            return
        if self.token is not None:
            query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
            if _matches(query.get("token"), self.token) and scope["method"] == "GET":
                await _redirect_with_cookie(send, scope, query, self.token)
                return
            if not self._authorised(headers):
                await _refuse(send, 401, "access token required")
                return
        if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            origin = headers.get("origin")
            if origin and origin != "null" and urlsplit(origin).netloc.lower() != host.lower():
                await _refuse(send, 403, "requests from another site are refused")
                return
        await self.app(scope, receive, send)

    def _authorised(self, headers: dict[str, str]) -> bool:
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer ") and _matches(auth[7:].strip(), self.token):
            return True
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # noqa: BLE001 - a malformed cookie header is no token
            return False
        morsel = cookie.get(TOKEN_COOKIE)
        return morsel is not None and _matches(morsel.value, self.token)


def _host_name(host: str) -> str:
    """The name in a Host header, without its port."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _matches(given: str | None, token: str | None) -> bool:
    return (
        bool(given) and token is not None and secrets.compare_digest(given.encode(), token.encode())
    )


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _redirect_with_cookie(
    send: Send, scope: Scope, query: dict[str, str], token: str
) -> None:
    rest = {k: v for k, v in query.items() if k != "token"}
    location = scope.get("root_path", "") + scope["path"] + (f"?{urlencode(rest)}" if rest else "")
    cookie = f"{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000"
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [
                (b"location", location.encode()),
                (b"set-cookie", cookie.encode()),
                (b"content-length", b"0"),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})
