"""The site's icon and web app manifest (browsers ask for ``/favicon.ico`` on every site)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse, JSONResponse

from app.templating import STATIC_DIR, static_url

router = APIRouter(include_in_schema=False)

# Browsers ask for /favicon.ico without a version, so it is re-checked daily.
ICON_CACHE = "public, max-age=86400"


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    """The icon (PNG images in an ICO file, 16 to 48 px; drawn in static/icons/icon.svg)."""
    return FileResponse(
        STATIC_DIR / "icons" / "favicon.ico",
        media_type="image/x-icon",
        headers={"Cache-Control": ICON_CACHE},
    )


@router.get("/manifest.webmanifest")
def manifest() -> JSONResponse:
    """The web app manifest: name, colours and icons for "add to home screen"."""
    body = {
        "name": "Bodymap",
        "short_name": "Bodymap",
        "description": "Which muscles commonly refer pain to the places you pick.",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#f7f8f6",
        "theme_color": "#0b5cad",
        "icons": [
            {"src": static_url("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static_url("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": static_url("icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return JSONResponse(
        body, media_type="application/manifest+json", headers={"Cache-Control": ICON_CACHE}
    )
