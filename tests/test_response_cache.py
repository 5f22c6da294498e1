"""The response micro-cache: a hit is the very answer the app renders, and never a stale one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app import reload
from app.main import create_app
from app.response_cache import Entry, ResponseCache
from app.routes import embed, pages
from bodymap.knowledge import Knowledge
from tests.conftest import make_settings

HX = {"HX-Request": "true"}
RESULTS = {**HX, "HX-Target": "results"}
FIGURES = {**HX, "HX-Target": "figures"}
EXPLORER = {**HX, "HX-Target": "explorer"}
GZIP = {"Accept-Encoding": "gzip"}
IDENTITY = {"Accept-Encoding": "identity"}
STATE = "region=temple-right&region=neck-back-right"
MUSCLE = "upper-trapezius"


@pytest.fixture(scope="module")
def cached() -> Iterator[TestClient]:
    """An app of its own (its cache starts empty; the tests here may swap its knowledge)."""
    with TestClient(create_app(make_settings(emergency_number="112"))) as c:
        yield c


@pytest.fixture(scope="module")
def plain() -> Iterator[TestClient]:
    """The same app with the cache turned off: what every answer must be byte for byte."""
    settings = make_settings(emergency_number="112", response_cache_bytes=0)
    with TestClient(create_app(settings)) as c:
        yield c


def cache_of(client: TestClient) -> ResponseCache:
    cache: ResponseCache = client.app.state.response_cache  # type: ignore[attr-defined]
    return cache


@pytest.fixture
def cache(cached: TestClient) -> ResponseCache:
    """The cached app's store, emptied: each test counts from zero."""
    store = cache_of(cached)
    store.clear()
    store.hits = store.misses = 0
    return store


def raw(client: TestClient, url: str, headers: dict[str, str]) -> tuple[int, list[Any], bytes]:
    """Status, every header in order, and the body as sent (still gzipped, if it was)."""
    with client.stream("GET", url, headers=headers) as r:
        body = b"".join(r.iter_raw())
        return r.status_code, r.headers.multi_items(), body


PAGES = [
    (f"/?{STATE}", {}),
    (f"/?{STATE}", RESULTS),
    (f"/?{STATE}", FIGURES),
    (f"/?{STATE}", EXPLORER),
    (f"/?{STATE}&muscle={MUSCLE}", EXPLORER),
    (f"/embed/riverside?{STATE}", {}),
    (f"/embed/riverside?{STATE}", RESULTS),
]
LANGUAGES = [("", {}), ("&lang=es", {}), ("", {"Accept-Language": "es"})]


@pytest.mark.parametrize("encoding", [GZIP, IDENTITY], ids=["gzip", "identity"])
@pytest.mark.parametrize("lang_query,lang_headers", LANGUAGES, ids=["en", "lang=es", "accept-es"])
@pytest.mark.parametrize("url,headers", PAGES, ids=lambda p: str(p))
def test_a_hit_is_byte_for_byte_the_uncached_answer(
    cached: TestClient,
    plain: TestClient,
    cache: ResponseCache,
    url: str,
    headers: dict[str, str],
    lang_query: str,
    lang_headers: dict[str, str],
    encoding: dict[str, str],
) -> None:
    url += lang_query
    headers = {**headers, **lang_headers, **encoding}
    expected = raw(plain, url, headers)
    assert expected[0] == 200
    first = raw(cached, url, headers)
    again = raw(cached, url, headers)
    assert (cache.misses, cache.hits, len(cache)) == (1, 1, 1)
    assert first == expected
    assert again == expected
    if encoding is GZIP:
        assert dict(again[1])["content-encoding"] == "gzip"
    # The widget speaks its clinic's language unless the URL names one (issue 15).
    if lang_query or (lang_headers and not url.startswith("/embed/")):
        assert dict(again[1])["content-language"] == "es"


def test_requests_that_differ_in_what_they_ask_never_share_an_entry(
    cached: TestClient, cache: ResponseCache
) -> None:
    variants: list[tuple[str, dict[str, str]]] = [
        (f"/?{STATE}", {}),
        (f"/?{STATE}", IDENTITY),
        (f"/?{STATE}", HX),
        (f"/?{STATE}", RESULTS),
        (f"/?{STATE}", FIGURES),
        (f"/?{STATE}", {**RESULTS, "HX-History-Restore-Request": "true"}),
        (f"/?{STATE}", {"Accept-Language": "es"}),
        (f"/?{STATE}&lang=es", {}),
        ("/?region=temple-right", {}),
        ("/?region=neck-back-right&region=temple-right", {}),  # another order, another URL
        (f"/embed/riverside?{STATE}", {}),
        (f"/embed/unknown-clinic?{STATE}", {}),
    ]
    first = {}
    for url, headers in variants:
        first[(url, tuple(headers.items()))] = raw(cached, url, headers)
    assert len(cache) == len(variants) and cache.hits == 0
    for url, headers in variants:
        assert raw(cached, url, headers) == first[(url, tuple(headers.items()))]
    assert cache.hits == len(variants) and len(cache) == len(variants)
    # The language is the one resolved: a browser asking for a language the site lacks
    # gets the English answer, and shares its entry.
    raw(cached, f"/?{STATE}", {"Accept-Language": "xx-YY"})
    assert len(cache) == len(variants) and cache.hits == len(variants) + 1


