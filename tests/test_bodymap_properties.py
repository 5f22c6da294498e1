"""Property-based tests (hypothesis): ranking and search hold for any input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bodymap.knowledge import Knowledge
from bodymap.ranking import rank
from bodymap.regions import load_scheme
from bodymap.search import search_muscles, search_regions

REGION_IDS = [r.id for r in load_scheme().regions]
selections = st.lists(st.sampled_from(REGION_IDS), min_size=1, max_size=12)
SWAP = {"right": "left", "left": "right", "both": "both"}
FAST = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FAST
@given(picked=selections)
def test_ranking_is_well_formed(picked: list[str], knowledge: Knowledge) -> None:
    result = rank(picked, knowledge)
    unique = set(picked)
    keys = [(c.muscle, c.side) for c in result]
    assert len(keys) == len(set(keys))
    points = [c.points for c in result]
    assert points == sorted(points, reverse=True)
    for c in result:
        assert 0 < c.score <= 1
        assert {m.region for m in c.matches} <= unique
        assert c.points == sum(2 if m.zone == "essential" else 1 for m in c.matches)
        assert c.muscle in knowledge.muscles


@FAST
@given(picked=selections, data=st.data())
def test_ranking_ignores_pick_order_and_duplicates(
    picked: list[str], data: st.DataObject, knowledge: Knowledge
) -> None:
    shuffled = data.draw(st.permutations(picked + picked[:2]))
    a = [(c.muscle, c.side, c.points, c.score) for c in rank(picked, knowledge)]
    b = [(c.muscle, c.side, c.points, c.score) for c in rank(shuffled, knowledge)]
    assert a == b


@FAST
@given(picked=selections)
def test_mirrored_selection_gives_mirrored_ranking(picked: list[str], knowledge: Knowledge) -> None:
    mirrored = [knowledge.scheme.mirror(r) for r in picked]
    a = sorted((c.muscle, SWAP[c.side], c.points) for c in rank(picked, knowledge))
    b = sorted((c.muscle, c.side, c.points) for c in rank(mirrored, knowledge))
    assert a == b


@settings(max_examples=300, deadline=None)
@given(q=st.text(max_size=300))
def test_search_never_raises(q: str) -> None:
    regions = load_scheme().regions
    result = search_regions(q, regions)
    assert all(r in regions for r in result)


@FAST
@given(q=st.text(max_size=100))
def test_muscle_search_never_raises(q: str, knowledge: Knowledge) -> None:
    result = search_muscles(q, list(knowledge.muscles.values()))
    assert len(result) <= len(knowledge.muscles)
