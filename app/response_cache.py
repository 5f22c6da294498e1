"""A micro-cache of finished answers: the same explorer state asked again is not rendered again.

Every answer of the explorer (``/``) and of the clinic widget (``/embed/<clinic>``) is a
pure function of the path, the query string, the request's language, the htmx headers,
whether the client takes gzip, and the knowledge snapshot and clinic profiles loaded
(no date, no host name, no nonce in them). Many people tap the same common places, so
this middleware keeps finished ``200`` answers, headers and body after gzip, in a
least-recently-used store bounded by bytes, like nginx's micro-cache, and answers the
same request again from there: no routing, no query parsing, no ranking, no Jinja, no
gzip, no ETag hash.

It sits inside ``LocaleMiddleware`` (the language is resolved, and its headers are added
to a cached answer too) and inside the size limits, outside GZip (a hit skips the
compression). The store is tied to the objects in ``app.state.knowledge`` and
``app.state.clinics``: when either is replaced (``app.reload.install``), it is emptied
before the next lookup, so a reload never serves an old answer. One event loop per
worker and no ``await`` between a lookup and its use, so no locks.
"""

from __future__ import annotations

import re
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import observability
from app.caching import etag_matches
from bodymap import i18n

# Only these routes are cached: their answers are pure functions of the key below. Not
# /print (today's date and the request's host in its QR code), not /healthz or /metrics
# (fresh by design), not /demo/clinic (the host), not the API (cheap JSON already).
_CACHEABLE = re.compile(r"/(?:embed/(?!about$)[a-z0-9][a-z0-9-]{0,39})?$")
# The request headers an answer depends on besides the language (see app.deps.get_hx_target).
_HTMX_HEADERS = (b"hx-request", b"hx-target", b"hx-history-restore-request")
# Headers a 304 leaves out (ConditionalGetMiddleware drops the first two; a 304 has no
# body, so GZip never adds the third).
_NOT_IN_304 = frozenset({b"content-length", b"content-type", b"content-encoding"})
# Bytes an entry costs beyond its key, headers and body (the objects holding them).
_OVERHEAD = 400

Key = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """A finished answer: its status line's headers and body, exactly as GZip sent them."""

    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: str | None
    route: Any  # the route that rendered it, for the metrics' route template
    size: int


class ResponseCache:
    """Finished answers by request key, least recently used first out, at most ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        # An answer larger than this is sent but not kept: one page must not flush the rest.
        self.max_entry_bytes = max_bytes // 8
        self._entries: OrderedDict[Key, Entry] = OrderedDict()
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        # What the entries were rendered from: a weak reference, so an old knowledge base
        # is freed at once; the clinics' dict is small and held as is.
        self._knowledge: weakref.ref[Any] | None = None
        self._clinics: Any = None

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        """Forget every answer."""
        self._entries.clear()
        self.bytes = 0

    def _filled_from(self, knowledge: Any, clinics: Any) -> bool:
        """Whether the entries were rendered from this knowledge base and clinic set."""
        held = self._knowledge() if self._knowledge is not None else None
        return held is knowledge and self._clinics is clinics

    def _serves(self, knowledge: Any, clinics: Any) -> None:
        """Empty the store if it was filled from another knowledge base or clinic set."""
        if not self._filled_from(knowledge, clinics):
            self.clear()
            self._knowledge = weakref.ref(knowledge)
            self._clinics = clinics

    def get(self, key: Key, knowledge: Any, clinics: Any) -> Entry | None:
        """The answer kept for ``key`` under this knowledge and these clinics, or None."""
        self._serves(knowledge, clinics)
        entry = self._entries.get(key)
        if entry is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry

    def put(self, key: Key, entry: Entry, knowledge: Any, clinics: Any) -> None:
        """Keep ``entry``, if it was rendered from what is loaded now and fits."""
        if not self._filled_from(knowledge, clinics):
            return  # a reload landed while it was rendered: it may be of the old knowledge
        if entry.size > self.max_entry_bytes:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self.bytes -= old.size
        self._entries[key] = entry
        self.bytes += entry.size
        while self.bytes > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self.bytes -= evicted.size


def request_key(scope: Scope) -> Key:
    """What an answer of a cacheable route depends on, besides the knowledge and clinics."""
    wanted: dict[bytes, list[bytes]] = {name: [] for name in _HTMX_HEADERS}
    encoding: bytes | None = None
    for name, value in scope.get("headers") or ():
        if name in wanted:
            wanted[name].append(value)
        elif name == b"accept-encoding" and encoding is None:
            encoding = value  # GZipMiddleware reads the first one only
    gzip = encoding is not None and b"gzip" in encoding
    return (
        scope.get("root_path", ""),
        scope["path"],
        scope.get("query_string", b""),
        i18n.current(),
        *(tuple(wanted[name]) for name in _HTMX_HEADERS),
        gzip,
    )


def _not_modified_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The headers ConditionalGetMiddleware sends with a 304 for the same answer.

    GZip added ``Accept-Encoding`` to the 200's Vary after the ETag was set; it adds
    nothing to a 304 (no body), so it is taken out again here.
    """
    out = []
    for name, value in headers:
        if name in _NOT_IN_304:
            continue
        if name == b"vary":
            if value == b"Accept-Encoding":
                continue
            value = value.removesuffix(b", Accept-Encoding")
        out.append((name, value))
    return out


