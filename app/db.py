"""The database engine: one per process, SQLite by default."""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.pool import StaticPool
from sqlmodel import SQLModel, create_engine

from bodymap import models  # noqa: F401  (registers the tables on SQLModel.metadata)


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets the options a threaded server needs."""
    if url.startswith("sqlite"):
        kwargs: dict[str, object] = {"connect_args": {"check_same_thread": False}}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs["poolclass"] = StaticPool
        return create_engine(url, **kwargs)
    return create_engine(url, pool_pre_ping=True)


# Tables of the first storage layout (one column per field), replaced by one JSON record
# per knowledge entry. They held only what seed/ holds, so dropping them loses nothing.
_LEGACY_TABLES = (
    "techniquesource",
    "redflagsource",
    "musclesource",
    "triggerpoint",
    "referralzone",
    "technique",
    "redflag",
    "muscle",
    "source",
)


def create_tables(engine: Engine) -> None:
    """Create any missing tables, and drop those of the old storage layout."""
    with engine.begin() as conn:
        for name in _LEGACY_TABLES:
            conn.execute(text(f"DROP TABLE IF EXISTS {name}"))
    SQLModel.metadata.create_all(engine)
