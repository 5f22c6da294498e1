"""The pain-guide file: every region covered, every muscle real and referring there."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from bodymap.knowledge import KnowledgeBase
from bodymap.painguides import FILE, parse_pain_guides, read_pain_guides
from bodymap.regions import RegionScheme
from bodymap.seedfiles import check_seed
from bodymap.validation import SeedProblem, ValidationContext
from tests.conftest import SEED_DIR


def _data() -> dict[str, Any]:
    return tomllib.loads((SEED_DIR / FILE).read_text("utf-8"))


def _problems(data: dict[str, Any], scheme: RegionScheme, kb: KnowledgeBase) -> list[str]:
    problems: list[SeedProblem] = []
    context: ValidationContext = {"scheme": scheme, "sources": {s.id for s in kb.sources}}
    parse_pain_guides(data, scheme=scheme, context=context, muscles=kb.muscles, problems=problems)
    return [str(p) for p in problems]


def _guides(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    return {g.id: g.muscles for g in kb.pain_guides}


def test_the_seed_guide_covers_every_region_in_scheme_order(
    seed_kb: KnowledgeBase, scheme: RegionScheme
) -> None:
    assert list(_guides(seed_kb)) == list(scheme.bases)
    assert _problems(_data(), scheme, seed_kb) == []


def test_every_listed_muscle_refers_to_its_place(seed_kb: KnowledgeBase) -> None:
    zones = {m.slug: {z.base for z in m.zones} for m in seed_kb.muscles}
    for base, slugs in _guides(seed_kb).items():
        assert slugs, base
        for slug in slugs:
            assert base in zones[slug], (base, slug)


def test_every_essential_referrer_of_a_place_is_listed_for_it(seed_kb: KnowledgeBase) -> None:
    """A guide that forgot a muscle's main area would silently rank it last."""
    missing = [
        (z.base, m.slug)
        for m in seed_kb.muscles
        for z in m.zones
        if z.zone == "essential" and m.slug not in _guides(seed_kb)[z.base]
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("temple"), "pain_guides.toml: pain guide 'temple': region has no entry"),
        (
            lambda d: d.update(
                elbowz={"source": "travell-simons-v1", "locator": "x", "muscles": ["deltoid"]}
            ),
            "pain_guides.toml: pain guide 'elbowz': unknown region base 'elbowz'",
        ),
        (
            lambda d: d["temple"]["muscles"].append("biceps-femoris"),
            "pain_guides.toml: pain guide 'temple': "
            "unknown muscle 'biceps-femoris' (no seed/muscles file)",
        ),
        (
            lambda d: d["temple"]["muscles"].append("soleus"),
            "pain_guides.toml: pain guide 'temple': "
            "'soleus' is listed but its [referral] block does not reach 'temple'",
        ),
        (
            lambda d: d["temple"]["muscles"].append("temporalis"),
            "pain_guides.toml: pain guide 'temple': 'temporalis' is listed twice",
        ),
        (
            lambda d: d["temple"]["muscles"].remove("temporalis"),
            "pain_guides.toml: pain guide 'temple': "
            "'temporalis' refers its main pain here but is not listed",
        ),
        (
            lambda d: d["temple"].update(source="a-blog"),
            "pain_guides.toml: pain guide 'temple': unknown source 'a-blog' (not in sources.toml)",
        ),
        (
            lambda d: d["temple"].update(muscles=[]),
            "pain_guides.toml: pain guide 'temple': 'muscles' is missing or empty",
        ),
        (
            lambda d: d["temple"].update(muscles="upper-trapezius"),
            "pain_guides.toml: pain guide 'temple': 'muscles': Input should be a valid tuple",
        ),
        (
            lambda d: d["temple"].update(weight=3),
            "pain_guides.toml: pain guide 'temple': unknown field 'weight' (a typo?)",
        ),
        (
            lambda d: d["temple"].pop("locator"),
            "pain_guides.toml: pain guide 'temple': 'locator' is missing or empty",
        ),
        (
            lambda d: d.update(temple="upper-trapezius"),
            "pain_guides.toml: pain guide 'temple': "
            "'': Input should be a valid dictionary or instance of PainGuide",
        ),
    ],
)
def test_each_problem_is_reported_as_file_entry_problem(
    change: Any, expected: str, seed_kb: KnowledgeBase, scheme: RegionScheme
) -> None:
    data = _data()
    change(data)
    assert expected in _problems(data, scheme, seed_kb)


def test_a_missing_file_is_a_problem_not_a_crash(
    tmp_path: Path, seed_kb: KnowledgeBase, scheme: RegionScheme
) -> None:
    problems: list[SeedProblem] = []
    guides = read_pain_guides(tmp_path / FILE, scheme, {}, seed_kb.muscles, problems)
    assert guides == ()
    assert (problems[0].file, problems[0].entry) == (FILE, "(file)")


def test_bodymap_check_reports_guide_problems(tmp_path: Path, scheme: RegionScheme) -> None:
    root = tmp_path / "seed"
    shutil.copytree(SEED_DIR, root, ignore=shutil.ignore_patterns("es"))  # English only
    path = root / FILE
    path.write_text(
        path.read_text("utf-8").replace(
            '"upper-trapezius", "sternocleidomastoid", "temporalis"',
            '"soleus", "sternocleidomastoid", "temporalis"',
        )
    )
    _, problems = check_seed(root, scheme)
    assert [str(p) for p in problems] == [
        "pain_guides.toml: pain guide 'temple': "
        "'soleus' is listed but its [referral] block does not reach 'temple'",
        "pain_guides.toml: pain guide 'temple': "
        "'upper-trapezius' refers its main pain here but is not listed",
    ]
