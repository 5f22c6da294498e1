"""HTTP tests of the pages: full page, htmx fragments, no-JS links, errors, headers."""

from __future__ import annotations

from datetime import date

import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from bodymap.knowledge import Knowledge, KnowledgeBase
from bodymap.regions import RegionScheme

HX = {"HX-Request": "true"}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_page_carries_front_and_back_and_fetches_close_ups(
    client: TestClient, scheme: RegionScheme
) -> None:
    page = soup(client.get("/").text)
    views = {f["data-view"] for f in page.select("figure.view")}
    assert views == {"front", "back"}, "a wide screen shows both; close-ups come on demand"
    tabs = {a["data-view"]: a for a in page.select(".view-tabs a.tab")}
    assert not tabs["back"].has_attr("hx-get"), "the back view is on the page already"
    assert tabs["head"]["hx-get"] == "/?view=head" and tabs["head"]["hx-target"] == "#explorer"
    drawn = {a["data-region"] for a in page.select("a.region")}
    for view in ("head", "hands"):
        close_up = soup(client.get(f"/?view={view}").text)
        assert {f["data-view"] for f in close_up.select("figure.view")} == {view}
        drawn |= {a["data-region"] for a in close_up.select("a.region")}
    assert drawn == {r.id for r in scheme.regions}, "every region is drawn on some view"
    boxes = {i["value"] for i in page.select('#picker input[name="region"]')}
    assert boxes == drawn, "the text alternative offers every pick on every view"


def test_a_close_up_tab_swaps_the_explorer(client: TestClient) -> None:
    r = client.get("/?region=jaw-joint-left&view=head", headers={**HX, "HX-Target": "explorer"})
    part = soup(r.text)
    assert part.select_one("html") is None, "a fragment, not a page"
    assert {f["data-view"] for f in part.select("figure.view")} == {"head"}
    jaw = part.select_one('a.region[data-region="jaw-joint-left"]')
    assert jaw is not None and jaw["aria-checked"] == "true"


def test_picked_regions_are_marked_and_links_toggle(client: TestClient) -> None:
    page = soup(client.get("/?region=temple-right&region=calf-left").text)
    temple = page.select_one('a.region[data-region="temple-right"]')
    assert temple is not None and "picked" in temple["class"] and temple["aria-checked"] == "true"
    assert temple["href"] == "/?region=calf-left"  # following it removes the pick
    heel = page.select_one('a.region[data-region="heel-left"]')
    assert (
        heel is not None
        and heel["href"] == "/?region=temple-right&region=calf-left&region=heel-left"
    )
    assert page.select_one('#picker input[value="calf-left"]').has_attr("checked")


def test_candidates_and_red_flags_in_order(client: TestClient) -> None:
    page = soup(client.get("/?region=calf-right").text)
    results = page.select_one("#results")
    assert results is not None
    flags = results.select_one(".red-flags")
    cands = results.select_one(".candidates")
    assert flags is not None and cands is not None
    assert str(results).index("red-flags") < str(results).index('class="candidates"')
    names = [a.select_one(".cand-name").text for a in cands.select(".cand-link")]
    assert "Gastrocnemius" in names[:3]
    assert "Covers your place" in cands.text


def test_emergency_number_is_shown(client: TestClient) -> None:
    page = soup(client.get("/?region=sternum").text)
    assert page.select_one(".red-flags.level-emergency .emergency-number").text == "112"
    groups = [g["class"][1] for g in page.select(".flag-group")]
    assert groups[0] == "level-emergency"
    assert groups == sorted(
        groups, key=["level-emergency", "level-urgent", "level-see_clinician"].index
    )


@pytest.mark.parametrize(
    ("target", "selector"),
    [
        ("results", ".picked-bar"),
        ("explorer", "figure.view"),
        ("suggestions", None),
    ],
)
def test_htmx_gets_a_fragment_without_html(
    client: TestClient, target: str, selector: str | None
) -> None:
    r = client.get("/?region=calf-right&q=heel", headers={**HX, "HX-Target": target})
    assert r.status_code == 200
    assert "<html" not in r.text and "<head" not in r.text
    if selector:
        assert soup(r.text).select_one(selector) is not None


def test_history_restore_gets_the_full_page(client: TestClient) -> None:
    r = client.get("/?region=calf-right", headers={**HX, "HX-History-Restore-Request": "true"})
    assert "<html" in r.text


