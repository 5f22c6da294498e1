"""What a worker does when it starts and stops: reach the database, load, watch, clean up."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import observability, reload
from app.config import Settings
from app.db import DatabaseUnavailable, make_engine, wait_for_database
from app.seed import load_clinics, prepare_database

log = logging.getLogger("bodymap.startup")


def lifespan_for(settings: Settings) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan for ``settings``."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        try:
            await to_thread.run_sync(
                lambda: wait_for_database(engine, timeout=settings.database_wait_seconds, log=log)
            )
        except DatabaseUnavailable:
            engine.dispose()
            raise
        app.state.settings = settings
        app.state.engine = engine
        app.state.knowledge_digest = None
        before = _digest_if_any(engine)
        knowledge = prepare_database(engine, settings)
        snapshot = reload.Snapshot(knowledge=knowledge, digest=reload.current_digest(engine))
        if snapshot.digest != before:
            # This start loaded a new seed, or `bodymap seed` ran meanwhile: read again,
            # digest first, so the digest recorded is never newer than the knowledge.
            snapshot = reload.read_snapshot(engine)
        reload.install(app.state, snapshot, load_clinics(settings, snapshot.knowledge))
        watcher = None
        # An in-memory database belongs to this process: no `bodymap seed` can change it.
        in_memory = engine.url.get_backend_name() == "sqlite" and engine.url.database in (
            None,
            "",
            ":memory:",
        )
        if settings.knowledge_check_seconds > 0 and not in_memory:
            watcher = asyncio.create_task(reload.watch(app.state, engine, settings))
        try:
            yield
        finally:
            if watcher is not None:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher
            observability.worker_stopped()
            engine.dispose()

    return lifespan


def _digest_if_any(engine: Engine) -> str | None:
    try:
        return reload.current_digest(engine)
    except SQLAlchemyError:  # a fresh database: no tables yet
        return None


class StartupFailureMiddleware:
    """Report a database that never answered as one line, not a traceback.

    The server prints whatever message comes with ``lifespan.startup.failed``; Starlette
    puts the whole traceback there. For the failures we expect and explain ourselves,
    send our own line instead (the exception is the one being handled while the failure
    is sent), and the server then exits non-zero as usual.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "lifespan":
            await self.app(scope, receive, send)
            return

        async def one_line(message: Message) -> None:
            if message["type"] == "lifespan.startup.failed":
                exc = sys.exc_info()[1]
                if isinstance(exc, DatabaseUnavailable):
                    message = {**message, "message": str(exc)}
            await send(message)

        await self.app(scope, receive, one_line)
