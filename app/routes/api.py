"""The public JSON API (PRODUCT.md): regions, candidates, muscles, red flags."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from app import present
from app.deps import KnowledgeDep
from app.limits import RESPONSES as LIMIT_RESPONSES
from bodymap import models as pub
from bodymap.knowledge import MuscleCard, MuscleSummary, RedFlagPublic, TechniquePublic
from bodymap.search import MAX_QUERY, search_muscles, search_regions
from bodymap.state import check_regions
from bodymap.triage import flags_for

router = APIRouter(prefix="/api", tags=["api"], responses=LIMIT_RESPONSES)

RegionsParam = Annotated[
    list[str],
    Query(description="Region ids (repeat the parameter); see /api/regions.", max_length=200),
]
SearchParam = Annotated[
    str | None,
    Query(description="Words to search for, lay or clinical.", max_length=MAX_QUERY),
]


@router.get("/regions", response_model=list[pub.RegionPublic])
async def list_regions(knowledge: KnowledgeDep, q: SearchParam = None) -> list[pub.RegionPublic]:
    """All regions, or with ``q`` the regions matching it, best first."""
    regions = knowledge.scheme.regions
    if q is not None and q.strip():
        regions = tuple(search_regions(q, regions))
    return [present.region_public(r) for r in regions]


@router.get(
    "/candidates",
    response_model=pub.CandidatesPublic,
    responses={422: {"description": "an unknown region id (named in the detail)"}},
)
async def candidates(knowledge: KnowledgeDep, region: RegionsParam = []) -> pub.CandidatesPublic:  # noqa: B006
    """Red flags, then muscles that commonly refer pain to the regions, best first."""
    picked = check_regions(region, knowledge.scheme)
    return present.candidates_public(knowledge, picked)


@router.get("/muscles", response_model=list[MuscleSummary])
async def list_muscles(knowledge: KnowledgeDep, q: SearchParam = None) -> list[MuscleSummary]:
    """All muscles, or with ``q`` those whose name or synonyms match, best first."""
    muscles = list(knowledge.muscles.values())
    if q is not None and q.strip():
        muscles = search_muscles(q, muscles)
    return [present.muscle_summary(knowledge, m.slug) for m in muscles]


@router.get(
    "/muscles/{slug}",
    response_model=MuscleCard,
    responses={404: {"description": "no muscle with that slug"}},
)
async def muscle(knowledge: KnowledgeDep, slug: Annotated[str, Path(max_length=100)]) -> MuscleCard:
    """The whole card of one muscle."""
    if slug not in knowledge.muscles:
        raise HTTPException(status_code=404, detail=f"unknown muscle {slug!r}; see /api/muscles")
    return knowledge.cards[slug]


@router.get("/techniques", response_model=list[TechniquePublic])
async def techniques(knowledge: KnowledgeDep) -> list[TechniquePublic]:
    """Treatment techniques: what each is, who delivers it, and the evidence in brief."""
    return list(knowledge.technique_cards.values())


@router.get("/export", response_model=pub.ExportPublic)
async def export(knowledge: KnowledgeDep) -> pub.ExportPublic:
    """The whole knowledge base as open data (CC BY 4.0), with every source."""
    return present.export(knowledge)


@router.get("/red-flags", response_model=list[RedFlagPublic])
async def red_flags(knowledge: KnowledgeDep, region: RegionsParam = []) -> list[RedFlagPublic]:  # noqa: B006
    """Red flags for the regions, most urgent first; without regions, all of them."""
    picked = check_regions(region, knowledge.scheme)
    flags = flags_for(picked, knowledge) if picked else list(knowledge.red_flags.values())
    return [knowledge.flag_cards[f.id] for f in flags]
