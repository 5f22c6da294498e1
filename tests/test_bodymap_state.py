"""The URL state: round trips, toggling, strict parsing."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from bodymap.regions import RegionScheme
from bodymap.state import MAX_REGION_PARAMS, ExplorerState, StateError, parse_state


def _parse(query: str, scheme: RegionScheme):
    qs = parse_qs(query)
    return parse_state(
        regions=qs.get("region", []),
        view=(qs.get("view") or [None])[0],
        muscle=(qs.get("muscle") or [None])[0],
        side=(qs.get("side") or [None])[0],
        scheme=scheme,
        muscles=["upper-trapezius"],
        views=("front", "back"),
        mode=(qs.get("mode") or [None])[0],
    )


def test_round_trip(scheme: RegionScheme) -> None:
    state = ExplorerState(
        regions=("temple-right", "sacrum"), view="back", muscle="upper-trapezius", side="left"
    )
    assert _parse(state.query(), scheme) == state


def test_default_state_has_an_empty_query(scheme: RegionScheme) -> None:
    assert ExplorerState().query() == ""
    assert ExplorerState().url() == "/"
    assert _parse("", scheme) == ExplorerState()


def test_toggle_adds_then_removes() -> None:
    s = ExplorerState(regions=("calf-left",))
    assert s.toggled("heel-left").regions == ("calf-left", "heel-left")
    assert s.toggled("calf-left").regions == ()


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("region=nowhere", "region"),
        ("view=sideways", "view"),
        ("muscle=heart", "muscle"),
        ("side=middle", "side"),
    ],
)
def test_unknown_values_are_named(query: str, field: str, scheme: RegionScheme) -> None:
    with pytest.raises(StateError) as err:
        _parse(query, scheme)
    assert err.value.field == field
    assert query.split("=")[1] in str(err.value)


def test_too_many_region_parameters(scheme: RegionScheme) -> None:
    with pytest.raises(StateError, match="too many"):
        _parse("&".join(["region=calf-left"] * (MAX_REGION_PARAMS + 1)), scheme)


def test_answers_round_trip(scheme: RegionScheme) -> None:
    state = ExplorerState(regions=("calf-left",), answers=("dvt-swollen-calf",))
    qs = parse_qs(state.query())
    parsed = parse_state(
        regions=qs["region"],
        view=None,
        muscle=None,
        side=None,
        scheme=scheme,
        muscles=[],
        views=("front",),
        answers=qs["yes"],
        checklist=["dvt-swollen-calf"],
    )
    assert parsed == state


def test_mode_round_trip_and_validation(scheme: RegionScheme) -> None:
    state = ExplorerState(regions=("calf-left",), mode="chairside")
    assert "mode=chairside" in state.query()
    assert _parse(state.query(), scheme) == state
    with pytest.raises(StateError, match="unknown mode"):
        _parse("mode=party", scheme)


def test_compare_round_trip(scheme: RegionScheme) -> None:
    state = ExplorerState(muscle="upper-trapezius", compare="upper-trapezius", compare_side="left")
    qs = parse_qs(state.query())
    parsed = parse_state(
        regions=[],
        view=None,
        muscle=qs["muscle"][0],
        side=qs["side"][0],
        scheme=scheme,
        muscles=["upper-trapezius"],
        views=("front",),
        compare=qs["compare"][0],
        compare_side=qs["compare_side"][0],
    )
    assert parsed == state


def test_links_quote_unsafe_values_and_refuse_unknown_fields() -> None:
    state = ExplorerState(regions=("calf-right", "a b", "x&y"))
    assert state.query() == "region=calf-right&region=a+b&region=x%26y"
    assert (
        state.url(view="head", muscle="soleus", regions=("calf-right",))
        == "/?region=calf-right&view=head&muscle=soleus&side=right"
    )
    assert state.regions == ("calf-right", "a b", "x&y"), "a link does not change the state"
    with pytest.raises(TypeError, match="colour"):
        state.query(colour="red")


@pytest.mark.parametrize(
    "state",
    [
        ExplorerState(),
        ExplorerState(regions=("temple-right",)),
        ExplorerState(regions=("temple-right", "calf-left"), view="back", answers=("x",)),
        ExplorerState(
            regions=("a b", "c"),
            muscle="upper-trapezius",
            side="both",
            mode="chairside",
            compare="m2",
            base="/embed/riverside",
        ),
    ],
)
def test_toggle_links_match_toggled_urls(state: ExplorerState) -> None:
    link = state.toggle_links()
    for region in (*state.regions, "temple-right", "calf-left", "new-one", "odd&value"):
        assert link(region) == state.toggled(region).url(), region
