"""The timeline's filters, counts and pages, with full-text search and its snippets.

The timeline asks ``count`` once and then ``page`` 100 rows at a time while the parent types, so
both must cost about what the bare SQL costs, at 50 entries and at 50,000. So they are plain SQL
on the session's own connection (the ORM's per-row work would be most of the time):

- filters read ``journal_entries`` alone (child, time, strength and "come back" are copied
  there, indexed by child and time) plus the small sign link table;
- a search joins its FTS5 index on ``rowid = entry id``, so SQLite drives the page from the
  matches and sorts only those; a second index (short words) is one ``IN`` set, built once;
- a page is one statement for its rows, then two small ones for just those rows: their current
  revision (signs, tags, preview line) and their snippets.

Snippets are asked for in one pass over the index restricted to the page's id range, with the
ids tested outside FTS5 (``+rowid``): FTS5 answers ``rowid IN (…)`` or ``rowid = ?`` by
starting the whole query again for every id, which made 100 snippets cost ~30 ms.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.core.journal.model import EntryFilter, EntrySummary
from app.core.journal.search_query import HIT_END, HIT_START, SearchQuery, sanitise, split_hits
from app.storage.journal_fts import TRIGRAM_INDEX, WORD_INDEX
from app.storage.journal_rows import preview_of

_SNIPPET_TOKENS = {TRIGRAM_INDEX: 48, WORD_INDEX: 14}
_NEWEST_FIRST = "ORDER BY e.noted_at DESC, e.id DESC"
_SUMMARY_COLUMNS = ("e.id, e.child_id, e.noted_at, e.strength, e.come_back, e.current_revision, "
                    "e.deleted_at")


@dataclass
class Selection:
    """FROM and WHERE of one filter as SQL text, with its arguments in order (``?`` style)."""

    source: str = "journal_entries e"
    where: list[str] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)
    index: str | None = None  # the search index that drives the query, if searching
    expression: str | None = None  # what that index is asked to match

    def add(self, clause: str, *args: Any) -> None:
        self.where.append(clause)
        self.args.extend(args)

    def sql(self, columns: str) -> str:
        return f"SELECT {columns} FROM {self.source} WHERE {' AND '.join(self.where)}"


def selection(flt: EntryFilter, categories: Mapping[str, str],
              query: SearchQuery | None) -> Selection:
    """The entries ``flt`` keeps (all clauses must hold)."""
    chosen = Selection()
    if query is not None:
        (index, expression), *others = [
            (name, text) for name, text in ((TRIGRAM_INDEX, query.trigram),
                                            (WORD_INDEX, query.words)) if text is not None]
        chosen.source = f"{index} JOIN journal_entries e ON e.id = {index}.rowid"
        chosen.index, chosen.expression = index, expression
        chosen.add(f"{index} MATCH ?", expression)
        for other, other_expression in others:
            chosen.add(f"e.id IN (SELECT rowid FROM {other} WHERE {other} MATCH ?)",
                       other_expression)
    chosen.add("e.deleted_at IS NOT NULL" if flt.deleted else "e.deleted_at IS NULL")
    if flt.children:
        ids = [child for child in flt.children if child is not None]
        either = [f"e.child_id IN ({_marks(ids)})"] if ids else []
        if None in flt.children:
            either.append("e.child_id IS NULL")
        chosen.add("(" + " OR ".join(either) + ")", *ids)
    if flt.categories:
        wanted = set(flt.categories)
        signs = sorted(sign for sign, category in categories.items() if category in wanted)
        if signs:
            chosen.add(*_has_sign(signs))
        else:
            chosen.add("0")  # categories with no sign in the catalogue: nothing can match
    if flt.signs:
        chosen.add(*_has_sign(sorted(set(flt.signs))))
    if flt.since is not None:
        chosen.add("e.noted_at >= ?", db_text(flt.since))
    if flt.until is not None:
        chosen.add("e.noted_at < ?", db_text(flt.until))
    if flt.min_strength is not None:
        chosen.add("e.strength >= ?", flt.min_strength)
    if flt.come_back_only:
        chosen.add("e.come_back = 1")
    return chosen


def count(session: Session, flt: EntryFilter, categories: Mapping[str, str]) -> int:
    chosen = selection(flt, categories, sanitise(flt.text))
    rows = _fetch(session, chosen.sql("count(*)"), chosen.args)
    return int(rows[0][0])


def page(session: Session, flt: EntryFilter, categories: Mapping[str, str], offset: int,
         limit: int) -> list[EntrySummary]:
    """One page of the timeline, newest ``noted_at`` first."""
    if limit <= 0:
        return []
    query = sanitise(flt.text)
    chosen = selection(flt, categories, query)
    rows = _fetch(session, f"{chosen.sql(_SUMMARY_COLUMNS)} {_NEWEST_FIRST} LIMIT ? OFFSET ?",
                  [*chosen.args, limit, max(offset, 0)])
    if not rows:
        return []
    ids = [row[0] for row in rows]
    revisions = {row[0]: row[1:] for row in _fetch(
        session,
        "SELECT r.entry_id, r.signs, r.tags, r.saw, r.think, r.place, r.did "
        "FROM journal_entries e JOIN journal_revisions r "
        "ON r.entry_id = e.id AND r.number = e.current_revision "
        f"WHERE e.id IN ({_marks(ids)})", ids)}
    snippets = _snippets(session, chosen, ids) if chosen.index is not None else {}
    summaries = []
    for entry_id, child_id, noted, strength, come_back, revision, deleted in rows:
        signs, tags, saw, think, place, did = revisions[entry_id]
        summaries.append(EntrySummary(
            id=entry_id, child_id=child_id, noted_at=moment(noted),
            signs=tuple(json_list(signs)), tags=tuple(json_list(tags)), strength=strength,
            come_back=bool(come_back), preview=preview_of(saw, think, place, did),
            snippet=snippets.get(entry_id, ()), revision=revision,
            deleted_at=None if deleted is None else moment(deleted)))
    return summaries


def moment(db_value: str) -> dt.datetime:
    """A DateTime column's text (naive UTC) as an aware moment."""
    return dt.datetime.fromisoformat(db_value).replace(tzinfo=dt.UTC)


