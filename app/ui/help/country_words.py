"""The countries Help now offers, named in the parent's language.

The core (``app.core.countries``) keeps the codes; the names a parent reads are marked here for
translation in the "Countries" context (the Settings page words them in the same context, so
one translation serves both).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core.countries import CHOICES, CountryChoice

_NAMES = {
    "us": QT_TRANSLATE_NOOP("Countries", "United States"),
    "ca": QT_TRANSLATE_NOOP("Countries", "Canada"),
    "gb": QT_TRANSLATE_NOOP("Countries", "United Kingdom"),
    "au": QT_TRANSLATE_NOOP("Countries", "Australia"),
    "intl": QT_TRANSLATE_NOOP("Countries", "Somewhere else"),
}


def country_name(choice: CountryChoice) -> str:
    name = _NAMES.get(choice.code, choice.name)
    return QCoreApplication.translate("Countries", name)


def country_choices() -> list[tuple[str, str]]:
    """(code, name) for every country, in the order they are offered."""
    return [(choice.code, country_name(choice)) for choice in CHOICES]
