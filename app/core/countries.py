"""The countries Porchlight has help lines for, and the fallback for everywhere else.

The family's country decides which reporting channels and crisis steps "Help now" shows. The
codes match the files in ``conversations/countries/``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CountryChoice:
    code: str
    name: str


FALLBACK_CODE = "intl"
CHOICES: tuple[CountryChoice, ...] = (
    CountryChoice("us", "United States"),
    CountryChoice("ca", "Canada"),
    CountryChoice("gb", "United Kingdom"),
    CountryChoice("au", "Australia"),
    CountryChoice(FALLBACK_CODE, "Somewhere else"),
)
_BY_CODE = {choice.code: choice for choice in CHOICES}


def choice_for(code: str | None) -> CountryChoice:
    """The choice for a stored code; unknown or missing codes fall back to international."""
    return _BY_CODE.get((code or "").lower(), _BY_CODE[FALLBACK_CODE])


def guess_from_region(region: str) -> str:
    """A sensible default from the computer's region (ISO 3166 two-letter code)."""
    code = region.lower()
    if code == "uk":
        code = "gb"
    return code if code in _BY_CODE else FALLBACK_CODE
