"""``/favicon.ico``: browsers, feed readers and crawlers ask every site for it by that name.

Pages link the icon, the web app manifest (``static/manifest.webmanifest``) and the
touch icon by their versioned static URLs (``templates/_icons.html``).
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from app.templating import STATIC_DIR

router = APIRouter(include_in_schema=False)

# Asked for without a version, so re-checked daily.
ICON_CACHE = "public, max-age=86400"


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    """The icon (PNG images in an ICO file, 16 to 48 px; drawn in static/icons/icon.svg)."""
    return FileResponse(
        STATIC_DIR / "icons" / "favicon.ico",
        media_type="image/x-icon",
        headers={"Cache-Control": ICON_CACHE},
    )
