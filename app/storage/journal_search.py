"""Reading the journal in bulk: the timeline's filters, counts, pages, search and sign events.

The timeline asks ``count`` once and then ``page`` 100 rows at a time, so both must cost the
same at 50 entries and at 50,000. Filters therefore read ``journal_entries`` alone (child, time,
strength and "come back" are copied there, indexed by child and time) plus the small sign link
table; search is an ``id IN (…)`` over an FTS5 index. Only the 100 rows of a page then load their
current revision, for the preview line, and their search snippet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from sqlalchemy import Select, bindparam, false, func, or_, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.core.journal.model import EntryFilter, EntrySummary, SignEvent
from app.core.journal.search_query import HIT_END, HIT_START, SearchQuery, sanitise, split_hits
from app.storage.journal_fts import TRIGRAM_INDEX, WORD_INDEX
from app.storage.journal_rows import fields_of, preview_of
from app.storage.models import (
    JournalEntryRow,
    JournalEntrySign,
    JournalRevisionRow,
)
from app.storage.times import from_db, to_db

E = JournalEntryRow
_SNIPPET_TOKENS = {TRIGRAM_INDEX: 48, WORD_INDEX: 14}


def conditions(flt: EntryFilter, categories: Mapping[str, str],
               query: SearchQuery | None) -> list[ColumnElement[bool]]:
    """The WHERE clauses for ``flt`` on ``journal_entries`` (all must hold)."""
    where: list[ColumnElement[bool]] = [
        E.deleted_at.is_not(None) if flt.deleted else E.deleted_at.is_(None)]
    if flt.children:
        ids = [child for child in flt.children if child is not None]
        either = [E.child_id.in_(ids)] if ids else []
        if None in flt.children:
            either.append(E.child_id.is_(None))
        where.append(or_(*either))
    if flt.categories:
        wanted = set(flt.categories)
        signs = sorted(sign for sign, category in categories.items() if category in wanted)
        where.append(_has_sign(signs) if signs else false())
    if flt.signs:
        where.append(_has_sign(sorted(set(flt.signs))))
    if flt.since is not None:
        where.append(E.noted_at >= to_db(flt.since))
    if flt.until is not None:
        where.append(E.noted_at < to_db(flt.until))
    if flt.min_strength is not None:
        where.append(E.strength >= flt.min_strength)
    if flt.come_back_only:
        where.append(E.come_back.is_(True))
    if query is not None:
        for index, expression in ((TRIGRAM_INDEX, query.trigram), (WORD_INDEX, query.words)):
            if expression is not None:
                where.append(E.id.in_(_matching(index, expression)))
    return where


def count(session: Session, flt: EntryFilter, categories: Mapping[str, str]) -> int:
    where = conditions(flt, categories, sanitise(flt.text))
    return session.scalar(select(func.count()).select_from(E).where(*where)) or 0


def page(session: Session, flt: EntryFilter, categories: Mapping[str, str], offset: int,
         limit: int) -> list[EntrySummary]:
    """One page of the timeline, newest ``noted_at`` first."""
    query = sanitise(flt.text)
    ids_query: Select[Any] = (select(E.id).where(*conditions(flt, categories, query))
                              .order_by(E.noted_at.desc(), E.id.desc())
                              .offset(max(offset, 0)).limit(max(limit, 0)))
    ids = list(session.scalars(ids_query))
    if not ids:
        return []
    rows = session.execute(
        select(E, JournalRevisionRow)
        .join(JournalRevisionRow, (JournalRevisionRow.entry_id == E.id)
              & (JournalRevisionRow.number == E.current_revision))
        .where(E.id.in_(ids))).all()
    snippets = _snippets(session, query, ids) if query is not None else {}
    by_id = {entry.id: (entry, revision) for entry, revision in rows}
    summaries = []
    for entry_id in ids:
        entry, revision = by_id[entry_id]
        fields = fields_of(revision)
        summaries.append(EntrySummary(
            id=entry.id, child_id=entry.child_id, noted_at=from_db(entry.noted_at),
            signs=fields.signs, tags=fields.tags, strength=entry.strength,
            come_back=bool(entry.come_back),
            preview=preview_of(fields.saw, fields.think, fields.place, fields.did),
            snippet=snippets.get(entry.id, ()), revision=entry.current_revision,
            deleted_at=from_db(entry.deleted_at)))
    return summaries


def events(session: Session, categories: Mapping[str, str], since: dt.datetime | None,
           until: dt.datetime | None,
           child_id: int | Literal["all"] | None) -> list[SignEvent]:
    """Every sign and tag noted on a live entry, oldest first: what rules and charts count.

    Rules run over the whole history, so this is one plain SQL query sorted by SQLite, with
    each entry's time parsed once: at 50,000 entries the ORM's per-row cost would dominate.
    """
    where = ["e.deleted_at IS NULL"]
    params: dict[str, Any] = {}
    if since is not None:
        where.append("e.noted_at >= :since")
        params["since"] = _db_text(since)
    if until is not None:
        where.append("e.noted_at < :until")
        params["until"] = _db_text(until)
    if child_id is None:
        where.append("e.child_id IS NULL")
    elif child_id != "all":
        where.append("e.child_id = :child")
        params["child"] = child_id
    condition = " AND ".join(where)
    statement = text(
        "SELECT e.id, e.child_id, e.noted_at, e.strength, s.sign_id, 0 AS kind, s.position "
        f"FROM journal_entries e JOIN journal_entry_signs s ON s.entry_id = e.id WHERE {condition} "
        "UNION ALL "
        "SELECT e.id, e.child_id, e.noted_at, e.strength, t.tag, 1 AS kind, t.position "
        f"FROM journal_entries e JOIN journal_entry_tags t ON t.entry_id = e.id WHERE {condition} "
        "ORDER BY 3, 1, 6, 7")
    found: list[SignEvent] = []
    moments: dict[str, dt.datetime] = {}
    rows = session.execute(statement, params).all()  # fetching at once is cheaper than a cursor
    for entry_id, child, noted, strength, name, kind, _position in rows:
        moment = moments.get(noted)
        if moment is None:
            moment = moments[noted] = dt.datetime.fromisoformat(noted).replace(tzinfo=dt.UTC)
        found.append(SignEvent(entry_id, child, moment, name,
                               "" if kind else categories.get(name, ""), strength))
    return found


def _db_text(moment: dt.datetime) -> str:
    """A moment as the text SQLAlchemy's SQLite DateTime column stores (sorts as time)."""
    return to_db(moment).strftime("%Y-%m-%d %H:%M:%S.%f")


