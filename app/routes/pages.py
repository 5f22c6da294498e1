"""The explorer page. One URL serves the full page and, for htmx, the part it targets."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from app import context as page_context
from app.deps import ExplorerStateDep, HxTargetDep, KnowledgeDep, SettingsDep
from app.templating import templates
from bodymap import i18n
from bodymap.knowledge import Knowledge
from bodymap.search import MAX_QUERY, search_regions
from bodymap.state import ExplorerState

router = APIRouter(tags=["pages"])

# htmx targets and the partial that fills each; anything else gets the whole explorer.
PARTIALS = {
    "results": "_results.html",
    "suggestions": "_suggestions.html",
    # After a tap, the figures drawn for the new state (see _results.html).
    "figures": "_figures_answer.html",
}


def suggestions(knowledge: Knowledge, state: ExplorerState, q: str | None) -> list[dict[str, Any]]:
    """Regions matching the typed words, each with the link that toggles it."""
    found = search_regions(q, knowledge.scheme.regions, limit=8) if q else []
    return [
        {
            "id": r.id,
            "label": r.label,
            "url": state.toggled(r.id).url(),
            "picked": r.id in state.regions,
        }
        for r in found
    ]


def explorer_view(
    knowledge: Knowledge,
    state: ExplorerState,
    *,
    page: str,
    hx_target: str | None,
    q: str | None,
    emergency_number: str,
    clinic_name: str,
    side_by_side: bool = True,
) -> tuple[str, dict[str, Any]]:
    """The template for this request (``page`` whole, or the part htmx targets) and its
    context; the explorer and the clinic widget share it."""
    name = page if hx_target is None else PARTIALS.get(hx_target, "_explorer.html")
    context = page_context.explorer_context(
        knowledge,
        state,
        emergency_number=emergency_number,
        clinic_name=clinic_name,
        with_figure=name in (page, "_explorer.html", "_figures_answer.html"),
        with_results=name != "_figures_answer.html",
        side_by_side=side_by_side,
    )
    context["q"] = q or ""
    context["matches"] = suggestions(knowledge, state, q)
    # An htmx answer also updates the page's live status line (see _results.html).
    context["announce"] = hx_target is not None
    # A tap (the picker form) asks for the results alone; the figures follow, with the
    # figure panel's small parts out of band (_results.html, _figures_answer.html).
    context["tap"] = hx_target == "results"
    return name, context


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def explorer(
    request: Request,
    knowledge: KnowledgeDep,
    settings: SettingsDep,
    hx_target: HxTargetDep,
    state: ExplorerStateDep,
    q: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
) -> HTMLResponse:
    """Show the figure, the picked places, red flags, candidates and the chosen card."""
    name, context = explorer_view(
        knowledge,
        state,
        page="index.html",
        hx_target=hx_target,
        q=q,
        emergency_number=settings.emergency_number,
        clinic_name=settings.clinic_name,
    )
    return templates.TemplateResponse(request=request, name=name, context=context)


@router.get("/muscles", response_class=HTMLResponse, include_in_schema=False)
async def muscle_index(
    request: Request,
    knowledge: KnowledgeDep,
    settings: SettingsDep,
    q: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
) -> HTMLResponse:
    """Reverse lookup: every muscle by body area, or those matching ``q``; one click shows it."""
    context = page_context.muscle_index_context(knowledge, q or "")
    context["clinic_name"] = settings.clinic_name
    return templates.TemplateResponse(request=request, name="muscles.html", context=context)


@router.get("/techniques", response_class=HTMLResponse, include_in_schema=False)
async def techniques(
    request: Request, knowledge: KnowledgeDep, settings: SettingsDep
) -> HTMLResponse:
    """What each treatment technique is, who delivers it, and the evidence in brief."""
    context = {
        "techniques": list(knowledge.technique_cards.values()),
        "clinic_name": settings.clinic_name,
    }
    return templates.TemplateResponse(request=request, name="techniques.html", context=context)


@router.get("/print", response_class=HTMLResponse, include_in_schema=False)
async def handout(
    request: Request, knowledge: KnowledgeDep, settings: SettingsDep, state: ExplorerStateDep
) -> HTMLResponse:
    """A one-to-two page handout of the same state, with a QR code to reopen it."""
    # The printed link names a language other than the default: the phone that scans it
    # may prefer another. (English stays implicit: a shorter link is a smaller QR code.)
    lang = state.lang or (i18n.current() if i18n.current() != i18n.DEFAULT_LOCALE else None)
    link = str(request.base_url).rstrip("/") + state.url(lang=lang)
    context = page_context.handout_context(
        knowledge,
        state,
        link=link,
        emergency_number=settings.emergency_number,
        clinic_name=settings.clinic_name,
    )
    return templates.TemplateResponse(request=request, name="print.html", context=context)
