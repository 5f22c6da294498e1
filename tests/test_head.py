"""HEAD answers like GET without the body, on every GET route (uptime monitors use HEAD)."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bodymap.knowledge import Knowledge

# Path parameters and queries that make each route answer its usual 200.
EXAMPLES = {
    "/api/muscles/{slug}": "/api/muscles/{muscle}",
    "/api/candidates": "/api/candidates?region=temple-right&region=neck-back-right",
    "/embed/{slug}": "/embed/riverside",
    "/embed/{slug}/theme.css": "/embed/riverside/theme.css",
    "/thumbnails/{slug}-{side}.svg": "/thumbnails/{muscle}-right.svg",
    "/": "/?region=temple-right&muscle={muscle}",
}


def get_routes(app: FastAPI) -> set[str]:
    """Every GET route's path: those in the OpenAPI schema and the pages left out of it."""
    paths = {p for p, ops in app.openapi()["paths"].items() if "get" in ops}
    for route in app.routes:
        router = getattr(route, "original_router", None)  # an included router
        for r in router.routes if router else [route]:
            if "GET" in (getattr(r, "methods", None) or ()):
                paths.add(r.path)
    return paths


def test_every_get_route_is_found(client: TestClient) -> None:
    paths = get_routes(client.app)  # type: ignore[arg-type]
    # The pages and the API both: a change in how routes are listed must not empty the test.
    assert {"/", "/muscles", "/print", "/docs", "/favicon.ico", "/healthz"} <= paths
    assert {"/api/regions", "/api/candidates", "/api/muscles/{slug}", "/embed/{slug}"} <= paths


def _url(path: str, knowledge: Knowledge) -> str:
    muscle = next(iter(knowledge.muscles))
    return EXAMPLES.get(path, path).replace("{muscle}", muscle)


@pytest.mark.parametrize("accept_encoding", ["identity", "gzip"], ids=["plain", "gzip"])
def test_head_matches_get_on_every_route(
    client: TestClient, knowledge: Knowledge, accept_encoding: str
) -> None:
    headers = {"Accept-Encoding": accept_encoding}
    for path in sorted(get_routes(client.app)):  # type: ignore[arg-type]
        url = _url(path, knowledge)
        got = client.get(url, headers=headers)
        head = client.head(url, headers=headers)
        assert got.status_code == 200, url
        assert head.status_code == 200, url
        assert head.content == b"", url
        for name in ("content-type", "content-length", "etag", "cache-control", "vary"):
            assert head.headers.get(name) == got.headers.get(name), (url, name)
        assert "content-security-policy" in head.headers, url


def test_head_revalidates_to_304_like_get(client: TestClient) -> None:
    etag = client.get("/api/regions").headers["etag"]
    head = client.head("/api/regions", headers={"If-None-Match": etag})
    assert head.status_code == 304 and head.content == b""


def test_head_on_errors_and_static_files(client: TestClient) -> None:
    assert client.head("/api/muscles/no-such-muscle").status_code == 404
    assert client.head("/api/candidates?region=nowhere").status_code == 422
    r = client.head("/static/css/bodymap.css")
    assert r.status_code == 200 and r.content == b"" and int(r.headers["content-length"]) > 1000


def test_other_methods_are_still_refused(client: TestClient) -> None:
    assert client.post("/api/regions").status_code == 405
    assert client.delete("/").status_code == 405
