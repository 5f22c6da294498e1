"""Ranking: weights, coverage, tie-breaks, mirroring, midline merging, explanations."""

from __future__ import annotations

from bodymap.knowledge import Knowledge
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


def test_mirrored_selection_gives_mirrored_ranking(knowledge: Knowledge) -> None:
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


def test_duplicates_and_order_do_not_change_the_result(knowledge: Knowledge) -> None:
    a = rank(["calf-right", "heel-right", "arch-right"], knowledge)
    b = rank(["arch-right", "calf-right", "heel-right", "calf-right"], knowledge)
    assert [(c.muscle, c.side, c.score) for c in a] == [(c.muscle, c.side, c.score) for c in b]


def test_nothing_picked_ranks_nothing(knowledge: Knowledge) -> None:
    assert rank([], knowledge) == []


def test_explanation_names_places_and_zones() -> None:
    k = make_knowledge([make_muscle("m", essential=["temple"], spillover=["neck-back"])])
    c = rank(["temple-right", "neck-back-right", "heel-right"], k)[0]
    labels = {"temple-right": "right temple", "neck-back-right": "right back of the neck"}
    assert explain(c, 3, labels) == (
        "Covers 2 of your 3 places: right temple (main area), right back of the neck (spillover)."
    )


def test_textbook_examples_rank_first(knowledge: Knowledge) -> None:
    """PRODUCT.md's examples: temple -> upper trapezius; buttock, outer leg -> gluteus minimus."""
    top = rank(["temple-right", "neck-back-right"], knowledge)[:3]
    assert ("upper-trapezius", "right") in [(c.muscle, c.side) for c in top]
    top = rank(["buttock-lower-left", "thigh-outer-left", "leg-outer-left"], knowledge)[:3]
    assert ("gluteus-minimus", "left") in [(c.muscle, c.side) for c in top]


def test_pain_guide_order_decides_among_equal_coverage() -> None:
    k = make_knowledge(
        [
            make_muscle("aaa", essential=["temple"], prevalence="common"),
            make_muscle("bbb", essential=["temple"], prevalence="common"),
            make_muscle("ccc", essential=["temple"], prevalence="common"),
        ],
        guides={"temple": ("ccc", "aaa")},
    )
    # Listed muscles in the guide's order, then the unlisted one; the alphabet says a, b, c.
    result = rank(["temple-left"], k)
    assert [c.muscle for c in result] == ["ccc", "aaa", "bbb"]
    assert [c.guide for c in result] == [(("temple-left", 1),), (("temple-left", 2),), ()]


def test_pain_guide_outranks_prevalence() -> None:
    k = make_knowledge(
        [
            make_muscle("often", essential=["calf"], prevalence="common"),
            make_muscle("rare", essential=["calf"], prevalence="less_common"),
        ],
        guides={"calf": ("rare", "often")},
    )
    assert [c.muscle for c in rank(["calf-right"], k)] == ["rare", "often"]


def test_coverage_comes_before_the_pain_guide() -> None:
    k = make_knowledge(
        [
            make_muscle("guide-first", essential=["jaw"], spillover=["temple"]),
            make_muscle("covers", essential=["temple"]),
        ],
        guides={"temple": ("guide-first", "covers")},
    )
    # Essential beats spillover whatever the guide says.
    assert [c.muscle for c in rank(["temple-right"], k)] == ["covers", "guide-first"]


def test_at_equal_points_more_places_covered_leads() -> None:
    k = make_knowledge(
        [
            make_muscle("two-essential", essential=["elbow-inner", "ring-finger"]),
            make_muscle(
                "three", essential=["elbow-inner"], spillover=["ring-finger", "little-finger"]
            ),
        ],
        guides={"elbow-inner": ("two-essential", "three")},
    )
    picks = ["elbow-inner-right", "ring-finger-right", "little-finger-right"]
    result = rank(picks, k)
    assert [(c.muscle, c.points, len(c.matches)) for c in result] == [
        ("three", 4, 3),
        ("two-essential", 4, 2),
    ]


def test_guide_weight_sums_over_the_places_covered() -> None:
    k = make_knowledge(
        [
            make_muscle("first-once", essential=["temple", "jaw"]),
            make_muscle("second-twice", essential=["temple", "jaw"]),
            make_muscle("third-twice", essential=["temple", "jaw"]),
        ],
        guides={
            "temple": ("first-once", "second-twice", "third-twice"),
            "jaw": ("second-twice", "third-twice"),
        },
    )
    result = rank(["temple-right", "jaw-right"], k)
    weights = {c.muscle: c.guide_weight for c in result}
    assert weights == {"first-once": 1.0, "second-twice": 1.5, "third-twice": 0.833333}
    assert [c.muscle for c in result] == ["second-twice", "first-once", "third-twice"]


def test_explanation_says_why_a_muscle_leads() -> None:
    k = make_knowledge(
        [make_muscle("m", essential=["temple"]), make_muscle("n", essential=["temple"])],
        guides={"temple": ("m", "n")},
    )
    first, second = rank(["temple-right"], k)
    labels = {"temple-right": "right temple"}
    assert explain(first, 1, labels) == (
        "Covers your place: right temple (main area). "
        "The most common source of right temple pain in the pain guides."
    )
    assert explain(second, 1, labels).endswith(
        "Listed 2nd for right temple pain in the pain guides."
    )


def test_real_guides_put_the_classic_muscles_first(knowledge: Knowledge) -> None:
    """Issue 13's examples: temple, inner elbow and outer hip."""
    assert rank(["temple-right"], knowledge)[0].muscle == "upper-trapezius"
    assert rank(["elbow-inner-left"], knowledge)[0].muscle == "triceps-brachii"
    assert rank(["hip-side-right"], knowledge)[0].muscle == "gluteus-minimus"
