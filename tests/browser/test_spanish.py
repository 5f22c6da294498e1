"""The patient flow in Spanish, in a real browser (issue 15): switch, tap, read, axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.axe import serious_violations

pytestmark = pytest.mark.browser


def test_switch_to_spanish_tap_a_place_and_read_spanish(page: Page, server: str) -> None:
    page.goto(server)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # The switch is a plain link, reachable by keyboard.
    spanish = page.locator('#lang-switch a[hreflang="es"]')
    spanish.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"lang=es"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("#figure-heading")).to_have_text("¿Dónde te duele?")
    expect(page.locator('#lang-switch [aria-current="true"]')).to_have_text("Español")

    page.evaluate("window.__marker = 1")
    temple = 'figure[data-view="front"] a.region[data-region="temple-right"] path'
    page.locator(temple).first.click()
    expect(page.locator("#cand-heading")).to_have_text("Músculos que suelen enviar dolor aquí")
    expect(page.locator(".candidate .why").first).to_contain_text("Abarca tu lugar")
    expect(page.locator("#flags-heading")).to_contain_text("Comprobación de seguridad")
    assert page.evaluate("window.__marker") == 1, "htmx swapped the explorer, no reload"
    expect(page).to_have_url(re.compile(r"(?=.*lang=es)(?=.*region=temple-right)"))
    # Links drawn by the server for the new state keep the language...
    first = page.locator(".cand-link").first
    assert "lang=es" in (first.get_attribute("href") or "")
    # ... and the switch, sent again out of band with the figures that follow, now offers
    # this state in English.
    english = page.locator('#lang-switch a[hreflang="en"]')
    expect(english).to_have_attribute("href", re.compile(r"region=temple-right"))

    first.click()
    expect(page.locator("#card h3").first).to_have_text("Encuentra el punto")
    expect(page.locator("#card")).to_contain_text("Autocuidado, paso a paso")
    assert serious_violations(page) == []


def test_the_spanish_clinic_widget_and_its_handout(browser: Browser, server: str) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, locale="en-US"
    )
    page = context.new_page()
    page.goto(f"{server}/demo/clinic?clinic=centro-norte")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    widget = page.frame_locator("iframe")
    expect(widget.locator("html")).to_have_attribute("lang", "es")
    widget.locator('a.region[data-region="shin-left"] path').first.click()
    expect(widget.locator(".candidate-list")).to_be_visible()
    expect(widget.locator(".answer-peek")).to_contain_text("músculos")
    assert serious_violations(page) == []
    # Nothing on the phone's screen is wider than it.
    inner = page.frames[1]
    assert inner.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


@pytest.mark.parametrize("size", [(390, 844), (1280, 800)])
def test_spanish_pages_fit_the_screen(browser: Browser, server: str, size: tuple[int, int]) -> None:
    """Spanish runs about a fifth longer than English: nothing may overflow."""
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    for path in (
        "/?lang=es&region=temple-right&region=jaw-right&muscle=temporalis&side=right",
        "/muscles?lang=es",
        "/techniques?lang=es",
        "/print?lang=es&region=calf-left&muscle=soleus&side=left",
    ):
        page.goto(f"{server}{path}")
        wide = page.evaluate(
            """() => {
               // Inside a row made to scroll sideways (the chips of picked places).
               const scrolls = (e) => { for (let p = e.parentElement; p; p = p.parentElement) {
                 if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true; }
                 return false; };
               return [...document.querySelectorAll('body *')]
                 .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                              && getComputedStyle(e).position !== 'fixed'
                              && !e.closest('.figures, svg, .visually-hidden, dialog')
                              && !scrolls(e))
                 .map(e => e.tagName + '.' + e.className).slice(0, 5); }"""
        )
        assert wide == [], (path, wide)
        # The figure's side words (DERECHA, IZQUIERDA) are not cut off at its edges.
        cut = page.evaluate(
            """() => [...document.querySelectorAll('svg.figure')]
                 .filter(s => s.getBoundingClientRect().width > 0)
                 .flatMap(s => { const b = s.getBoundingClientRect();
                   return [...s.querySelectorAll('.side-label')].filter(t => {
                     const r = t.getBoundingClientRect();
                     return r.left < b.left - 0.5 || r.right > b.right + 0.5; })
                   .map(t => t.textContent); })"""
        )
        assert cut == [], (path, cut)
    context.close()


def test_the_spanish_handout_prints_in_spanish_on_two_pages_at_most(
    page: Page, server: str
) -> None:
    page.goto(
        f"{server}/print?lang=es&region=temple-right&region=neck-back-right"
        "&muscle=upper-trapezius&side=right"
    )
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.emulate_media(media="print")
    expect(page.locator(".handout-care .steps")).to_contain_text("Después, estira")
    expect(page.locator(".handout")).to_contain_text("Trapecio superior")
    # The QR code and the printed link lead back to the same state, in Spanish.
    expect(page.locator(".handout")).to_contain_text("lang=es")
    pdf = page.pdf()
    pages = re.findall(rb"/Type\s*/Page(?!s)", pdf)
    assert pdf.startswith(b"%PDF") and 1 <= len(pages) <= 2, len(pages)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_spanish_handout_with_an_emergency_answer_and_a_card_fits_two_pages(
    page: Page, server: str, paper: str
) -> None:
    """The stop message, the card's self-care and every warning sign: the figures sit
    beside the text in print, so this fits two pages on either paper."""
    page.goto(
        f"{server}/print?lang=es&region=low-back-right&yes=cauda-equina"
        "&muscle=quadratus-lumborum&side=right"
    )
    expect(page.locator(".alarm")).to_contain_text("Llama ahora")
    page.emulate_media(media="print")
    pdf = page.pdf(format=paper)
    pages = re.findall(rb"/Type\s*/Page(?!s)", pdf)
    assert 1 <= len(pages) <= 2, (paper, len(pages))