def test_choosing_a_muscle_draws_its_pattern_and_card(client: TestClient) -> None:
    page = soup(client.get("/?region=temple-right&muscle=upper-trapezius&side=right").text)
    card = page.select_one("#card")
    assert card is not None and "Upper trapezius" in card.text
    assert "30–90 seconds" in card.text and "Sources" in card.text
    back = page.select_one('figure[data-view="back"]')
    assert back is not None
    assert back.select('path.zone-essential[data-zone-region="neck-back-right"]')
    assert back.select("path.tp")


def test_search_suggestions_link_to_the_toggled_state(client: TestClient) -> None:
    frag = soup(
        client.get(
            "/?q=outer+elbow&region=calf-right", headers={**HX, "HX-Target": "suggestions"}
        ).text
    )
    first = frag.select_one("a.suggestion")
    assert first is not None and first["data-region"] == "elbow-outer-right"
    assert first["href"] == "/?region=calf-right&region=elbow-outer-right"


def test_markup_in_q_is_escaped(client: TestClient) -> None:
    r = client.get("/", params={"q": "<script>alert(1)</script>"})
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;" in r.text


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("region=spleen", "spleen"),
        ("view=side", "side"),
        ("muscle=heart", "heart"),
        ("q=" + "x" * 300, "q"),
    ],
)
def test_bad_input_is_a_clear_422_page(client: TestClient, query: str, named: str) -> None:
    r = client.get("/?" + query)
    assert r.status_code == 422
    assert "text/html" in r.headers["content-type"]
    msg = soup(r.text).select_one(".error-message")
    assert msg is not None and named in msg.text.lower()


def test_security_headers_and_no_inline_script(client: TestClient) -> None:
    r = client.get("/?region=calf-right")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    page = soup(r.text)
    assert all(s.has_attr("src") for s in page.select("script")), "no inline scripts"
    assert not page.select("[style]") and not page.select("style"), "no inline styles"
    assert not any(attr.startswith("on") for tag in page.find_all(True) for attr in tag.attrs)


def test_static_files_are_versioned_and_served(client: TestClient) -> None:
    page = soup(client.get("/").text)
    for tag, attr in (("script", "src"), ("link", "href")):
        for el in page.select(f"{tag}[{attr}]"):
            url = el[attr]
            assert url.startswith("/static/") and "?v=" in url
            assert client.get(url).status_code == 200


def test_muscle_index_groups_muscles_and_links_to_their_pattern(client: TestClient) -> None:
    page = soup(client.get("/muscles").text)
    groups = [h.text for h in page.select(".muscle-group h2")]
    assert "Neck" in groups and "Leg" in groups
    link = page.find("a", string="Gluteus minimus")
    assert link is not None and link["href"] == "/?view=back&muscle=gluteus-minimus&side=right"
    shown = soup(client.get(link["href"]).text)
    assert shown.select('figure[data-view="back"] path.zone-essential')


def test_muscle_index_search_by_synonym(client: TestClient) -> None:
    page = soup(client.get("/muscles", params={"q": "peroneus"}).text)
    names = [a.text for a in page.select(".muscle-group a")]
    assert names and "Fibularis" in names[0]


def test_techniques_page(client: TestClient, seed_kb: KnowledgeBase) -> None:
    page = soup(client.get("/techniques").text)
    assert len(page.select("article.technique")) == len(seed_kb.techniques)


def test_element_ids_are_unique_on_the_page(client: TestClient) -> None:
    page = soup(client.get("/?region=calf-right&muscle=gastrocnemius&side=right").text)
    ids = [el["id"] for el in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)[:5]


def test_checklist_yes_turns_the_page_into_an_emergency_message(client: TestClient) -> None:
    page = soup(client.get("/?region=calf-left&yes=heart-attack-warning&yes=dvt-swollen-calf").text)
    alarm = page.select_one("#results .alarm")
    assert alarm is not None and "level-emergency" in alarm["class"]
    assert "Call" in alarm.h2.text and "112" in alarm.h2.text
    # The rest is still there, below.
    results = str(page.select_one("#results"))
    assert results.index('class="alarm') < results.index('class="candidates"')
    boxes = {i["value"]: i.has_attr("checked") for i in page.select('input[name="yes"]')}
    assert boxes["heart-attack-warning"] and boxes["dvt-swollen-calf"]
    assert all(i["form"] == "picker" for i in page.select('input[name="yes"]'))


