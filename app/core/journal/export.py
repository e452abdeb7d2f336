"""The journal export for a professional: one plain document built only from the entries picked.

A parent may hand a counsellor, a school safeguarding lead or the police a record of what they
noticed. They choose the entries and how much goes: the facts only (when, which signs, what was
seen or heard, where, what was done), or the facts and what they think (their reading of it and
how worried they felt). Safeguarding guidance asks that facts be kept apart from
interpretation, so the two choices are the only ones, and interpretation is never sent unasked.

This module builds the document both files are made from: the JSON file is this document as it
stands, and the PDF is laid out from it, so the two can never say different things and neither
can hold a word from an entry that was not picked (the builder is never given one). Versioned
(``format`` and ``version``) so a reader knows what it holds. Pure: no Qt, no database.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.journal.model import Entry

EXPORT_FORMAT = "porchlight-journal-export"
EXPORT_VERSION = 1

FACTS = "facts"  # when, signs, tags, what was seen or heard, where, what was done
FACTS_AND_THOUGHTS = "facts-and-thoughts"  # also what the parent thinks and how strong it felt
CHOICES = (FACTS, FACTS_AND_THOUGHTS)

FACT_FIELDS = ("saw", "place", "did")  # the free-text facts, in the order a reader wants them
THOUGHT_FIELDS = ("think",)  # the parent's interpretation, only with FACTS_AND_THOUGHTS


@dataclass(frozen=True)
class SignWords:
    """How a sign reads in the export: its catalogue text and its category's title.

    Handed in by the caller (from the loaded catalogue, in the parent's language), so a reader
    of the file sees "Hides the screen…" rather than an id; the id goes along for machines.
    """

    text: str
    category: str


@dataclass(frozen=True)
class ExportRequest:
    """What the parent chose on the export screen, apart from the entries themselves."""

    choice: str  # FACTS or FACTS_AND_THOUGHTS
    first_day: dt.date  # the period shown, inclusive, in the parent's zone
    last_day: dt.date
    child_name: str | None  # None: entries about the family as a whole
    zone: dt.tzinfo  # the parent's zone: every time in the file is written in it
    made_at: dt.datetime  # aware; when the export was made

    def problems(self) -> list[str]:
        """Why this cannot be exported, as keys the screen words (empty when it can)."""
        found = []
        if self.choice not in CHOICES:
            found.append("choice")
        if self.last_day < self.first_day:
            found.append("dates")
        if self.made_at.tzinfo is None:
            found.append("naive-time")
        return found


def export_document(entries: Sequence[Entry], request: ExportRequest,
                    sign_words: Mapping[str, SignWords]) -> dict[str, Any]:
    """The export as plain data (dicts, lists, strings, numbers): the JSON file's content.

    Entries go oldest first, as a chronology reads. Each keeps its revision number and when it
    was first written and last changed: a professional needs to know whether a note was written
    at the time or edited later. A sign missing from ``sign_words`` (the catalogue changed)
    still goes, by id, with empty words.
    """
    problems = request.problems()
    if problems:
        raise ValueError(f"cannot export: {', '.join(problems)}")
    thoughts = request.choice == FACTS_AND_THOUGHTS
    ordered = sorted(entries, key=lambda entry: (entry.fields.noted_at, entry.id))
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "made_at": _local(request.made_at, request.zone),
        "fields": request.choice,
        "child": request.child_name,
        "period": {"from": request.first_day.isoformat(), "to": request.last_day.isoformat()},
        "entries": [_entry(number, entry, request.zone, thoughts, sign_words)
                    for number, entry in enumerate(ordered, start=1)],
    }


def export_json(document: Mapping[str, Any]) -> bytes:
    """The document as UTF-8 JSON, indented for a person reading it in a text editor."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _entry(number: int, entry: Entry, zone: dt.tzinfo, thoughts: bool,
           sign_words: Mapping[str, SignWords]) -> dict[str, Any]:
    fields = entry.fields
    item: dict[str, Any] = {
        "number": number,
        "noted_at": _local(fields.noted_at, zone),
        "signs": [_sign(sign_id, sign_words) for sign_id in fields.signs],
        "tags": list(fields.tags),
    }
    for name in FACT_FIELDS:
        item[name] = getattr(fields, name)
    if thoughts:
        for name in THOUGHT_FIELDS:
            item[name] = getattr(fields, name)
        item["strength"] = fields.strength
    item["revision"] = entry.revision
    item["first_written"] = _local(entry.created_at, zone)
    item["last_changed"] = _local(entry.updated_at, zone)
    return item


def _sign(sign_id: str, sign_words: Mapping[str, SignWords]) -> dict[str, str]:
    words = sign_words.get(sign_id, SignWords("", ""))
    return {"id": sign_id, "text": words.text, "category": words.category}


def _local(moment: dt.datetime, zone: dt.tzinfo) -> str:
    """ISO 8601 with the offset, to the minute, in the parent's zone: '2026-11-23T18:05+00:00'."""
    return moment.astimezone(zone).isoformat(timespec="minutes")


def picked_in_period(entries: Sequence[Entry], first_day: dt.date, last_day: dt.date,
                     zone: dt.tzinfo) -> list[Entry]:
    """Only the entries noted within the period (inclusive days in ``zone``).

    The screen lists the period's entries and the parent unticks some; if they then narrow the
    dates, a ticked entry outside the new period must not slip into the file.
    """
    return [entry for entry in entries
            if first_day <= entry.fields.noted_at.astimezone(zone).date() <= last_day]


def period_bounds(first_day: dt.date, last_day: dt.date,
                  zone: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """The period as aware UTC instants for ``EntryFilter``: since (in), until (out)."""
    start = dt.datetime.combine(first_day, dt.time(), tzinfo=zone)
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)
