"""The database engine: one per process, SQLite by default."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine

from bodymap import models  # noqa: F401  (registers the tables on SQLModel.metadata)


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets the options a threaded server needs."""
    if url.startswith("sqlite"):
        kwargs: dict[str, object] = {"connect_args": {"check_same_thread": False}}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs["poolclass"] = StaticPool
        return create_engine(url, **kwargs)
    return create_engine(url, pool_pre_ping=True)


def create_tables(engine: Engine) -> None:
    """Create any missing tables."""
    SQLModel.metadata.create_all(engine)


def session_for(engine: Engine) -> Iterator[Session]:
    """Yield a session bound to ``engine`` and close it afterwards."""
    with Session(engine) as session:
        yield session
