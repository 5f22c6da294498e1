"""Clinic profiles for the embeddable widget: name, colours, call to action, origins.

A profile is data under ``seed/clinics/<slug>.toml``, validated by the ``Clinic`` model.
Everything in it ends up in a page, a stylesheet or a response header, so every field is
checked against a strict pattern: a profile can change colours and words, never inject
markup, CSS or headers.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from bodymap.i18n import LOCALES
from bodymap.validation import collapse, describe, follows_from_another

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
NUMBER = re.compile(r"[0-9 +()-]{2,20}")
ORIGIN = re.compile(
    r"https://[a-z0-9.-]+(:[0-9]{1,5})?|http://(localhost|127\.0\.0\.1)(:[0-9]{1,5})?"
)
LANGUAGES = LOCALES  # the languages the interface is offered in
MAX_TEXT = 60


def _plain(value: str, info: ValidationInfo) -> str:
    if any(c in value for c in "<>\"'`{}\\"):
        raise ValueError(f"'{info.field_name}' may not contain < > \" ' ` {{ }} or backslashes")
    return value


PlainText = Annotated[
    str, BeforeValidator(collapse), Field(max_length=MAX_TEXT), AfterValidator(_plain)
]
RequiredText = Annotated[
    str,
    BeforeValidator(collapse),
    Field(min_length=1, max_length=MAX_TEXT),
    AfterValidator(_plain),
]


def contrast_on_white(colour: str) -> float:
    """WCAG contrast ratio of a #rrggbb colour against white."""

    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    lum = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (lum + 0.05)


class Clinic(BaseModel):
    """One clinic's widget profile."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    slug: str
    name: RequiredText
    logo_text: RequiredText
    accent: str
    cta_label: PlainText = ""
    cta_url: str = ""
    emergency_number: str = ""
    language: str = "en"
    techniques: tuple[str, ...] = ()
    origins: tuple[str, ...] = Field(default=(), min_length=1)

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.fullmatch(value):
            raise ValueError("the file name must be a slug: lowercase letters, digits and dashes")
        return value

    @field_validator("accent")
    @classmethod
    def _accent(cls, value: str) -> str:
        if not COLOUR.fullmatch(value):
            raise ValueError("'accent' must be a colour like #0f766e")
        if contrast_on_white(value) < 4.5:
            raise ValueError(
                f"'accent' {value} is too light for text on white "
                f"({contrast_on_white(value):.1f}:1; WCAG AA needs 4.5:1)"
            )
        return value

    @field_validator("cta_url")
    @classmethod
    def _cta_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if value and (
            parts.scheme != "https" or not parts.netloc or any(c in value for c in " <>\"'`\\")
        ):
            raise ValueError("'cta_url' must be a plain https:// address")
        return value

    @field_validator("emergency_number")
    @classmethod
    def _number(cls, value: str) -> str:
        if value and not NUMBER.fullmatch(value):
            raise ValueError("'emergency_number' may only hold digits, spaces and + ( ) -")
        return value

    @field_validator("language")
    @classmethod
    def _language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"'language' must be one of {', '.join(LANGUAGES)}")
        return value

    @field_validator("techniques")
    @classmethod
    def _techniques(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        known: set[str] | None = (info.context or {}).get("techniques")
        unknown = [t for t in value if known is not None and t not in known]
        if unknown:
            raise ValueError(f"unknown technique '{unknown[0]}'")
        return value

    @field_validator("origins")
    @classmethod
    def _origins(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for o in value:
            if not ORIGIN.fullmatch(o):
                raise ValueError(
                    f"origin '{o[:80]}' must be https://host[:port] (http only for localhost)"
                )
        return value

    @model_validator(mode="after")
    def _cta_pair(self) -> Clinic:
        if bool(self.cta_url) != bool(self.cta_label):
            raise ValueError("'cta_label' and 'cta_url' go together")
        return self

    @property
    def frame_ancestors(self) -> str:
        """The CSP frame-ancestors value: Bodymap's own pages and the clinic's sites."""
        return " ".join(("'self'", *self.origins))


# The neutral profile for an unknown slug: no clinic branding, embeddable anywhere.
# (Built without validation: "*" is allowed here, never in a profile.)
DEFAULT_CLINIC = Clinic.model_construct(
    slug="default",
    name="Bodymap",
    logo_text="Bodymap",
    accent="#0b5cad",
    cta_label="",
    cta_url="",
    emergency_number="",
    language="en",
    techniques=(),
    origins=("*",),
)


def parse_clinic(
    slug: str, data: dict[str, object], technique_ids: set[str]
) -> tuple[Clinic, list[str]]:
    """Check one profile; return it (the neutral one if invalid) and its problems."""
    try:
        clinic = Clinic.model_validate(
            {**data, "slug": slug}, context={"techniques": technique_ids}
        )
    except ValidationError as exc:
        errors = exc.errors()
        messages = [describe(e)[1] for e in errors if not follows_from_another(e, errors)]
        return DEFAULT_CLINIC, [
            "'origins' must list the sites allowed to embed the widget"
            if m == "'origins' is missing or empty"
            else m
            for m in messages
        ]
    return clinic, []


def read_clinics(
    folder: Path, technique_ids: set[str]
) -> tuple[dict[str, Clinic], list[tuple[str, str]]]:
    """Read every profile in ``folder``; return them by slug, and (file, problem) pairs."""
    clinics: dict[str, Clinic] = {}
    problems: list[tuple[str, str]] = []
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            problems.append((path.name, f"cannot read: {exc}"))
            continue
        clinic, found = parse_clinic(path.stem, data, technique_ids)
        problems += [(path.name, p) for p in found]
        if not found:
            clinics[clinic.slug] = clinic
    return clinics, problems
