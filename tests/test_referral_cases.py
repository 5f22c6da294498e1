"""The referral table: textbook cases that must rank the named muscles in the top five.

The cases and where each comes from are in ``tests/referral_cases.toml``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from bodymap.ranking import rank

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "referral_cases.toml").read_text("utf-8")
)["case"]


def test_there_are_enough_cases_spread_over_the_body(scheme) -> None:  # type: ignore[no-untyped-def]
    assert len(CASES) >= 60
    groups = {scheme[r].group for case in CASES for r in case["picked"]}
    assert len(groups) >= 12


@pytest.mark.parametrize("case", CASES, ids=lambda c: "+".join(c["picked"]))
def test_case_ranks_the_textbook_muscles_in_the_top_five(case: dict[str, Any], knowledge) -> None:  # type: ignore[no-untyped-def]
    assert case["source"], "every case says where it comes from"
    top = [(c.muscle, c.side) for c in rank(case["picked"], knowledge)[:5]]
    for muscle in case["top5"]:
        assert muscle in knowledge.muscles, f"{muscle} is not in the knowledge base"
        assert any(m == muscle and s in (case["side"], "both") for m, s in top), top
