"""Clinic profiles: the demo ones are valid; anything that could inject is refused."""

from __future__ import annotations

import pytest

from bodymap.clinics import DEFAULT_CLINIC, parse_clinic, read_clinics
from bodymap.knowledge import KnowledgeBase
from tests.conftest import SEED_DIR

GOOD = {
    "name": "Riverside Physiotherapy",
    "logo_text": "Riverside",
    "accent": "#0f766e",
    "cta_label": "Book",
    "cta_url": "https://riverside.example/book",
    "emergency_number": "999",
    "language": "en",
    "techniques": ["dry-needling"],
    "origins": ["https://riverside.example"],
}


def test_demo_profiles_are_valid(seed_kb: KnowledgeBase) -> None:
    clinics, problems = read_clinics(SEED_DIR / "clinics", {t.id for t in seed_kb.techniques})
    assert problems == []
    assert {"riverside", "summit"} <= set(clinics)
    assert clinics["riverside"].accent != clinics["summit"].accent
    assert clinics["riverside"].frame_ancestors.startswith("'self' https://")


def test_default_profile_is_neutral_and_embeddable_anywhere() -> None:
    assert DEFAULT_CLINIC.cta_url == "" and DEFAULT_CLINIC.frame_ancestors == "'self' *"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("accent", "red;}body{display:none", "colour"),
        ("accent", "#12345", "colour"),
        ("cta_url", "javascript:alert(1)", "https://"),
        ("cta_url", 'https://x.example/"onmouseover=alert(1)', "https://"),
        ("name", "<script>alert(1)</script>", "may not contain"),
        ("logo_text", "x" * 200, "under 60"),
        ("emergency_number", "999<b>", "digits"),
        ("origins", ["https://x.example; script-src *"], "origin"),
        ("origins", ["http://evil.example"], "origin"),
        ("origins", [], "origins"),
        ("techniques", ["mind-reading"], "unknown technique"),
        ("language", "xx", "language"),
    ],
)
def test_unsafe_or_wrong_values_are_refused(key: str, value: object, message: str) -> None:
    _, problems = parse_clinic("riverside", {**GOOD, key: value}, {"dry-needling"})
    assert any(message in p for p in problems), problems


def test_good_profile_has_no_problems() -> None:
    clinic, problems = parse_clinic("riverside", GOOD, {"dry-needling"})
    assert problems == [] and clinic.cta_url == GOOD["cta_url"]


def test_bad_slug_is_refused() -> None:
    _, problems = parse_clinic("Bad Slug!", GOOD, {"dry-needling"})
    assert problems
