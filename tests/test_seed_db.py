"""Loading the seed into a database: idempotent, complete, recovers from a corrupt file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlmodel import Session, func, select

from app.db import create_tables, make_engine
from app.seed import load_seed, prepare_database
from bodymap import models as m
from bodymap.knowledge import KnowledgeBase
from tests.conftest import SEED_DIR, make_settings


def _counts(session: Session) -> tuple[int, ...]:
    """Regions, then the stored records of each kind of knowledge entry."""
    kinds = ("muscles", "red_flags", "sources", "techniques")
    records = [
        session.exec(
            select(func.count()).select_from(m.KnowledgeRecord).where(m.KnowledgeRecord.kind == k)
        ).one()
        for k in kinds
    ]
    return (session.exec(select(func.count()).select_from(m.Region)).one(), *records)


def test_seed_is_idempotent(seed_kb: KnowledgeBase) -> None:
    engine = make_engine("sqlite://")
    create_tables(engine)
    with Session(engine) as session:
        assert load_seed(session, SEED_DIR) is True
        first = _counts(session)
        assert load_seed(session, SEED_DIR) is False  # unchanged: nothing written
        assert load_seed(session, SEED_DIR, force=True) is True  # forced: same result
        assert _counts(session) == first
    assert first[0] == 157 and first[1] == len(seed_kb.muscles)


def test_knowledge_read_back_equals_the_seed(seed_kb: KnowledgeBase) -> None:
    engine = make_engine("sqlite://")
    knowledge = prepare_database(engine, make_settings())
    assert knowledge.base.muscles == seed_kb.muscles
    assert knowledge.base.red_flags == seed_kb.red_flags


def test_corrupt_database_file_is_replaced_with_a_fresh_seeded_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "test.db"
    db.write_bytes(b"this is not a database" * 100)
    settings = make_settings(tmp_path)
    knowledge = prepare_database(make_engine(settings.database_url), settings)
    assert knowledge.muscles
    assert list(tmp_path.glob("test.db.corrupt-*")), "the bad file is kept aside, not deleted"
    assert "could not be read" in caplog.text


def test_a_database_of_the_old_layout_is_upgraded(tmp_path: Path) -> None:
    """Tables of the first layout are dropped, and the knowledge is loaded anew."""
    settings = make_settings(tmp_path)
    engine = make_engine(settings.database_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE muscle (slug VARCHAR PRIMARY KEY, name VARCHAR)"))
        conn.execute(text("CREATE TABLE seedmeta (key VARCHAR PRIMARY KEY, value VARCHAR)"))
        conn.execute(text("INSERT INTO seedmeta VALUES ('digest', 'an-old-digest')"))
    knowledge = prepare_database(engine, settings)
    assert len(knowledge.muscles) > 100
    assert "muscle" not in inspect(engine).get_table_names()
