"""Where the answer sits after a tap: helpers shared by the browser tests and
``scripts/answer_positions.py`` (issue 12)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 820, "height": 1180}
DESKTOP = {"width": 1280, "height": 800}

# (region, view it is tapped on): the places issue 12 measured, and a calf.
PLACES = [
    ("temple-right", "front"),
    ("low-back-right", "back"),
    ("hip-side-right", "front"),
    ("shoulder-front-right", "front"),
    ("elbow-outer-right", "back"),
    ("calf-right", "back"),
]


def tap(page: Page, server: str, rid: str, view: str) -> None:
    """Open the page on the view that shows ``rid``, tap (or click) it once, and wait until
    the server's answer is in and the page has stopped moving."""
    page.goto(server + ("/?view=back" if view == "back" else "/"))
    shape = page.locator(f'figure[data-view="{view}"] a.region[data-region="{rid}"] path').first
    shape.scroll_into_view_if_needed()
    shape.click()
    expect(page.locator(f'.chips a[data-region="{rid}"]')).to_have_count(1)
    settle(page)


def settle(page: Page) -> None:
    """Wait until the scroll position has held still for a few frames (smooth scrolling)."""
    page.wait_for_function(
        """() => new Promise(done => {
            let last = -1, still = 0;
            const step = () => {
                const y = scrollY;
                still = y === last ? still + 1 : 0;
                last = y;
                if (still >= 6) done(true); else requestAnimationFrame(step);
            };
            requestAnimationFrame(step);
        })"""
    )


def top(page: Page, selector: str) -> float:
    """The top of the first element matching ``selector``, in px from the top of the screen."""
    return float(
        page.evaluate("s => document.querySelector(s).getBoundingClientRect().top", selector)
    )


def tab_to_a_region(page: Page) -> str:
    """From the view tabs, Tab until a place on the figure has the focus; return its id."""
    page.locator("#tab-front").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.region')"):
            break
    rid = page.evaluate("document.activeElement.getAttribute('data-region')")
    assert rid, "no place on the figure took the focus"
    return str(rid)
