"""The answer first (issue 12): after one tap, the safety check and the likely muscles are
where the eyes are, at phone, tablet and desktop sizes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.axe import serious_violations
from tests.browser.places import DESKTOP, PHONE, PLACES, TABLET, settle, tab_to_a_region, tap, top

pytestmark = pytest.mark.browser


@pytest.fixture
def sized(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport=request.param, has_touch=request.param is PHONE)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("sized", [PHONE], indirect=True)
@pytest.mark.parametrize(("rid", "view"), PLACES)
def test_phone_one_tap_brings_the_safety_check_and_the_first_muscle_into_view(
    sized: Page, server: str, rid: str, view: str
) -> None:
    page = sized
    tap(page, server, rid, view)
    height = PHONE["height"]
    # The safety check comes first, whole questions on the screen, then the first muscle
    # with its name and picture, all without a second tap.
    safety = top(page, ".safety")
    first = top(page, ".candidate")
    assert 0 <= safety < first, (safety, first)
    assert first + 60 < height, first
    expect(page.locator(".safety .questions input").first).to_be_in_viewport()
    expect(page.locator(".candidate").first.locator(".cand-name")).to_be_in_viewport()
    expect(page.locator(".candidate").first.locator("img")).to_be_in_viewport()
    # The tapped place stays named on a line at the top, with the way back to the figure.
    chip = page.locator(f'.picked-bar .chip[data-region="{rid}"]')
    expect(chip).to_be_in_viewport()
    back = page.locator(".picked-bar a.to-figure")
    expect(back).to_be_in_viewport()
    # Reading on keeps that line in view.
    page.mouse.wheel(0, 400)
    page.wait_for_function("scrollY > 0")
    settle(page)
    expect(chip).to_be_in_viewport()
    back.click()
    settle(page)
    tapped = page.locator(f'figure[data-view="{view}"] a.region[data-region="{rid}"]')
    expect(tapped).to_be_in_viewport()


@pytest.mark.parametrize("sized", [PHONE], indirect=True)
def test_phone_tap_moves_no_focus_and_announces(sized: Page, server: str) -> None:
    page = sized
    tap(page, server, "temple-right", "front")
    expect(page.locator("#live-status")).to_contain_text("1 place picked")
    # The focus is not pulled into the results: it is where the tap left it.
    inside = page.evaluate("!!document.activeElement.closest('#results')")
    assert not inside
    bad = serious_violations(page)
    assert not bad, bad
    # Taking a place away keeps the page where it is (nothing to bring into view).
    page.locator(".picked-bar a.to-figure").click()
    settle(page)
    before = page.evaluate("scrollY")
    page.locator('figure[data-view="front"] a.region[data-region="temple-right"] path').click()
    expect(page.locator(".chips")).to_have_count(0)
    settle(page)
    assert abs(page.evaluate("scrollY") - before) < 2


@pytest.mark.parametrize("sized", [PHONE], indirect=True)
def test_phone_keyboard_pick_keeps_focus_and_results_are_one_link_away(
    sized: Page, server: str
) -> None:
    page = sized
    page.goto(server + "/")
    rid = tab_to_a_region(page)
    before = page.evaluate("scrollY")
    page.keyboard.press("Enter")
    expect(page.locator(f'.chips a[data-region="{rid}"]')).to_have_count(1)
    settle(page)
    # A key press does not move the page or the focus; the live region says what changed.
    expect(page.locator(f'a.region[data-region="{rid}"]').first).to_be_focused()
    assert abs(page.evaluate("scrollY") - before) < 2
    expect(page.locator("#live-status")).not_to_be_empty()
    # The bar at the foot of the screen leads to the answer.
    peek = page.locator("a.answer-peek")
    expect(peek).to_be_in_viewport()
    peek.focus()
    page.keyboard.press("Enter")
    settle(page)
    expect(page.locator(".safety h2")).to_be_in_viewport()
    bad = serious_violations(page)
    assert not bad, bad


def test_phone_without_javascript_the_links_still_lead_to_the_answer(
    browser: Browser, server: str
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/")
    page.locator('figure[data-view="front"] a.region[data-region="temple-right"] path').click()
    page.wait_for_url("**region=temple-right**")
    peek = page.locator("a.answer-peek")
    expect(peek).to_be_in_viewport()
    peek.click()
    expect(page.locator(".safety h2")).to_be_in_viewport()
    gap = top(page, ".candidate") - top(page, ".safety")
    assert 0 < gap < PHONE["height"] - 100, gap
    context.close()


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
    assert top(page, ".candidate") + 60 < height
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


@pytest.mark.parametrize("sized", [TABLET, DESKTOP], indirect=True)
def test_wide_screens_keyboard_pick_shows_the_answer_beside_the_figure(
    sized: Page, server: str
) -> None:
    page = sized
    page.goto(server + "/")
    rid = tab_to_a_region(page)
    page.keyboard.press("Space")
    expect(page.locator(f'.chips a[data-region="{rid}"]')).to_have_count(1)
    expect(page.locator(f'a.region[data-region="{rid}"]').first).to_be_focused()
    expect(page.locator(".candidate").first.locator(".cand-name")).to_be_in_viewport()
    bad = serious_violations(page)
    assert not bad, bad


@pytest.mark.parametrize("sized", [TABLET, DESKTOP], indirect=True)
def test_wide_screens_a_tap_after_reading_down_brings_the_new_answer_back(
    sized: Page, server: str
) -> None:
    page = sized
    tap(page, server, "temple-right", "front")
    page.locator(".share").scroll_into_view_if_needed()
    settle(page)
    assert top(page, "#results") < 0
    # The figure is still on the screen: tap a second place on it.
    shape = page.locator('figure[data-view="front"] a.region[data-region="shin-right"] path')
    expect(shape).to_be_in_viewport()
    shape.click()
    expect(page.locator('.chips a[data-region="shin-right"]')).to_have_count(1)
    settle(page)
    assert 0 <= top(page, "#results") < 200
    expect(page.locator(".candidate").first.locator(".cand-name")).to_be_in_viewport()


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
    expect(page).to_have_url(re.compile(r"yes=heart-attack-warning"))
    expect(page.locator('input[name="yes"][value="heart-attack-warning"]')).to_be_focused()
    # A lower level opens by keyboard.
    summary = page.locator(".safety details.flag-group > summary").first
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".safety details.flag-group").first).to_have_attribute("open", "")
    bad = serious_violations(page)
    assert not bad, bad


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_phone_reveal_glides_only_when_motion_is_welcome(
    browser: Browser, server: str, motion: str
) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True, reduced_motion=motion)
    page = context.new_page()
    page.goto(server + "/")
    page.evaluate(
        "window.seen = new Set();"
        "addEventListener('scroll', () => seen.add(Math.round(scrollY)), {passive: true})"
    )
    shape = page.locator('figure[data-view="front"] a.region[data-region="temple-right"] path')
    shape.click()
    expect(page.locator(".chips")).to_have_count(1)
    settle(page)
    expect(page.locator(".candidate").first.locator(".cand-name")).to_be_in_viewport()
    steps = page.evaluate("seen.size")
    # One jump when reduced motion is asked for; a glide through many positions otherwise.
    assert (steps == 1) if motion == "reduce" else (steps > 3), steps
    context.close()