class ResponseCacheMiddleware:
    """Answer a cacheable GET from ``cache`` when the same request was answered before."""

    def __init__(self, app: ASGIApp, *, cache: ResponseCache, metrics: bool = False) -> None:
        self.app = app
        self.cache = cache
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        state = getattr(scope.get("app"), "state", None)
        knowledge = getattr(state, "knowledge", None)
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or self.cache.max_bytes <= 0
            or knowledge is None
            or not _CACHEABLE.match(scope["path"])
        ):
            await self.app(scope, receive, send)
            return
        clinics = getattr(state, "clinics", None)
        key = request_key(scope)
        entry = self.cache.get(key, knowledge, clinics)
        if self.metrics:
            observability.response_cache_used(hit=entry is not None)
        if entry is not None:
            await self._replay(scope, entry, send)
            return
        await self._render_and_keep(scope, receive, send, key, knowledge, clinics)

    async def _replay(self, scope: Scope, entry: Entry, send: Send) -> None:
        if entry.route is not None:
            scope["route"] = entry.route  # the metrics and the access log name the route
        if_none_match = Headers(scope=scope).get("if-none-match")
        if entry.etag and if_none_match and etag_matches(if_none_match, entry.etag):
            headers = _not_modified_headers(entry.headers)
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        # Copies: the middlewares outside add their headers to the list they are given.
        await send({"type": "http.response.start", "status": 200, "headers": list(entry.headers)})
        await send({"type": "http.response.body", "body": entry.body})

    async def _render_and_keep(
        self, scope: Scope, receive: Receive, send: Send, key: Key, knowledge: Any, clinics: Any
    ) -> None:
        start: Message = {}
        chunks: list[bytes] = []
        keep = True
        size = 0

        async def capture(message: Message) -> None:
            nonlocal keep, size
            if message["type"] == "http.response.start":
                # Copied before it is sent: the middlewares outside change theirs.
                start.update(message, headers=list(message.get("headers", [])))
                keep = _storable(start)
            elif message["type"] == "http.response.body" and keep:
                body = message.get("body", b"")
                size += len(body)
                keep = size <= self.cache.max_entry_bytes
                chunks.append(body)
                if keep and not message.get("more_body", False):
                    self._keep(scope, key, start, b"".join(chunks), knowledge, clinics)
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(
        self,
        scope: Scope,
        key: Key,
        start: Message,
        body: bytes,
        knowledge: Any,
        clinics: Any,
    ) -> None:
        headers: list[tuple[bytes, bytes]] = start["headers"]
        etag = Headers(raw=headers).get("etag")
        size = (
            len(body)
            + sum(len(k) + len(v) for k, v in headers)
            + len(key[1])
            + len(key[2])
            + _OVERHEAD
        )
        entry = Entry(headers=headers, body=body, etag=etag, route=scope.get("route"), size=size)
        self.cache.put(key, entry, knowledge, clinics)


def _storable(start: Message) -> bool:
    """Only a plain 200 that anyone may keep, with no cookie and no trailers."""
    if start.get("status") != 200 or start.get("trailers", False):
        return False
    headers = Headers(raw=start.get("headers", []))
    cache_control = headers.get("cache-control", "").lower()
    return (
        "set-cookie" not in headers
        and "no-store" not in cache_control
        and "private" not in cache_control
    )
