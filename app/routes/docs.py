"""The API docs at ``/docs``: Swagger UI from our own files, under the strict CSP.

FastAPI's default page loads Swagger UI from a CDN (blank without internet, and a
third-party request) and starts it with an inline script (which needs a looser CSP).
Here the Swagger UI files come from the ``fastapi-offline`` package, which ships them,
and a small script of ours in ``static/docs/`` starts it. FastAPI's
``get_swagger_ui_html`` is not used because it always writes that inline script.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.caching import CachedStaticFiles
from app.templating import file_digest, static_url

ASSETS_DIR = Path(str(files("fastapi_offline").joinpath("static")))
ASSETS_URL = "/static/swagger-ui"

router = APIRouter(include_in_schema=False)
assets = CachedStaticFiles(directory=ASSETS_DIR)


def _asset(name: str) -> str:
    """A Swagger UI file's URL, versioned by its content like every other static file."""
    return f"{ASSETS_URL}/{name}?v={file_digest(ASSETS_DIR / name)}"


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """Swagger UI for the OpenAPI schema, with no request leaving this server."""
    title = escape(f"{request.app.title}: API documentation")
    openapi = escape(request.app.openapi_url or "/openapi.json")
    html = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="{static_url("icons/favicon.ico")}" sizes="48x48">
<link rel="icon" href="{static_url("icons/icon.svg")}" type="image/svg+xml">
<link rel="stylesheet" href="{_asset("swagger-ui.css")}">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{openapi}"></div>
<script src="{_asset("swagger-ui-bundle.js")}"></script>
<script src="{static_url("docs/swagger-init.js")}"></script>
</body>
</html>
"""
    return HTMLResponse(html)