def test_urgent_only_answer_says_see_a_doctor_today(client: TestClient) -> None:
    page = soup(client.get("/?yes=dvt-swollen-calf").text)
    alarm = page.select_one(".alarm")
    assert alarm is not None and "See a doctor today" in alarm.h2.text


def test_unknown_checklist_answer_is_a_422(client: TestClient) -> None:
    assert client.get("/?yes=feeling-sad").status_code == 422


def test_print_handout_has_figure_steps_flags_and_a_qr_code(client: TestClient) -> None:
    r = client.get("/print?region=calf-left&muscle=soleus&side=left")
    assert r.status_code == 200
    page = soup(r.text)
    assert "Soleus (left side)" in page.h1.text
    assert page.select(".handout-figures svg.figure path.zone-essential")
    assert page.select(".handout-care .steps li")
    assert page.select(".handout-flags li")
    qr = page.select_one(".qr svg")
    assert qr is not None and qr.find("path") is not None
    assert "http://testserver/?region=calf-left&muscle=soleus&side=left" in page.text
    assert page.select_one(".date").text == format_date(date.today(), format="long", locale="en")


def test_results_link_to_the_handout(client: TestClient) -> None:
    page = soup(client.get("/?region=calf-left").text)
    link = page.select_one(".share a")
    assert link is not None and link["href"] == "/print?region=calf-left"


def test_compare_two_muscles_overlaid_with_two_cards(client: TestClient) -> None:
    url = "/?region=buttock-lower-right&muscle=gluteus-minimus&side=right"
    page = soup(client.get(url).text)
    link = next(a for a in page.select(".compare-link") if "piriformis" in a["href"])
    page = soup(client.get(link["href"]).text)
    back = page.select_one('figure[data-view="back"]')
    assert back is not None
    assert back.select("path.zone-essential") and back.select("path.cmp-essential")
    assert back.select("path.tp-cmp")
    cards = page.select(".cards-compare article.card")
    assert [c.h2.text.split("(")[0].strip() for c in cards] == ["Gluteus minimus", "Piriformis"]
    assert len({c["id"] for c in cards}) == 2
    stop = page.select_one("#card2 .card-kicker a")
    assert stop is not None and "compare" not in stop["href"]


def test_muscles_unsafe_to_press_get_no_pressure_step(client: TestClient) -> None:
    card = soup(client.get("/?muscle=scalenes&side=right").text).select_one("#card")
    assert card is not None
    steps = card.select_one(".steps").text
    assert "Do not press this muscle yourself" in steps
    assert "Press at" not in steps and "Then stretch" in steps
    handout = soup(client.get("/print?muscle=omohyoid&side=left").text).select_one(".steps")
    assert handout is not None and "Press at" not in handout.text


def test_widget_page_is_themed_and_framed_only_by_the_clinic(client: TestClient) -> None:
    r = client.get("/embed/riverside?region=calf-left")
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors 'self' https://riverside-physio.example" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "set-cookie" not in r.headers
    page = soup(r.text)
    assert page.select_one("header.site") is None, "no site chrome in the widget"
    cta = page.select_one("a.cta")
    assert cta is not None and cta["href"] == "https://riverside-physio.example/book"
    assert len(page.select("figure.view")) == 1, "one view at a time keeps the widget small"
    box = page.select_one('a.region[data-region="shin-left"]')
    assert box is not None and box["href"].startswith("/embed/riverside?")
    theme = client.get("/embed/riverside/theme.css")
    assert theme.headers["content-type"].startswith("text/css")
    assert theme.text.strip() == ":root{--accent:#0f766e;}"


def test_unknown_clinic_gets_the_neutral_widget(client: TestClient) -> None:
    r = client.get("/embed/no-such-clinic")
    assert r.status_code == 200
    assert "frame-ancestors 'self' *" in r.headers["content-security-policy"]
    assert soup(r.text).select_one("a.cta") is None


def test_widget_about_note(client: TestClient) -> None:
    page = soup(client.get("/embed/about").text)
    assert "No cookies" in page.text


