"""Settings, read once from the environment (and ``.env``)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import field_validator
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
