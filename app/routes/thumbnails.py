"""Pattern thumbnails as images (``<img src>``), one per muscle and side."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Response

from app.caching import IMMUTABLE
from app.deps import KnowledgeDep
from app.thumbnails import SIDES, thumbnail

router = APIRouter(prefix="/thumbnails", tags=["thumbnails"])


@router.get(
    "/{slug}-{side}.svg",
    response_class=Response,
    responses={
        200: {"content": {"image/svg+xml": {}}, "description": "the pattern as an SVG image"},
        404: {"description": "no muscle with that slug, or a side other than right, left, both"},
    },
)
async def pattern_thumbnail(
    knowledge: KnowledgeDep,
    slug: Annotated[str, Path(max_length=100)],
    side: Annotated[str, Path(max_length=10)],
    v: Annotated[str | None, Query(max_length=20, description="the picture's version")] = None,
) -> Response:
    """A small picture of one muscle's referral pattern on one side of the body."""
    if slug not in knowledge.muscles:
        raise HTTPException(status_code=404, detail=f"unknown muscle {slug!r}; see /api/muscles")
    if side not in SIDES:
        raise HTTPException(status_code=404, detail=f"side must be one of {', '.join(SIDES)}")
    svg, version = thumbnail(knowledge, slug, side)
    headers = {"Cache-Control": IMMUTABLE} if v == version else {}
    return Response(content=svg, media_type="image/svg+xml", headers=headers)
