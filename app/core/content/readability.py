"""Reading level of the lines a child hears or says, by band.

Flesch–Kincaid grade from textstat, whose pre-0.7.5 releases count syllables with the bundled
pyphen dictionaries (later ones download a dictionary, which we never do). Imported only by the
checker, never when the app loads the library.
"""

from __future__ import annotations

from app.core.ages import AgeBand

# Highest grade allowed for a line whose youngest band is the key; older bands have no limit.
GRADE_LIMITS: dict[str, float] = {
    AgeBand.PRESCHOOL.value: 3.0,
    AgeBand.EARLY_PRIMARY.value: 3.0,
    AgeBand.PRETEEN.value: 6.0,
}
_ORDER = [band.value for band in AgeBand]


def youngest(bands: tuple[str, ...]) -> str | None:
    known = [band for band in bands if band in _ORDER]
    return min(known, key=_ORDER.index) if known else None


def grade(text: str) -> float:
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


def too_hard(text: str, bands: tuple[str, ...]) -> tuple[float, float] | None:
    """(grade, limit) when ``text`` reads above the limit of its youngest band, else None."""
    band = youngest(bands)
    limit = GRADE_LIMITS.get(band or "")
    if limit is None:
        return None
    measured = grade(text)
    return (measured, limit) if measured > limit else None
