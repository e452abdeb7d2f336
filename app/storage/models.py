"""The database tables, as SQLAlchemy models.

Every change here comes with an Alembic migration in ``migrations/versions``; a test checks
that running the migrations produces exactly these tables.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Setting(Base):
    """A small key/value store for family-wide choices (e.g. the country for help lines)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class ChildRow(Base):
    __tablename__ = "children"
    __table_args__ = (
        CheckConstraint("birth_month BETWEEN 1 AND 12", name="ck_children_birth_month"),
        CheckConstraint("length(name) > 0", name="ck_children_name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), nullable=False)
    birth_year: Mapped[int] = mapped_column(Integer, nullable=False)
    birth_month: Mapped[int] = mapped_column(Integer, nullable=False)
    archived_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class EvidenceEntry(Base):
    """One line of the "Help now" evidence log: text only, never images.

    What the police and the hotlines ask for: where it happened, who (username, profile link),
    when, what was demanded, and where money was to be sent.
    """

    __tablename__ = "evidence_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("children.id", ondelete="SET NULL"), nullable=True)
    platform: Mapped[str] = mapped_column(Text, nullable=False, default="")
    username: Mapped[str] = mapped_column(Text, nullable=False, default="")
    profile_link: Mapped[str] = mapped_column(Text, nullable=False, default="")
    happened_at: Mapped[str] = mapped_column(Text, nullable=False, default="")
    demanded: Mapped[str] = mapped_column(Text, nullable=False, default="")
    payment_handles: Mapped[str] = mapped_column(Text, nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
