"""Which language each request is answered in, and the headers that say so.

Order (issue 15): ``?lang=`` in the URL (part of the shared state), then, in the clinic
widget, the clinic profile's ``language``, then the browser's ``Accept-Language``, then
English. The choice is set in ``bodymap.i18n``'s context variable for the request only:
nothing global is switched, so concurrent requests in two languages never mix
(pallets/jinja#1323). An unsupported ``?lang=`` is a 400 naming the supported ones.

A pure ASGI middleware rather than a dependency: error pages, 404s and every route
need the language too, and the response headers are set in one place.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bodymap import i18n

# The clinic widget's pages: /embed/<slug>, not /embed/about or a clinic's theme.css.
_WIDGET = re.compile(r"/embed/(?!about$)([a-z0-9][a-z0-9-]{0,39})$")
# Answers whose bytes never depend on the language (files, and the API docs, which are
# for developers and in English): no Content-Language, and no Vary to split caches.
_LANGUAGE_FREE = ("/static/", "/docs", "/openapi.json")


# The language named by ``?lang=`` in this request's URL, which every link keeps; None
# when the URL names none (then links stay as they were, issue 15).
_url_lang: ContextVar[str | None] = ContextVar("bodymap_url_lang", default=None)


def url_lang() -> str | None:
    """The language this request's URL names with ``?lang=``, or None."""
    return _url_lang.get()


def keep_lang(url: str) -> str:
    """``url`` with this request's ``?lang=`` added, when the request's URL has one."""
    lang = _url_lang.get()
    if lang is None or "lang=" in url:
        return url
    path, hash_, fragment = url.partition("#")
    joined = f"{path}{'&' if '?' in path else '?'}lang={lang}"
    return f"{joined}{hash_}{fragment}"


def language_links(request: Request, *, keep_query: bool = True) -> list[dict[str, Any]]:
    """The language switch: this same page in each language, the current one marked.

    ``keep_query=False`` (error pages) drops the rest of the query: it is what failed.
    """
    items = request.query_params.multi_items() if keep_query else []
    params = [(k, v) for k, v in items if k != "lang"]
    links = []
    for code in i18n.LOCALES:
        query = urlencode([*params, ("lang", code)])
        links.append(
            {
                "code": code,
                "name": i18n.LANGUAGE_NAMES[code],
                "url": f"{request.url.path}?{query}",
                "current": code == i18n.current(),
            }
        )
    return links


def lang_param(query_string: bytes) -> str | None:
    """The ``lang`` query parameter (the last one, as for any parameter), or None."""
    query = query_string.decode("latin-1")
    values = [v for k, v in parse_qsl(query, keep_blank_values=True) if k == "lang"]
    return values[-1] if values else None


def _clinic_language(scope: Scope) -> str | None:
    """The language of the clinic whose widget (or demo page) is asked for, if any."""
    path = scope.get("path", "")
    found = _WIDGET.match(path)
    if found:
        slug = found.group(1)
    elif path == "/demo/clinic":
        query = scope.get("query_string", b"").decode("latin-1")
        slug = next((v for k, v in parse_qsl(query) if k == "clinic"), "riverside")
    else:
        return None
    app = scope.get("app")
    clinics = getattr(getattr(app, "state", None), "clinics", None) or {}
    clinic = clinics.get(slug)
    return getattr(clinic, "language", None)


def choose_locale(scope: Scope) -> str:
    """The language this request is answered in (see the module docstring); the
    ``?lang=`` value must have been checked already."""
    asked = lang_param(scope.get("query_string", b""))
    if asked:
        return asked
    clinic = _clinic_language(scope)
    if clinic in i18n.LOCALES:
        return clinic
    headers = dict(scope.get("headers") or [])
    accept = headers.get(b"accept-language", b"").decode("latin-1")
    return i18n.negotiate(accept) or i18n.DEFAULT_LOCALE


class LocaleMiddleware:
    """Set the request's language, refuse an unsupported ``?lang=``, and add
    ``Content-Language`` and ``Vary: Accept-Language`` to the answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        asked = lang_param(scope.get("query_string", b""))
        if asked is not None and asked not in i18n.LOCALES:
            await self._refuse(scope, receive, send, asked)
            return
        lang = choose_locale(scope)
        path = scope.get("path", "")
        if path.startswith(_LANGUAGE_FREE):
            with i18n.use_locale(lang):
                await self.app(scope, receive, send)
            return

        async def send_with_language(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Language"] = lang
                headers.add_vary_header("Accept-Language")
            await send(message)

        token = _url_lang.set(asked)
        try:
            with i18n.use_locale(lang):
                await self.app(scope, receive, send_with_language)
        finally:
            _url_lang.reset(token)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, asked: str) -> None:
        """A 400 that names the supported languages: JSON for the API, a page for people
        (in the language the browser asks for)."""
        from app.errors import problem  # app.errors imports the templates: import late

        supported = ", ".join(i18n.LOCALES)
        fallback = choose_locale({**scope, "query_string": b""})
        with i18n.use_locale(fallback):
            message = i18n.gettext(
                "unsupported language '%(lang)s' in lang=; use one of %(supported)s"
            ) % {"lang": asked[:20], "supported": supported}
            response = problem(Request(scope, receive), 400, message)
            response.headers["Cache-Control"] = "no-store"
            response.headers["Content-Language"] = fallback
            response.headers["Vary"] = "Accept-Language"
            await response(scope, receive, send)
