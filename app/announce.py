"""Words the pages say in several places: sides, levels, body areas, and the
screen-reader status sentence. All in the request's language (``bodymap.i18n``)."""

from __future__ import annotations

from bodymap.i18n import N_, gettext, ngettext, pgettext

# Marked for the catalog here, translated where shown. Kept beside the English labels
# of ``bodymap.knowledge`` (which the API serves as they are).
LEVEL_NAMES: dict[str, str] = {
    "emergency": N_("Emergency"),
    "urgent": N_("Urgent: same day"),
    "see_clinician": N_("See a clinician soon"),
}
PREVALENCE_SENTENCES: dict[str, str] = {
    "common": N_("Commonly involved."),
    "occasional": N_("Sometimes involved."),
    "less_common": N_("Less often involved."),
}
# Body areas (``bodymap.regions.GROUPS`` and the muscles' groups), as headings.
GROUP_NAMES: dict[str, str] = {
    "head": N_("Head"),
    "neck": N_("Neck"),
    "shoulder": N_("Shoulder"),
    "arm": N_("Arm"),
    "hand": N_("Hand"),
    "chest": N_("Chest"),
    "abdomen": N_("Abdomen"),
    "upper-back": N_("Upper back"),
    "low-back": N_("Low back"),
    "pelvis": N_("Pelvis"),
    "hip-thigh": N_("Hip and thigh"),
    "knee": N_("Knee"),
    "leg": N_("Leg"),
    "foot": N_("Foot"),
}


def side_words(side: str) -> str:
    """How a page names a side: "right side", "left side" or "both sides"."""
    if side == "both":
        return gettext("both sides")
    if side == "left":
        return gettext("left side")
    return gettext("right side")


def level_name(level: str) -> str:
    """A red-flag level's name: "Emergency", "Urgent: same day", "See a clinician soon"."""
    return gettext(LEVEL_NAMES[level])


def prevalence_sentence(prevalence: str) -> str:
    """How commonly a muscle is involved, as a short sentence."""
    return gettext(PREVALENCE_SENTENCES[prevalence])


def group_name(group: str) -> str:
    """A body area's heading; an area without a name here is shown as written."""
    if group in GROUP_NAMES:
        return gettext(GROUP_NAMES[group])
    return group.replace("-", " ").capitalize()


def summary(*, places: int, flags: int, muscles: int, card_name: str | None, side: str) -> str:
    """One sentence for screen readers after each change: what the results now hold."""
    parts = []
    if card_name is not None:
        parts.append(
            pgettext("status", "Showing %(muscle)s, %(side)s.")
            % {"muscle": card_name, "side": side_words(side)}
        )
    if not places:
        parts.append(gettext("No places picked."))
    else:
        parts.append(
            ngettext("%(num)s place picked.", "%(num)s places picked.", places) % {"num": places}
        )
        if flags:
            parts.append(
                ngettext(
                    "%(num)s warning sign to check first.",
                    "%(num)s warning signs to check first.",
                    flags,
                )
                % {"num": flags}
            )
        parts.append(
            ngettext(
                "%(num)s muscle commonly refers pain there.",
                "%(num)s muscles commonly refer pain there.",
                muscles,
            )
            % {"num": muscles}
        )
    return " ".join(parts)
