"""The "How it works" page: what the person is looking at, in plain words (#14)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from app.deps import KnowledgeDep, SettingsDep
from app.templating import templates
from bodymap.explainer import Explainer
from bodymap.knowledge import Knowledge

router = APIRouter(tags=["pages"])


def explainer_context(k: Knowledge, page: Explainer) -> dict[str, Any]:
    """The page as plain data: each section with its sources' citations."""
    return {
        "title": page.title,
        "intro": page.intro,
        "sections": [
            {
                "id": s.id,
                "heading": s.heading,
                "paragraphs": s.paragraphs,
                "sources": [
                    {
                        "citation": k.sources[r.id].citation if r.id in k.sources else r.id,
                        "locator": r.locator,
                    }
                    for r in s.sources
                ],
            }
            for s in page.section
        ],
    }


@router.get("/how-it-works", response_class=HTMLResponse, include_in_schema=False)
async def how_it_works(
    request: Request, knowledge: KnowledgeDep, settings: SettingsDep
) -> HTMLResponse:
    """What a trigger point is, referred pain, the figure, the evidence, a first session."""
    page = knowledge.base.how_it_works
    if page is None:
        raise HTTPException(status_code=404, detail="this knowledge base has no How it works page")
    context = explainer_context(knowledge, page)
    context["clinic_name"] = settings.clinic_name
    return templates.TemplateResponse(request=request, name="how_it_works.html", context=context)