def db_text(value: dt.datetime) -> str:
    """A moment as the text SQLAlchemy's SQLite DateTime column stores (sorts as time)."""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def json_list(value: str) -> list[str]:
    """A JSON list of strings; a damaged value reads as empty rather than failing the page."""
    try:
        loaded = json.loads(value)
    except ValueError:
        return []
    return [str(item) for item in loaded] if isinstance(loaded, list) else []


def _snippets(session: Session, chosen: Selection,
              ids: Sequence[int]) -> dict[int, tuple[tuple[str, bool], ...]]:
    """Each entry's search hit as (text, highlighted) runs, from the index that found it."""
    index = chosen.index
    assert index is not None  # only asked for a search
    rows = _fetch(
        session,
        f"SELECT rowid, snippet({index}, -1, ?, ?, '…', {_SNIPPET_TOKENS[index]}) FROM {index} "
        f"WHERE {index} MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN ({_marks(ids)})",
        [HIT_START, HIT_END, chosen.expression, min(ids), max(ids), *ids])
    return {int(rowid): split_hits(str(marked)) for rowid, marked in rows}


def _has_sign(sign_ids: Sequence[str]) -> tuple[str, ...]:
    return (f"e.id IN (SELECT entry_id FROM journal_entry_signs "
            f"WHERE sign_id IN ({_marks(sign_ids)}))", *sign_ids)


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def _fetch(session: Session, sql: str, args: Sequence[Any]) -> list[Any]:
    """Rows of ``sql`` from the session's connection (inside its transaction), as tuples."""
    cursor = session.connection().connection.cursor()
    try:
        return list(cursor.execute(sql, list(args)).fetchall())
    finally:
        cursor.close()
