"""Hostile input: markup in every parameter, oversize requests, floods. Always a clear 4xx
(or an escaped page), never a 500, and nothing stored changes."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from httpx2 import Response

from app.limits import MAX_HEADER_BYTES, MAX_QUERY_BYTES, MAX_QUERY_PARAMS
from bodymap.regions import RegionScheme

MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'"
RAW = ("<script>alert(1)", "<img src=x")

EXPLORER_PARAMS = ["region", "view", "muscle", "side", "yes", "mode", "compare", "compare_side"]


def _no_raw_markup(r: Response) -> None:
    """HTML never carries the markup unescaped. JSON may quote it as data: it is served as
    application/json with nosniff, so no browser runs it."""
    if r.headers["content-type"].startswith("application/json"):
        assert r.headers["x-content-type-options"] == "nosniff"
        return
    for bad in RAW:
        assert bad not in r.text


@pytest.mark.parametrize("param", [*EXPLORER_PARAMS, "q"])
@pytest.mark.parametrize("page", ["/", "/print", "/embed/riverside"])
def test_markup_in_any_explorer_parameter_is_refused_or_escaped(
    client: TestClient, page: str, param: str
) -> None:
    r = client.get(page, params={"muscle": "upper-trapezius"} | {param: MARKUP})
    assert r.status_code in (200, 422), r.text[:200]
    _no_raw_markup(r)
    if r.status_code == 422:
        message = BeautifulSoup(r.text, "html.parser").select_one(".error-message")
        assert message is not None and message.text.lower().startswith(param + ":"), (
            "the message names the parameter"
        )


@pytest.mark.parametrize(
    "url",
    [
        "/api/candidates?region=" + MARKUP,
        "/api/red-flags?region=" + MARKUP,
        "/api/muscles/" + MARKUP,
        "/api/regions?q=" + MARKUP,
        "/api/muscles?q=" + MARKUP,
        "/embed/" + MARKUP,
        "/embed/" + MARKUP + "/theme.css",
        "/demo/clinic?clinic=" + MARKUP,
        "/muscles?q=" + MARKUP,
    ],
)
def test_markup_in_paths_and_api_parameters(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (200, 404, 422), (url, r.status_code)
    _no_raw_markup(r)


def test_an_overlong_address_is_a_414_that_says_so(client: TestClient) -> None:
    long = "x" * (MAX_QUERY_BYTES + 1)
    api = client.get("/api/regions", params={"q": long})
    assert api.status_code == 414
    assert "too long" in api.json()["detail"] and str(MAX_QUERY_BYTES) in api.json()["detail"]
    page = client.get("/", params={"q": long})
    assert page.status_code == 414 and "text/html" in page.headers["content-type"]
    assert "too long" in page.text and long not in page.text
    assert page.headers["cache-control"] == "no-store"
    assert "content-security-policy" in page.headers


def test_a_parameter_flood_is_a_400(client: TestClient) -> None:
    flood = "&".join(f"a{i}=1" for i in range(MAX_QUERY_PARAMS + 1))
    r = client.get("/api/candidates?" + flood)
    assert r.status_code == 400 and "too many parameters" in r.json()["detail"]
    r = client.get("/?" + flood)
    assert r.status_code == 400 and "too many parameters" in r.text.lower()


def test_the_largest_honest_selection_still_works(client: TestClient, scheme: RegionScheme) -> None:
    """Every region picked, every checklist answer: inside the limits, a normal page."""
    regions = [("region", r.id) for r in scheme.regions]
    r = client.get("/", params=regions)
    assert r.status_code == 200
    assert client.get("/api/candidates", params=regions).status_code == 200


def test_huge_headers_are_a_431(client: TestClient) -> None:
    r = client.get("/api/regions", headers={"X-Padding": "y" * (MAX_HEADER_BYTES + 1)})
    assert r.status_code == 431 and "headers are too large" in r.json()["detail"]


def test_writes_are_not_allowed_and_nothing_stored_changes(client: TestClient) -> None:
    before = client.get("/api/export").json()
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        r = client.request(method, "/api/muscles/upper-trapezius", content=b"x" * 100_000)
        assert r.status_code == 405, method
    client.get("/api/candidates?region=" + MARKUP)
    client.get("/?" + "&".join(f"a{i}=1" for i in range(MAX_QUERY_PARAMS + 1)))
    assert client.get("/api/export").json() == before
