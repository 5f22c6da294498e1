"""A database that does not answer at start-up: retries with backoff, then one clear line."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import PROJECT_ROOT
from app.db import DatabaseUnavailable, make_engine, wait_for_database
from app.devserver import free_port
from app.main import create_app
from tests.conftest import make_settings

PASSWORD = "s3cret-Pw"


def closed_postgres_url() -> tuple[str, int]:
    """A PostgreSQL URL (with a password) to a loopback port nothing listens on."""
    port = free_port()
    return f"postgresql+psycopg://bob:{PASSWORD}@127.0.0.1:{port}/bodymap", port


def test_retries_with_growing_waits_then_gives_up_naming_the_database() -> None:
    url, port = closed_postgres_url()
    engine = make_engine(url)
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:  # a clock of our own: the test takes no time
        waits.append(seconds)
        now[0] += seconds

    with pytest.raises(DatabaseUnavailable) as failure:
        wait_for_database(
            engine, timeout=20, log=logging.getLogger("test"), sleep=sleep, clock=lambda: now[0]
        )
    assert waits == [0.5, 1.0, 2.0, 4.0, 5.0, 5.0]  # doubling, at most 5 s, within 20 s
    line = str(failure.value)
    assert "\n" not in line
    assert f"127.0.0.1:{port}" in line and "'bodymap'" in line and "'bob'" in line
    assert "7 attempt(s)" in line and "refused" in line.lower()
    assert PASSWORD not in line


def test_the_app_does_not_start_without_its_database() -> None:
    url, _ = closed_postgres_url()
    app = create_app(
        make_settings(database_wait_seconds=0.0).model_copy(update={"database_url": url})
    )
    with pytest.raises(DatabaseUnavailable), TestClient(app):
        pass


def _run(command: list[str], env: dict[str, str]) -> tuple[int, str, float]:
    started = time.monotonic()
    done = subprocess.run(
        command,
        cwd=PROJECT_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stdout + done.stderr, time.monotonic() - started


@pytest.mark.parametrize(
    "command",
    [
        ["-m", "app.cli", "serve", "--workers", "2", "--port"],
        ["-m", "uvicorn", "app.main:app", "--port"],
    ],
    ids=["bodymap-serve", "uvicorn"],
)
def test_a_server_with_its_database_down_exits_with_one_line(command: list[str]) -> None:
    url, port = closed_postgres_url()
    env = {"DATABASE_URL": url, "DATABASE_WAIT_SECONDS": "1.5"}
    code, output, seconds = _run([sys.executable, *command, str(free_port())], env)
    assert code != 0
    assert seconds >= 1.0  # it waited before giving up
    assert "Traceback" not in output and PASSWORD not in output
    failures = [line for line in output.splitlines() if "cannot reach" in line]
    assert len(failures) == 1, output
    assert f"127.0.0.1:{port}" in failures[0] and "'bodymap'" in failures[0]
    assert "retrying in 0.5 s" in output  # the first retry was logged


def test_an_sqlite_file_that_cannot_be_opened_fails_at_once(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "bodymap.db"
    env = {"DATABASE_URL": f"sqlite:///{missing}", "DATABASE_WAIT_SECONDS": "30"}
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(free_port())]
    code, output, seconds = _run(command, env)
    assert code == 1 and "Traceback" not in output
    assert f"cannot reach the SQLite database {missing}" in output
    assert seconds < 25  # no point waiting for a file
