"""A tap on the figure (issue 12): the answer is the results alone (each out-of-band part
costs the browser a swap before it can paint); the figures follow in a second request,
with the small parts of the figure panel that carry the state out of band. Every link in
both answers carries the whole new state."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

TAP = {"HX-Request": "true", "HX-Target": "results"}
FIGURES = {"HX-Request": "true", "HX-Target": "figures"}
STATE = "/?region=temple-right&region=calf-left&view=back&muscle=upper-trapezius&side=right"
QUERY = "region=temple-right&region=calf-left&view=back&muscle=upper-trapezius&side=right"


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_the_page_sends_taps_for_the_results_and_keeps_no_history_copies(
    client: TestClient,
) -> None:
    page = soup(client.get("/").text)
    picker = page.select_one("form#picker")
    assert picker is not None and picker["hx-target"] == "#results"
    # The address goes into the history after the results are painted (bodymap.js).
    assert not picker.has_attr("hx-push-url")
    assert picker.has_attr("novalidate"), "no validation event per box on every tap"
    explorer = page.select_one("#explorer")
    assert explorer is not None and explorer["hx-history"] == "false"
    for part in ("#panel-tools", "#view-tabs", "#search-picks", "#figures", "#answer-peek"):
        assert page.select_one(part) is not None, f"{part} is on the page, for its updates"
    assert page.select_one("#answer-peek").has_attr("hidden"), "nothing picked yet"


def test_a_tap_answers_with_the_results_and_little_else(client: TestClient) -> None:
    r = client.get(STATE, headers=TAP)
    assert r.status_code == 200
    part = soup(r.text)
    assert part.select_one("html") is None and part.select_one("svg.figure") is None
    chips = {a["data-region"] for a in part.select(".chips a[data-region]")}
    assert chips == {"temple-right", "calf-left"}
    assert part.select(".candidate-list .candidate"), "the muscles are in the answer"
    # Nothing out of band: htmx would swap it before the paint. The screen reader's status
    # line and the phone's answer bar wait in an inert template until the results are
    # painted (bodymap.js); the panel's other parts come with the figures.
    assert part.select("[hx-swap-oob]") == []
    extras = part.select_one("template#tap-extras")
    assert extras is not None
    status = extras.select_one("[data-status]")
    # (bs4's .text leaves out a template's strings)
    assert status is not None and "2 places picked." in str(status.string)
    peek = extras.select_one("#answer-peek")
    assert peek is not None and not peek.has_attr("hidden") and "muscles" in str(peek)
    assert not peek.has_attr("hx-swap-oob")
    # Then the figures, drawn for this state.
    # Once they are painted, the state's address goes into the history and the figures
    # are drawn again for it (bodymap.js sends "painted").
    sync = part.select_one("#tap-follow-up")
    assert sync is not None and sync["hx-target"] == "#figures"
    assert sync["hx-get"] == STATE and sync["hx-trigger"] == "painted"
    assert sync["data-push-url"] == STATE
    assert sync["hx-sync"] == "#picker:abort", "a newer tap cancels it"


def test_the_figures_that_follow_a_tap_are_drawn_for_the_new_state(client: TestClient) -> None:
    part = soup(client.get(STATE, headers=FIGURES).text)
    figures = part.select_one("#figures")
    assert figures is not None and figures["data-current"] == "back"
    temple = figures.select_one('figure[data-view="front"] a.region[data-region="temple-right"]')
    assert temple is not None and temple["aria-checked"] == "true"
    assert temple["href"] == STATE.replace("region=temple-right&", "")
    heel = figures.select_one('a.region[data-region="heel-left"]')
    assert heel is not None and heel["aria-checked"] == "false"
    assert heel["href"] == (
        "/?region=temple-right&region=calf-left&region=heel-left"
        "&view=back&muscle=upper-trapezius&side=right"
    )
    assert figures.select(".overlay"), "the chosen muscle's pattern stays drawn"
    # Not the results: they came with the tap.
    assert part.select_one("#results, .candidate, #picker, #answer-peek") is None


def test_the_figures_bring_the_panel_parts_out_of_band(client: TestClient) -> None:
    part = soup(client.get(STATE, headers=FIGURES).text)
    oob = {el["id"]: el for el in part.select("[hx-swap-oob]")}
    assert set(oob) == {"panel-tools", "view-tabs", "search-picks", "lang-switch"}
    # Every link in them carries the whole new state.
    mode = oob["panel-tools"].select_one("a.mode-toggle")
    assert mode is not None and mode["href"] == f"/?{QUERY}&mode=chairside"
    tabs = {a["data-view"]: a for a in oob["view-tabs"].select("a.tab")}
    assert tabs["front"]["href"] == STATE.replace("&view=back", "")
    assert "current" in tabs["back"]["class"]
    assert tabs["head"]["hx-get"] == STATE.replace("view=back", "view=head")
    picks = [i["value"] for i in oob["search-picks"].select('input[name="region"]')]
    assert picks == ["temple-right", "calf-left"]
    spanish = oob["lang-switch"].select_one('a[hreflang="es"]')
    assert spanish is not None and spanish["href"] == f"/?{QUERY}&lang=es"


@pytest.mark.parametrize("target", ["results", "explorer", None])
def test_nothing_picked_hides_the_answer_bar(client: TestClient, target: str | None) -> None:
    headers = {"HX-Request": "true", "HX-Target": target} if target else {}
    part = soup(client.get("/", headers=headers).text)
    # (a tap's answer keeps it in its template, for after the paint)
    peek = (part.select_one("template#tap-extras") or part).select_one("#answer-peek")
    assert peek is not None and peek.has_attr("hidden")


def test_the_widget_taps_the_same_way_on_its_own_address(client: TestClient) -> None:
    r = client.get("/embed/riverside?region=calf-right", headers=TAP)
    part = soup(r.text)
    sync = part.select_one('[hx-target="#figures"]')
    assert sync is not None and sync["hx-get"] == "/embed/riverside?region=calf-right"
    figures = soup(client.get("/embed/riverside?region=calf-right", headers=FIGURES).text)
    tabs = figures.select_one("#view-tabs[hx-swap-oob]")
    assert tabs is not None
    assert all(a["href"].startswith("/embed/riverside?") for a in tabs.select("a.tab"))
