"""Clear 4xx answers: JSON for the API, a plain page for people. Never a 500 for bad input.

The API's messages are for developers and stay English; a page's message is in the
request's language, and starts with the parameter it is about (as written in the URL).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from app.templating import templates
from bodymap.i18n import gettext
from bodymap.state import StateError


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api", "/healthz", "/thumbnails"))


def _page(request: Request, status: int, message: str, param: str = "") -> HTMLResponse:
    return templates.TemplateResponse(
        request=request,
        name="error.html",
        status_code=status,
        context={"message": message, "param": param, "status": status},
    )


def problem(request: Request, status: int, message: str) -> Response:
    """A refusal that says what was wrong: ``{"detail": message}`` for the API, else a page."""
    if _wants_html(request):
        return _page(request, status, message)
    return JSONResponse({"detail": message}, status_code=status)


def state_message(exc: StateError) -> str:
    """What was wrong with the URL parameter ``exc.field``, in the request's language."""
    values = ", ".join(f"“{v}”" for v in exc.values[:5])
    if exc.field == "region" and values:
        text = gettext("no place has the id %(values)s") % {"values": values}
    elif exc.field == "region":
        text = gettext("too many places in one address")
    elif exc.field in ("muscle", "compare"):
        text = gettext("no muscle has the id %(values)s") % {"values": values}
    elif exc.field == "view":
        text = gettext("no figure view is called %(values)s; use front, back, head or hands") % {
            "values": values
        }
    elif exc.field in ("side", "compare_side"):
        text = gettext("no side is called %(values)s; use right, left or both") % {"values": values}
    elif exc.field == "yes":
        text = gettext("no warning sign has the id %(values)s") % {"values": values}
    elif exc.field == "mode":
        text = gettext("no mode is called %(values)s; use patient or chairside") % {
            "values": values
        }
    else:
        text = gettext("this value is not valid")
    return text


def _validation_line(error: dict[str, Any]) -> tuple[str, str]:
    """One of FastAPI's parameter errors: the parameter, and what was wrong with it in
    the request's language."""
    field = ".".join(str(p) for p in error["loc"][1:])
    kind = error.get("type", "")
    if kind == "string_too_long":
        text = gettext("too long; at most %(max)s characters") % {
            "max": error.get("ctx", {}).get("max_length", "?")
        }
    elif kind == "too_long":
        text = gettext("too many values; at most %(max)s") % {
            "max": error.get("ctx", {}).get("max_length", "?")
        }
    elif kind == "missing":
        text = gettext("missing")
    else:
        text = gettext("this value is not valid")
    return field, text


async def state_error(request: Request, exc: Exception) -> Response:
    """An unknown region, muscle, view or side: 422 naming it."""
    assert isinstance(exc, StateError)
    if _wants_html(request):
        return _page(request, 422, state_message(exc), exc.field)
    detail = [
        {"type": "value_error", "loc": ["query", exc.field], "msg": str(exc), "input": exc.values}
    ]
    return JSONResponse({"detail": detail}, status_code=422)


async def validation_error(request: Request, exc: Exception) -> Response:
    """FastAPI's own parameter checks (too long, too many): JSON as usual, a page for people."""
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if _wants_html(request):
        # The first problem is enough to fix the address; the API lists them all.
        field, text = _validation_line(errors[0])
        return _page(request, 422, text, field)
    # Never echo an enormous input back: keep the detail short.
    slim = [
        {k: (v if k != "input" else str(v)[:100]) for k, v in e.items() if k != "ctx"}
        for e in errors[:10]
    ]
    return JSONResponse({"detail": slim}, status_code=422)


async def http_error(request: Request, exc: Exception) -> Response:
    """A 404 or 405 outside the API: a page in the request's language; the API keeps
    FastAPI's JSON."""
    assert isinstance(exc, HTTPException)
    if _wants_html(request) and exc.status_code in (404, 405):
        if exc.status_code == 404:
            message = gettext("there is no page at this address")
        else:
            message = gettext("this address cannot be used that way")
        response: Response = _page(request, exc.status_code, message)
    else:
        response = JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(StateError, state_error)
    app.add_exception_handler(RequestValidationError, validation_error)
