"""Refuse oversize requests before any work: long addresses, parameter floods, huge headers.

The largest real request is a selection of every region (about 6 KB of query string), so
the limits leave room for every honest link and none for a flood. The answer says which
limit was hit, as JSON for the API and as a short page for people.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from app import errors
from bodymap.models import Problem

MAX_QUERY_BYTES = 8192
MAX_QUERY_PARAMS = 300
MAX_HEADER_BYTES = 16384

# For the OpenAPI schema of every route (the guard answers before any route runs).
RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": f"more than {MAX_QUERY_PARAMS} parameters"},
    414: {"model": Problem, "description": f"a query string over {MAX_QUERY_BYTES} bytes"},
    431: {"model": Problem, "description": f"request headers over {MAX_HEADER_BYTES} bytes"},
}


def _problem(scope: Scope) -> tuple[int, str] | None:
    """The status and message for a request over a limit, or None."""
    query: bytes = scope.get("query_string", b"")
    if len(query) > MAX_QUERY_BYTES:
        return 414, (
            f"the address is too long ({len(query)} bytes of parameters); "
            f"at most {MAX_QUERY_BYTES} are accepted"
        )
    params = query.count(b"&") + 1 if query else 0
    if params > MAX_QUERY_PARAMS:
        return 400, (
            f"too many parameters in the address ({params}); at most {MAX_QUERY_PARAMS} "
            "are accepted"
        )
    header_bytes = sum(len(k) + len(v) for k, v in scope.get("headers", []))
    if header_bytes > MAX_HEADER_BYTES:
        return 431, (
            f"the request headers are too large ({header_bytes} bytes); "
            f"at most {MAX_HEADER_BYTES} are accepted"
        )
    return None


class RequestLimitsMiddleware:
    """Answer a request over a limit with a clear 4xx, before routing or parsing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        problem = _problem(scope) if scope["type"] == "http" else None
        if problem is None:
            await self.app(scope, receive, send)
            return
        status, message = problem
        response = errors.problem(Request(scope), status, message)
        response.headers["Cache-Control"] = "no-store"
        response.headers["Connection"] = "close"
        await response(scope, receive, send)
