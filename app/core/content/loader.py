"""Loading ``conversations/``: every file that is sound, and a ``file:line`` note for the rest.

Loading never raises on bad content. A file that is not valid TOML or does not match the schema
is skipped and reported with the line of the entry at fault; everything else still loads, so
one broken file cannot take the library — or the app — down with it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from app.core.content.model import (
    Country,
    Entry,
    Library,
    Pressure,
    Reassurance,
    RedFlag,
    Refusal,
    Sign,
    SignCategory,
    Source,
    Topic,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str
    warning: bool = False  # worth a look, but the content is still sound (a stale translation)

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}: {kind}{self.message}"


class _FileDefaults(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    sources: tuple[str, ...] = ()
    reviewed: Any = None


class SourcesFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    source: tuple[Source, ...] = ()


class RefusalsFile(_FileDefaults, frozen=True, kw_only=True):
    refusal: tuple[Refusal, ...] = ()
    pressure: tuple[Pressure, ...] = ()


class ReassuranceFile(_FileDefaults, frozen=True, kw_only=True):
    reassurance: tuple[Reassurance, ...] = ()


class RedFlagsFile(_FileDefaults, frozen=True, kw_only=True):
    red_flag: tuple[RedFlag, ...] = ()


class SignsFile(_FileDefaults, frozen=True, kw_only=True):
    category: tuple[SignCategory, ...] = ()
    sign: tuple[Sign, ...] = ()


@dataclass
class LoadResult:
    library: Library
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # entry id → file it came from
    texts: dict[Path, str] = field(default_factory=dict)  # raw text, for locating lines


# --- locating a schema error in the raw text -------------------------------------------------

_PATH_PART = re.compile(r"\.([A-Za-z_]+)|\[(\d+)\]")


def locate(text: str, error_path: str) -> int:
    """The line of the entry or field a msgspec error path (``$.starter[3].text``) points to."""
    lines = text.splitlines()
    start, table = 0, ""
    parts = _PATH_PART.findall(error_path.removeprefix("$"))
    for index, (name, _number) in enumerate(parts):
        if not name:
            continue
        is_array = index + 1 < len(parts) and parts[index + 1][1] != ""
        if is_array:
            table = f"{table}.{name}" if table else name
            wanted = int(parts[index + 1][1])
            header = re.compile(rf"^\s*\[\[\s*{re.escape(table)}\s*\]\]")
            seen = -1
            for line_number in range(start, len(lines)):
                if header.match(lines[line_number]):
                    seen += 1
                    if seen == wanted:
                        start = line_number
                        break
        else:
            key = re.compile(rf"^\s*{re.escape(name)}\s*=")
            for line_number in range(start, len(lines)):
                if line_number > start and lines[line_number].lstrip().startswith("[["):
                    break
                if key.match(lines[line_number]):
                    return line_number + 1
    return start + 1


def _toml_line(error: tomllib.TOMLDecodeError) -> int:
    match = re.search(r"line (\d+)", str(error))
    return int(match.group(1)) if match else 1


def _readable(message: str) -> str:
    text = re.sub(r" - at `\$[^`]*`", "", message)
    return text.replace("Object missing required field", "missing the required field").replace(
        "Object contains unknown field", "has a field the format doesn't know:")


def _inherit(entries: tuple[T, ...], defaults: Any) -> tuple[T, ...]:
    result = []
    for entry in entries:
        if isinstance(entry, Entry):
            changes: dict[str, Any] = {}
            if not entry.sources and defaults.sources:
                changes["sources"] = tuple(defaults.sources)
            if entry.reviewed is None and defaults.reviewed is not None:
                changes["reviewed"] = defaults.reviewed
            if changes:
                entry = msgspec.structs.replace(entry, **changes)
        result.append(entry)
    return tuple(result)


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.result = LoadResult(Library(sources={}, topics=()))
        self.parts: dict[str, Any] = {"sources": {}, "topics": [], "refusals": [], "pressure": [],
                                      "reassurance": [], "red_flags": [], "sign_categories": [],
                                      "signs": [], "countries": {}}

    def problem(self, path: Path, line: int, message: str) -> None:
        self.result.problems.append(Problem(path, line, message))

    def read(self, path: Path, kind: type[T]) -> T | None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self.problem(path, 1, f"can't be read: {error}")
            return None
        self.result.texts[path] = text
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            self.problem(path, _toml_line(error), f"is not valid TOML: {error}")
            return None
        try:
            return msgspec.convert(raw, kind)
        except msgspec.ValidationError as error:
            match = re.search(r"`(\$[^`]*)`", str(error))
            line = locate(text, match.group(1)) if match else 1
            self.problem(path, line, _readable(str(error)))
            return None

    def note_ids(self, path: Path, ids: list[str]) -> None:
        for entry_id in ids:
            self.result.files.setdefault(entry_id, path)

    def load(self) -> LoadResult:
        if not self.root.is_dir():
            self.problem(self.root, 1, "the conversations folder is missing")
            return self.result
        for path in sorted((self.root / "sources").glob("*.toml")):
            if (sources := self.read(path, SourcesFile)) is not None:
                for source in sources.source:
                    self.parts["sources"].setdefault(source.id, source)
                self.note_ids(path, [s.id for s in sources.source])
        for path in sorted((self.root / "topics").glob("*.toml")):
            if (topic := self.read(path, Topic)) is not None:
                starters = tuple(msgspec.structs.replace(s, topic=topic.id)
                                 for s in _inherit(topic.starters, topic))
                self.parts["topics"].append(msgspec.structs.replace(topic, starters=starters))
                self.note_ids(path, [topic.id, *(s.id for s in starters)])
        self._catalogue("refusals.toml", RefusalsFile, refusal="refusals", pressure="pressure")
        self._catalogue("reassurance.toml", ReassuranceFile, reassurance="reassurance")
        self._catalogue("red_flags.toml", RedFlagsFile, red_flag="red_flags")
        self._catalogue("warning_signs.toml", SignsFile, category="sign_categories",
                        sign="signs")
        for path in sorted((self.root / "countries").glob("*.toml")):
            if (country := self.read(path, Country)) is not None:
                country = msgspec.structs.replace(
                    country, steps=_inherit(country.steps, country),
                    channels=_inherit(country.channels, country),
                    never=_inherit(country.never, country),
                    after=_inherit(country.after, country))
                self.parts["countries"][country.code] = country
                self.note_ids(path, [*(s.id for s in country.steps),
                                     *(c.id for c in country.channels),
                                     *(n.id for n in country.never),
                                     *(a.id for a in country.after)])
        parts = self.parts
        self.result.library = Library(
            sources=parts["sources"], topics=tuple(parts["topics"]),
            refusals=tuple(parts["refusals"]), pressure=tuple(parts["pressure"]),
            reassurance=tuple(parts["reassurance"]), red_flags=tuple(parts["red_flags"]),
            sign_categories=tuple(parts["sign_categories"]), signs=tuple(parts["signs"]),
            countries=parts["countries"])
        return self.result

    def _catalogue(self, name: str, kind: type[Any], **fields_to_parts: str) -> None:
        path = self.root / name
        if not path.exists():
            self.problem(path, 1, "the file is missing")
            return
        loaded = self.read(path, kind)
        if loaded is None:
            return
        for field_name, part in fields_to_parts.items():
            entries = _inherit(getattr(loaded, field_name), loaded)
            self.parts[part].extend(entries)
            self.note_ids(path, [e.id for e in entries])


def load_library(directory: Path, locale: str | None = None) -> LoadResult:
    """Load everything under ``directory``; never raises for bad content.

    With ``locale`` (``fr_CA``), the overlays in ``directory/fr`` and ``directory/fr_CA`` are
    laid on top of the English (see ``overlays``); ``files`` and ``texts`` stay the English's.
    """
    try:
        result = _Loader(Path(directory)).load()
        if locale:
            from app.core.content.overlays import with_locale

            result.library, problems = with_locale(result.library, Path(directory), locale)
            result.problems += problems
        return result
    except Exception as error:  # a bug must not stop the app; report it like bad content
        result = LoadResult(Library(sources={}, topics=()))
        result.problems.append(Problem(Path(directory), 1, f"could not be loaded: {error!r}"))
        return result
