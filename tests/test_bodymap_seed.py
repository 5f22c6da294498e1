"""The seed files: the real seed is clean, and the checker catches each kind of mistake."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bodymap.knowledge import KnowledgeBase
from bodymap.regions import RegionScheme
from bodymap.seedfiles import SeedError, check_seed, load_seed_dir
from tests.conftest import SEED_DIR


def test_real_seed_is_clean(scheme: RegionScheme) -> None:
    kb, problems = check_seed(SEED_DIR, scheme)
    assert problems == []
    assert len(kb.muscles) >= 20
    assert all(m.sources for m in kb.muscles)
    assert all(f.sources for f in kb.red_flags)


def test_seed_covers_the_muscles_the_articles_name(seed_kb: KnowledgeBase) -> None:
    slugs = {m.slug for m in seed_kb.muscles}
    named = {
        "upper-trapezius",
        "levator-scapulae",
        "suboccipitals",
        "sternocleidomastoid",
        "scalenes",
        "quadratus-lumborum",
        "piriformis",
        "gluteus-medius",
        "gluteus-minimus",
        "gastrocnemius",
        "soleus",
        "infraspinatus",
        "pectoralis-major",
        "thoracolumbar-paraspinals",
        "iliopsoas",
    }
    assert named <= slugs, named - slugs


def test_self_care_stays_in_safe_ranges(seed_kb: KnowledgeBase) -> None:
    for m in seed_kb.muscles:
        c = m.self_care
        assert 30 <= c.hold_seconds[0] <= c.hold_seconds[1] <= 90, m.slug
        assert 2 <= c.repetitions[0] <= c.repetitions[1] <= 3, m.slug
        assert 20 <= c.stretch_hold_seconds[0] <= c.stretch_hold_seconds[1] <= 30, m.slug


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    root = tmp_path / "seed"
    root.mkdir()
    shutil.copy(SEED_DIR / "sources.toml", root)
    shutil.copy(SEED_DIR / "red_flags.toml", root)
    (root / "muscles").mkdir()
    shutil.copy(SEED_DIR / "muscles" / "upper-trapezius.toml", root / "muscles")
    return root


def _edit(root: Path, old: str, new: str) -> None:
    path = root / "muscles" / "upper-trapezius.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'essential = ["neck-back", "neck-side", "mastoid", "temple"]',
            'essential = ["neck-back", "elbowz"]',
            "unknown region 'elbowz'",
        ),
        (
            'essential = ["neck-back", "neck-side", "mastoid", "temple"]',
            "essential = []",
            "no essential referral zone",
        ),
        ('id = "travell-simons-v1"', 'id = "made-up-book"', "unknown source 'made-up-book'"),
        ("hold_seconds = [30, 90]", "hold_seconds = [30, 180]", "safe range is 30-90"),
        ("repetitions = [2, 3]", "repetitions = [1, 5]", "safe range is 2-3"),
        ('region = "shoulder-top"', 'region = "nowhere"', "unknown region 'nowhere'"),
        (
            'stretch = "Sit tall, hold the chair seat with the hand of the sore side, and gently '
            "tilt the ear towards the other shoulder until you feel a mild pull along the top of "
            'the shoulder."',
            'stretch = ""',
            "'stretch' is missing or empty",
        ),
        ('prevalence = "common"', 'prevalence = "often"', "prevalence must be one of"),
    ],
)
def test_checker_reports_file_entry_and_problem(
    seed_copy: Path,
    scheme: RegionScheme,
    old: str,
    new: str,
    message: str,
) -> None:
    _edit(seed_copy, old, new)
    _, problems = check_seed(seed_copy, scheme)
    assert any(message in p.message for p in problems), problems
    assert any(
        p.file == "muscles/upper-trapezius.toml" and "upper-trapezius" in p.entry for p in problems
    )


def test_checker_finds_duplicate_slugs_and_synonyms(seed_copy: Path, scheme: RegionScheme) -> None:
    text = (seed_copy / "muscles" / "upper-trapezius.toml").read_text()
    (seed_copy / "muscles" / "copy.toml").write_text(
        text.replace('slug = "upper-trapezius"', 'slug = "copy"')
    )
    _, problems = check_seed(seed_copy, scheme)
    assert any(
        "already used by 'copy'" in p.message or "already used by 'upper-trapezius'" in p.message
        for p in problems
    )


def test_checker_reports_every_problem_at_once(seed_copy: Path, scheme: RegionScheme) -> None:
    _edit(seed_copy, "hold_seconds = [30, 90]", "hold_seconds = [5, 90]")
    _edit(seed_copy, 'region = "shoulder-top"', 'region = "nowhere"')
    _, problems = check_seed(seed_copy, scheme)
    assert len(problems) >= 2


def test_broken_toml_is_a_problem_not_a_crash(seed_copy: Path, scheme: RegionScheme) -> None:
    (seed_copy / "muscles" / "broken.toml").write_text("slug = [unclosed")
    with pytest.raises(SeedError) as err:
        load_seed_dir(seed_copy, scheme)
    assert "muscles/broken.toml" in str(err.value)
