"""The ``bodymap`` command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import SEED_DIR


def test_check_passes_on_the_real_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED_DIR)]) == 0
    assert "is clean" in capsys.readouterr().out


def test_check_fails_and_names_file_and_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "seed"
    shutil.copytree(SEED_DIR, root, ignore=shutil.ignore_patterns("es"))  # English only
    path = root / "muscles" / "upper-trapezius.toml"
    path.write_text(path.read_text().replace('"temple"]', '"templ"]'))
    assert main(["check", str(root)]) == 1
    err = capsys.readouterr().err
    assert (
        "muscles/upper-trapezius.toml: muscle 'upper-trapezius' [referral]: unknown region 'templ'"
        in err
    )


def test_seed_command_loads_the_configured_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import config

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    config.get_settings.cache_clear()
    try:
        assert main(["seed"]) == 0
        assert main(["seed"]) == 0  # idempotent
    finally:
        config.get_settings.cache_clear()
    assert (tmp_path / "x.db").stat().st_size > 10_000


def test_unknown_command_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as err:
        main(["explode"])
    assert err.value.code == 2
