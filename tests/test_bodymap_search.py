"""Region search: lay and clinical words, sentences and misspellings find the place first."""

from __future__ import annotations

import time
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bodymap.knowledge import Knowledge
from bodymap.regions import RegionScheme
from bodymap.search import score_terms, search_muscles, search_regions, words

TABLE: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "search_cases.toml").read_text("utf-8")
)["case"]

# (what a person types, the region that must come first)
CASES = [
    ("outer elbow", "elbow-outer-right"),
    ("tennis elbow", "elbow-outer-right"),
    ("lateral epicondyle", "elbow-outer-right"),
    ("golfer's elbow", "elbow-inner-right"),
    ("behind the eye", "eye-right"),
    ("left temple", "temple-left"),
    ("Temple", "temple-right"),
    ("TMJ", "jaw-joint-right"),
    ("jaw joint", "jaw-joint-right"),
    ("lower teeth", "jaw-right"),
    ("upper teeth", "upper-jaw-right"),
    ("cheekbone", "cheek-right"),
    ("eyebrow", "eyebrow-right"),
    ("base of the skull", "occiput-right"),
    ("crown", "vertex"),
    ("nape of the neck", "neck-back-right"),
    ("collarbone", "collarbone-right"),
    ("breastbone", "sternum"),
    ("shoulder blade", "shoulder-blade-right"),
    ("between my shoulder blades", "between-shoulder-blades-right"),
    ("left low back", "low-back-left"),
    ("lumbago", "low-back-right"),
    ("tailbone", "sacrum"),
    ("SI joint", "sacroiliac-right"),
    ("sciatica", "buttock-lower-right"),
    ("greater trochanter", "hip-side-right"),
    ("IT band", "thigh-outer-right"),
    ("hamstrings", "thigh-back-right"),
    ("kneecap", "kneecap-right"),
    ("behind the knee", "knee-back-right"),
    ("shin splints", "shin-right"),
    ("achilles", "achilles-right"),
    ("plantar fasciitis", "heel-right"),  # the classic place: the heel, worst at first steps
    ("arch of the foot", "arch-right"),
    ("ball of the foot", "forefoot-sole-right"),
    ("big toe", "big-toe-right"),
    ("little toe", "toes-right"),
    ("carpal tunnel", "wrist-front-right"),
    ("pinky", "little-finger-right"),
    ("index finger", "index-finger-right"),
    ("ring finger", "ring-finger-right"),
    ("ball of the thumb", "thenar-right"),
    ("belly button", "navel"),
    ("heartburn", "upper-abdomen-right"),
    ("groin", "groin-right"),
    ("right calf", "calf-right"),
    ("HAMSTRNG", "thigh-back-right"),
    ("shoulder cap", "shoulder-side-right"),
    ("DELTOID", "shoulder-side-right"),
]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_phrase_finds_region_first(query: str, expected: str, scheme: RegionScheme) -> None:
    results = search_regions(query, scheme.regions)
    assert results, f"nothing found for {query!r}"
    assert results[0].id == expected, [r.id for r in results[:3]]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "zzzzqqq",
        "<script>alert(1)</script>",
        "\x00\x01",
        "a" * 10_000,
        "🙂",
        "'; DROP TABLE region; --",
    ],
)
def test_odd_queries_never_raise(query: str, scheme: RegionScheme) -> None:
    assert isinstance(search_regions(query, scheme.regions), list)


def test_side_word_filters_to_that_side(scheme: RegionScheme) -> None:
    assert all(r.side in ("left", "midline") for r in search_regions("left calf", scheme.regions))


def test_the_phrase_table_is_large_and_varied(scheme: RegionScheme) -> None:
    assert len(TABLE) >= 200
    kinds = Counter(c["kind"] for c in TABLE)
    assert set(kinds) == {"lay", "clinical", "condition", "nickname", "misspelled", "sentence"}
    assert kinds["sentence"] >= 25 and kinds["misspelled"] >= 15
    assert {c["first"] for c in TABLE} <= set(scheme.by_id)
    assert len({scheme[c["first"]].base for c in TABLE}) >= 75, "most places are asked for"


