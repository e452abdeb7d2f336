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
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from itertools import repeat
from typing import Any, Literal, cast

from sqlalchemy.orm import Session

from app.core.journal.model import SignEvent
from app.storage.journal_search import db_text

_as_event = cast(Callable[[Iterable[Any]], SignEvent], partial(tuple.__new__, SignEvent))


def events(session: Session, categories: Mapping[str, str], since: dt.datetime | None,
           until: dt.datetime | None,
           child_id: int | Literal["all"] | None) -> list[SignEvent]:
    """Signs and tags of live entries, oldest first: by time, entry, signs before tags, and in
    the order they were picked."""
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
    condition = " AND ".join(where)
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
