"""Opt-in operator signals: a JSON-lines access log and Prometheus metrics at ``/metrics``.

Both are off by default (``ACCESS_LOG=true``, ``METRICS=true``). Neither records anything
about visitors. A request is described only by its method, its *route template*
(``/api/muscles/{slug}``, never the raw path), its status, its duration and its size:

- no client address, user agent or referrer: they identify a person or their device;
- no query string or raw path: the explorer's query string *is* the places that hurt
  (``?region=chest-left``), i.e. health information, and ``/api/muscles/{slug}`` would
  tell which muscle somebody read about; the template says which feature was used.

Metrics are safe with several worker processes: with ``PROMETHEUS_MULTIPROC_DIR`` set
(``bodymap serve --workers N`` sets it), every worker writes its samples there and
``/metrics`` adds them up, whichever worker answers.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    generate_latest,
    multiprocess,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.head import SERVED_AS_GET

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
UNMATCHED = "<unmatched>"  # no route: a 404, or refused by the size limits first

# The *_created series only repeat each worker's start time, once per label set.
disable_created_metrics()  # type: ignore[no-untyped-call]
# Metrics live in a registry of their own (not prometheus_client's global one), so
# several apps in one process (the tests) share them without "duplicated timeseries".
_REGISTRY = CollectorRegistry(auto_describe=True)
REQUESTS = Counter(
    "bodymap_http_requests",
    "HTTP requests answered, by method, route template and status.",
    ["method", "route", "status"],
    registry=_REGISTRY,
)
LATENCY = Histogram(
    "bodymap_http_request_duration_seconds",
    "Time from receiving a request to sending the last byte, by method and route template.",
    ["method", "route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0),
    registry=_REGISTRY,
)
KNOWLEDGE = Gauge(
    "bodymap_knowledge_info",
    "1 for the seed digest (first 12 hex digits) of the knowledge base a worker serves.",
    ["digest"],
    multiprocess_mode="liveall",  # one series per live worker: shows they all converged
    registry=_REGISTRY,
)
RELOADS = Counter(
    "bodymap_knowledge_reloads",
    "Times a worker swapped in a newer knowledge base without a restart.",
    registry=_REGISTRY,
)
RESPONSE_CACHE = Counter(
    "bodymap_response_cache_lookups",
    "Explorer and widget requests answered from the response cache (hit) or rendered (miss).",
    ["result"],
    registry=_REGISTRY,
)

access_log = logging.getLogger("bodymap.access")

router = APIRouter(include_in_schema=False)


def multiprocess_dir() -> str | None:
    """The directory worker processes share their samples through, if one is set."""
    return os.environ.get(MULTIPROC_ENV) or os.environ.get(MULTIPROC_ENV.lower())


@router.get("/metrics")
def metrics() -> Response:
    """Every metric, in Prometheus' text format (summed over all workers when shared)."""
    if multiprocess_dir():
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry = _REGISTRY
    return Response(
        generate_latest(registry),
        media_type=CONTENT_TYPE_LATEST,
        headers={"Cache-Control": "no-store"},
    )


def knowledge_changed(old: str | None, new: str) -> None:
    """Record which knowledge base this worker now serves."""
    if old is not None and old[:12] != new[:12]:
        KNOWLEDGE.labels(digest=old[:12]).set(0)
        RELOADS.inc()
    KNOWLEDGE.labels(digest=new[:12]).set(1)


def response_cache_used(*, hit: bool) -> None:
    """Count one lookup in the response cache (app.response_cache)."""
    RESPONSE_CACHE.labels(result="hit" if hit else "miss").inc()


def worker_stopped() -> None:
    """Tell the shared directory this worker is gone, so its gauges stop being reported."""
    if multiprocess_dir():
        multiprocess.mark_process_dead(os.getpid())  # type: ignore[no-untyped-call]


def _route_template(scope: Scope, root_path: str) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str) and path:
        return path
    # A mount (static files) records no route, only the prefix it matched in root_path.
    mounted = str(scope.get("root_path", ""))[len(root_path) :]
    return mounted if "endpoint" in scope and mounted else UNMATCHED


def _start_access_log() -> None:
    # One JSON object per line on standard output, whatever the root logger does.
    if not access_log.handlers:
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(logging.Formatter("%(message)s"))
        access_log.addHandler(handler)
    access_log.setLevel(logging.INFO)
    access_log.propagate = False


class ObservabilityMiddleware:
    """Time every HTTP request and record it as metrics and/or an access-log line.

    Outside the size limits, so it sees the requests they refuse too; inside the HEAD
    middleware, so it reads the route the router records in the same scope (a HEAD
    request counts as HEAD).
    """

    def __init__(self, app: ASGIApp, *, metrics: bool, access_log: bool) -> None:
        self.app = app
        self.metrics = metrics
        self.access_log = access_log
        if access_log:
            _start_access_log()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = "HEAD" if scope.get(SERVED_AS_GET) else scope["method"]
        root_path = scope.get("root_path", "")
        started = time.perf_counter()
        status = 500
        size = 0

        async def observe(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and method != "HEAD":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, observe)
        finally:
            route = _route_template(scope, root_path)
            self._record(route, method, status, size, time.perf_counter() - started)

    def _record(self, route: str, method: str, status: int, size: int, seconds: float) -> None:
        if self.metrics:
            REQUESTS.labels(method=method, route=route, status=str(status)).inc()
            LATENCY.labels(method=method, route=route).observe(seconds)
        if self.access_log:
            line: dict[str, Any] = {
                "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
                "method": method,
                "route": route,
                "status": status,
                "duration_ms": round(seconds * 1000, 2),
                "bytes": size,
            }
            access_log.info(json.dumps(line, separators=(",", ":")))
