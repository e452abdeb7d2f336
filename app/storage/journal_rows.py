"""Journal entries between the model and the tables: one place that writes a revision.

A save writes a new immutable ``journal_revisions`` row and then brings everything derived from
the current revision up to date in the same transaction: the columns copied onto
``journal_entries`` (child, time, strength, "come back"), the sign and tag link rows, and both
search indexes. Keeping that in one function means the derived copies can never disagree with
the revision they come from.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from app.core.journal.model import STRENGTHS, Entry, EntryFields, Revision
from app.core.journal.search_query import clean_text
from app.storage.journal_fts import INDEXES
from app.storage.journal_models import (
    JournalEntryRow,
    JournalEntrySign,
    JournalEntryTag,
    JournalRevisionRow,
)
from app.storage.times import from_db, to_db

PREVIEW_CHARS = 160


def normalised(fields: EntryFields) -> EntryFields:
    """The fields as they read back from the database, so "unchanged" compares truly."""
    noted = fields.noted_at
    noted = noted.replace(tzinfo=dt.UTC) if noted.tzinfo is None else noted.astimezone(dt.UTC)
    return fields.with_changes(
        noted_at=noted, signs=tuple(fields.signs), tags=tuple(fields.tags),
        strength=fields.strength if fields.strength in STRENGTHS else None,
        come_back=bool(fields.come_back))


def fields_of(row: JournalRevisionRow) -> EntryFields:
    return EntryFields(
        child_id=row.child_id, noted_at=from_db(row.noted_at),
        signs=tuple(_list(row.signs)), tags=tuple(_list(row.tags)), saw=row.saw,
        think=row.think, strength=row.strength, place=row.place, did=row.did,
        come_back=bool(row.come_back))


def revision_of(row: JournalRevisionRow) -> Revision:
    return Revision(number=row.number, saved_at=from_db(row.saved_at), fields=fields_of(row),
                    restored_from=row.restored_from)


def entry_of(entry: JournalEntryRow, current: JournalRevisionRow) -> Entry:
    return Entry(id=entry.id, fields=fields_of(current), revision=entry.current_revision,
                 created_at=from_db(entry.created_at), updated_at=from_db(entry.updated_at),
                 deleted_at=from_db(entry.deleted_at))


def current_revision(session: Session, entry: JournalEntryRow) -> JournalRevisionRow:
    return session.scalars(select(JournalRevisionRow).where(
        JournalRevisionRow.entry_id == entry.id,
        JournalRevisionRow.number == entry.current_revision)).one()


def save_revision(session: Session, entry: JournalEntryRow, fields: EntryFields,
                  now: dt.datetime, restored_from: int | None = None) -> None:
    """Write ``fields`` as the entry's next revision and make it the current one."""
    fields = normalised(fields)
    number = entry.current_revision + 1
    session.add(JournalRevisionRow(
        entry_id=entry.id, number=number, saved_at=to_db(now), restored_from=restored_from,
        child_id=fields.child_id, noted_at=to_db(fields.noted_at),
        signs=json.dumps(list(fields.signs), ensure_ascii=False),
        tags=json.dumps(list(fields.tags), ensure_ascii=False),
        saw=fields.saw, think=fields.think, strength=fields.strength, place=fields.place,
        did=fields.did, come_back=fields.come_back))
    entry.current_revision = number
    entry.updated_at = to_db(now)
    entry.child_id = fields.child_id
    entry.noted_at = to_db(fields.noted_at)
    entry.strength = fields.strength
    entry.come_back = fields.come_back
    session.flush()
    _replace_links(session, entry.id, fields)
    _replace_index_rows(session, entry.id, fields)


def remove_everything(session: Session, entry_ids: Sequence[int]) -> None:
    """Delete entries, every revision, link and index row (the purge: nothing is kept)."""
    for entry_id in entry_ids:
        _remove_index_rows(session, entry_id)
    for table in (JournalEntrySign, JournalEntryTag):
        session.execute(delete(table).where(table.entry_id.in_(entry_ids)))
    session.execute(delete(JournalRevisionRow).where(JournalRevisionRow.entry_id.in_(entry_ids)))
    session.execute(delete(JournalEntryRow).where(JournalEntryRow.id.in_(entry_ids)))


def preview_of(saw: str, think: str, place: str, did: str) -> str:
    """The start of the first filled text field, on one line, for a timeline row."""
    for value in (saw, think, place, did):
        flat = " ".join(value.split())
        if flat:
            return flat if len(flat) <= PREVIEW_CHARS else flat[:PREVIEW_CHARS - 1] + "…"
    return ""


def tags_text(tags: Sequence[str]) -> str:
    return "\n".join(tags)


def _replace_links(session: Session, entry_id: int, fields: EntryFields) -> None:
    session.execute(delete(JournalEntrySign).where(JournalEntrySign.entry_id == entry_id))
    session.execute(delete(JournalEntryTag).where(JournalEntryTag.entry_id == entry_id))
    for position, sign_id in enumerate(dict.fromkeys(fields.signs)):
        session.add(JournalEntrySign(entry_id=entry_id, sign_id=sign_id, position=position))
    for position, tag in enumerate(dict.fromkeys(fields.tags)):
        session.add(JournalEntryTag(entry_id=entry_id, tag=tag, position=position))
    session.flush()


def _replace_index_rows(session: Session, entry_id: int, fields: EntryFields) -> None:
    _remove_index_rows(session, entry_id)
    values = {"id": entry_id, "saw": clean_text(fields.saw), "think": clean_text(fields.think),
              "place": clean_text(fields.place), "did": clean_text(fields.did),
              "tags": clean_text(tags_text(fields.tags))}
    for index in INDEXES:
        session.execute(text(
            f"INSERT INTO {index} (rowid, saw, think, place, did, tags) "
            "VALUES (:id, :saw, :think, :place, :did, :tags)"), values)


def _remove_index_rows(session: Session, entry_id: int) -> None:
    for index in INDEXES:
        session.execute(text(f"DELETE FROM {index} WHERE rowid = :id"), {"id": entry_id})


def _list(value: str) -> list[str]:
    """A JSON list of strings; a damaged value reads as empty rather than failing the page."""
    try:
        loaded = json.loads(value)
    except ValueError:
        return []
    return [str(item) for item in loaded] if isinstance(loaded, list) else []
