"""Translations of the conversation library: overlays per locale, on top of the English.

``conversations/`` is the English library and the only one with structure (ids, bands, sources,
tones). A translation lives in ``conversations/<locale>/`` (``fr``, ``fr_CA``, ``es``) in files
of the same shape, but each entry carries only its ``id`` and its translated text fields, plus a
``reviewed`` date (the day the translation was last checked against the English). Whatever an
overlay leaves out stays English, and a regional overlay sits on top of its language's:
``fr_CA`` → ``fr`` → English.

The checker holds overlays to two rules: every overlay id exists in English (an error: the text
would never be shown), and an overlay reviewed before its English entry was is flagged (a
warning: the English changed since it was translated).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from app.core.content.loader import Problem
from app.core.content.model import IfTheySay, Library

LOCALE_FOLDER = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
STRING_FIELDS = frozenset({"title", "summary", "text", "why", "explain", "might_mean",
                           "what_to_do", "name", "for_what", "for_whom", "text_line"})
LIST_FIELDS = frozenset({"follow_ups", "listen_for"})
TEXT_FIELDS = STRING_FIELDS | LIST_FIELDS | {"if_they_say"}
# Tables that hold entries, as the English files name them.
ENTRY_TABLES = frozenset({"starter", "refusal", "pressure", "reassurance", "red_flag",
                          "category", "sign", "step", "channel", "never", "after"})
KEYS = frozenset({"id", "code", "reviewed"})


@dataclass(frozen=True)
class OverlayEntry:
    entry_id: str
    fields: dict[str, Any]
    reviewed: dt.date | None
    path: Path
    line: int


@dataclass
class Overlay:
    locale: str
    entries: dict[str, OverlayEntry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def normalise_locale(name: str) -> str:
    """``fr-CA``, ``fr_CA.UTF-8`` or ``fr_ca`` → ``fr_CA``."""
    base = name.split(".")[0].split("@")[0].replace("-", "_")
    language, _, region = base.partition("_")
    return f"{language.lower()}_{region.upper()}" if region else language.lower()


def locale_chain(name: str | None) -> list[str]:
    """The overlays to read, most specific first: ``fr_CA`` → ``["fr_CA", "fr"]``; English and
    the C locale need none."""
    if not name:
        return []
    locale = normalise_locale(name)
    language = locale.split("_")[0]
    if language in {"en", "c", "posix", ""}:
        return []
    return [locale, language] if locale != language else [language]


def overlay_locales(root: Path) -> list[str]:
    """The locale folders under ``root`` (``sources``, ``topics``… are not locales)."""
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and LOCALE_FOLDER.match(p.name))


def _line_of(text: str, entry_id: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        key, _, value = line.partition("=")
        if key.strip() in {"id", "code"} and value.strip().strip('"') == entry_id:
            return number
    return 1


def _collect(table: dict[str, Any], inherited: Any, path: Path, text: str,
             overlay: Overlay) -> None:
    reviewed = table.get("reviewed", inherited)
    entry_id = table.get("id", table.get("code"))
    line = _line_of(text, str(entry_id)) if entry_id is not None else 1
    fields: dict[str, Any] = {}
    for key, value in table.items():
        if key in ENTRY_TABLES and isinstance(value, list):
            for child in value:
                if isinstance(child, dict):
                    _collect(child, reviewed, path, text, overlay)
        elif key in TEXT_FIELDS:
            fields[key] = value
        elif key not in KEYS and key != "sources":
            overlay.problems.append(Problem(path, line, f"an overlay holds only translated "
                                            f"text: “{key}” belongs in the English file"))
    if entry_id is None:
        return
    if not isinstance(reviewed, dt.date | type(None)):
        overlay.problems.append(Problem(path, line, "reviewed must be a date"))
        reviewed = None
    if entry_id in overlay.entries:
        first = overlay.entries[entry_id]
        overlay.problems.append(Problem(path, line, f"“{entry_id}” is translated twice (also "
                                        f"at {first.path}:{first.line})"))
        return
    overlay.entries[str(entry_id)] = OverlayEntry(str(entry_id), fields, reviewed, path, line)


def read_overlay(root: Path, locale: str) -> Overlay:
    """Every ``*.toml`` under ``root/<locale>``; never raises for bad content."""
    overlay = Overlay(locale)
    for path in sorted((root / locale).rglob("*.toml")):
        try:
            text = path.read_text(encoding="utf-8")
            raw = tomllib.loads(text)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            overlay.problems.append(Problem(path, 1, f"can't be read: {error}"))
            continue
        _collect(raw, None, path, text, overlay)
    return overlay


def _converted(name: str, value: Any) -> Any:
    """An overlay field as the model stores it; raises ValueError when it has the wrong shape."""
    if name in STRING_FIELDS and isinstance(value, str):
        return value
    if name in LIST_FIELDS and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    if name == "if_they_say" and isinstance(value, list):
        try:
            return tuple(msgspec.convert(value, list[IfTheySay]))
        except msgspec.ValidationError as error:
            raise ValueError(str(error)) from error
    raise ValueError(f"“{name}” has the wrong kind of value")


def english_entries(library: Library) -> dict[str, Any]:
    """Every translatable English entry by id (countries by their code)."""
    found: dict[str, Any] = {}
    for topic in library.topics:
        found[topic.id] = topic
        found.update((s.id, s) for s in topic.starters)
    for group in (library.refusals, library.pressure, library.reassurance, library.red_flags,
                  library.sign_categories, library.signs):
        found.update((e.id, e) for e in group)
    for code, country in library.countries.items():
        found[code] = country
        for part in (country.steps, country.channels, country.never, country.after):
            found.update((e.id, e) for e in part)
    return found


def translated(entry: Any, overlay_entry: OverlayEntry) -> tuple[Any, list[str]]:
    """``entry`` with the overlay's fields, and what could not be applied (as messages)."""
    changes: dict[str, Any] = {}
    refused: list[str] = []
    known = set(type(entry).__struct_fields__)
    for name, value in overlay_entry.fields.items():
        if name not in known:
            refused.append(f"“{overlay_entry.entry_id}” has no field “{name}” in English")
            continue
        try:
            changes[name] = _converted(name, value)
        except ValueError as error:
            refused.append(f"“{overlay_entry.entry_id}”: {error}")
    return (msgspec.structs.replace(entry, **changes) if changes else entry), refused


