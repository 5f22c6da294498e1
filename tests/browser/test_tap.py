"""A tap (issue 12): the place colours at once, the results come first, then the figures
drawn for the new state with the panel's links; quick taps, back and forward keep it right."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Route, expect

pytestmark = pytest.mark.browser


def region(page: Page, rid: str, view: str = "front"):
    return page.locator(f'figure[data-view="{view}"] a.region[data-region="{rid}"]')


def tap(page: Page, rid: str, view: str = "front") -> None:
    region(page, rid, view).locator("path").first.click()


def test_a_tap_colours_at_once_then_the_results_and_figures_follow(page: Page, server: str) -> None:
    page.goto(server)
    page.locator("h1").hover()  # the first reach brings htmx
    page.wait_for_function("() => !!window.htmx")
    held: list[Route] = []

    def hold(route: Route) -> None:
        if route.request.headers.get("hx-target") == "results":
            held.append(route)  # answered below, after looking at the page
        else:
            route.continue_()

    page.route(re.compile(r".*/\?.*region=temple-right.*"), hold)
    tap(page, "temple-right")
    # Coloured before the server has answered.
    expect(region(page, "temple-right")).to_have_attribute("aria-checked", "true")
    assert "picked" in (region(page, "temple-right").get_attribute("class") or "")
    page.wait_for_timeout(300)
    assert len(held) == 1, "the tap asked for the results"
    assert page.locator(".chips").count() == 0, "no answer yet"
    held[0].continue_()
    expect(page.locator(".chips")).to_contain_text("Temple (right)")
    expect(page.locator(".candidate-list .candidate").first).to_be_visible()
    # The figures that follow carry the pick in every region's link.
    expect(region(page, "calf-left", "back")).to_have_attribute(
        "href", "/?region=temple-right&region=calf-left"
    )
    expect(region(page, "temple-right")).to_have_attribute("href", "/")
    expect(page.locator("a.mode-toggle")).to_have_attribute(
        "href", "/?region=temple-right&mode=chairside"
    )


def test_quick_taps_keep_every_pick_and_back_and_forward_follow(page: Page, server: str) -> None:
    page.goto(server)
    page.locator("h1").hover()
    page.wait_for_function("() => !!window.htmx")
    tap(page, "temple-right")
    tap(page, "shoulder-front-right")
    tap(page, "calf-right", "back")
    chips = page.locator(".chips")
    for name in ("Temple (right)", "Front of the shoulder (right)", "Upper calf (right)"):
        expect(chips).to_contain_text(name)
    expect(region(page, "heel-left", "back")).to_have_attribute(
        "href",
        "/?region=temple-right&region=shoulder-front-right&region=calf-right&region=heel-left",
    )
    for rid, view in (("temple-right", "front"), ("calf-right", "back")):
        expect(region(page, rid, view)).to_have_attribute("aria-checked", "true")
    # The answer's address went into the history once its results were painted (an
    # answer a newer tap replaced before it came has no entry of its own).
    expect(page).to_have_url(
        server + "/?region=temple-right&region=shoulder-front-right&region=calf-right"
    )
    page.go_back()
    expect(page).to_have_url(re.compile(r"/\?region=temple-right(&region=shoulder-front-right)?$"))
    expect(chips).not_to_contain_text("Upper calf (right)")
    expect(region(page, "calf-right", "back")).to_have_attribute("aria-checked", "false")
    expect(region(page, "temple-right")).to_have_attribute("aria-checked", "true")
    page.go_forward()
    expect(chips).to_contain_text("Upper calf (right)")
    expect(region(page, "calf-right", "back")).to_have_attribute("aria-checked", "true")
    # Back to where it started, one step at a time: nothing picked.
    page.go_back()
    expect(page).to_have_url(re.compile(r"/\?region=temple-right(&region=shoulder-front-right)?$"))
    if page.url.endswith("shoulder-front-right"):
        page.go_back()
        expect(page).to_have_url(server + "/?region=temple-right")
    expect(page.locator(".chips")).not_to_contain_text("Front of the shoulder (right)")
    page.go_back()
    expect(page).to_have_url(server + "/")
    expect(page.locator(".chips")).to_have_count(0)
    expect(region(page, "temple-right")).to_have_attribute("aria-checked", "false")


@pytest.mark.parametrize(
    ("link", "lands"),
    [
        ("a.mode-toggle", r"(?=.*region=temple-right)(?=.*mode=chairside)"),
        ('#view-tabs a[data-view="head"]', r"(?=.*region=temple-right)(?=.*view=head)"),
        ('#lang-switch a[hreflang="es"]', r"(?=.*region=temple-right)(?=.*lang=es)"),
    ],
)
def test_a_link_clicked_before_the_figures_come_waits_for_them(
    page: Page, server: str, link: str, lands: str
) -> None:
    """The panel's links for the new state come with the figures, after the results: a
    click in between waits for them rather than open the state before the tap."""
    page.goto(server)
    page.locator("h1").hover()
    page.wait_for_function("() => !!window.htmx")
    held: list[Route] = []

    def hold(route: Route) -> None:
        if route.request.headers.get("hx-target") == "figures":
            held.append(route)
        else:
            route.continue_()

    page.route(re.compile(r".*/\?.*region=temple-right.*"), hold)
    tap(page, "temple-right")
    expect(page.locator(".chips")).to_contain_text("Temple (right)")
    for _ in range(50):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the figures were asked for once the results were painted"
    page.locator(link).click()
    page.wait_for_timeout(300)
    expect(page).to_have_url(server + "/?region=temple-right")  # held, not followed yet
    held[0].continue_()
    expect(page).to_have_url(re.compile(lands))
    expect(page.locator(".chips")).to_contain_text(re.compile("Temple|Sien"))


def test_when_the_figures_fail_links_are_not_held(page: Page, server: str) -> None:
    """A follow-up that fails leaves nothing to wait for: links work at once (as they are)."""
    page.goto(server)
    page.locator("h1").hover()
    page.wait_for_function("() => !!window.htmx")

    def fail(route: Route) -> None:
        if route.request.headers.get("hx-target") == "figures":
            route.fulfill(status=503, body="busy")
        else:
            route.continue_()

    page.route(re.compile(r".*/\?.*region=temple-right.*"), fail)
    tap(page, "temple-right")
    expect(page.locator(".chips")).to_contain_text("Temple (right)")
    expect(page.locator("#tap-follow-up")).to_have_count(0)
    page.locator("a.mode-toggle").click()
    expect(page.locator(".figure-panel.chairside")).to_be_visible(timeout=2000)
