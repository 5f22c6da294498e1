"""The answer first (issue 12): after one tap, the safety check and the likely muscles are
where the eyes are, at phone, tablet and desktop sizes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.axe import serious_violations

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 820, "height": 1180}
DESKTOP = {"width": 1280, "height": 800}

# (region, view it is tapped on): the places the issue measured, and a calf.
PLACES = [
    ("temple-right", "front"),
    ("low-back-right", "back"),
    ("hip-side-right", "front"),
    ("shoulder-front-right", "front"),
    ("elbow-outer-right", "back"),
    ("calf-right", "back"),
]


@pytest.fixture
def sized(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport=request.param, has_touch=request.param is PHONE)
    page = context.new_page()
    yield page
    context.close()


def tap(page: Page, server: str, rid: str, view: str) -> None:
    """Open the page on the view that shows ``rid`` and tap (or click) it once."""
    page.goto(server + ("/?view=back" if view == "back" else "/"))
    shape = page.locator(f'figure[data-view="{view}"] a.region[data-region="{rid}"] path').first
    shape.scroll_into_view_if_needed()
    shape.click()
    expect(page.locator(f'.chips a[data-region="{rid}"]')).to_be_visible()


def top(page: Page, selector: str) -> float:
    return float(page.evaluate(f"document.querySelector('{selector}').getBoundingClientRect().top"))


@pytest.mark.parametrize("sized", [PHONE], indirect=True)
@pytest.mark.parametrize(("rid", "view"), PLACES)
def test_phone_first_candidate_within_one_screen_of_the_safety_check(
    sized: Page, server: str, rid: str, view: str
) -> None:
    page = sized
    tap(page, server, rid, view)
    # A bar at the foot of the screen leads from the figure to the answer.
    peek = page.locator("a.answer-peek")
    expect(peek).to_be_in_viewport()
    expect(peek).to_contain_text("Safety check and")
    peek.click()
    expect(page.locator(".safety h2")).to_be_in_viewport()
    gap = top(page, ".candidate") - top(page, ".safety")
    assert 0 < gap < PHONE["height"] - 60, gap
    expect(page.locator(".candidate").first.locator(".cand-name")).to_be_in_viewport()


@pytest.mark.parametrize("sized", [TABLET, DESKTOP], indirect=True)
@pytest.mark.parametrize(("rid", "view"), PLACES)
def test_wide_screens_show_the_first_candidate_beside_the_figure(
    sized: Page, server: str, rid: str, view: str
) -> None:
    page = sized
    tap(page, server, rid, view)
    height = page.viewport_size["height"] if page.viewport_size else 0
    # The safety check comes first, and the first candidate is on the screen without scrolling.
    assert top(page, ".safety") < top(page, ".candidate")
    expect(page.locator(".candidate").first.locator(".cand-name")).to_be_in_viewport()
    assert top(page, ".candidate") + 30 < height
    # The figure stays in view while the results scroll.
    page.evaluate(
        "scrollBy(0, document.querySelector('.candidate').getBoundingClientRect().top - 10)"
    )
    assert page.evaluate("scrollY") > 0
    box = page.locator(".figure-panel").bounding_box()
    assert box is not None and box["height"] <= height
    results = page.locator(".results-panel").bounding_box()
    assert results is not None
    if results["y"] + results["height"] > height:
        assert box["y"] >= 0, box  # results still below: the figure holds its place
    else:  # the end of the page: the footer may push it up a little
        shown = min(box["y"] + box["height"], height) - max(box["y"], 0)
        assert shown >= 0.8 * box["height"], box
    expect(page.locator(f'figure[data-view="{view}"] svg')).to_be_in_viewport()


@pytest.mark.parametrize("sized", [PHONE, TABLET, DESKTOP], indirect=True)
def test_choosing_a_candidate_opens_its_card_and_leaves_the_list_in_place(
    sized: Page, server: str
) -> None:
    page = sized
    tap(page, server, "temple-right", "front")
    listed = page.evaluate(
        "document.querySelector('.candidate-list').getBoundingClientRect().top + scrollY"
    )
    page.locator(".cand-link", has_text="Upper trapezius").first.click()
    card = page.locator("#card")
    expect(card.locator("h2")).to_be_in_viewport()
    after = page.evaluate(
        "document.querySelector('.candidate-list').getBoundingClientRect().top + scrollY"
    )
    assert abs(after - listed) < 2, (listed, after)
    # The card follows the list, with the chosen muscle marked in it.
    assert top(page, "#card") > top(page, ".candidate-list")
    expect(page.locator(".candidate.chosen")).to_contain_text("Upper trapezius")


@pytest.mark.parametrize("sized", [PHONE, TABLET, DESKTOP], indirect=True)
def test_safety_check_by_keyboard_and_axe_clean(sized: Page, server: str) -> None:
    page = sized
    tap(page, server, "sternum", "front")
    bad = serious_violations(page)
    assert not bad, bad
    box = page.locator('.safety input[name="yes"][value="heart-attack-warning"]')
    box.focus()
    page.keyboard.press("Space")
    alarm = page.locator(".alarm")
    expect(alarm).to_contain_text("Call 112 now")
    assert "yes=heart-attack-warning" in page.url
    expect(page.locator('input[name="yes"][value="heart-attack-warning"]')).to_be_focused()
    # A lower level opens by keyboard.
    summary = page.locator(".safety details.flag-group > summary").first
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".safety details.flag-group").first).to_have_attribute("open", "")
    bad = serious_violations(page)
    assert not bad, bad
