"""HEAD on every GET route: uptime monitors and link checkers ask with HEAD.

FastAPI routes answer only the methods they declare, so ``HEAD /`` was a 405. This
middleware serves a HEAD request as the GET it stands for and sends the same status and
headers (Content-Length, ETag, Cache-Control included) with no body, as RFC 9110 9.3.2
asks. One place for every route, present and future, instead of a decorator on each.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Set in the scope of a HEAD served as GET, for the metrics and the access log.
SERVED_AS_GET = "bodymap.head"


class HeadAsGetMiddleware:
    """Answer ``HEAD`` like ``GET``, without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        # A copy: the server reads the method from its own scope to know that no body
        # follows the Content-Length.
        as_get = {**scope, "method": "GET", SERVED_AS_GET: True}

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # swallow the chunks; the last (empty) message ends the answer
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app(as_get, receive, without_body)
