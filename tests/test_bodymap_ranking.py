"""Ranking: weights, coverage, tie-breaks, mirroring, midline merging, explanations."""

from __future__ import annotations

from bodymap.ranking import explain, rank
from tests.utils.factories import make_knowledge, make_muscle


def test_essential_outweighs_spillover() -> None:
    k = make_knowledge(
        [
            make_muscle("aaa", essential=["temple"]),
            make_muscle("bbb", essential=["jaw"], spillover=["temple"]),
        ]
    )
    result = rank(["temple-right"], k)
    assert [c.muscle for c in result] == ["aaa", "bbb"]
    assert result[0].score == 1.0 and result[1].score == 0.5


def test_more_coverage_ranks_higher() -> None:
    k = make_knowledge(
        [
            make_muscle("one", essential=["temple"]),
            make_muscle("two", essential=["jaw"], spillover=["temple", "eye"]),
        ]
    )
    # "two" covers 3 of 3 picks (2 + 1 + 1 = 4 points) and beats "one" (2 points).
    result = rank(["temple-right", "jaw-right", "eye-right"], k)
    assert [c.muscle for c in result] == ["two", "one"]
    assert result[0].points == 4 and result[1].points == 2


def test_ties_break_by_prevalence_then_name() -> None:
    k = make_knowledge(
        [
            make_muscle("zeta", essential=["calf"], prevalence="common"),
            make_muscle("alpha", essential=["calf"], prevalence="occasional"),
            make_muscle("beta", essential=["calf"], prevalence="common"),
        ]
    )
    assert [c.muscle for c in rank(["calf-left"], k)] == ["beta", "zeta", "alpha"]


def test_right_pick_gives_right_muscle_and_left_gives_left() -> None:
    k = make_knowledge([make_muscle("m", essential=["temple"])])
    assert [(c.muscle, c.side) for c in rank(["temple-right"], k)] == [("m", "right")]
    assert [(c.muscle, c.side) for c in rank(["temple-left"], k)] == [("m", "left")]


def test_mirrored_selection_gives_mirrored_ranking(knowledge) -> None:  # type: ignore[no-untyped-def]
    picks = ["temple-right", "neck-back-right", "shoulder-top-left"]
    mirrored = [knowledge.scheme.mirror(r) for r in picks]
    swap = {"right": "left", "left": "right", "both": "both"}
    a = [(c.muscle, swap[c.side], c.points) for c in rank(picks, knowledge)]
    b = [(c.muscle, c.side, c.points) for c in rank(mirrored, knowledge)]
    assert sorted(a) == sorted(b)


def test_crossing_patterns_reach_the_other_side() -> None:
    k = make_knowledge([make_muscle("m", essential=["neck-side", "forehead:opposite"])])
    result = rank(["forehead-left"], k)
    assert [(c.muscle, c.side) for c in result] == [("m", "right")]


def test_midline_pick_from_either_side_is_shown_once_as_both() -> None:
    k = make_knowledge([make_muscle("m", essential=["sacrum", "buttock-upper"])])
    assert [(c.muscle, c.side) for c in rank(["sacrum"], k)] == [("m", "both")]
    # With a sided pick too, the side that explains more comes first.
    result = rank(["sacrum", "buttock-upper-left"], k)
    assert [(c.side, c.points) for c in result] == [("left", 4), ("right", 2)]


def test_duplicates_and_order_do_not_change_the_result(knowledge) -> None:  # type: ignore[no-untyped-def]
    a = rank(["calf-right", "heel-right", "arch-right"], knowledge)
    b = rank(["arch-right", "calf-right", "heel-right", "calf-right"], knowledge)
    assert [(c.muscle, c.side, c.score) for c in a] == [(c.muscle, c.side, c.score) for c in b]


def test_nothing_picked_ranks_nothing(knowledge) -> None:  # type: ignore[no-untyped-def]
    assert rank([], knowledge) == []


def test_explanation_names_places_and_zones() -> None:
    k = make_knowledge([make_muscle("m", essential=["temple"], spillover=["neck-back"])])
    c = rank(["temple-right", "neck-back-right", "heel-right"], k)[0]
    labels = {"temple-right": "right temple", "neck-back-right": "right back of the neck"}
    assert explain(c, 3, labels) == (
        "Covers 2 of your 3 places: right temple (main area), right back of the neck (spillover)."
    )


def test_textbook_examples_rank_first(knowledge) -> None:  # type: ignore[no-untyped-def]
    """PRODUCT.md's examples: temple -> upper trapezius; buttock, outer leg -> gluteus minimus."""
    top = rank(["temple-right", "neck-back-right"], knowledge)[:3]
    assert ("upper-trapezius", "right") in [(c.muscle, c.side) for c in top]
    top = rank(["buttock-lower-left", "thigh-outer-left", "leg-outer-left"], knowledge)[:3]
    assert ("gluteus-minimus", "left") in [(c.muscle, c.side) for c in top]
