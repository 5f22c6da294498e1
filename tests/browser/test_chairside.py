"""Chairside mode fits the screen (issue 12): the whole body in view, as large as it fits,
the controls beside or above it, at the tablet and big-screen sizes therapists use."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.axe import serious_violations
from tests.browser.places import settle

pytestmark = pytest.mark.browser

SIZES = [
    {"width": 1194, "height": 834},
    {"width": 834, "height": 1194},
    {"width": 1920, "height": 1080},
]

# The drawing's box inside an <svg> (viewBox, preserveAspectRatio "meet"): what a person
# sees of the figure, not the element's box around it.
DRAWN = """s => {
    const r = s.getBoundingClientRect(), vb = s.viewBox.baseVal;
    const k = Math.min(r.width / vb.width, r.height / vb.height);
    const w = vb.width * k, h = vb.height * k;
    return {x: r.x + (r.width - w) / 2, y: r.y + (r.height - h) / 2, width: w, height: h};
}"""


@pytest.fixture(params=SIZES, ids=lambda s: f"{s['width']}x{s['height']}")
def screen(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport=request.param)
    page = context.new_page()
    yield page
    context.close()


def drawn(page: Page, view: str) -> dict[str, float]:
    box: dict[str, float] = page.locator(f'figure[data-view="{view}"] svg').evaluate(DRAWN)
    return box


def assert_fits(page: Page, view: str) -> None:
    """The figure lies inside the screen and is at least 85% as large as the largest body
    of its shape that would fit on it."""
    size = page.viewport_size
    assert size is not None
    box = drawn(page, view)
    assert box["x"] >= 0 and box["y"] >= 0, box
    assert box["x"] + box["width"] <= size["width"] + 0.5, box
    assert box["y"] + box["height"] <= size["height"] + 0.5, box
    largest = min(size["width"] / box["width"], size["height"] / box["height"]) * box["height"]
    assert box["height"] >= 0.85 * largest, (box, largest)


def test_the_whole_body_fits_large_and_the_controls_are_out_of_the_way(
    screen: Page, server: str
) -> None:
    page = screen
    page.goto(server + "/?mode=chairside&region=temple-right")
    assert_fits(page, "front")
    # The controls and the results are on the same screen, beside or above the figure.
    for selector in (".view-tabs", "#place-q", ".mode-toggle", ".safety h2"):
        expect(page.locator(selector).first).to_be_in_viewport()
    # Picking on the figure keeps it where it is; the results answer in their own column.
    page.locator('figure[data-view="front"] a.region[data-region="shin-right"] path').click()
    expect(page.locator('.chips a[data-region="shin-right"]')).to_have_count(1)
    settle(page)
    expect(page).to_have_url(re.compile(r"mode=chairside"))  # a tap keeps the mode
    assert page.evaluate("scrollY") == 0
    assert_fits(page, "front")
    bad = serious_violations(page)
    assert not bad, bad


def test_other_views_fit_too(screen: Page, server: str) -> None:
    page = screen
    page.goto(server + "/?mode=chairside")
    page.locator('.view-tabs a[data-view="back"]').click()
    page.wait_for_url("**view=back**")
    settle(page)
    assert_fits(page, "back")
    expect(page).to_have_url(re.compile(r"mode=chairside"))
    # A close-up is wider than tall: it lies inside the screen and fills the figure's area.
    page.locator('.view-tabs a[data-view="head"]').click()
    page.wait_for_url("**view=head**")
    settle(page)
    size = page.viewport_size
    assert size is not None
    box = drawn(page, "head")
    assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"] + 0.5, box
    area = page.locator(".figures").bounding_box()
    assert area is not None
    assert box["width"] >= 0.9 * area["width"] or box["height"] >= 0.85 * area["height"], box
