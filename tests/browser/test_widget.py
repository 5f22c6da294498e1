"""The clinic widget in a real browser: snippet, clicks inside the frame, sizing, refusal."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.places import settle

pytestmark = pytest.mark.browser


def test_demo_clinic_page_runs_the_widget(page: Page, server: str) -> None:
    page.goto(f"{server}/demo/clinic?clinic=riverside")
    frame_el = page.locator("iframe")
    expect(frame_el).to_have_count(1)
    widget = page.frame_locator("iframe")
    expect(widget.locator(".embed-logo")).to_have_text("Riverside Physio")
    cta = widget.locator("a.cta")
    expect(cta).to_have_attribute("href", "https://riverside-physio.example/book")
    expect(cta).to_have_attribute("target", "_top")
    before = frame_el.bounding_box()
    widget.locator('a.region[data-region="shin-left"] path').first.click()
    expect(widget.locator(".chips")).to_contain_text("Shin (left)")
    expect(widget.locator(".candidate-list")).to_contain_text("Tibialis anterior")
    # The short safety check and the list fit beside the figure; the card adds height.
    widget.locator(".cand-link", has_text="Tibialis anterior").first.click()
    expect(widget.locator("#card")).to_contain_text("Tibialis anterior")
    # The frame grows to fit what the clicks added (sized from the widget's messages).
    page.wait_for_function(
        "h => document.querySelector('iframe').getBoundingClientRect().height > h",
        arg=before["height"] if before else 0,
    )
    assert page.evaluate("document.cookie") == ""


def test_two_clinics_are_themed_differently(page: Page, server: str) -> None:
    colours = {}
    for slug in ("riverside", "summit"):
        page.goto(f"{server}/embed/{slug}")
        colours[slug] = page.evaluate(
            "getComputedStyle(document.querySelector('.embed-logo')).color"
        )
    assert colours["riverside"] != colours["summit"]


@pytest.fixture
def other_site(server: str) -> Iterator[str]:
    """A second web server, on another port (so another origin), framing two widgets."""
    page = (
        f"<!doctype html><title>Another site</title>"
        f'<iframe id="neutral" src="{server}/embed/no-such-clinic" title="a"></iframe>'
        f'<iframe id="riverside" src="{server}/embed/riverside" title="b"></iframe>'
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_a_site_not_on_the_list_cannot_frame_the_widget(page: Page, other_site: str) -> None:
    """The neutral widget (any site may show it) loads there; Riverside's is refused."""
    refusals: list[str] = []
    page.on("console", lambda m: refusals.append(m.text) if "frame-ancestors" in m.text else None)
    page.goto(other_site)
    expect(page.frame_locator("#neutral").locator(".embed-logo")).to_have_text("Bodymap")
    page.wait_for_function("() => window.frames.length === 2")
    page.wait_for_timeout(500)
    assert page.frame_locator("#riverside").locator(".embed-logo").count() == 0
    assert any("riverside-physio.example" in r for r in refusals), refusals


def test_several_widgets_on_one_page_work_and_size_apart(page: Page, server: str) -> None:
    """Two snippets on one page: two frames, each themed, each sized by its own messages."""
    host_page = (
        "<!doctype html><title>Two clinics</title><h1>Two widgets</h1>"
        f'<script src="{server}/static/embed.js" data-clinic="riverside" async></script>'
        "<p>Between the widgets</p>"
        f'<script src="{server}/static/embed.js" data-clinic="summit" async></script>'
    )
    # Served from the app's own origin, which every clinic's frame-ancestors allows.
    page.route(
        f"{server}/two-widgets",
        lambda route: route.fulfill(body=host_page, content_type="text/html"),
    )
    page.goto(f"{server}/two-widgets")
    frames = page.locator("iframe")
    expect(frames).to_have_count(2)
    first, second = page.frame_locator("iframe").nth(0), page.frame_locator("iframe").nth(1)
    expect(first.locator(".embed-logo")).to_have_text("Riverside Physio")
    expect(second.locator(".embed-logo")).to_have_text("SUMMIT")
    # Each frame settles to its own content's height (from 720 px).
    page.wait_for_function(
        "() => [...document.querySelectorAll('iframe')].every(f => f.style.height !== '720px')"
    )
    heights = page.evaluate("[...document.querySelectorAll('iframe')].map(f => f.offsetHeight)")
    second.locator('a.region[data-region="shin-left"] path').first.click()
    expect(second.locator(".candidate-list")).to_contain_text("Tibialis anterior")
    second.locator(".cand-link", has_text="Tibialis anterior").first.click()
    expect(second.locator("#card")).to_contain_text("Tibialis anterior")
    page.wait_for_function(
        "h => document.querySelectorAll('iframe')[1].offsetHeight > h", arg=heights[1]
    )
    assert page.evaluate("document.querySelectorAll('iframe')[0].offsetHeight") == heights[0]
    expect(first.locator(".chips")).to_have_count(0)


