"""Request dependencies, as ``Annotated`` aliases for the handlers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlmodel import Session

from app.config import Settings
from bodymap.knowledge import Knowledge


def get_session(request: Request) -> Iterator[Session]:
    """Yield a database session on the app's engine."""
    with Session(request.app.state.engine) as session:
        yield session


def get_knowledge(request: Request) -> Knowledge:
    """Return the knowledge base loaded at start-up (read-only, shared)."""
    knowledge: Knowledge = request.app.state.knowledge
    return knowledge


def get_app_settings(request: Request) -> Settings:
    """Return the settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def get_hx_target(
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


SessionDep = Annotated[Session, Depends(get_session)]
KnowledgeDep = Annotated[Knowledge, Depends(get_knowledge)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
HxTargetDep = Annotated[str | None, Depends(get_hx_target)]
