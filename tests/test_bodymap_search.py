"""Region search: lay and clinical words find the intended place first."""

from __future__ import annotations

import pytest

from bodymap.search import search_regions

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
    ("plantar fasciitis", "arch-right"),
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
def test_phrase_finds_region_first(query: str, expected: str, scheme) -> None:  # type: ignore[no-untyped-def]
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
def test_odd_queries_never_raise(query: str, scheme) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(search_regions(query, scheme.regions), list)


def test_side_word_filters_to_that_side(scheme) -> None:  # type: ignore[no-untyped-def]
    assert all(r.side in ("left", "midline") for r in search_regions("left calf", scheme.regions))