def test_on_a_phone_the_frame_grows_to_the_whole_card(browser: Browser, server: str) -> None:
    """A phone with a muscle card open is about 7000 px tall: none of it is cut off."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{server}/demo/clinic?clinic=summit")
    widget = page.frame_locator("iframe")
    widget.locator('a.region[data-region="shin-left"] path').first.click()
    widget.locator(".cand-link").first.click()
    expect(widget.locator("#card")).to_be_visible()
    inner = page.frames[1]
    page.wait_for_function(
        "h => document.querySelector('iframe').offsetHeight === h",
        arg=inner.evaluate("document.documentElement.scrollHeight"),
    )
    assert page.evaluate("document.querySelector('iframe').offsetHeight") > 6000
    context.close()


def frame_height(page: Page) -> float:
    return float(page.evaluate("document.querySelector('iframe').getBoundingClientRect().height"))


def content_height(page: Page) -> float:
    return float(page.frames[1].evaluate("document.body.getBoundingClientRect().height"))


def test_the_frame_is_as_tall_as_its_content_and_shrinks_back(page: Page, server: str) -> None:
    """Issue 12: no empty space below the widget, after it grows and after it shrinks."""
    page.goto(f"{server}/demo/clinic?clinic=riverside")
    widget = page.frame_locator("iframe")
    expect(widget.locator(".embed-logo")).to_be_visible()
    page.wait_for_function("() => document.querySelector('iframe').style.height !== '720px'")
    start = frame_height(page)
    assert abs(start - content_height(page)) <= 1
    widget.locator('a.region[data-region="shin-left"] path').first.click()
    widget.locator(".cand-link", has_text="Tibialis anterior").first.click()
    expect(widget.locator("#card")).to_be_visible()
    page.wait_for_function(
        "h => document.querySelector('iframe').offsetHeight > h + 500", arg=start
    )
    widget.locator(".chip.clear").click()
    expect(widget.locator(".chips")).to_have_count(0)
    page.wait_for_function(
        "h => Math.abs(document.querySelector('iframe').offsetHeight - h) <= 1", arg=start
    )
    assert abs(frame_height(page) - content_height(page)) <= 1


def test_on_a_phone_one_tap_in_the_widget_brings_the_answer_into_view(
    browser: Browser, server: str
) -> None:
    """The widget keeps the page's order (safety check, then muscles) and, on a phone, one
    tap brings both onto the clinic page's screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto(f"{server}/demo/clinic?clinic=riverside")
    widget = page.frame_locator("iframe")
    shape = widget.locator('a.region[data-region="temple-right"] path').first
    shape.scroll_into_view_if_needed()
    shape.click()
    expect(widget.locator('.chips a[data-region="temple-right"]')).to_have_count(1)
    inner = page.frames[1]
    # The clinic page scrolls (the frame is as tall as its content) until the results are
    # at the top of the screen.
    page.wait_for_function(
        "() => document.querySelector('iframe').getBoundingClientRect().top < -400"
    )
    settle(page)
    frame_top = page.evaluate("document.querySelector('iframe').getBoundingClientRect().top")
    safety = frame_top + inner.evaluate(
        "document.querySelector('.safety').getBoundingClientRect().top"
    )
    first = frame_top + inner.evaluate(
        "document.querySelector('.candidate').getBoundingClientRect().top"
    )
    assert 0 <= safety < first < 844 - 60, (safety, first)
    context.close()
