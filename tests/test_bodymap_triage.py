"""Triage: flags of the picked regions, most urgent first, never dropped."""

from __future__ import annotations

from bodymap.knowledge import Knowledge
from bodymap.triage import flags_for, most_urgent
from tests.utils.factories import make_flag, make_knowledge, make_muscle


def _k():
    return make_knowledge(
        [make_muscle("m", essential=["calf"])],
        [
            make_flag("clinic", "see_clinician", ["low-back"]),
            make_flag("dvt", "urgent", ["calf"]),
            make_flag("cauda", "emergency", ["low-back", "sacrum"]),
        ],
    )


def test_flags_are_ordered_emergency_first() -> None:
    flags = flags_for(["low-back-left", "calf-right"], _k())
    assert [f.id for f in flags] == ["cauda", "dvt", "clinic"]
    assert most_urgent(flags) == "emergency"


def test_flags_apply_to_both_sides_and_midline() -> None:
    k = _k()
    assert [f.id for f in flags_for(["calf-left"], k)] == ["dvt"]
    assert [f.id for f in flags_for(["sacrum"], k)] == ["cauda"]


def test_no_flags_for_unrelated_regions() -> None:
    assert flags_for(["temple-right"], _k()) == []
    assert most_urgent([]) is None


def test_real_seed_has_flags_for_the_safety_areas(knowledge: Knowledge) -> None:
    """PRODUCT.md's safety rules: head, neck, chest, abdomen, low back and calf all have flags."""
    for region in ["vertex", "neck-back-right", "sternum", "navel", "low-back-left", "calf-right"]:
        assert flags_for([region], knowledge), region
    chest = flags_for(["sternum"], knowledge)
    assert chest[0].level == "emergency"
