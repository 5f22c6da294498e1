"""Assemble the app: settings, database and knowledge at start-up, static files, routers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware

from app.caching import CachedStaticFiles, ConditionalGetMiddleware
from app.config import Settings, get_settings
from app.db import make_engine
from app.errors import install_error_handlers
from app.limits import RequestLimitsMiddleware
from app.routes import api, embed, health, learn, pages
from app.security import SecurityHeadersMiddleware
from app.seed import load_clinics, prepare_database
from app.templating import STATIC_DIR


def create_app(settings: Settings | None = None) -> FastAPI:
    """Create the Bodymap app for ``settings`` (the environment's by default)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        app.state.settings = settings
        app.state.engine = engine
        app.state.knowledge = prepare_database(engine, settings)
        app.state.clinics = load_clinics(settings, app.state.knowledge)
        yield
        engine.dispose()

    app = FastAPI(
        title="Bodymap",
        summary="Muscles whose trigger points commonly refer pain to the places you pick.",
        description="Education, not diagnosis. Red flags come first. Knowledge base: CC BY 4.0.",
        version="0.1.0",
        lifespan=lifespan,
    )
    # Level 4: within 5% of level 9's size at a quarter of its CPU time (bench/run.py).
    app.add_middleware(ConditionalGetMiddleware)  # inside GZip: it hashes the plain body
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=4)
    app.add_middleware(RequestLimitsMiddleware)  # refuses floods before any routing
    app.add_middleware(SecurityHeadersMiddleware)
    app.mount("/static", CachedStaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(health.router)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(learn.router)
    app.include_router(embed.router)
    app.include_router(embed.demo_router)
    install_error_handlers(app)
    return app


app = create_app()