def _has_sign(sign_ids: Sequence[str]) -> ColumnElement[bool]:
    return E.id.in_(select(JournalEntrySign.entry_id)
                    .where(JournalEntrySign.sign_id.in_(sign_ids)))


def _matching(index: str, expression: str) -> Any:
    """Entry ids whose index row matches; each index gets its own parameter name."""
    name = f"{index}_query"
    return text(f"SELECT rowid FROM {index} WHERE {index} MATCH :{name}").bindparams(
        bindparam(name, expression)).columns(rowid=E.id.type)


def _snippets(session: Session, query: SearchQuery,
              ids: Sequence[int]) -> dict[int, tuple[tuple[str, bool], ...]]:
    """Each entry's search hit as (text, highlighted) runs, from the index that found it."""
    index, expression = ((TRIGRAM_INDEX, query.trigram) if query.trigram is not None
                         else (WORD_INDEX, query.words))
    tokens = _SNIPPET_TOKENS[index]
    statement = text(
        f"SELECT rowid, snippet({index}, -1, :start, :end, '…', {tokens}) FROM {index} "
        f"WHERE {index} MATCH :expression AND rowid IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    rows = session.execute(statement, {"start": HIT_START, "end": HIT_END,
                                       "expression": expression, "ids": list(ids)})
    return {int(rowid): split_hits(str(marked)) for rowid, marked in rows}
