"""New knowledge without a restart: workers pick up `bodymap seed` within the interval."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.request import urlopen

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import make_url
from sqlmodel import Session

from app.config import PROJECT_ROOT
from app.db import make_engine
from app.deps import KnowledgeDep
from app.devserver import free_port
from app.main import create_app
from app.reload import current_digest
from app.seed import load_seed
from tests.conftest import SEED_DIR, make_settings

MUSCLE = "upper-trapezius"
OLD_NAME = 'name = "Upper trapezius"\n'


def renamed(seed: Path, name: str) -> None:
    """Give the upper trapezius a new display name in the seed copy ``seed``."""
    path = seed / "muscles" / f"{MUSCLE}.toml"
    text = path.read_text()
    assert OLD_NAME in text
    path.write_text(text.replace(OLD_NAME, f'name = "{name}"\n', 1))


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "seed"
    shutil.copytree(SEED_DIR, copy)
    return copy


def wait_for(check: object, timeout: float, seen: object = None) -> float:
    """Seconds until ``check()`` is true; fails after ``timeout``, saying what ``seen()`` says."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():  # type: ignore[operator]
            return time.monotonic() - started
        time.sleep(0.05)
    pytest.fail(f"not true within {timeout} s; seen: {seen() if seen else ''}")  # type: ignore[operator]


def test_a_new_seed_is_served_and_running_requests_finish_on_the_old(
    tmp_path: Path, seed_copy: Path
) -> None:
    settings = make_settings(tmp_path, knowledge_check_seconds=0.2).model_copy(
        update={"seed_dir": seed_copy}
    )
    app = create_app(settings)
    entered, release = threading.Event(), threading.Event()

    @app.get("/test-hold")
    def hold(knowledge: KnowledgeDep) -> dict[str, str]:
        """A request that is still running when the knowledge changes."""
        entered.set()
        release.wait(20)
        return {"name": knowledge.muscles[MUSCLE].name}

    with TestClient(app) as client:

        def name() -> str:
            return str(client.get(f"/api/muscles/{MUSCLE}").json()["name"])

        assert name() == "Upper trapezius"
        held: list[str] = []
        worker = threading.Thread(target=lambda: held.append(client.get("/test-hold").json()))
        worker.start()
        assert entered.wait(20)

        renamed(seed_copy, "Trapezius, upper part")
        engine = make_engine(settings.database_url)
        with Session(engine) as session:
            assert load_seed(session, seed_copy)
        engine.dispose()

        wait_for(lambda: name() == "Trapezius, upper part", timeout=10)
        release.set()
        worker.join(20)
        assert held == [{"name": "Upper trapezius"}]  # began before the swap: old knowledge
        # The page and the figure follow too (they read the same knowledge).
        assert "Trapezius, upper part" in client.get(f"/?muscle={MUSCLE}").text


def test_no_checks_when_the_interval_is_zero(tmp_path: Path, seed_copy: Path) -> None:
    settings = make_settings(tmp_path, knowledge_check_seconds=0).model_copy(
        update={"seed_dir": seed_copy}
    )
    with TestClient(create_app(settings)) as client:
        renamed(seed_copy, "Trapezius, upper part")
        engine = make_engine(settings.database_url)
        with Session(engine) as session:
            load_seed(session, seed_copy)
        engine.dispose()
        time.sleep(0.5)
        assert client.get(f"/api/muscles/{MUSCLE}").json()["name"] == "Upper trapezius"


# --- two worker processes, as deployed -----------------------------------------------


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A database of its own: on the CI's PostgreSQL when there is one, else SQLite."""
    server = os.environ.get("BODYMAP_TEST_DATABASE_URL", "")
    if not server.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'workers.db'}"
        return
    import psycopg

    name = f"bodymap_reload_{os.getpid()}"
    admin = make_url(server).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _knowledge_by_worker(base: str) -> dict[str, set[str]]:
    """From /metrics: worker pid -> the digests it reports serving (gauge value 1)."""
    with urlopen(f"{base}/metrics", timeout=5) as answer:
        text = answer.read().decode()
    workers: dict[str, set[str]] = {}
    pattern = r'bodymap_knowledge_info\{digest="(\w+)",pid="(\d+)"\} (\S+)'
    for digest, pid, value in re.findall(pattern, text):
        workers.setdefault(pid, set())
        if float(value) == 1:
            workers[pid].add(digest)
    return workers


def test_two_workers_serve_a_new_seed_without_a_restart(
    tmp_path: Path, seed_copy: Path, database_url: str
) -> None:
    interval = 1.0
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SEED_DIR": str(seed_copy),
        "KNOWLEDGE_CHECK_SECONDS": str(interval),
        "METRICS": "true",
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)  # `bodymap serve` makes one for the workers
    command = [sys.executable, "-m", "app.cli", "serve", "--workers", "2", "--port", str(port)]
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log)
    try:
        # Both workers up and serving the first seed.
        wait_for(
            lambda: _up(base) and len(_knowledge_by_worker(base)) == 2,
            timeout=90,
            seen=lambda: _up(base) and _knowledge_by_worker(base),
        )
        engine = make_engine(database_url)
        old = current_digest(engine)
        assert old and all(d == {old[:12]} for d in _knowledge_by_worker(base).values())

        renamed(seed_copy, "Trapezius, upper part")
        seeded = subprocess.run(
            [sys.executable, "-m", "app.cli", "seed"], cwd=PROJECT_ROOT, env=env, timeout=120
        )
        assert seeded.returncode == 0
        new = current_digest(engine)
        engine.dispose()
        assert new and new != old

        def converged() -> bool:
            workers = _knowledge_by_worker(base)
            return len(workers) == 2 and all(d == {new[:12]} for d in workers.values())

        # Within the interval, plus the time a loaded 2-core machine takes to read it.
        seconds = wait_for(
            converged, timeout=interval + 30, seen=lambda: (new[:12], _knowledge_by_worker(base))
        )
        sys.stderr.write(f"both workers serve the new seed {seconds:.2f} s after it landed\n")
        for _ in range(20):  # whichever worker answers
            with urlopen(f"{base}/api/muscles/{MUSCLE}", timeout=5) as answer:
                assert b'"Trapezius, upper part"' in answer.read()
        assert server.poll() is None  # no restart: the same server is still running
        # Request counts are summed over both workers, whichever answers /metrics.
        with urlopen(f"{base}/metrics", timeout=5) as answer:
            metrics = answer.read().decode()
        served = (
            'bodymap_http_requests_total{method="GET",route="/api/muscles/{slug}",status="200"}'
        )
        assert float(metrics.split(served, 1)[1].split()[0]) >= 20
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        sys.stderr.write((tmp_path / "server.log").read_text())  # shown only on failure
    text = (tmp_path / "server.log").read_text()
    assert text.count("knowledge reloaded without a restart") == 2, text


def _up(base: str) -> bool:
    try:
        with urlopen(f"{base}/healthz", timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False
