"""HTTP tests of the interface's language (issue 15): how it is chosen, the headers that
say so, ``?lang=`` kept by every link, the switch, and no mixing between requests."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs, urlsplit

import httpx2 as httpx
import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

HX = {"HX-Request": "true", "HX-Target": "explorer"}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def h1(r: httpx.Response) -> str:
    found = soup(r.text).h1
    assert found is not None
    return found.text.strip()


@pytest.mark.parametrize(
    ("url", "headers", "lang"),
    [
        ("/", {}, "en"),
        ("/", {"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"}, "es"),
        ("/", {"Accept-Language": "fr-FR, es;q=0.3"}, "es"),
        ("/", {"Accept-Language": "de, fr;q=0.8"}, "en"),
        ("/", {"Accept-Language": "es;q=0, en;q=0.1"}, "en"),
        ("/?lang=en", {"Accept-Language": "es"}, "en"),
        ("/?lang=es", {"Accept-Language": "en"}, "es"),
        # The clinic's language, in its widget, before the browser's...
        ("/embed/centro-norte", {"Accept-Language": "en"}, "es"),
        ("/embed/riverside", {"Accept-Language": "es"}, "en"),
        # ... but after the address's.
        ("/embed/centro-norte?lang=en", {"Accept-Language": "es"}, "en"),
        ("/demo/clinic?clinic=centro-norte", {}, "es"),
        # Not a clinic's widget: the browser decides.
        ("/embed/about", {"Accept-Language": "es"}, "es"),
        ("/muscles", {"Accept-Language": "es"}, "es"),
    ],
)
def test_language_order_and_headers(
    client: TestClient, url: str, headers: dict[str, str], lang: str
) -> None:
    r = client.get(url, headers=headers)
    assert r.status_code == 200
    assert r.headers["content-language"] == lang
    assert "Accept-Language" in [v.strip() for v in r.headers["vary"].split(",")]
    html = soup(r.text).html
    assert html is not None and html["lang"] == lang


def test_spanish_page_reads_spanish(client: TestClient) -> None:
    r = client.get("/?lang=es&region=temple-right")
    page = soup(r.text)
    assert h1(r) == "¿Dónde te duele?"
    assert page.select_one("#cand-heading").text == "Músculos que suelen enviar dolor aquí"
    explanation = page.select_one(".candidate .why")
    assert explanation is not None and explanation.text.startswith("Abarca tu lugar")
    assert page.select_one("a.skip").text == "Ir a los resultados"


def test_api_and_errors_also_say_their_language(client: TestClient) -> None:
    for url in ("/api/regions", "/healthz", "/nowhere", "/?region=spleen"):
        r = client.get(url, headers={"Accept-Language": "es"})
        assert r.headers["content-language"] == "es", url
        assert "Accept-Language" in r.headers["vary"], url


@pytest.mark.parametrize("url", ["/static/css/bodymap.css", "/docs", "/openapi.json"])
def test_files_and_api_docs_do_not_vary_by_language(client: TestClient, url: str) -> None:
    r = client.get(url, headers={"Accept-Language": "es"})
    assert r.status_code == 200
    assert "content-language" not in r.headers
    assert "Accept-Language" not in r.headers.get("vary", "")


@pytest.mark.parametrize("url", ["/?lang=fr", "/muscles?lang=xx", "/print?lang=ES", "/?lang="])
def test_an_unsupported_language_is_a_400_page_naming_the_supported_ones(
    client: TestClient, url: str
) -> None:
    r = client.get(url)
    assert r.status_code == 400
    assert "text/html" in r.headers["content-type"]
    message = soup(r.text).select_one(".error-message")
    assert message is not None and "en, es" in message.text
    assert r.headers["cache-control"] == "no-store"


def test_an_unsupported_language_in_the_api_is_a_400_json(client: TestClient) -> None:
    r = client.get("/api/regions?lang=klingon")
    assert r.status_code == 400
    assert "klingon" in r.json()["detail"] and "en, es" in r.json()["detail"]


def test_the_refusal_page_speaks_the_browsers_language(client: TestClient) -> None:
    r = client.get("/?lang=fr", headers={"Accept-Language": "es"})
    assert r.status_code == 400 and r.headers["content-language"] == "es"
    assert h1(r) == "Esa dirección no ha funcionado"


def _internal_links(page: BeautifulSoup) -> list[str]:
    """The page's own links, but the language switch's (they change the language)."""
    for switch in page.select("#lang-switch"):
        switch.decompose()
    urls = [a["href"] for a in page.select("a[href]")]
    urls += [a["hx-get"] for a in page.select("a[hx-get]")]  # forms: checked apart
    return [
        u
        for u in urls
        if u.startswith("/") and not u.startswith(("/docs", "/static")) and "#" not in u[:1]
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/?lang=es&region=temple-right&muscle=upper-trapezius&side=right",
        "/?lang=es&view=head",
        "/muscles?lang=es",
        "/embed/riverside?lang=es&region=calf-left",
        "/print?lang=es&region=calf-left",
        "/how-it-works?lang=es",
        "/techniques?lang=es",
    ],
)
def test_every_internal_link_keeps_lang(client: TestClient, url: str) -> None:
    page = soup(client.get(url).text)
    links = _internal_links(page)
    assert links, "the page has internal links"
    for link in links:
        query = parse_qs(urlsplit(link).query)
        assert query.get("lang") == ["es"], link
    for form in page.select("form[action]"):
        if form["action"].startswith("/"):
            assert form.select_one('input[name="lang"][value="es"]') is not None, form["action"]


def test_without_lang_links_stay_as_they_were(client: TestClient) -> None:
    page = soup(client.get("/?region=temple-right", headers={"Accept-Language": "es"}).text)
    for link in _internal_links(page):
        if link.startswith("/?") or link == "/":
            assert "lang=" not in link, link
    assert page.select_one(".share a")["href"] == "/print?region=temple-right"


def test_the_handout_qr_link_names_its_language(client: TestClient) -> None:
    page = soup(client.get("/print?region=calf-left", headers={"Accept-Language": "es"}).text)
    foot = page.select_one(".handout-foot")
    assert foot is not None and "/?region=calf-left&lang=es" in foot.text
    date = page.select_one(".date")
    assert date is not None and " de " in date.text, "a Spanish long date: 2 de diciembre de 2026"


def test_the_widget_opens_the_full_site_in_its_language(client: TestClient) -> None:
    page = soup(client.get("/embed/centro-norte?region=calf-left").text)
    full = page.select_one('.embed-foot a[target="_blank"]')
    assert full is not None and full["href"] == "/?region=calf-left&lang=es"


@pytest.mark.parametrize("url", ["/", "/muscles?q=calf", "/embed/riverside", "/how-it-works"])
def test_the_switch_links_the_same_page_in_each_language(client: TestClient, url: str) -> None:
    page = soup(client.get(url).text)
    switch = page.select_one("nav#lang-switch")
    assert switch is not None and switch.get("aria-label")
    current = switch.select_one('[aria-current="true"]')
    assert current is not None and current["lang"] == "en"
    other = switch.select_one('a[hreflang="es"]')
    assert other is not None and other["lang"] == "es" and other.text == "Español"
    target = urlsplit(other["href"])
    assert target.path == urlsplit(url).path
    expected = parse_qs(urlsplit(url).query) | {"lang": ["es"]}
    assert parse_qs(target.query) == expected
    assert client.get(other["href"]).headers["content-language"] == "es"


def test_an_htmx_answer_updates_the_switch_out_of_band(client: TestClient) -> None:
    r = client.get("/?lang=es&region=calf-left", headers=HX)
    switch = soup(r.text).select_one("#lang-switch")
    assert switch is not None and switch["hx-swap-oob"] == "true"
    english = switch.select_one('a[hreflang="en"]')
    assert english is not None
    assert parse_qs(urlsplit(english["href"]).query) == {"region": ["calf-left"], "lang": ["en"]}


def test_error_pages_switch_language_without_the_failed_query(client: TestClient) -> None:
    page = soup(client.get("/?region=spleen").text)
    other = page.select_one('#lang-switch a[hreflang="es"]')
    assert other is not None and other["href"] == "/?lang=es"


def test_an_htmx_fragment_is_in_the_asked_language(client: TestClient) -> None:
    r = client.get("/?lang=es&region=calf-left", headers=HX)
    assert r.headers["content-language"] == "es"
    assert "<html" not in r.text
    assert "Comprobación de seguridad" in r.text or "Músculos que suelen" in r.text


def test_a_view_title_and_figure_captions_follow_the_language(client: TestClient) -> None:
    page = soup(client.get("/?lang=es&view=hands").text)
    tab = page.select_one("#tab-hands")
    assert tab is not None and tab.text == "Manos y pies"
    svg = page.select_one("figure.view.current svg")
    assert svg is not None and svg["aria-label"] == "Mapa corporal, vista de manos y pies"
    texts = {t.text for t in svg.select("text")}
    assert {"DERECHA", "IZQUIERDA", "Palma derecha", "Empeine izquierdo"} <= texts
    english = soup(client.get("/?view=hands").text).select_one("figure.view.current svg")
    assert english is not None and "Right palm" in {t.text for t in english.select("text")}


def test_concurrent_requests_in_two_languages_never_mix(client: TestClient) -> None:
    """50 interleaved requests, half Spanish and half English, each sees its own words."""
    app = client.app

    async def run() -> list[tuple[str, str, str]]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as ac:

            async def one(i: int) -> tuple[str, str, str]:
                lang = "es" if i % 2 else "en"
                r = await ac.get(
                    "/",
                    params={"region": "temple-right", "muscle": "temporalis", "side": "right"},
                    headers={"Accept-Language": lang},
                )
                return lang, r.headers["content-language"], r.text

            return await asyncio.gather(*(one(i) for i in range(50)))

    for lang, said, html in asyncio.run(run()):
        assert said == lang
        page = soup(html)
        heading = page.select_one("#figure-heading")
        assert heading is not None
        assert heading.text == ("¿Dónde te duele?" if lang == "es" else "Where does it hurt?")
        why = page.select_one(".candidate .why")
        assert why is not None
        assert why.text.startswith("Abarca" if lang == "es" else "Covers")
