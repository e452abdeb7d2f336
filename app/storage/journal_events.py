"""Every sign and tag noted on live entries, as ``SignEvent`` values: what rules and charts count.

Rules run over the whole history (100,000 signs and tags after years of notes) and the chart over
a year of one child, so this is one SQL statement on the session's own connection, sorted by
SQLite, and turned into events column by column in C (``zip``, ``map``) instead of row by row:

- the time comes out of SQLite as ISO text with its zone (``+00:00``), so each distinct moment
  is one ``fromisoformat`` call, and the signs of one entry share the moment object;
- tags carry no lookup key, so ``categories.get`` answers "" for them in the same ``map``;
- ``SignEvent`` is a named tuple, built straight from each row's values by ``tuple.__new__``;
- Python's cycle collector is paused while the rows and events are made: 200,000 new tuples
  would otherwise run it over the whole heap many times (300 ms more), and they hold no cycles.

The pattern rules read ``entry_events`` instead: one ``EntryEvents`` per live entry, SQLite
joining its names into one text (``group_concat`` in the order picked), so the whole history
is 50,000 values instead of 110,000 and each distinct set of names is split once.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from itertools import repeat
from typing import Any, Literal, cast

from sqlalchemy.orm import Session

from app.core.journal.entry_events import EntryEvents, grouped
from app.core.journal.model import SignEvent
from app.storage.journal_search import db_text

_as_event = cast(Callable[[Iterable[Any]], SignEvent], partial(tuple.__new__, SignEvent))
_as_entry = cast(Callable[[Iterable[Any]], EntryEvents], partial(tuple.__new__, EntryEvents))
_SEPARATOR = "\x1f"  # between an entry's names in SQL's group_concat (never typed in a tag)


def events(session: Session, categories: Mapping[str, str], since: dt.datetime | None,
           until: dt.datetime | None,
           child_id: int | Literal["all"] | None) -> list[SignEvent]:
    """Signs and tags of live entries, oldest first: by time, entry, signs before tags, and in
    the order they were picked."""
    condition, args = _live(since, until, child_id)
    statement = (
        "SELECT id, child_id, noted, name, sign_key, strength FROM ("
        "SELECT e.id, e.child_id, e.noted_at || '+00:00' AS noted, s.sign_id AS name, "
        "s.sign_id AS sign_key, e.strength, 0 AS kind, s.position "
        "FROM journal_entries e JOIN journal_entry_signs s ON s.entry_id = e.id "
        f"WHERE {condition} "
        "UNION ALL "
        "SELECT e.id, e.child_id, e.noted_at || '+00:00', t.tag, NULL, e.strength, 1, t.position "
        "FROM journal_entries e JOIN journal_entry_tags t ON t.entry_id = e.id "
        f"WHERE {condition}) "
        "ORDER BY noted, id, kind, position")
    cursor = session.connection().connection.cursor()
    with _collector_paused():
        try:
            rows = cursor.execute(statement, args + args).fetchall()
        finally:
            cursor.close()
        if not rows:
            return []
        ids, children, noted, names, keys, strengths = zip(*rows, strict=True)
        moments = _moments(noted)
        found = map(_as_event, zip(ids, children, map(moments.__getitem__, noted), names,
                                   map(categories.get, keys, repeat("")), strengths,
                                   strict=True))
        return list(found)


def entry_events(session: Session, since: dt.datetime | None, until: dt.datetime | None,
                 child_id: int | Literal["all"] | None,
                 ids: Sequence[int] | None = None) -> list[EntryEvents]:
    """Live entries with their signs and tags, one ``EntryEvents`` each, oldest first (by time,
    then entry): what the pattern rules read. SQLite joins each entry's names into one text
    (signs in the order picked, then tags), split once per distinct text here; should a tag
    ever hold the separator, the entries are grouped from ``events`` instead."""
    condition, args = _live(since, until, child_id)
    inner, inner_args = "", []
    if ids is not None:  # the few entries a pattern card lists: only theirs are grouped
        wanted = sorted({int(i) for i in ids}) or [0]
        inner = f" WHERE entry_id IN ({', '.join('?' * len(wanted))})"
        inner_args = wanted + wanted
    statement = (
        "SELECT e.id, e.child_id, e.noted_at || '+00:00', e.strength, n.names, n.size "
        "FROM journal_entries e JOIN ("
        "SELECT entry_id, group_concat(name, char(31) ORDER BY kind, position) AS names, "
        "count(*) AS size FROM ("
        f"SELECT entry_id, sign_id AS name, 0 AS kind, position FROM journal_entry_signs{inner} "
        f"UNION ALL SELECT entry_id, tag, 1, position FROM journal_entry_tags{inner}) "
        "GROUP BY entry_id) n ON n.entry_id = e.id "
        f"WHERE {condition} ORDER BY e.noted_at, e.id")
    args = inner_args + args
    cursor = session.connection().connection.cursor()
    with _collector_paused():
        try:
            rows = cursor.execute(statement, args).fetchall()
        finally:
            cursor.close()
        if not rows:
            return []
        found, children, noted, strengths, texts, sizes = zip(*rows, strict=True)
        distinct = list(dict.fromkeys(texts))
        names = dict(zip(distinct, map(tuple, map(str.split, distinct, repeat(_SEPARATOR))),
                         strict=True))
        if sum(map(len, map(names.__getitem__, texts))) != sum(sizes):
            every = grouped(events(session, {}, since, until, child_id))[0]
            if ids is None:
                return every
            kept = set(found)
            return [e for e in every if e.entry_id in kept]
        moments = _moments(noted)
        return list(map(_as_entry, zip(found, children, map(moments.__getitem__, noted),
                                       strengths, map(names.__getitem__, texts), strict=True)))


def _live(since: dt.datetime | None, until: dt.datetime | None,
          child_id: int | Literal["all"] | None) -> tuple[str, list[Any]]:
    """The SQL condition (on entries ``e``) and its arguments for live entries in a span."""
    where = ["e.deleted_at IS NULL"]
    args: list[Any] = []
    if since is not None:
        where.append("e.noted_at >= ?")
        args.append(db_text(since))
    if until is not None:
        where.append("e.noted_at < ?")
        args.append(db_text(until))
    if child_id is None:
        where.append("e.child_id IS NULL")
    elif child_id != "all":
        where.append("e.child_id = ?")
        args.append(child_id)
    return " AND ".join(where), args


@contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _moments(noted: tuple[str, ...]) -> dict[str, dt.datetime]:
    """Each distinct time text parsed once (an entry's signs and tags share theirs)."""
    distinct = list(dict.fromkeys(noted))
    return dict(zip(distinct, map(dt.datetime.fromisoformat, distinct), strict=True))
