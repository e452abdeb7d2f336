"""The warning-signs journal in the vault: entries, their history, search and the rules' state.

Every save is a new immutable revision (``journal_rows.save_revision``); saving the same fields
again adds nothing, and restoring an old revision adds a new one that says where it came from,
so history only ever grows. Delete only hides an entry for ``RESTORE_DAYS``; purge removes the
entry, every revision and its search rows, then folds the write-ahead log in so no copy of its
words is left in the WAL either (secure_delete and FTS5 ``secure-delete`` zero the rest).

Reads in bulk (timeline, counts, sign events) live in ``journal_search``, the rules' state in
``journal_rules``; this class is the one surface the UI's database worker calls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType
from typing import Literal

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.core.clock import Clock
from app.core.journal.entry_events import EntryEvents
from app.core.journal.model import (
    RESTORE_DAYS,
    Entry,
    EntryFields,
    EntryFilter,
    EntrySummary,
    LockedNote,
    Revision,
    RuleSetting,
    SignEvent,
)
from app.storage import journal_events, journal_rules, journal_search
from app.storage.engine import checkpoint
from app.storage.journal_models import (
    JournalEntryRow,
    JournalInboxKeyRow,
    JournalRevisionRow,
    JournalStateRow,
)
from app.storage.journal_rows import (
    current_revision,
    entry_of,
    normalised,
    remove_everything,
    revision_of,
    save_revision,
)
from app.storage.models import ChildRow
from app.storage.times import to_db
from app.storage.writes import writing


class JournalStore:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 catalogue_categories: Mapping[str, str] | None = None) -> None:
        self._sessions = sessions
        self._clock = clock
        self._categories: Mapping[str, str] = dict(catalogue_categories or {})

    # ------------------------------------------------------------ one entry and its history

    def add(self, fields: EntryFields, *, locked_note_id: str | None = None) -> Entry:
        _check(fields)
        now = self._clock.now()
        with writing(self._sessions) as session:
            entry = self._new_entry(session, fields, now, locked_note_id)
            return entry_of(entry, current_revision(session, entry))

    def revise(self, entry_id: int, fields: EntryFields) -> Entry:
        """Save ``fields`` as a new revision; the same fields as now add nothing."""
        _check(fields)
        with writing(self._sessions) as session:
            entry = _entry_row(session, entry_id)
            current = current_revision(session, entry)
            if entry_of(entry, current).fields != normalised(fields):
                save_revision(session, entry, fields, self._clock.now())
                current = current_revision(session, entry)
            return entry_of(entry, current)

    def entry(self, entry_id: int) -> Entry:
        """The entry as it stands (hidden ones too); ``KeyError`` if unknown or purged."""
        with self._sessions() as session:
            entry = _entry_row(session, entry_id)
            return entry_of(entry, current_revision(session, entry))

    def history(self, entry_id: int) -> list[Revision]:
        """Every revision, oldest first."""
        with self._sessions() as session:
            _entry_row(session, entry_id)
            rows = session.scalars(select(JournalRevisionRow)
                                   .where(JournalRevisionRow.entry_id == entry_id)
                                   .order_by(JournalRevisionRow.number))
            return [revision_of(row) for row in rows]

    def restore_revision(self, entry_id: int, number: int) -> Entry:
        """Bring revision ``number`` back as a new revision (``restored_from`` says which)."""
        with writing(self._sessions) as session:
            entry = _entry_row(session, entry_id)
            old = session.scalars(select(JournalRevisionRow).where(
                JournalRevisionRow.entry_id == entry_id,
                JournalRevisionRow.number == number)).one_or_none()
            if old is None:
                raise KeyError(number)
            save_revision(session, entry, revision_of(old).fields, self._clock.now(),
                          restored_from=number)
            return entry_of(entry, current_revision(session, entry))

    def delete(self, entry_id: int) -> None:
        """Hide the entry; it can be brought back for ``RESTORE_DAYS``."""
        with writing(self._sessions) as session:
            entry = _entry_row(session, entry_id)
            if entry.deleted_at is None:
                entry.deleted_at = to_db(self._clock.now())

    def undelete(self, entry_id: int) -> None:
        with writing(self._sessions) as session:
            _entry_row(session, entry_id).deleted_at = None

    def purge(self, entry_id: int) -> None:
        """Remove the entry, every revision and its index rows, leaving no words in the WAL."""
        with writing(self._sessions) as session:
            _entry_row(session, entry_id)
            remove_everything(session, [entry_id])
        self._fold_log()

    def purge_expired(self) -> int:
        """Purge every entry hidden longer than ``RESTORE_DAYS``; return how many went."""
        cutoff = to_db(self._clock.now() - dt.timedelta(days=RESTORE_DAYS))
        with writing(self._sessions) as session:
            ids = list(session.scalars(select(JournalEntryRow.id).where(
                JournalEntryRow.deleted_at.is_not(None), JournalEntryRow.deleted_at < cutoff)))
            if ids:
                remove_everything(session, ids)
        if ids:
            self._fold_log()
        return len(ids)

    # ------------------------------------------------------------ lists and counts

    def count(self, flt: EntryFilter) -> int:
        with self._sessions() as session:
            return journal_search.count(session, flt, self._categories)

    def page(self, flt: EntryFilter, offset: int, limit: int) -> list[EntrySummary]:
        """``limit`` timeline rows from ``offset``, newest ``noted_at`` first."""
        with self._sessions() as session:
            return journal_search.page(session, flt, self._categories, offset, limit)

    def events(self, since: dt.datetime | None = None, until: dt.datetime | None = None,
               child_id: int | Literal["all"] | None = "all") -> list[SignEvent]:
        """Signs and tags of live entries, oldest first (tags have category ``""``)."""
        with self._sessions() as session:
            return journal_events.events(session, self._categories, since, until, child_id)

    def entry_events(self, since: dt.datetime | None = None, until: dt.datetime | None = None,
                     child_id: int | Literal["all"] | None = "all", *,
                     ids: Sequence[int] | None = None,
                     ) -> tuple[list[EntryEvents], Mapping[str, str]]:
        """Live entries with their signs and tags, one value each, oldest first, and the
        catalogue's categories (sign id → category; other names are the caregiver's own tags):
        what the pattern rules read, half the values of ``events`` over the same notes.
        ``ids`` narrows it to those entries (the few a pattern card lists)."""
        with self._sessions() as session:
            return (journal_events.entry_events(session, since, until, child_id, ids),
                    self._categories)

    def categories(self) -> Mapping[str, str]:
        """The catalogue's sign id → category (what ``entry_events`` hands the rules)."""
        return self._categories

    def state(self) -> tuple[int, str | None]:
        """The journal's change count (raised by the database on every change to an entry,
        its signs or its tags) and the pattern rules' last memo (``pattern_data``)."""
        with self._sessions() as session:
            row = session.get(JournalStateRow, 1)
            return (row.version, row.patterns_memo) if row is not None else (0, None)

    def set_patterns_memo(self, memo: str) -> None:
        with writing(self._sessions) as session:
            row = session.get(JournalStateRow, 1)
            if row is None:
                session.add(JournalStateRow(id=1, version=0, patterns_memo=memo))
            else:
                row.patterns_memo = memo

    def come_back(self, child_id: int | None) -> list[Entry]:
        """Live entries marked "come back to this" for a child (or the family), newest first."""
        with self._sessions() as session:
            rows = session.scalars(select(JournalEntryRow).where(
                JournalEntryRow.deleted_at.is_(None), JournalEntryRow.come_back.is_(True),
                JournalEntryRow.child_id.is_(None) if child_id is None
                else JournalEntryRow.child_id == child_id,
            ).order_by(JournalEntryRow.noted_at.desc(), JournalEntryRow.id.desc()))
            return [entry_of(row, current_revision(session, row)) for row in rows]

    def clear_come_back(self, entry_ids: Sequence[int]) -> None:
        """After a talk dealt with them: each flagged entry gets a revision without the flag."""
        now = self._clock.now()
        with writing(self._sessions) as session:
            for entry_id in dict.fromkeys(entry_ids):
                entry = session.get(JournalEntryRow, entry_id)
                if entry is None or not entry.come_back:
                    continue
                fields = entry_of(entry, current_revision(session, entry)).fields
                save_revision(session, entry, fields.with_changes(come_back=False), now)

    # ------------------------------------------------------------ pattern rules

    def rule_settings(self) -> dict[str, RuleSetting]:
        with self._sessions() as session:
            return journal_rules.rule_settings(session)

    def set_rule(self, setting: RuleSetting) -> None:
        with writing(self._sessions) as session:
            journal_rules.set_rule(session, setting)

    def record_firings(self, firings: Sequence[journal_rules.NewFiring]) -> None:
        """Keep each (rule, child, day) once: recording the same firing again adds nothing."""
        with writing(self._sessions) as session:
            journal_rules.record_firings(session, firings)

    def firings(self, *, include_dismissed: bool = False) -> list[journal_rules.Firing]:
        """(id, rule_id, child_id, fired_on, entry_ids), newest day first."""
        with self._sessions() as session:
            return journal_rules.firings(session, include_dismissed)

    def dismiss_firing(self, firing_id: int) -> None:
        with writing(self._sessions) as session:
            journal_rules.dismiss(session, firing_id, to_db(self._clock.now()))

    # ------------------------------------------------------------ notes written while locked

    def inbox_public_key(self) -> bytes:
        """The key locked notes are sealed to (the pair is made on first use)."""
        return self._inbox_key().public_key

    def inbox_private_key(self) -> bytes:
        """The key that opens locked notes; it never leaves the vault except to merge them."""
        return self._inbox_key().private_key

    def merge_locked_notes(self, notes: Sequence[LockedNote]) -> int:
        """Add each note not kept yet (by ``note_id``); return how many were new."""
        now = self._clock.now()
        added = 0
        with writing(self._sessions) as session:
            for note in notes:
                if self._kept(session, note.note_id):
                    continue
                fields = normalised(note.fields)
                if fields.child_id is not None and session.get(ChildRow, fields.child_id) is None:
                    fields = fields.with_changes(child_id=None)  # the child was removed since
                self._new_entry(session, fields, now, note.note_id)
                added += 1
        return added

    def kept_note_ids(self, note_ids: Sequence[str]) -> set[str]:
        """Which of ``note_ids`` are entries in the vault now (safe to clear from the inbox)."""
        with self._sessions() as session:
            kept = session.scalars(select(JournalEntryRow.locked_note_id).where(
                JournalEntryRow.locked_note_id.in_(list(note_ids))))
            return {note_id for note_id in kept if note_id is not None}

    # ------------------------------------------------------------ inside

    def _new_entry(self, session: Session, fields: EntryFields, now: dt.datetime,
                   locked_note_id: str | None) -> JournalEntryRow:
        fields = normalised(fields)
        entry = JournalEntryRow(
            child_id=fields.child_id, noted_at=to_db(fields.noted_at), strength=fields.strength,
            come_back=fields.come_back, created_at=to_db(now), updated_at=to_db(now),
            current_revision=0, locked_note_id=locked_note_id)
        session.add(entry)
        session.flush()
        save_revision(session, entry, fields, now)
        return entry

    @staticmethod
    def _kept(session: Session, note_id: str) -> bool:
        return session.scalar(select(JournalEntryRow.id).where(
            JournalEntryRow.locked_note_id == note_id)) is not None

    def _inbox_key(self) -> JournalInboxKeyRow:
        with self._sessions() as session:
            row = session.get(JournalInboxKeyRow, 1)
            if row is not None:
                return row
        private = X25519PrivateKey.generate()
        with writing(self._sessions) as session:
            row = session.get(JournalInboxKeyRow, 1)
            if row is None:
                row = JournalInboxKeyRow(
                    id=1, private_key=private.private_bytes_raw(),
                    public_key=private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
                    created_at=to_db(self._clock.now()))
                session.add(row)
            return row

    def _fold_log(self) -> None:
        bind = self._sessions.kw.get("bind")
        if isinstance(bind, Engine):
            checkpoint(bind)


def _entry_row(session: Session, entry_id: int) -> JournalEntryRow:
    entry = session.get(JournalEntryRow, entry_id)
    if entry is None:
        raise KeyError(entry_id)
    return entry


def _check(fields: EntryFields) -> None:
    problems = fields.problems()
    if problems:
        raise ValueError("the entry cannot be saved: " + ", ".join(problems))


@lru_cache(maxsize=1)
def catalogue_categories() -> Mapping[str, str]:
    """sign id → category id from the shipped ``warning_signs.toml`` (read once per process)."""
    from app.core.content.loader import load_library
    from app.paths import shipped_content_dir

    library = load_library(shipped_content_dir()).library
    return MappingProxyType({sign.id: sign.category for sign in library.signs})
