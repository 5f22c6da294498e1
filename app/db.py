"""The database engine: one per process, SQLite by default."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
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


class DatabaseUnavailable(RuntimeError):
    """The database did not answer within the start-up wait; the message is one log line."""


def describe(engine: Engine) -> str:
    """Where the engine connects, for log lines: host, port and database, never a password."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return f"SQLite database {url.database or ':memory:'}"
    host = url.host or "localhost"
    port = url.port or 5432
    user = f" (user {url.username!r})" if url.username else ""
    return f"PostgreSQL database {url.database!r} on {host}:{port}{user}"


def _reason(engine: Engine, exc: BaseException) -> str:
    # The driver's first line says what failed ("connection refused", "password
    # authentication failed"); the rest is SQLAlchemy's boilerplate and a link.
    cause = exc.__cause__ or exc
    lines = str(cause).strip().splitlines()
    reason = lines[0] if lines else cause.__class__.__name__
    password = engine.url.password
    # Drivers don't echo the password, but a log line must never risk it.
    return reason.replace(str(password), "***") if password else reason


def wait_for_database(
    engine: Engine,
    *,
    timeout: float,
    log: logging.Logger,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> None:
    """Connect to the database, retrying with backoff (0.5 s doubling, at most 5 s) for
    ``timeout`` seconds.

    Raises:
        DatabaseUnavailable: still no answer after ``timeout`` seconds; its message is
            the one line to log.
    """
    started = clock()
    delay = 0.5
    attempt = 1
    while True:
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            if attempt > 1:
                log.info("%s answers (attempt %d)", describe(engine), attempt)
            return
        except OperationalError as exc:
            waited = clock() - started
            # A SQLite file that cannot be opened will not appear by waiting.
            sqlite = engine.url.get_backend_name() == "sqlite"
            if sqlite or waited + delay > timeout:
                raise DatabaseUnavailable(
                    f"cannot reach the {describe(engine)} after {attempt} attempt(s) in "
                    f"{waited:.1f} s: {_reason(engine, exc)}"
                ) from None
            log.warning(
                "%s does not answer (%s); retrying in %.1f s",
                describe(engine),
                _reason(engine, exc),
                delay,
            )
        sleep(delay)
        attempt += 1
        delay = min(delay * 2, 5.0)
