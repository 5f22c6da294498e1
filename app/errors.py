"""Clear 4xx answers: JSON for the API, a plain page for people. Never a 500 for bad input."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response

from app.templating import templates
from bodymap.state import StateError


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api", "/healthz", "/thumbnails"))


def _page(request: Request, status: int, message: str) -> HTMLResponse:
    return templates.TemplateResponse(
        request=request,
        name="error.html",
        status_code=status,
        context={"message": message, "status": status},
    )


def problem(request: Request, status: int, message: str) -> Response:
    """A refusal that says what was wrong: ``{"detail": message}`` for the API, else a page."""
    if _wants_html(request):
        return _page(request, status, message)
    return JSONResponse({"detail": message}, status_code=status)


async def state_error(request: Request, exc: Exception) -> Response:
    """An unknown region, muscle, view or side: 422 naming it."""
    assert isinstance(exc, StateError)
    if _wants_html(request):
        return _page(request, 422, f"{exc.field}: {exc}")
    detail = [
        {"type": "value_error", "loc": ["query", exc.field], "msg": str(exc), "input": exc.values}
    ]
    return JSONResponse({"detail": detail}, status_code=422)


async def validation_error(request: Request, exc: Exception) -> Response:
    """FastAPI's own parameter checks (too long, too many): JSON as usual, a page for people."""
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if _wants_html(request):
        msgs = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in errors[:3]
        )
        return _page(request, 422, msgs)
    # Never echo an enormous input back: keep the detail short.
    slim = [
        {k: (v if k != "input" else str(v)[:100]) for k, v in e.items() if k != "ctx"}
        for e in errors[:10]
    ]
    return JSONResponse({"detail": slim}, status_code=422)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(StateError, state_error)
    app.add_exception_handler(RequestValidationError, validation_error)
