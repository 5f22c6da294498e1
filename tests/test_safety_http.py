"""HTTP tests of issue #14: precautions wherever self-care appears, and the new red flags."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from bodymap.regions import RegionScheme


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


ASK_FIRST_WORDS = ("blood-thinning", "osteoporosis", "pregnant", "blood clot", "lymphoedema")


def _check_block(block: BeautifulSoup | None) -> None:
    assert block is not None, "no precautions block"
    text = " ".join(block.get_text(" ").split())
    assert len(block.select("li")) == 5
    for word in ASK_FIRST_WORDS:
        assert word in text, word
    assert "Bodymap is written for adults" in text
    assert "front of the neck" in text and "groin crease" in text and "spine" in text


def test_api_card_carries_the_precautions(client: TestClient) -> None:
    body = client.get("/api/muscles/upper-trapezius").json()
    pre = body["precautions"]
    assert set(pre) == {
        "title",
        "intro",
        "ask_first",
        "adults_only",
        "never_press",
        "summary",
        "sources",
    }
    assert len(pre["ask_first"]) == 5
    text = " ".join(pre["ask_first"])
    for word in ASK_FIRST_WORDS:
        assert word in text, word
    assert "batavia-2004" in pre["sources"]


def test_every_exported_card_carries_the_same_precautions(client: TestClient) -> None:
    muscles = client.get("/api/export").json()["muscles"]
    assert len(muscles) > 100
    first = muscles[0]["precautions"]
    assert all(m["precautions"] == first for m in muscles)


def test_openapi_documents_the_precautions_field(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    card = schemas["MuscleCard"]
    assert "precautions" in card["required"]
    assert "clinician" in card["properties"]["precautions"]["description"]
    assert "ask_first" in schemas["PrecautionsPublic"]["properties"]


@pytest.mark.parametrize("slug", ["upper-trapezius", "pectineus", "sternocleidomastoid"])
def test_card_on_the_page_carries_the_precautions(client: TestClient, slug: str) -> None:
    page = soup(client.get("/", params={"muscle": slug, "side": "right"}).text)
    _check_block(page.select_one("#card .precautions"))


@pytest.mark.parametrize("slug", ["infraspinatus", "coracobrachialis"])
def test_handout_carries_the_precautions(client: TestClient, slug: str) -> None:
    """The handout carries the brief form, so it stays within two printed pages."""
    page = soup(client.get("/print", params={"muscle": slug, "side": "left"}).text)
    block = page.select_one(".handout-care .precautions")
    assert block is not None
    text = " ".join(block.get_text(" ").split())
    for word in ("blood thinners", "osteoporosis", "pregnant", "blood clot", "lymphoedema"):
        assert word in text, word
    assert "Bodymap is for adults" in text
    assert "front of the neck" in text and "spine" in text


def test_widget_card_carries_the_precautions(client: TestClient) -> None:
    r = client.get("/embed/riverside", params={"muscle": "gluteus-medius", "side": "right"})
    assert r.status_code == 200
    _check_block(soup(r.text).select_one("#card .precautions"))


def test_htmx_card_fragment_carries_the_precautions(client: TestClient) -> None:
    r = client.get(
        "/",
        params={"muscle": "masseter", "side": "right"},
        headers={"HX-Request": "true", "HX-Target": "results"},
    )
    part = soup(r.text)
    assert part.select_one("html") is None
    _check_block(part.select_one("#card .precautions"))


def test_neck_rule_and_its_exceptions_agree(client: TestClient) -> None:
    """The card no longer says 'never press on the front of the neck' beside a neck pinch."""
    page = soup(client.get("/", params={"muscle": "sternocleidomastoid", "side": "right"}).text)
    card = " ".join(page.select_one("#card").get_text(" ").split())
    assert "Never press on the front of the neck, directly on the spine" not in card
    never = page.select_one("#card .precautions").get_text(" ")
    assert "light pinch that lifts a muscle away from the neck" in " ".join(never.split())


def test_self_pressure_off_card_says_do_not_press(client: TestClient) -> None:
    page = soup(client.get("/", params={"muscle": "pectineus", "side": "right"}).text)
    steps = page.select_one("#card ol.steps").get_text(" ")
    assert "Do not press this muscle yourself" in steps
    assert "5-7" not in steps


# Each new or widened red flag fires for its places, and not elsewhere.

FIRES = [
    ("polymyalgia-rheumatica", ["shoulder-top", "hip-side", "upper-arm-back"]),
    ("effort-chest-pain", ["sternum", "jaw", "upper-arm-front"]),
    ("arm-injury-after-fall", ["shoulder-side", "upper-arm-front", "wrist-back"]),
    ("achilles-rupture", ["achilles", "calf-lower"]),
    ("arm-vein-clot", ["forearm-front", "upper-arm-back", "collarbone"]),
    ("bone-pain-cancer-history", ["thigh-front", "side-chest", "upper-arm-back", "shin"]),
    ("child-limp-hip-knee", ["kneecap", "hip-side", "groin"]),
    ("child-night-bone-pain", ["shin", "thigh-front", "upper-arm-front"]),
    ("deep-neck-infection", ["jaw", "throat", "neck-side", "cheek"]),
    ("neck-artery-dissection", ["eye", "forehead"]),
    ("aortic-dissection", ["neck-side", "low-back"]),
]
SILENT = [
    ("achilles-rupture", "temple"),
    ("deep-neck-infection", "achilles"),
    ("child-limp-hip-knee", "jaw"),
    ("polymyalgia-rheumatica", "big-toe"),
    ("arm-vein-clot", "calf"),
]


@pytest.mark.parametrize(("flag", "bases"), FIRES)
def test_new_flag_fires_for_its_places(
    client: TestClient, scheme: RegionScheme, flag: str, bases: list[str]
) -> None:
    for base in bases:
        for rid in scheme.ids_for_base(base):
            ids = [f["id"] for f in client.get("/api/red-flags", params={"region": rid}).json()]
            assert flag in ids, (flag, rid)
            cands = client.get("/api/candidates", params={"region": rid}).json()
            assert flag in [f["id"] for f in cands["red_flags"]], (flag, rid)


@pytest.mark.parametrize(("flag", "base"), SILENT)
def test_new_flag_stays_out_of_other_places(
    client: TestClient, scheme: RegionScheme, flag: str, base: str
) -> None:
    rid = scheme.ids_for_base(base)[0]
    ids = [f["id"] for f in client.get("/api/red-flags", params={"region": rid}).json()]
    assert flag not in ids


def test_new_flags_show_on_the_page_with_their_level(client: TestClient) -> None:
    page = soup(client.get("/", params={"region": ["jaw-right", "achilles-left"]}).text)
    emergency = page.select_one(".flag-group.level-emergency").get_text(" ")
    urgent = page.select_one(".flag-group.level-urgent").get_text(" ")
    assert "Swelling of the face or neck with a fever" in " ".join(emergency.split())
    assert "sudden snap at the back of the ankle" in " ".join(urgent.split())


def test_new_flags_levels_and_sources(client: TestClient) -> None:
    flags = {f["id"]: f for f in client.get("/api/red-flags").json()}
    levels = {
        "polymyalgia-rheumatica": "see_clinician",
        "effort-chest-pain": "urgent",
        "arm-injury-after-fall": "urgent",
        "achilles-rupture": "urgent",
        "arm-vein-clot": "urgent",
        "bone-pain-cancer-history": "urgent",
        "child-limp-hip-knee": "urgent",
        "child-night-bone-pain": "urgent",
        "deep-neck-infection": "emergency",
    }
    for fid, level in levels.items():
        assert flags[fid]["level"] == level, fid
        assert flags[fid]["sources"] and all(s["citation"] for s in flags[fid]["sources"]), fid
    assert any(s["id"] == "nice-cg95" for s in flags["effort-chest-pain"]["sources"])
    # PMR with giant cell arteritis features is escalated in the advice itself.
    assert "today" in flags["polymyalgia-rheumatica"]["advice"]


def test_checklist_asks_about_effort_pain_and_neck_swelling(client: TestClient) -> None:
    # The general checklist (nothing picked yet) asks about both.
    page = soup(client.get("/").text)
    values = [i["value"] for i in page.select('.safety input[name="yes"]')]
    assert "effort-chest-pain" in values and "deep-neck-infection" in values
    # The safety check of a place asks what applies there, most serious first.
    page = soup(client.get("/", params={"region": "sternum"}).text)
    values = [i["value"] for i in page.select('.safety input[name="yes"]')]
    assert values.index("heart-attack-warning") < values.index("effort-chest-pain")
    page = soup(client.get("/", params={"region": "throat"}).text)
    assert "deep-neck-infection" in [i["value"] for i in page.select('.safety input[name="yes"]')]


def test_how_it_works_page_covers_each_topic_with_sources(client: TestClient) -> None:
    page = soup(client.get("/how-it-works").text)
    ids = [s["id"] for s in page.select("article section")]
    assert ids == [
        "trigger-point",
        "active-latent",
        "referred-pain",
        "figure",
        "evidence",
        "first-session",
    ]
    for s in page.select("article section"):
        assert "Sources:" in s.select_one(".sources").text, s["id"]
    evidence = page.select_one("#evidence").get_text(" ")
    assert "Lucas N" in evidence and "commonly refers" in evidence
    assert "soreness" in page.select_one("#first-session").get_text()


def test_how_it_works_is_linked_from_results_and_card(client: TestClient) -> None:
    page = soup(client.get("/", params={"region": "temple-right", "muscle": "masseter"}).text)
    assert page.select_one('.candidates a[href="/how-it-works"]') is not None
    assert page.select_one('#card a[href="/how-it-works"]') is not None
