"""Clinic profiles for the embeddable widget: name, colours, call to action, origins.

A profile is data under ``seed/clinics/<slug>.toml``. Everything in it ends up in a page,
a stylesheet or a response header, so every field is checked against a strict pattern
here: a profile can change colours and words, never inject markup, CSS or headers.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bodymap.textcheck import check_text

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
NUMBER = re.compile(r"[0-9 +()-]{2,20}")
ORIGIN = re.compile(
    r"https://[a-z0-9.-]+(:[0-9]{1,5})?|http://(localhost|127\.0\.0\.1)(:[0-9]{1,5})?"
)
LANGUAGES = ("en",)
MAX_TEXT = 60


@dataclass(frozen=True, slots=True)
class Clinic:
    """One clinic's widget profile."""

    slug: str
    name: str
    logo_text: str
    accent: str
    cta_label: str = ""
    cta_url: str = ""
    emergency_number: str = ""
    language: str = "en"
    techniques: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()

    @property
    def frame_ancestors(self) -> str:
        """The CSP frame-ancestors value: Bodymap's own pages and the clinic's sites."""
        return " ".join(("'self'", *self.origins))


# The neutral profile for an unknown slug: no clinic branding, embeddable anywhere.
DEFAULT_CLINIC = Clinic(
    slug="default", name="Bodymap", logo_text="Bodymap", accent="#0b5cad", origins=("*",)
)


def contrast_on_white(colour: str) -> float:
    """WCAG contrast ratio of a #rrggbb colour against white."""

    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    lum = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (lum + 0.05)


def _text(data: dict[str, object], key: str, problems: list[str], *, required: bool) -> str:
    value, found = check_text(data.get(key, ""), key, required=required, limit=MAX_TEXT)
    problems += found
    if any(c in value for c in "<>\"'`{}\\"):
        problems.append(f"'{key}' may not contain < > \" ' ` {{ }} or backslashes")
    return value


def parse_clinic(
    slug: str, data: dict[str, object], technique_ids: set[str]
) -> tuple[Clinic, list[str]]:
    """Check one profile; return it and the list of problems (empty when valid)."""
    problems: list[str] = []
    if not SLUG.fullmatch(slug):
        problems.append("the file name must be a slug: lowercase letters, digits and dashes")
    name = _text(data, "name", problems, required=True)
    logo = _text(data, "logo_text", problems, required=True)
    accent = str(data.get("accent", ""))
    if not COLOUR.fullmatch(accent):
        problems.append("'accent' must be a colour like #0f766e")
    elif contrast_on_white(accent) < 4.5:
        problems.append(
            f"'accent' {accent} is too light for text on white "
            f"({contrast_on_white(accent):.1f}:1; WCAG AA needs 4.5:1)"
        )
    label = _text(data, "cta_label", problems, required=False)
    url = str(data.get("cta_url", ""))
    if url:
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.netloc or any(c in url for c in " <>\"'`\\"):
            problems.append("'cta_url' must be a plain https:// address")
    if bool(url) != bool(label):
        problems.append("'cta_label' and 'cta_url' go together")
    number = str(data.get("emergency_number", ""))
    if number and not NUMBER.fullmatch(number):
        problems.append("'emergency_number' may only hold digits, spaces and + ( ) -")
    language = str(data.get("language", "en"))
    if language not in LANGUAGES:
        problems.append(f"'language' must be one of {', '.join(LANGUAGES)}")
    raw_techniques = data.get("techniques", [])
    techniques = (
        tuple(t for t in raw_techniques if isinstance(t, str))
        if isinstance(raw_techniques, list)
        else ()
    )
    for t in techniques:
        if t not in technique_ids:
            problems.append(f"unknown technique '{t}'")
    raw_origins = data.get("origins", [])
    origins = (
        tuple(o for o in raw_origins if isinstance(o, str)) if isinstance(raw_origins, list) else ()
    )
    if not origins:
        problems.append("'origins' must list the sites allowed to embed the widget")
    for o in origins:
        if not ORIGIN.fullmatch(o):
            problems.append(
                f"origin '{o[:80]}' must be https://host[:port] (http only for localhost)"
            )
    clinic = Clinic(
        slug=slug,
        name=name,
        logo_text=logo,
        accent=accent,
        cta_label=label,
        cta_url=url,
        emergency_number=number,
        language=language,
        techniques=techniques,
        origins=origins,
    )
    return clinic, problems


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
