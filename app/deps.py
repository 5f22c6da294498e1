"""Request dependencies, as ``Annotated`` aliases for the handlers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Query, Request
from pydantic import BaseModel, Field
from sqlmodel import Session

from app.config import Settings
from bodymap import i18n
from bodymap.clinics import DEFAULT_CLINIC, Clinic
from bodymap.geometry.views import VIEW_NAMES
from bodymap.knowledge import Knowledge
from bodymap.state import ExplorerState, parse_state


def get_session(request: Request) -> Iterator[Session]:
    """Yield a database session on the app's engine."""
    with Session(request.app.state.engine) as session:
        yield session


async def get_knowledge(request: Request) -> Knowledge:
    """Return the knowledge base loaded at start-up, in the request's language.

    Read-only and shared; each language is indexed once, when the knowledge loads.
    """
    knowledge: Knowledge = request.app.state.knowledge
    return knowledge.localized(i18n.current())


async def get_app_settings(request: Request) -> Settings:
    """Return the settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


async def get_hx_target(
    hx_request: Annotated[str | None, Header()] = None,
    hx_target: Annotated[str | None, Header()] = None,
    hx_history_restore_request: Annotated[str | None, Header()] = None,
) -> str | None:
    """Return the element id an htmx request targets, or None for a full page.

    A history-restore request wants the whole page back, so it counts as a full page.
    """
    if hx_request != "true" or hx_history_restore_request == "true":
        return None
    return hx_target or ""


class StateQuery(BaseModel):
    """The explorer's URL parameters (see ``bodymap.state``), validated in one pass."""

    region: list[str] = Field(default=[], max_length=200)
    view: str | None = Field(default=None, max_length=20)
    muscle: str | None = Field(default=None, max_length=100)
    side: str | None = Field(default=None, max_length=10)
    yes: list[str] = Field(default=[], max_length=20)
    mode: str | None = Field(default=None, max_length=20)
    compare: str | None = Field(default=None, max_length=100)
    compare_side: str | None = Field(default=None, max_length=10)
    lang: str | None = Field(default=None, max_length=20)


async def get_explorer_state(
    knowledge: Annotated[Knowledge, Depends(get_knowledge)],
    query: Annotated[StateQuery, Query()],
) -> ExplorerState:
    """Parse the explorer's URL state; an unknown value is a 422 that names it."""
    return parse_state(
        regions=query.region,
        view=query.view,
        muscle=query.muscle,
        side=query.side,
        scheme=knowledge.scheme,
        muscles=knowledge.muscles,
        views=VIEW_NAMES,
        answers=query.yes,
        checklist=list(knowledge.red_flags),  # any warning sign can be answered (issue 12)
        mode=query.mode,
        compare=query.compare,
        compare_side=query.compare_side,
        lang=query.lang,
        languages=i18n.LOCALES,  # read per request: a test may add a pseudo-locale
    )


async def get_clinic(request: Request, slug: str) -> Clinic:
    """The clinic profile named in the path; an unknown slug gets the neutral one."""
    clinics: dict[str, Clinic] = request.app.state.clinics
    return clinics.get(slug, DEFAULT_CLINIC)


SessionDep = Annotated[Session, Depends(get_session)]
KnowledgeDep = Annotated[Knowledge, Depends(get_knowledge)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
HxTargetDep = Annotated[str | None, Depends(get_hx_target)]
ExplorerStateDep = Annotated[ExplorerState, Depends(get_explorer_state)]
ClinicDep = Annotated[Clinic, Depends(get_clinic)]
