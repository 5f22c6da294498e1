"""What people click: the figure, the keyboard, the list, a muscle card, no JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


def region(page: Page, rid: str, view: str = "front"):
    return page.locator(f'figure[data-view="{view}"] a.region[data-region="{rid}"]')


def shape(page: Page, rid: str, view: str = "front"):
    """The first drawn shape of a region: what a person actually clicks or taps."""
    return region(page, rid, view).locator("path").first


def test_clicking_regions_updates_selection_and_candidates(page: Page, server: str) -> None:
    page.goto(server)
    region(page, "temple-right").click()
    expect(page.locator(".chips")).to_contain_text("Temple (right)")
    expect(region(page, "temple-right")).to_have_attribute("aria-checked", "true")
    expect(page.locator(".candidate-list")).to_contain_text("Upper trapezius")
    # A second place narrows and re-ranks the list without reloading the page.
    page.evaluate("window.__marker = 1")
    region(page, "neck-back-right", view="back").click()
    expect(page.locator(".chips")).to_contain_text("Back of the neck (right)")
    expect(page.locator(".candidate").first).to_contain_text("Covers 2 of your 2 places")
    assert page.evaluate("window.__marker") == 1, "no full page load"
    expect(page).to_have_url(re.compile(r"(?=.*region=temple-right)(?=.*region=neck-back-right)"))
    # The list alternative stays in sync with the figure.
    assert page.locator('#picker input[value="temple-right"]').is_checked()
    # Clicking again removes it.
    region(page, "temple-right").click()
    expect(region(page, "temple-right")).to_have_attribute("aria-checked", "false")
    expect(page.locator(".chips")).not_to_contain_text("Temple (right)")


def test_keyboard_only(page: Page, server: str) -> None:
    page.goto(server)
    target = region(page, "calf-right", view="back")
    target.focus()
    page.keyboard.press("Space")
    expect(target).to_have_attribute("aria-checked", "true")
    expect(page.locator(".candidate-list")).to_contain_text("Gastrocnemius")
    page.keyboard.press("Enter")
    expect(target).to_have_attribute("aria-checked", "false")
    # Tab moves between regions, and focus is visible on the figure.
    target.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('data-region')")
    assert focused and focused != "calf-right"


def test_red_flags_come_before_candidates(page: Page, server: str) -> None:
    page.goto(server)
    region(page, "sternum").click()
    # The tap swaps the explorer: wait for the answer drawn for the pick, then measure.
    expect(page.locator(".candidates .cand-link").first).to_be_visible()
    flags = page.locator(".red-flags")
    expect(flags).to_be_visible()
    expect(flags).to_contain_text("112")
    flags_box = flags.bounding_box()
    cands_box = page.locator(".candidates").bounding_box()
    assert flags_box is not None and cands_box is not None
    assert flags_box["y"] < cands_box["y"]


def test_choosing_a_candidate_draws_its_pattern_and_card(page: Page, server: str) -> None:
    page.goto(
        f"{server}/?region=buttock-lower-right&region=thigh-outer-right&region=leg-outer-right"
    )
    page.locator(".cand-link", has_text="Gluteus minimus").first.click()
    expect(page.locator("#card")).to_contain_text("Gluteus minimus")
    expect(page.locator("#card")).to_contain_text("Self-care, step by step")
    back = page.locator('figure[data-view="back"]')
    expect(back.locator("path.zone-essential").first).to_be_attached()
    expect(back.locator("path.tp").first).to_be_attached()
    expect(page).to_have_url(re.compile(r"muscle=gluteus-minimus"))


def test_typing_a_place_finds_and_picks_it(page: Page, server: str) -> None:
    page.goto(server)
    page.fill("#place-q", "outer elbow")
    suggestion = page.locator("a.suggestion").first
    expect(suggestion).to_contain_text("Outer elbow (right)")
    suggestion.click()
    expect(page.locator(".chips")).to_contain_text("Outer elbow (right)")
    expect(region(page, "elbow-outer-right")).to_have_attribute("aria-checked", "true")


def test_the_place_search_is_a_keyboard_combobox(page: Page, server: str) -> None:
    """The ARIA APG combobox: arrows move through the options, Enter picks, Escape closes."""
    page.goto(server)
    box = page.locator("#place-q")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.fill("sholder pain when lifting")  # misspelled, in a sentence
    options = page.locator("#place-options [role=option]")
    expect(options.first).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    first_id = options.nth(0).get_attribute("id")
    expect(box).to_have_attribute("aria-activedescendant", first_id or "")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(options.nth(0)).to_have_attribute("aria-selected", "false")
    box.press("ArrowUp")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#place-options")).to_be_hidden()
    box.press("ArrowDown")  # opens it again
    expect(options.first).to_be_visible()
    label = (options.first.inner_text()).strip(" +✓\n")
    box.press("Enter")
    expect(page.locator(".chips")).to_contain_text(label)
    expect(page).to_have_url(re.compile(r"region="))


def test_back_and_forward_restore_the_selection(page: Page, server: str) -> None:
    page.goto(server)
    shape(page, "heel-left", view="back").click()
    expect(page.locator(".chips")).to_contain_text("Heel (left)")
    shape(page, "arch-left", view="back").click()
    expect(page.locator(".chips")).to_contain_text("Arch of the foot (left)")
    # The address follows once the answer is painted.
    expect(page).to_have_url(re.compile(r"region=heel-left&region=arch-left"))
    page.go_back()
    expect(page.locator(".chips")).not_to_contain_text("Arch of the foot (left)")
    expect(page.locator(".chips")).to_contain_text("Heel (left)")
    page.go_forward()
    expect(page.locator(".chips")).to_contain_text("Arch of the foot (left)")


def test_works_without_javascript(browser: Browser, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server)
    region(page, "low-back-left", view="back").click()
    expect(page.locator(".chips")).to_contain_text("Low back (left)")
    expect(page).to_have_url(re.compile(r"region=low-back-left"))
    page.locator(".region-list summary").click()
    page.check('#picker input[value="buttock-upper-left"]')
    page.click("#picker button[type=submit]")
    expect(page.locator(".chips")).to_contain_text("Upper buttock (left)")
    expect(page.locator(".candidate-list")).to_contain_text("Quadratus lumborum")
    context.close()


def test_phone_shows_one_view_with_a_switch(browser: Browser, server: str) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(server)
    expect(page.locator('figure[data-view="front"]')).to_be_visible()
    expect(page.locator('figure[data-view="back"]')).to_be_hidden()
    page.locator('.view-tabs a[data-view="back"]').tap()
    expect(page.locator('figure[data-view="back"]')).to_be_visible()
    region(page, "calf-left", view="back").tap()
    expect(page.locator(".chips")).to_contain_text("Upper calf (left)")
    context.close()


def test_close_up_views_pick_the_same_regions(page: Page, server: str) -> None:
    page.goto(server)
    expect(page.locator('figure[data-view="head"]')).to_be_hidden()
    page.locator('.view-tabs a[data-view="head"]').click()
    expect(page.locator('figure[data-view="head"]')).to_be_visible()
    expect(page.locator('figure[data-view="front"]')).to_be_hidden()
    expect(page).to_have_url(re.compile(r"view=head"))
    shape(page, "jaw-joint-left", view="head").click()
    expect(page.locator(".chips")).to_contain_text("Jaw joint (left)")
    page.locator('.view-tabs a[data-view="hands"]').click()
    expect(page.locator('figure[data-view="hands"]')).to_be_visible()
    shape(page, "index-finger-right", view="hands").click()
    expect(page.locator(".chips")).to_contain_text("Index finger (right)")
    expect(page.locator(".candidate-list")).to_be_visible()
    # Back on the whole body, both picks made on the close-ups are kept and drawn.
    page.locator('.view-tabs a[data-view="front"]').click()
    expect(region(page, "jaw-joint-left", view="front")).to_have_attribute("aria-checked", "true")
    expect(page.locator(".chips")).to_contain_text("Jaw joint (left)")
    expect(page.locator(".chips")).to_contain_text("Index finger (right)")
    expect(page).to_have_url(re.compile(r"^(?!.*view=)(?=.*region=index-finger-right)"))


def test_hovering_a_candidate_previews_its_pattern(page: Page, server: str) -> None:
    page.goto(f"{server}/?region=calf-right")
    gastroc = page.locator(".candidate", has_text="Gastrocnemius").first
    gastroc.hover()
    arch = region(page, "arch-right", view="back")
    expect(arch).to_have_class(re.compile(r"preview-essential"))
    page.locator("h1").hover()
    expect(arch).not_to_have_class(re.compile(r"preview-"))


def test_checklist_answer_shows_the_emergency_message(page: Page, server: str) -> None:
    page.goto(server)
    shape(page, "sternum").click()
    expect(page.locator(".candidates, .red-flags").first).to_be_visible()
    page.locator('input[name="yes"][value="heart-attack-warning"]').check()
    alarm = page.locator(".alarm")
    expect(alarm).to_be_visible()
    expect(alarm).to_contain_text("Call 112 now")
    expect(page).to_have_url(re.compile(r"(?=.*yes=heart-attack-warning)(?=.*region=sternum)"))
    # Picking another place keeps the answer.
    shape(page, "upper-chest-left").click()
    expect(page.locator(".chips")).to_contain_text("Chest (left)")
    expect(page.locator(".alarm")).to_be_visible()


def test_print_view_renders_for_print_media(page: Page, server: str) -> None:
    page.goto(f"{server}/?region=temple-right&region=neck-back-right")
    page.locator(".share a").click()
    expect(page.locator(".handout")).to_be_visible()
    page.goto(f"{server}/print?region=temple-right&muscle=upper-trapezius&side=right")
    page.emulate_media(media="print")
    expect(page.locator(".handout-figures svg").first).to_be_visible()
    expect(page.locator(".handout-care .steps")).to_contain_text("Then stretch")
    expect(page.locator(".no-print")).to_be_hidden()
    pdf = page.pdf()
    pages = re.findall(rb"/Type\s*/Page(?!s)", pdf)
    assert pdf.startswith(b"%PDF") and 1 <= len(pages) <= 2, len(pages)


def test_chairside_mode_and_keyboard_shortcuts(page: Page, server: str) -> None:
    page.goto(f"{server}/?region=temple-right")
    page.locator(".mode-toggle").click()
    expect(page).to_have_url(re.compile(r"mode=chairside"))
    expect(page.locator(".figure-panel.chairside")).to_be_visible()
    panel = page.locator(".figure-panel").bounding_box()
    assert panel and panel["width"] > 700, "the figure takes most of the screen"
    page.locator("body").press("h")
    expect(page.locator('figure[data-view="head"]')).to_be_visible()
    page.locator("body").press("b")
    expect(page.locator('figure[data-view="back"]')).to_be_visible()
    page.locator("body").press("?")
    expect(page.locator("dialog#shortcuts")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("dialog#shortcuts")).to_be_hidden()
    page.locator("body").press("/")
    expect(page.locator("#place-q")).to_be_focused()
    page.locator("#place-q").press("Tab")
    page.locator("body").press("c")
    expect(page.locator(".chips")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"mode=chairside"))


def test_phone_temple_to_upper_trapezius_card_in_three_taps(browser: Browser, server: str) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(server)
    page.locator('.view-tabs a[data-view="head"]').tap()  # 1: the head close-up
    shape(page, "temple-right", view="head").tap()  # 2: the temple
    link = page.locator(".cand-link", has_text="Upper trapezius").first
    link.tap()  # 3: the muscle
    card = page.locator("#card")
    expect(card).to_contain_text("Upper trapezius")
    expect(card).to_contain_text("Self-care, step by step")
    expect(card.locator("h2")).to_be_in_viewport()
    context.close()


def test_htmx_comes_on_first_reach_and_the_first_pick_updates_in_place(
    page: Page, server: str
) -> None:
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "htmx" in r.url else None)
    page.goto(server)
    page.wait_for_load_state("load")
    assert fetched == [], "htmx is not part of the first load"
    page.evaluate("window.__marker = 1")
    region(page, "temple-right").click()
    expect(page.locator(".chips")).to_contain_text("Temple (right)")
    expect(page.locator(".candidate-list")).to_contain_text("Upper trapezius")
    assert page.evaluate("window.__marker") == 1, "the first pick waited for htmx, no reload"
    assert len(fetched) == 1


def test_view_and_mode_links_keep_the_picks_made_since(page: Page, server: str) -> None:
    page.goto(server)
    region(page, "temple-right").click()
    expect(page.locator(".chips")).to_contain_text("Temple (right)")
    page.locator('.view-tabs a[data-view="head"]').click()
    expect(page.locator('figure[data-view="head"]')).to_be_visible()
    expect(region(page, "temple-right", view="head")).to_have_attribute("aria-checked", "true")
    page.locator("a.mode-toggle").click()
    expect(page.locator(".figure-panel.chairside")).to_be_visible()
    expect(page.locator(".chips")).to_contain_text("Temple (right)")
    expect(page).to_have_url(re.compile(r"(?=.*view=head)(?=.*mode=chairside)"))


def test_screen_readers_hear_a_short_summary_after_each_pick(page: Page, server: str) -> None:
    page.goto(server)
    status = page.locator("#live-status")
    expect(status).to_have_attribute("role", "status")
    region(page, "temple-right").click()
    expect(status).to_contain_text("1 place picked.")
    page.locator(".cand-link", has_text="Upper trapezius").first.click()
    expect(status).to_contain_text("Showing Upper trapezius, right side.")


def test_every_link_carries_the_picks_made_since(page: Page, server: str) -> None:
    """The server's answer redraws the figure panel too: a ctrl- or middle-click on any
    link opens the current state, with no script rewriting links (issue 11)."""
    page.goto(server)
    region(page, "temple-right").click()
    expect(page.locator(".chips")).to_contain_text("Temple (right)")
    for link in (
        page.locator("a.mode-toggle"),
        page.locator('.view-tabs a[data-view="head"]'),
        region(page, "calf-right", view="back"),
    ):
        expect(link).to_have_attribute("href", re.compile(r"region=temple-right"))
    # Switching to a view already on the page shows it at once, and the links follow it.
    page.locator('.view-tabs a[data-view="back"]').click()
    expect(region(page, "calf-right", view="back")).to_have_attribute(
        "href", re.compile(r"region=temple-right&region=calf-right&view=back")
    )
    expect(page).to_have_url(re.compile(r"view=back"))
    # A tap in the back view keeps the back view.
    region(page, "calf-right", view="back").click()
    expect(page.locator(".chips")).to_contain_text("Upper calf (right)")
    expect(page.locator('.view-tabs a[data-view="back"]')).to_have_class(re.compile("current"))
    expect(page.locator("a.mode-toggle")).to_have_attribute(
        "href", re.compile(r"region=temple-right&region=calf-right&view=back")
    )
    # Middle-click is left to the browser: it opens the link, and this page does not change.
    page.evaluate("window.__marker = 1")
    region(page, "neck-back-right", view="back").click(button="middle")
    assert page.evaluate("window.__marker") == 1
    expect(region(page, "neck-back-right", view="back")).to_have_attribute("aria-checked", "false")