def _replace_all(items: tuple[Any, ...], overlay: Overlay) -> tuple[Any, ...]:
    return tuple(translated(item, overlay.entries[item.id])[0] if item.id in overlay.entries
                 else item for item in items)


def apply_overlay(library: Library, overlay: Overlay) -> Library:
    """``library`` with ``overlay``'s text wherever it has some; ids it lacks stay as they are."""
    entries = overlay.entries

    def one(item: Any, key: str) -> Any:
        return translated(item, entries[key])[0] if key in entries else item

    topics = tuple(msgspec.structs.replace(one(t, t.id), starters=_replace_all(t.starters,
                                                                                overlay))
                   for t in library.topics)
    countries = {code: msgspec.structs.replace(
        one(c, code), steps=_replace_all(c.steps, overlay),
        channels=_replace_all(c.channels, overlay), never=_replace_all(c.never, overlay),
        after=_replace_all(c.after, overlay))
        for code, c in library.countries.items()}
    return msgspec.structs.replace(
        library, topics=topics, countries=countries,
        refusals=_replace_all(library.refusals, overlay),
        pressure=_replace_all(library.pressure, overlay),
        reassurance=_replace_all(library.reassurance, overlay),
        red_flags=_replace_all(library.red_flags, overlay),
        sign_categories=_replace_all(library.sign_categories, overlay),
        signs=_replace_all(library.signs, overlay))


def with_locale(library: Library, root: Path, locale: str | None) -> tuple[Library, list[Problem]]:
    """The library as a parent in ``locale`` reads it: its language's overlay, then its region's
    on top, English wherever neither has the text. Problems are the unreadable overlay files."""
    problems: list[Problem] = []
    for name in reversed(locale_chain(locale)):
        if not (root / name).is_dir():
            continue
        overlay = read_overlay(root, name)
        problems += overlay.problems
        library = apply_overlay(library, overlay)
    return library, problems


def overlay_problems(library: Library, overlay: Overlay) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) of ``overlay`` against the English ``library``."""
    english = english_entries(library)
    errors: list[Problem] = list(overlay.problems)
    warnings: list[Problem] = []
    for entry_id, entry in overlay.entries.items():
        original = english.get(entry_id)
        if original is None:
            errors.append(Problem(entry.path, entry.line, f"“{entry_id}” is not an id in the "
                                  "English library"))
            continue
        errors += [Problem(entry.path, entry.line, message)
                   for message in translated(original, entry)[1]]
        english_date = getattr(original, "reviewed", None)
        if entry.reviewed is None:
            errors.append(Problem(entry.path, entry.line, f"“{entry_id}” has no reviewed date"))
        elif english_date is not None and entry.reviewed < english_date:
            warnings.append(Problem(entry.path, entry.line, f"the {overlay.locale} text of "
                                    f"“{entry_id}” was reviewed {entry.reviewed.isoformat()}, "
                                    f"before the English changed ({english_date.isoformat()})",
                                    warning=True))
    return errors, warnings
