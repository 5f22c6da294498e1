"""Liveness: ``/healthz`` answers 200 when the app and its database answer."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError

from app import crud
from app.deps import KnowledgeDep, SessionDep
from app.limits import RESPONSES as LIMIT_RESPONSES
from bodymap.models import Health

router = APIRouter(tags=["health"], responses=LIMIT_RESPONSES)


@router.get("/healthz", response_model=Health, responses={503: {"description": "database down"}})
def healthz(session: SessionDep, knowledge: KnowledgeDep) -> Health | JSONResponse:
    """Check the database with a trivial query."""
    try:
        crud.ping(session)
    except SQLAlchemyError:
        return JSONResponse({"detail": "the database does not answer"}, status_code=503)
    return Health(status="ok", muscles=len(knowledge.muscles), regions=len(knowledge.scheme))
