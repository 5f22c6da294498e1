"""New knowledge without a restart: each worker watches the seed digest and swaps.

``bodymap seed`` writes the knowledge tables and the seed's digest (``SeedMeta`` row
"digest") in one transaction. Every ``KNOWLEDGE_CHECK_SECONDS`` each worker reads that one
row; when it differs from the digest of the knowledge it serves, the worker reads the
whole knowledge base in a thread and then replaces ``app.state.knowledge`` in a single
assignment on the event loop. A request takes its reference to the knowledge when it
starts (``app.deps.get_knowledge``), so requests already running finish on the old
object; every later one gets the new one. A failed check or load is logged and the
worker keeps serving what it has.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from anyio import to_thread
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app.crud import load_knowledge
from app.seed import load_clinics
from bodymap.models import SeedMeta
from bodymap.regions import load_scheme

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from starlette.datastructures import State

    from app.config import Settings
    from bodymap.clinics import Clinic
    from bodymap.knowledge import Knowledge

log = logging.getLogger("bodymap.reload")


@dataclass(frozen=True)
class Snapshot:
    """A knowledge base as read from the database, with the digest it was read at."""

    knowledge: Knowledge
    digest: str | None


def read_digest(session: Session) -> str | None:
    """The digest of the seed the database holds (None before the first ``bodymap seed``)."""
    row = session.get(SeedMeta, "digest")
    return row.value if row is not None else None


def current_digest(engine: Engine) -> str | None:
    """The digest of the seed the database holds, in a session of its own."""
    with Session(engine) as session:
        return read_digest(session)


def read_snapshot(engine: Engine) -> Snapshot:
    """Read the digest, then the knowledge base it names."""
    with Session(engine) as session:
        # Digest first: if a new seed lands in between, the next check sees a newer
        # digest than the one recorded here and loads again, so no change is missed.
        digest = read_digest(session)
        knowledge = load_knowledge(session=session, scheme=load_scheme())
    return Snapshot(knowledge=knowledge, digest=digest)


def install(state: State, snapshot: Snapshot, clinics: dict[str, Clinic]) -> None:
    """Make ``snapshot`` the knowledge every new request gets."""
    from app import observability

    if snapshot.digest is not None:
        observability.knowledge_changed(state.knowledge_digest, snapshot.digest)
    # Each is one reference assignment; a request holds on to what it already took.
    state.clinics = clinics
    state.knowledge = snapshot.knowledge
    state.knowledge_digest = snapshot.digest


async def check_once(state: State, engine: Engine, settings: Settings) -> bool:
    """Swap in the database's knowledge base if it is newer than the one served.

    Returns:
        True when a new knowledge base was installed.
    """
    digest = await to_thread.run_sync(current_digest, engine)
    if digest is None or digest == state.knowledge_digest:
        return False
    started = time.perf_counter()
    snapshot = await to_thread.run_sync(read_snapshot, engine)
    clinics = await to_thread.run_sync(load_clinics, settings, snapshot.knowledge)
    old = state.knowledge_digest
    install(state, snapshot, clinics)
    log.info(
        "knowledge reloaded without a restart: seed %s… replaces %s… (%.0f ms)",
        (snapshot.digest or "")[:12],
        (old or "none")[:12],
        (time.perf_counter() - started) * 1000,
    )
    return True


async def watch(state: State, engine: Engine, settings: Settings) -> None:
    """Check for a new knowledge base every ``knowledge_check_seconds``, forever."""
    interval = settings.knowledge_check_seconds
    while True:
        await asyncio.sleep(interval)
        try:
            await check_once(state, engine, settings)
        except (SQLAlchemyError, OSError, ValueError) as exc:
            # The database may be restarting, or a seed mid-rewrite may not validate;
            # the current knowledge stays in service and the next check tries again.
            log.warning(
                "knowledge check failed (%s: %s); keeping the current knowledge",
                exc.__class__.__name__,
                str(exc).splitlines()[0] if str(exc) else "",
            )
