"""HTTP caching: ETags and Cache-Control on pages and the API, long-lived static files.

Everything a GET answers is a function of the URL (and, for htmx, of its request
headers) and of the knowledge loaded at start-up, so a browser or a shared cache may
keep it for a while and then revalidate it with the ETag. Static files have versioned
URLs (``?v=<hash>``, see ``app.templating``), so a matching version is kept for a year.
"""

from __future__ import annotations

import hashlib
from os import PathLike
from pathlib import Path
from typing import Any

from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers, MutableHeaders, QueryParams
from starlette.responses import Response
from starlette.staticfiles import NotModifiedResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.assets import minifiable, minified
from app.templating import file_digest

# Pages and API answers change only when the app is redeployed with new code or data.
PAGE_CACHE = "public, max-age=300"
# Answers that must be fresh every time (health checks, errors).
NO_STORE = "no-store"
# A static file asked for by its current version never changes.
IMMUTABLE = "public, max-age=31536000, immutable"
# A static file asked for without its version (embed.js in clinics' pages): re-check hourly.
UNVERSIONED = "public, max-age=3600"
# The explorer answers an htmx request with a fragment, and a page load with the page.
HTMX_VARY = "HX-Request, HX-Target, HX-History-Restore-Request"
FRESH_PATHS = ("/healthz", "/metrics")


def etag_for(body: bytes) -> str:
    """A weak validator: the same bytes before any content coding (gzip is applied later)."""
    return 'W/"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def etag_matches(if_none_match: str, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (or ``*``)."""
    tags = [t.strip() for t in if_none_match.split(",")]
    # Weak comparison (RFC 9110 13.1.2): W/ prefixes do not matter.
    bare = etag.removeprefix("W/")
    return "*" in tags or any(t.removeprefix("W/") == bare for t in tags)


class ConditionalGetMiddleware:
    """ETag and Cache-Control for GET answers; ``304 Not Modified`` when the ETag matches.

    A plain ASGI middleware, placed inside GZip so the ETag hashes the uncompressed body.
    Static files are left to StaticFiles, which has validators of its own.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"].startswith("/static/")
        ):
            await self.app(scope, receive, send)
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def buffer(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            await self._finish(scope, start, b"".join(chunks), send)

        await self.app(scope, receive, buffer)

    async def _finish(self, scope: Scope, start: dict[str, Any], body: bytes, send: Send) -> None:
        headers = MutableHeaders(raw=list(start.get("headers", [])))
        status = start["status"]
        if "text/html" in headers.get("content-type", "") and "vary" not in headers:
            headers["Vary"] = HTMX_VARY
        if status != 200 or scope["path"] in FRESH_PATHS:
            headers.setdefault("Cache-Control", NO_STORE)
        else:
            headers.setdefault("Cache-Control", PAGE_CACHE)
            etag = etag_for(body)
            headers["ETag"] = etag
            if_none_match = Headers(scope=scope).get("if-none-match")
            if if_none_match and etag_matches(if_none_match, etag):
                for name in ("content-length", "content-type"):
                    if name in headers:
                        del headers[name]
                await send({"type": "http.response.start", "status": 304, "headers": headers.raw})
                await send({"type": "http.response.body", "body": b""})
                return
        await send({**start, "headers": headers.raw})
        await send({"type": "http.response.body", "body": body})


class CachedStaticFiles(StaticFiles):
    """StaticFiles that lets browsers keep a file for a year when asked for by version."""

    def file_response(
        self,
        full_path: str | PathLike[str],
        stat_result: Any,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        if minifiable(full_path):
            # Our CSS and JS go out minified (app.assets); the ETag is of what is sent.
            body = minified(Path(full_path), stat_result)
            media = "text/css" if str(full_path).endswith(".css") else "text/javascript"
            response = Response(body, status_code=status_code, media_type=media)
            # A strong ETag, as StaticFiles' own: its check compares them without the W/.
            response.headers["ETag"] = etag_for(body).removeprefix("W/")
            if self.is_not_modified(response.headers, Headers(scope=scope)):
                response = NotModifiedResponse(response.headers)
        else:
            response = super().file_response(full_path, stat_result, scope, status_code)
        version = QueryParams(scope.get("query_string", b"")).get("v")
        current = file_digest(Path(full_path))
        response.headers["Cache-Control"] = IMMUTABLE if version == current else UNVERSIONED
        return response
