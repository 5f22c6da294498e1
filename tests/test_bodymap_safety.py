"""The self-care safety rules of ``bodymap check`` and the precautions file (issue #14)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.cli import main
from bodymap.knowledge import KnowledgeBase, Muscle, TriggerPoint
from bodymap.precautions import Precautions, read_precautions
from bodymap.regions import RegionScheme
from bodymap.safety import check_pressure_matches, check_refused_areas, check_safety
from bodymap.seedfiles import check_seed
from bodymap.validation import SeedProblem, ValidationContext
from tests.conftest import SEED_DIR
from tests.utils.factories import CARE, make_muscle

PRE_FILE = SEED_DIR / "precautions.toml"


def _read(
    path: Path, scheme: RegionScheme | None = None, sources: set[str] | None = None
) -> tuple[Precautions | None, list[SeedProblem]]:
    """Read a precautions file with the given references known; return it and its problems."""
    context: ValidationContext = {}
    if scheme is not None:
        context["scheme"] = scheme
    if sources is not None:
        context["sources"] = sources
    problems: list[SeedProblem] = []
    return read_precautions(path, context, problems), problems


@pytest.fixture(scope="module")
def pre() -> Precautions:
    found, problems = _read(PRE_FILE)
    assert found is not None and problems == []
    return found


def _muscle(*, how: str, pressure: str, self_pressure: bool = True) -> Muscle:
    m = make_muscle("test-muscle", essential=["forearm-back"], tp_region="forearm-back")
    care = CARE.model_copy(
        update={"how": how, "pressure": pressure, "self_pressure": self_pressure}
    )
    return m.model_copy(update={"self_care": care})


def _at(base: str, at: tuple[float, float], *, care: bool = True, point: bool = True) -> Muscle:
    m = make_muscle("test-muscle", essential=["forearm-back"], tp_region=base)
    tp = TriggerPoint(name="Test point", region=base, find="Here.", at=at, self_pressure=point)
    safe = TriggerPoint(name="Safe point", region="forearm-back", find="There.")
    care_ = CARE.model_copy(update={"self_pressure": care})
    return m.model_copy(update={"trigger_points": (tp, safe), "self_care": care_})


# Rule 1: the pressure level matches a light-touch instruction.


@pytest.mark.parametrize(
    ("how", "pressure"),
    [
        ("Use light pressure here.", "about 5-7 out of 10: a strong but bearable ache"),
        ("Press lightly on the spot.", "about 5-7 out of 10"),
        ("Light touch only.", "about 5 out of 10 at most"),
        ("Rest a fingertip with a light pinch.", "gentle"),  # says no level, not "light"
        ("Press lightly.", "6/10"),
    ],
)
def test_light_touch_with_a_firm_pressure_is_a_problem(how: str, pressure: str) -> None:
    problems = check_pressure_matches(_muscle(how=how, pressure=pressure))
    assert len(problems) == 1
    file, entry, message = problems[0]
    assert (file, entry) == ("muscles/test-muscle.toml", "muscle 'test-muscle' [self_care]")
    assert "light touch" in message and pressure in message


@pytest.mark.parametrize(
    ("how", "pressure"),
    [
        ("Use light pressure here.", "light, below 5 out of 10"),
        ("Touch lightly.", "light touch only, well below 5 out of 10"),
        ("Press steadily into the muscle.", "about 5-7 out of 10: a strong but bearable ache"),
        # "slightly" is not "lightly"
        ("Turn the foot slightly inwards and press.", "about 5-7 out of 10"),
    ],
)
def test_matching_pressure_passes(how: str, pressure: str) -> None:
    assert check_pressure_matches(_muscle(how=how, pressure=pressure)) == []


# Rule 2: no self-pressure in a refused area.


def test_every_refused_area_rejects_self_pressure_inside_it(pre: Precautions) -> None:
    for area in pre.no_self_pressure:
        mid = ((area.across[0] + area.across[1]) / 2, (area.down[0] + area.down[1]) / 2)
        for base in area.regions:
            problems = check_refused_areas(_at(base, mid), pre)
            assert len(problems) == 1, (area.id, base)
            file, entry, message = problems[0]
            assert entry == "muscle 'test-muscle' trigger point 1"
            assert f"no_self_pressure '{area.id}'" in message


@pytest.mark.parametrize(
    "base", ["throat", "groin", "knee-back", "knee-outer", "upper-spine", "lower-spine"]
)
def test_self_pressure_off_passes_in_a_refused_area(pre: Precautions, base: str) -> None:
    assert check_refused_areas(_at(base, (0.5, 0.5), care=False), pre) == []
    assert check_refused_areas(_at(base, (0.5, 0.5), point=False), pre) == []


def test_refused_box_is_only_part_of_a_region(pre: Precautions) -> None:
    inner_arm = _at("upper-arm-front", (0.15, 0.1))  # coracobrachialis: armpit, inner arm
    biceps = _at("upper-arm-front", (0.5, 0.65))  # middle of the front of the arm
    assert check_refused_areas(inner_arm, pre)
    assert check_refused_areas(biceps, pre) == []
    assert check_refused_areas(_at("leg-outer", (0.5, 0.25)), pre)  # just below the fibula head
    assert check_refused_areas(_at("leg-outer", (0.5, 0.7)), pre) == []  # above the ankle


def test_every_point_off_needs_the_muscle_off(pre: Precautions) -> None:
    m = _at("groin", (0.5, 0.5), point=False)
    only_groin = m.model_copy(update={"trigger_points": m.trigger_points[:1]})
    problems = check_refused_areas(only_groin, pre)
    assert len(problems) == 1 and "must be false too" in problems[0][2]
    off = only_groin.model_copy(
        update={"self_care": CARE.model_copy(update={"self_pressure": False})}
    )
    assert check_refused_areas(off, pre) == []


def test_the_real_seed_is_safe_by_these_rules(seed_kb: KnowledgeBase, pre: Precautions) -> None:
    assert check_safety(seed_kb.muscles, pre) == []


def test_fixed_muscles_keep_off_vessels_and_nerves(seed_kb: KnowledgeBase) -> None:
    muscles = {m.slug: m for m in seed_kb.muscles}
    for slug in ("pectineus", "coracobrachialis", "plantaris"):
        assert not muscles[slug].self_care.self_pressure, slug
    fibularis = muscles["fibularis-longus"]
    assert [t.self_pressure for t in fibularis.trigger_points] == [False, True]
    assert fibularis.self_care.self_pressure
    assert "hands" not in muscles["semispinalis-capitis"].self_care.stretch.split("without")[0]
    scm = " ".join(muscles["sternocleidomastoid"].cautions)
    assert all(w in scm for w in ("carotid", "stent", "faint", "blood-thinning"))
    for slug in ("diaphragm", "transversus-abdominis"):
        assert any("spleen" in c for c in muscles[slug].cautions), slug
    assert any("pulsing lump" in c for c in muscles["iliopsoas"].cautions)


# bodymap check: the rules run on the seed folder, with file and entry.


@pytest.fixture
def seed_tree(tmp_path: Path) -> Path:
    root = tmp_path / "seed"
    shutil.copytree(SEED_DIR, root, ignore=shutil.ignore_patterns("es"))  # English only
    return root


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


def test_check_rejects_firm_pressure_on_a_light_touch_muscle(
    seed_tree: Path, scheme: RegionScheme, capsys: pytest.CaptureFixture[str]
) -> None:
    path = seed_tree / "muscles" / "sartorius.toml"
    _replace(
        path,
        'pressure = "light, below 5 out of 10: the muscle is thin and near the surface"',
        'pressure = "about 5-7 out of 10: a strong but bearable ache"',
    )
    _, problems = check_seed(seed_tree, scheme)
    assert [str(p) for p in problems] == [
        "muscles/sartorius.toml: muscle 'sartorius' [self_care]: the self-care asks for light "
        "touch ('lightly') but the pressure is 'about 5-7 out of 10: a strong but bearable "
        "ache'; write a light pressure, below 5 out of 10"
    ]
    assert main(["check", str(seed_tree)]) == 1
    assert "muscles/sartorius.toml: muscle 'sartorius' [self_care]" in capsys.readouterr().err


def test_check_rejects_self_pressure_in_a_refused_area(
    seed_tree: Path, scheme: RegionScheme
) -> None:
    _replace(seed_tree / "muscles" / "pectineus.toml", "self_pressure = false\n", "")
    _, problems = check_seed(seed_tree, scheme)
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.entry) == ("muscles/pectineus.toml", "muscle 'pectineus' trigger point 1")
    assert "femoral-triangle" in p.message


# The precautions file itself.


def test_precautions_file_is_clean_and_complete(scheme: RegionScheme) -> None:
    pre, problems = _read(PRE_FILE, scheme)
    assert problems == [] and pre is not None
    assert {a.id for a in pre.ask_first} == {
        "bleeding",
        "fragile-bone",
        "pregnancy",
        "clot-or-veins",
        "lymphoedema",
    }
    assert {a.id for a in pre.no_self_pressure} >= {
        "front-of-neck",
        "femoral-triangle",
        "armpit-inner-arm",
        "fibular-head",
        "spine",
    }
    assert "adults" in pre.adults_only


@pytest.mark.parametrize(
    ("old", "new", "entry", "message"),
    [
        (
            'regions = ["throat"]',
            'regions = ["thraot"]',
            "precautions [no_self_pressure] 'front-of-neck'",
            "unknown region 'thraot'",
        ),
        (
            'id = "batavia-2004"',
            'id = "made-up"',
            "precautions [ask_first] 'bleeding' [sources] 'made-up'",
            "unknown source 'made-up'",
        ),
        (
            "across = [0.0, 0.3]",
            "across = [0.8, 0.3]",
            "precautions [no_self_pressure] 'armpit-inner-arm'",
            "low <= high",
        ),
        (
            "across = [0.0, 0.3]",
            "across = [0.0, 1.3]",
            "precautions [no_self_pressure] 'armpit-inner-arm'",
            "less than or equal to 1",
        ),
        (
            'id = "pregnancy"',
            'id = "pregnancy"\nwhen = "always"',
            "precautions [ask_first] 'pregnancy'",
            "unknown field 'when'",
        ),
        (
            'title = "Before you press: who should ask a clinician first"',
            'title = "   "',
            "precautions",
            "'title' is missing or empty",
        ),
    ],
)
def test_precautions_problems_name_entry(
    tmp_path: Path, scheme: RegionScheme, old: str, new: str, entry: str, message: str
) -> None:
    path = tmp_path / "precautions.toml"
    text = PRE_FILE.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    known = {"batavia-2004", "halle-2016-part1", "halle-2016-part2", "travell-simons-v1"}
    known |= {"travell-simons-v2", "donnelly-2019", "seed-self-care"}
    _, problems = _read(path, scheme, known)
    assert any(e == entry and message in m for _, e, m in problems), problems


def test_missing_precautions_file_is_a_problem(tmp_path: Path) -> None:
    pre, problems = _read(tmp_path / "precautions.toml")
    assert pre is None
    assert problems[0][:2] == ("precautions.toml", "(file)")


def test_explainer_file_is_clean_and_its_problems_name_the_section(tmp_path: Path) -> None:
    from bodymap.explainer import read_explainer

    def read(path: Path, context: ValidationContext) -> tuple[object, list[SeedProblem]]:
        problems: list[SeedProblem] = []
        return read_explainer(path, context, problems), problems

    src = SEED_DIR / "how_it_works.toml"
    page, problems = read(src, {})
    assert page is not None and problems == []
    bad = tmp_path / "how_it_works.toml"
    bad.write_text(src.read_text().replace('id = "lucas-2009"', 'id = "nobody-2020"'))
    _, problems = read(bad, {"sources": {"travell-simons-v1"}})
    assert any(p.entry.startswith("how it works [section] 'evidence'") for p in problems)
    bad.write_text(src.read_text().replace("paragraphs = [", 'paragraphs = [\n    "",', 1))
    page, problems = read(bad, {})
    assert page is None and problems[0].entry.startswith("how it works [section] '")
