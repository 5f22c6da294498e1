"""Shared fixtures: the real seed, and an app on an in-memory database seeded from it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.config import PROJECT_ROOT, Settings
from app.main import create_app
from bodymap.knowledge import Knowledge, KnowledgeBase
from bodymap.regions import RegionScheme, load_scheme
from bodymap.seedfiles import load_seed_dir

SEED_DIR = PROJECT_ROOT / "seed"


@pytest.fixture(scope="session")
def scheme() -> RegionScheme:
    return load_scheme()


@pytest.fixture(scope="session")
def seed_kb(scheme: RegionScheme) -> KnowledgeBase:
    return load_seed_dir(SEED_DIR, scheme)


@pytest.fixture(scope="session")
def knowledge(scheme: RegionScheme, seed_kb: KnowledgeBase) -> Knowledge:
    return Knowledge(scheme=scheme, base=seed_kb)


def make_settings(tmp: Path | None = None, **overrides: Any) -> Settings:
    """Settings for an isolated app: in-memory SQLite unless a file is asked for.

    With BODYMAP_TEST_DATABASE_URL set (CI sets a throwaway PostgreSQL), the shared app
    runs on that database instead, so the HTTP tests cover both engines.
    """
    url = (
        f"sqlite:///{tmp / 'test.db'}"
        if tmp
        else os.environ.get("BODYMAP_TEST_DATABASE_URL", "sqlite://")
    )
    return Settings(database_url=url, seed_dir=SEED_DIR, **overrides)


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    """A client on an app with its own in-memory database (read-only tests share it)."""
    app = create_app(make_settings(emergency_number="112"))
    with TestClient(app) as c:
        yield c
