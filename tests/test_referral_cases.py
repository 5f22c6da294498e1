"""The referral table: textbook cases whose named muscle(s) must come first.

The cases and where each comes from are in ``tests/referral_cases.toml``;
``scripts/referral_rates.py`` prints the top-1 and top-3 rates over the same table.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from bodymap.knowledge import Knowledge
from bodymap.ranking import rank

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "referral_cases.toml").read_text("utf-8")
)["case"]


def test_there_are_enough_cases_spread_over_the_body(knowledge: Knowledge) -> None:
    assert len(CASES) >= 100
    groups = {knowledge.scheme[r].group for case in CASES for r in case["picked"]}
    assert groups == {knowledge.scheme.bases[b].group for b in knowledge.scheme.bases}
    assert sum(len(case["picked"]) > 1 for case in CASES) >= 50, "many multi-place picks"


def test_every_case_is_well_formed(knowledge: Knowledge) -> None:
    for case in CASES:
        assert case["source"], "every case says where it comes from"
        assert 1 <= len(case["first"]) <= 3
        assert case["side"] in ("right", "left", "both")
        for r in case["picked"]:
            assert r in knowledge.scheme, r
        for muscle in case["first"] + case.get("top5", []):
            assert muscle in knowledge.muscles, f"{muscle} is not in the knowledge base"


@pytest.mark.parametrize("case", CASES, ids=lambda c: "+".join(c["picked"]))
def test_case_ranks_the_textbook_muscles_first(case: dict[str, Any], knowledge: Knowledge) -> None:
    ranked = [(c.muscle, c.side) for c in rank(case["picked"], knowledge)]
    sides = (case["side"], "both")
    n = len(case["first"])
    top = ranked[:n]
    assert {m for m, _ in top} == set(case["first"]), ranked[: n + 3]
    assert all(s in sides for _, s in top), top
    top5 = [m for m, s in ranked[:5] if s in sides]
    for muscle in case.get("top5", []):
        assert muscle in top5, ranked[:5]
