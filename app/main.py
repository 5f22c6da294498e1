"""Assemble the app: lifespan, middleware, static files, routers."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware

from app import observability
from app.caching import CachedStaticFiles, ConditionalGetMiddleware
from app.config import Settings, get_settings
from app.errors import install_error_handlers
from app.head import HeadAsGetMiddleware
from app.i18n import LocaleMiddleware
from app.limits import RequestLimitsMiddleware
from app.response_cache import ResponseCache, ResponseCacheMiddleware
from app.routes import api, docs, embed, health, learn, pages, site, thumbnails
from app.security import SecurityHeadersMiddleware
from app.startup import StartupFailureMiddleware, lifespan_for
from app.templating import STATIC_DIR


def create_app(settings: Settings | None = None) -> FastAPI:
    """Create the Bodymap app for ``settings`` (the environment's by default)."""
    settings = settings or get_settings()
    app = FastAPI(
        title="Bodymap",
        summary="Muscles whose trigger points commonly refer pain to the places you pick.",
        description="Education, not diagnosis. Red flags come first. Knowledge base: CC BY 4.0.",
        version="0.1.0",
        lifespan=lifespan_for(settings),
        docs_url=None,  # app.routes.docs serves /docs from our own files
        redoc_url=None,  # ReDoc injects inline styles, which the CSP refuses
    )
    # Level 4: within 5% of level 9's size at a quarter of its CPU time (bench/run.py).
    app.add_middleware(ConditionalGetMiddleware)  # inside GZip: it hashes the plain body
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=4)
    # Outside GZip (a hit skips it), inside the limits and the language (part of its key).
    app.state.response_cache = ResponseCache(settings.response_cache_bytes)
    app.add_middleware(
        ResponseCacheMiddleware, cache=app.state.response_cache, metrics=settings.metrics
    )
    app.add_middleware(RequestLimitsMiddleware)  # refuses floods before any routing
    # Outside the caching: each answer's ETag and Vary cover its language.
    app.add_middleware(LocaleMiddleware)
    if settings.metrics or settings.access_log:
        app.add_middleware(
            observability.ObservabilityMiddleware,
            metrics=settings.metrics,
            access_log=settings.access_log,
        )
    app.add_middleware(HeadAsGetMiddleware)  # outside the caching: HEAD gets ETags too
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(StartupFailureMiddleware)
    app.mount(docs.ASSETS_URL, docs.assets, name="swagger-ui")  # before /static: more specific
    app.mount("/static", CachedStaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(health.router)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(learn.router)
    app.include_router(embed.router)
    app.include_router(embed.demo_router)
    app.include_router(docs.router)
    app.include_router(site.router)
    app.include_router(thumbnails.router)
    if settings.metrics:
        app.include_router(observability.router)
    install_error_handlers(app)
    return app


app = create_app()
