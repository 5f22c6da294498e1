"""Settings, read once from the environment (and ``.env``)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    """Deployment settings. Every field can be set as an environment variable."""

    model_config = SettingsConfigDict(env_file=".env", env_prefix="", extra="ignore")

    # SQLite file by default; PostgreSQL with e.g. postgresql+psycopg://user:pw@host/db.
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'bodymap.db'}"
    seed_dir: Path = PROJECT_ROOT / "seed"
    # Shown with every emergency message. Empty: a generic "your local emergency number".
    emergency_number: str = ""
    clinic_name: str = ""
    # How long to keep retrying an unreachable database at start-up before giving up.
    database_wait_seconds: float = Field(default=30.0, ge=0, le=3600)
    # How often each worker looks for a newer knowledge base (``bodymap seed``); 0: never.
    knowledge_check_seconds: float = Field(default=15.0, ge=0, le=86400)
    # Bytes of finished explorer and widget answers each worker keeps (app.response_cache);
    # 0: none.
    response_cache_bytes: int = Field(default=16 * 1024 * 1024, ge=0, le=1024 * 1024 * 1024)
    # Opt-in operator features, off by default (see the README's operator section).
    access_log: bool = False
    metrics: bool = False

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite://", "postgresql://", "postgresql+psycopg://")):
            raise ValueError("DATABASE_URL must be an sqlite:// or postgresql:// URL")
        return value

    @field_validator("emergency_number")
    @classmethod
    def _plain_number(cls, value: str) -> str:
        if value and not re.fullmatch(r"[0-9 +()-]{2,20}", value):
            raise ValueError("EMERGENCY_NUMBER may only hold digits, spaces and + ( ) -")
        return value


@cache
def get_settings() -> Settings:
    """Return the settings (read once)."""
    return Settings()
