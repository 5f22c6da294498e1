"""The clinic widget: the explorer without site chrome, in the clinic's colours.

``/static/embed.js`` places an iframe of ``/embed/<clinic>`` on a clinic's page. The
frame may only be shown by the clinic's own sites (CSP frame-ancestors from its profile);
an unknown clinic gets the neutral profile, never an error page.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from app.deps import ClinicDep, ExplorerStateDep, HxTargetDep, KnowledgeDep, SettingsDep
from app.routes.pages import explorer_view
from app.security import CSP
from app.templating import templates
from bodymap import i18n
from bodymap.search import MAX_QUERY

router = APIRouter(prefix="/embed", tags=["widget"])

SlugParam = Annotated[str, Path(max_length=60)]


def _frame_policy(frame_ancestors: str) -> str:
    return CSP.replace("frame-ancestors 'self'", f"frame-ancestors {frame_ancestors}")


@router.get("/about", response_class=HTMLResponse, include_in_schema=False)
async def about(request: Request) -> HTMLResponse:
    """What the widget does and does not do with visitors' data (a note clinics can show)."""
    response = templates.TemplateResponse(request=request, name="embed_about.html", context={})
    response.headers["Content-Security-Policy"] = _frame_policy("*")
    return response


@router.get("/{slug}/theme.css", include_in_schema=False)
async def theme(clinic: ClinicDep, slug: SlugParam) -> Response:
    """The clinic's colours as CSS custom properties (validated #rrggbb only)."""
    css = f":root{{--accent:{clinic.accent};}}\n"
    return Response(css, media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})


@router.get("/{slug}", response_class=HTMLResponse, include_in_schema=False)
async def widget(
    request: Request,
    knowledge: KnowledgeDep,
    settings: SettingsDep,
    hx_target: HxTargetDep,
    clinic: ClinicDep,
    state: ExplorerStateDep,
    slug: SlugParam,
    q: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
) -> HTMLResponse:
    """The explorer inside a clinic's page: one view at a time, the clinic's call to action."""
    state = replace(state, base=f"/embed/{clinic.slug}")
    name, context = explorer_view(
        knowledge,
        state,
        page="embed.html",
        hx_target=hx_target,
        q=q,
        emergency_number=clinic.emergency_number or settings.emergency_number,
        clinic_name=clinic.name,
        side_by_side=False,
    )
    context["clinic"] = clinic
    # The full site in the widget's language, even where the browser prefers another.
    context["full_url"] = state.url("/", lang=i18n.current())
    context["offered"] = [t.name for t in knowledge.base.techniques if t.id in clinic.techniques]
    response = templates.TemplateResponse(request=request, name=name, context=context)
    response.headers["Content-Security-Policy"] = _frame_policy(clinic.frame_ancestors)
    return response


demo_router = APIRouter(prefix="/demo", tags=["widget"])


@demo_router.get("/clinic", response_class=HTMLResponse, include_in_schema=False)
async def demo_clinic(
    request: Request, clinic: Annotated[str, Query(max_length=60)] = "riverside"
) -> HTMLResponse:
    """A pretend clinic website with the widget snippet in it, to try the widget."""
    clinics = request.app.state.clinics
    profile = clinics.get(clinic) or next(iter(clinics.values()), None)
    host = str(request.base_url).rstrip("/")
    slug = profile.slug if profile else "default"
    # The frame's accessible name, in the page's language (clean text: no quotes or markup).
    title = html.escape(i18n.gettext("Body map: muscles that commonly refer pain"))
    snippet = (
        f'<script src="{host}/static/embed.js" data-clinic="{slug}" data-title="{title}"'
        " async></script>"
    )
    iframe = (
        f'<iframe src="{host}/embed/{slug}" title="{title}"'
        ' referrerpolicy="no-referrer" style="width:100%;height:1100px;border:0"></iframe>'
    )
    context = {
        "profile": profile,
        "slug": slug,
        "host": host,
        "snippet": snippet,
        "iframe": iframe,
        "clinics": sorted(clinics),
    }
    return templates.TemplateResponse(request=request, name="demo_clinic.html", context=context)