@pytest.mark.parametrize("case", TABLE, ids=lambda c: c["q"])
def test_table_phrase_finds_its_place_first(case: dict[str, Any], scheme: RegionScheme) -> None:
    results = search_regions(case["q"], scheme.regions)
    assert results, f"nothing found for {case['q']!r}"
    assert results[0].id == case["first"], [r.id for r in results[:3]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("headache behind my eye", "eye-right"),
        ("migraine at the temples", "temple-right"),
        ("calf cramp", "calf-right"),
        ("heel pain in the morning", "heel-right"),
        ("wrist pain when typing", "wrist-back-right"),
        ("sholder", "shoulder-front-right"),
        ("kne", "kneecap-right"),
    ],
)
def test_the_issue_examples(query: str, expected: str, scheme: RegionScheme) -> None:
    assert search_regions(query, scheme.regions)[0].id == expected


def test_words_drop_stop_words_and_make_plurals_singular() -> None:
    assert words("My temples hurt when I wake up") == ("temple", "wake", "up")
    assert words("Calves and FEET") == ("calf", "foot")
    assert words("golfer's elbow") == ("golfer", "elbow")
    assert words("clicking") == words("clicks") == ("click",)


def test_best_match_first_then_weaker_ones(scheme: RegionScheme) -> None:
    ids = [r.id for r in search_regions("back of the knee", scheme.regions)]
    assert ids[:2] == ["knee-back-right", "knee-back-left"]
    assert "kneecap-right" in ids  # "knee" alone still offers the other knee places


def test_a_misspelling_offers_the_closest_places(scheme: RegionScheme) -> None:
    ids = [r.id for r in search_regions("sholdr blade", scheme.regions)]
    assert ids[0] == "shoulder-blade-right"


def test_nonsense_finds_nothing(scheme: RegionScheme) -> None:
    assert search_regions("zzzzqqq", scheme.regions) == []
    assert search_regions("the my when", scheme.regions) == []


def test_typing_a_longer_word_matches_only_at_the_end(scheme: RegionScheme) -> None:
    # "head" is a word of its own: it must not stand for "headache" mid-sentence.
    assert (
        search_regions("headache at the back of my head", scheme.regions)[0].id == "occiput-right"
    )
    assert search_regions("ank", scheme.regions)[0].base.startswith("ankle")


def test_score_terms_and_muscle_search(knowledge: Knowledge) -> None:
    assert score_terms("traps", ["upper traps", "traps"]) == 100
    assert score_terms("zzzz", ["traps"]) == 0
    found = [m.slug for m in search_muscles("upper traps", list(knowledge.muscles.values()))]
    assert found[0] == "upper-trapezius"
    found = [m.slug for m in search_muscles("glute med", list(knowledge.muscles.values()))]
    assert found[0] == "gluteus-medius"


def test_search_is_fast(scheme: RegionScheme) -> None:
    search_regions("warm up the index", scheme.regions)
    started = time.perf_counter()
    for case in TABLE:
        search_regions(case["q"], scheme.regions)
    per_query = (time.perf_counter() - started) / len(TABLE)
    assert per_query < 0.01, f"{per_query * 1000:.2f} ms a query"


SPANISH: list[dict[str, str]] = tomllib.loads(
    (Path(__file__).parent / "search_cases_es.toml").read_text("utf-8")
)["case"]


@pytest.mark.parametrize("case", SPANISH, ids=[c["q"] for c in SPANISH])
def test_spanish_words_find_the_place_first(case: dict[str, str], knowledge: Knowledge) -> None:
    es = knowledge.localized("es")
    found = search_regions(case["q"], es.scheme.regions, limit=3)
    assert found and found[0].id == case["first"], [r.id for r in found]


def test_spanish_muscle_names_find_their_card(knowledge: Knowledge) -> None:
    es = knowledge.localized("es")
    for q, slug in [
        ("trapecio", "upper-trapezius"),
        ("gemelos", "gastrocnemius"),
        ("piriforme", "piriformis"),
        ("cuadrado lumbar", "quadratus-lumborum"),
    ]:
        found = search_muscles(q, list(es.muscles.values()))
        assert found and found[0].slug == slug, (q, [m.slug for m in found[:3]])
