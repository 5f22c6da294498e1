"""HTTP caching: ETags and 304s on pages and the API, long-lived versioned static files."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.caching import IMMUTABLE, PAGE_CACHE, UNVERSIONED
from app.routes.docs import ASSETS_DIR, ASSETS_URL
from app.templating import STATIC_DIR, static_url

HX = {"HX-Request": "true", "HX-Target": "results"}


def test_a_page_revalidates_to_304_with_its_etag(client: TestClient) -> None:
    r = client.get("/?region=temple-right")
    assert r.status_code == 200 and r.headers["cache-control"] == PAGE_CACHE
    etag = r.headers["etag"]
    assert etag.startswith('W/"')
    again = client.get("/?region=temple-right", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    # Security headers stay on the 304 too.
    assert "frame-ancestors" in again.headers["content-security-policy"]


def test_fragment_and_page_differ_and_vary_on_htmx_headers(client: TestClient) -> None:
    page = client.get("/?region=temple-right")
    fragment = client.get("/?region=temple-right", headers=HX)
    assert page.headers["etag"] != fragment.headers["etag"]
    for r in (page, fragment):
        vary = {v.strip().lower() for v in r.headers["vary"].split(",")}
        assert {"hx-request", "hx-target", "hx-history-restore-request"} <= vary
    # A cached fragment can't be offered for the page: its ETag does not match the page.
    r = client.get("/?region=temple-right", headers={"If-None-Match": fragment.headers["etag"]})
    assert r.status_code == 200 and "<html" in r.text


def test_api_answers_carry_etags_that_follow_the_content(client: TestClient) -> None:
    a = client.get("/api/candidates?region=temple-right")
    b = client.get("/api/candidates?region=temple-left")
    assert a.headers["etag"] != b.headers["etag"]
    assert client.get("/api/candidates?region=temple-right").headers["etag"] == a.headers["etag"]
    r = client.get(
        "/api/candidates?region=temple-right",
        headers={"If-None-Match": f'"x", {a.headers["etag"]}'},
    )
    assert r.status_code == 304


def test_errors_and_health_are_never_stored(client: TestClient) -> None:
    for url in ("/api/candidates?region=nowhere", "/?region=nowhere", "/healthz"):
        r = client.get(url)
        assert r.headers["cache-control"] == "no-store", url
        assert "etag" not in r.headers, url


def test_versioned_static_files_are_kept_for_a_year(client: TestClient) -> None:
    url = static_url("css/bodymap.css")
    r = client.get(url)
    assert r.status_code == 200 and r.headers["cache-control"] == IMMUTABLE
    # An old or missing version (embed.js sits unversioned in clinics' pages) is re-checked.
    stale = client.get("/static/css/bodymap.css?v=0000000000")
    assert stale.headers["cache-control"] == UNVERSIONED
    assert client.get("/static/embed.js").headers["cache-control"] == UNVERSIONED
    again = client.get(url, headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304 and again.headers["cache-control"] == IMMUTABLE


@pytest.mark.parametrize(
    ("path", "comment", "kept"),
    [
        ("css/bodymap.css", "/*", ".region.picked path"),
        ("js/bodymap.js", "// ", "htmx:beforeSwap"),
        ("embed.js", "//", "bodymap:height"),
    ],
)
def test_our_css_and_js_go_out_minified_and_revalidate(
    client: TestClient, path: str, comment: str, kept: str
) -> None:
    source = (STATIC_DIR / path).read_text()
    r = client.get(static_url(path), headers={"Accept-Encoding": "identity"})
    assert r.status_code == 200 and r.headers["cache-control"] == IMMUTABLE
    assert comment in source and comment not in r.text  # comments left out
    assert kept in r.text and len(r.content) < 0.9 * len(source.encode())
    again = client.get(static_url(path), headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304


def test_vendored_files_go_out_as_they_are(client: TestClient) -> None:
    path = "vendor/htmx-2.0.11.min.js"
    r = client.get(static_url(path), headers={"Accept-Encoding": "identity"})
    assert r.content == (STATIC_DIR / path).read_bytes()
    # Swagger UI's bundle (another mount) is not ours to minify: rjsmin cut it short.
    bundle = "swagger-ui-bundle.js"
    r = client.get(f"{ASSETS_URL}/{bundle}", headers={"Accept-Encoding": "identity"})
    assert r.status_code == 200 and r.content == (ASSETS_DIR / bundle).read_bytes()
