"""The warning-signs journal's tables (entries, revisions, signs and tags, pattern rules, the
locked inbox key), kept apart from ``models`` so each module holds one part of the schema.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.models import Base


class JournalEntryRow(Base):
    """One journal entry as it stands now: which revision is current, and what lists need.

    Child, time, strength and "come back" are copied from the current revision so that the
    timeline's pages and counts read this table alone, even at 50,000 entries. ``deleted_at``
    hides an entry (restorable); a purge removes the row and, by cascade, every revision.
    ``locked_note_id`` is the sealed inbox note it came from, so a note is never merged twice.
    """

    __tablename__ = "journal_entries"
    __table_args__ = (
        CheckConstraint("strength IS NULL OR strength BETWEEN 1 AND 3",
                        name="ck_journal_entries_strength"),
        UniqueConstraint("locked_note_id", name="uq_journal_entries_locked_note_id"),
        Index("ix_journal_entries_child_noted", "child_id", "noted_at"),
        Index("ix_journal_entries_noted", "noted_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("children.id", ondelete="SET NULL"), nullable=True)
    noted_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    strength: Mapped[int | None] = mapped_column(Integer, nullable=True)
    come_back: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    current_revision: Mapped[int] = mapped_column(Integer, nullable=False)
    locked_note_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


# The hidden entries, for the purge at each unlock: a lookup, not a pass over years of notes.
Index("ix_journal_entries_deleted", JournalEntryRow.deleted_at,
      sqlite_where=JournalEntryRow.deleted_at.is_not(None))


class JournalRevisionRow(Base):
    """One saved version of an entry, never changed afterwards (only a purge removes it).

    ``signs`` and ``tags`` are JSON lists in the order the caregiver picked them.
    """

    __tablename__ = "journal_revisions"
    __table_args__ = (
        UniqueConstraint("entry_id", "number", name="uq_journal_revisions_number"),
        CheckConstraint("strength IS NULL OR strength BETWEEN 1 AND 3",
                        name="ck_journal_revisions_strength"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("journal_entries.id", ondelete="CASCADE"), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    restored_from: Mapped[int | None] = mapped_column(Integer, nullable=True)
    child_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("children.id", ondelete="SET NULL"), nullable=True)
    noted_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    signs: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    tags: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    saw: Mapped[str] = mapped_column(Text, nullable=False, default="")
    think: Mapped[str] = mapped_column(Text, nullable=False, default="")
    strength: Mapped[int | None] = mapped_column(Integer, nullable=True)
    place: Mapped[str] = mapped_column(Text, nullable=False, default="")
    did: Mapped[str] = mapped_column(Text, nullable=False, default="")
    come_back: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class JournalEntrySign(Base):
    """A sign of an entry's current revision: what filters, counts and rules look up."""

    __tablename__ = "journal_entry_signs"
    # Covering: "which entries have these signs" is answered from the index alone.
    __table_args__ = (Index("ix_journal_entry_signs_sign_entry", "sign_id", "entry_id"),)

    entry_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("journal_entries.id", ondelete="CASCADE"), primary_key=True)
    sign_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class JournalEntryTag(Base):
    """A caregiver's own tag on an entry's current revision."""

    __tablename__ = "journal_entry_tags"

    entry_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("journal_entries.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(Text, primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class JournalRuleSettingRow(Base):
    """The parent's choice for one pattern rule: on or off, and their own numbers (JSON)."""

    __tablename__ = "journal_rule_settings"

    rule_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    params: Mapped[str] = mapped_column(Text, nullable=False, default="{}")


class JournalRuleFiringRow(Base):
    """A rule that fired for a child (or the family) on a day, and the entries that made it."""

    __tablename__ = "journal_rule_firings"
    __table_args__ = (
        UniqueConstraint("rule_id", "child_id", "fired_on", name="uq_journal_rule_firings_day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_id: Mapped[str] = mapped_column(String(120), nullable=False)
    child_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("children.id", ondelete="CASCADE"), nullable=True)
    fired_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    entry_ids: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    dismissed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class JournalInboxKeyRow(Base):
    """The key pair notes written while locked are sealed to; the private half lives only here."""

    __tablename__ = "journal_inbox_key"
    __table_args__ = (CheckConstraint("id = 1", name="ck_journal_inbox_key_single"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    public_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class JournalStateRow(Base):
    """The journal's change count, raised by triggers on entries, signs and tags (migration
    0010), and what the pattern rules' last reading was made for (``pattern_data``)."""

    __tablename__ = "journal_state"
    __table_args__ = (CheckConstraint("id = 1", name="ck_journal_state_single"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    patterns_memo: Mapped[str | None] = mapped_column(Text, nullable=True)