def test_a_hit_does_not_run_the_route(
    cached: TestClient, cache: ResponseCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counting(module: Any) -> Any:
        real = module.explorer_view

        def view(*args: Any, **kwargs: Any) -> Any:
            calls.append(kwargs["page"])
            return real(*args, **kwargs)

        return view

    monkeypatch.setattr(pages, "explorer_view", counting(pages))
    monkeypatch.setattr(embed, "explorer_view", counting(embed))
    for url in (f"/?{STATE}", f"/embed/riverside?{STATE}"):
        for _ in range(3):
            assert cached.get(url, headers=RESULTS).status_code == 200
    assert calls == ["index.html", "embed.html"]
    assert cache.hits == 4


def test_head_and_304_on_a_hit_answer_as_the_app_does(
    cached: TestClient, plain: TestClient, cache: ResponseCache
) -> None:
    url = f"/?{STATE}"
    for client in (cached, cached, plain):  # a miss, then a hit; and the uncached app
        etag = client.get(url, headers=RESULTS).headers["etag"]
        assert etag.startswith('W/"')
    for encoding in (GZIP, IDENTITY):
        cached.get(url, headers={**RESULTS, **encoding})  # in the cache for this encoding
        headers = {**RESULTS, **encoding, "If-None-Match": etag}
        hits = cache.hits
        expected = raw(plain, url, headers)
        assert expected[0] == 304
        assert raw(cached, url, headers) == expected
        assert cache.hits == hits + 1
        head = cached.head(url, headers={**RESULTS, **encoding})
        get = plain.get(url, headers={**RESULTS, **encoding})
        assert head.status_code == 200 and head.content == b""
        assert head.headers["etag"] == etag
        assert head.headers["content-length"] == get.headers["content-length"]
    # A stale validator gets the full answer from the cache.
    r = cached.get(url, headers={**RESULTS, "If-None-Match": 'W/"old"'})
    assert r.status_code == 200 and r.headers["etag"] == etag


@pytest.mark.parametrize(
    "url",
    [
        "/?region=nowhere",  # 422
        f"/?{STATE}&view=sideways",  # 422
        f"/?{STATE}&lang=xx",  # 400
        "/embed/riverside?region=nowhere",  # 422
        "/?" + "&".join(["region=temple-right"] * 400),  # 400, too many parameters
        f"/print?{STATE}",  # a date and the host name
        "/healthz",
        "/embed/about",
        "/embed/riverside/theme.css",
        "/api/candidates?region=temple-right",
        "/muscles",
        "/nowhere",  # 404
    ],
)
def test_errors_and_other_routes_are_never_kept(
    cached: TestClient, cache: ResponseCache, url: str
) -> None:
    first = cached.get(url)
    second = cached.get(url)
    assert first.status_code == second.status_code
    assert len(cache) == 0 and cache.hits == 0


def _renamed(knowledge: Knowledge, name: str) -> Knowledge:
    base = knowledge.base
    muscles = tuple(
        m.model_copy(update={"name": name}) if m.slug == MUSCLE else m for m in base.muscles
    )
    return Knowledge(scheme=knowledge.scheme, base=base.model_copy(update={"muscles": muscles}))


def test_a_knowledge_reload_empties_the_cache(cached: TestClient, cache: ResponseCache) -> None:
    state = cached.app.state  # type: ignore[attr-defined]
    real, clinics, digest = state.knowledge, state.clinics, state.knowledge_digest
    url = f"/?{STATE}&muscle={MUSCLE}"
    before = cached.get(url, headers=EXPLORER).text
    assert "Upper trapezius" in before and "Trapezius renamed" not in before
    assert len(cache) == 1
    try:
        renamed = _renamed(real, "Trapezius renamed")
        reload.install(state, reload.Snapshot(knowledge=renamed, digest="f" * 64), clinics)
        r = cached.get(url, headers=EXPLORER)
        assert "Trapezius renamed" in r.text
        assert (len(cache), cache.hits) == (1, 0)
        assert "Trapezius renamed" in cached.get(url, headers=EXPLORER).text  # now a hit
        assert cache.hits == 1
    finally:
        reload.install(state, reload.Snapshot(knowledge=real, digest=digest), clinics)
    assert cached.get(url, headers=EXPLORER).text == before
    assert (len(cache), cache.hits) == (1, 1)


def test_a_clinic_change_empties_the_cache(cached: TestClient, cache: ResponseCache) -> None:
    state = cached.app.state  # type: ignore[attr-defined]
    clinics = state.clinics
    riverside = clinics["riverside"]
    url = f"/embed/riverside?{STATE}"
    assert riverside.name in cached.get(url).text
    try:
        state.clinics = {**clinics, "riverside": riverside.model_copy(update={"name": "Hillside"})}
        r = cached.get(url)
        assert "Hillside" in r.text and riverside.name not in r.text
        assert cache.hits == 0
    finally:
        state.clinics = clinics
    assert riverside.name in cached.get(url).text
    assert cache.hits == 0


def test_the_byte_bound_holds_and_the_oldest_go_first() -> None:
    bound = 120_000
    settings = make_settings(response_cache_bytes=bound)
    with TestClient(create_app(settings)) as client:
        store = cache_of(client)
        regions = [r.id for r in client.app.state.knowledge.scheme.regions][:40]  # type: ignore[attr-defined]
        for region in regions:
            assert client.get(f"/?region={region}", headers=RESULTS).status_code == 200
            assert store.bytes <= bound
        assert 1 < len(store) < len(regions), "the bound is meant to evict some"
        kept = len(store)
        # The newest are kept, the oldest are gone.
        misses = store.misses
        client.get(f"/?region={regions[-1]}", headers=RESULTS)
        assert store.misses == misses
        client.get(f"/?region={regions[0]}", headers=RESULTS)
        assert store.misses == misses + 1
        assert store.bytes <= bound and len(store) <= kept


def _entry(size: int) -> Entry:
    return Entry(headers=[], body=b"", etag=None, route=None, size=size)


def test_the_store_evicts_the_least_recently_used(knowledge: Knowledge) -> None:
    store = ResponseCache(max_bytes=800)
    clinics: dict[str, Any] = {}
    for key in "abcdefgh":
        assert store.get((key,), knowledge, clinics) is None
        store.put((key,), _entry(100), knowledge, clinics)
    assert store.bytes == 800 and len(store) == 8
    assert store.get(("a",), knowledge, clinics) is not None  # "a" is now the newest
    store.put(("i",), _entry(100), knowledge, clinics)  # over 800 bytes: "b" goes
    assert store.bytes == 800 and len(store) == 8
    assert store.get(("b",), knowledge, clinics) is None
    assert store.get(("a",), knowledge, clinics) is not None
    store.put(("big",), _entry(101), knowledge, clinics)  # over an eighth: not kept
    assert store.get(("big",), knowledge, clinics) is None
    # Rendered from a knowledge base no longer served: not kept.
    other = Knowledge(scheme=knowledge.scheme, base=knowledge.base)
    store.put(("late",), _entry(10), other, clinics)
    assert store.get(("late",), knowledge, clinics) is None
    # Another knowledge base or clinic set: everything goes.
    assert store.get(("a",), other, clinics) is None and len(store) == 0
    store.put(("a",), _entry(100), other, clinics)
    assert store.get(("a",), other, {}) is None and len(store) == 0


def test_metrics_count_hits_under_the_route(tmp_path: Any) -> None:
    with TestClient(create_app(make_settings(metrics=True))) as client:
        for _ in range(3):
            client.get(f"/?{STATE}", headers=RESULTS)
        text = client.get("/metrics").text
    hits = [line for line in text.splitlines() if "response_cache_lookups_total" in line]
    assert any('result="hit"' in line and line.endswith(" 2.0") for line in hits), hits
    # A hit is counted under its route, not as an unmatched request.
    assert 'bodymap_http_requests_total{method="GET",route="/",status="200"} 3.0' in text


def test_gzip_or_not_is_read_as_gzip_reads_it(cached: TestClient, cache: ResponseCache) -> None:
    """Only the first Accept-Encoding header counts: an identity answer kept for it is never
    sent to a client that asked for gzip alone."""
    url = f"/?{STATE}"
    twice = [("accept-encoding", "identity"), ("accept-encoding", "gzip")]
    with cached.stream("GET", url, headers=twice) as r:
        assert "content-encoding" not in r.headers
    with cached.stream("GET", url, headers=GZIP) as r:
        assert r.headers["content-encoding"] == "gzip"
    assert (len(cache), cache.hits) == (2, 0)
