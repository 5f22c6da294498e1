"""HEAD on every GET route: uptime monitors and link checkers ask with HEAD.

FastAPI routes answer only the methods they declare, so ``HEAD /`` was a 405. This
middleware serves a HEAD request as the GET it stands for and sends the same status and
headers (Content-Length, ETag, Cache-Control included) with no body, as RFC 9110 9.3.2
asks. One place for every route, present and future, instead of a decorator on each.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGetMiddleware:
    """Answer ``HEAD`` like ``GET``, without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        # In place, not a copy: the router writes the matched route into this same scope,
        # and the metrics read it from there afterwards.
        scope["method"] = "GET"

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # swallow the chunks; the last (empty) message ends the answer
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app(scope, receive, without_body)