def test_full_site_may_only_be_framed_by_itself(client: TestClient) -> None:
    assert "frame-ancestors 'self'" in client.get("/").headers["content-security-policy"]
    assert "frame-ancestors 'self';" in client.get("/").headers["content-security-policy"] + ";"


def test_each_htmx_answer_updates_one_live_status_line(client: TestClient) -> None:
    page = soup(client.get("/?region=temple-right").text)
    assert len(page.select("#live-status")) == 1, "one status line, outside the swapped part"
    assert page.select_one("#results[aria-live]") is None, "the results are not read out whole"
    url = "/?region=temple-right&region=calf-left"
    explorer = soup(client.get(url, headers={**HX, "HX-Target": "explorer"}).text)
    status = explorer.select_one('#live-status[hx-swap-oob="innerHTML"]')
    assert status is not None
    assert status.text.startswith("2 places picked.") and "warning sign" in status.text
    assert "muscles commonly refer pain there" in status.text
    # A tap's answer carries the same sentence in an inert template, for after the paint.
    tap = soup(client.get(url, headers={**HX, "HX-Target": "results"}).text)
    assert tap.select_one("#live-status") is None
    extras = tap.select_one("template#tap-extras")
    later = extras.select_one("[data-status]") if extras else None
    assert later is not None and str(later.string) == status.text  # (.text skips templates)


def test_safety_check_asks_few_emergency_questions_and_keeps_every_sign(
    client: TestClient, knowledge: Knowledge
) -> None:
    """Issue 12: at most six emergency yes/no questions, most serious first; every other
    warning sign of the place one tap away, grouped by level; nothing left out."""
    from bodymap.triage import flags_for

    page = soup(client.get("/?region=temple-right").text)
    safety = page.select_one("#results .safety")
    assert safety is not None
    flags = flags_for(["temple-right"], knowledge)
    asked = [i["value"] for i in safety.select("div.flag-group.level-emergency > .questions input")]
    emergency = [f.id for f in flags if f.level == "emergency"]
    assert len(emergency) > 6, "the temple has more emergency signs than are asked"
    assert asked == emergency[:6]
    groups = safety.select("details.flag-group")
    assert [g["class"][1] for g in groups] == [
        "level-emergency",
        "level-urgent",
        "level-see_clinician",
    ]
    assert all(not g.has_attr("open") for g in groups), "lower levels are one tap away"
    every = [i["value"] for i in safety.select('input[name="yes"]')]
    assert sorted(every) == sorted(f.id for f in flags), "nothing hidden, nothing twice"
    assert "3 more signs" in groups[0].summary.text
    assert "Call 112 now" in safety.select_one(".if-yes").text
    # One place for warning signs: no separate checklist beside them.
    assert page.select_one("#results .checklist") is None
    assert len(page.select("#results .red-flags")) == 1


def test_nothing_picked_offers_the_general_checklist_folded(
    client: TestClient, knowledge: Knowledge
) -> None:
    page = soup(client.get("/").text)
    folded = page.select_one("#results .safety details.checklist")
    assert folded is not None and not folded.has_attr("open")
    values = [i["value"] for i in folded.select('input[name="yes"]')]
    assert sorted(values) == sorted(f.id for f in knowledge.checklist)


def test_a_yes_to_a_lower_level_sign_opens_its_group_and_says_what_to_do(
    client: TestClient,
) -> None:
    page = soup(client.get("/?region=temple-right&yes=giant-cell-arteritis").text)
    alarm = page.select_one("#results .alarm")
    assert alarm is not None and "See a doctor today" in alarm.h2.text
    box = page.select_one('input[name="yes"][value="giant-cell-arteritis"]')
    assert box is not None and box.has_attr("checked")
    group = box.find_parent("details")
    assert group is not None and group.has_attr("open") and "level-urgent" in group["class"]
    # Any warning sign can be answered; a made-up one is still refused.
    assert client.get("/?yes=sudden-vision-loss").status_code == 200
    assert client.get("/?yes=feeling-sad").status_code == 422


def test_the_card_follows_the_candidate_list(client: TestClient) -> None:
    results = str(
        soup(client.get("/?region=temple-right&muscle=upper-trapezius&side=right").text).select_one(
            "#results"
        )
    )
    assert results.index('class="red-flags') < results.index('class="candidates"')
    assert results.index('class="candidates"') < results.index('id="card"')
