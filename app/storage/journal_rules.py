"""The pattern rules' saved state: the parent's settings per rule, and the firings shown.

Rules themselves are data (``conversations/rules.toml``) evaluated in the core; this keeps only
what the parent chose (on or off, their own numbers) and which firings were recorded, so a card
is shown once per rule, child and day however often the rules are evaluated, and stays gone
once dismissed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.journal.model import RuleSetting
from app.storage.journal_models import JournalRuleFiringRow, JournalRuleSettingRow

Firing = tuple[int, str, int | None, dt.date, tuple[int, ...]]  # id, rule, child, day, entries
NewFiring = tuple[str, int | None, dt.date, tuple[int, ...]]


def rule_settings(session: Session) -> dict[str, RuleSetting]:
    return {row.rule_id: RuleSetting(row.rule_id, bool(row.enabled), _params(row.params))
            for row in session.scalars(select(JournalRuleSettingRow))}


def set_rule(session: Session, setting: RuleSetting) -> None:
    params = json.dumps({str(k): int(v) for k, v in setting.params.items()}, sort_keys=True)
    row = session.get(JournalRuleSettingRow, setting.rule_id)
    if row is None:
        session.add(JournalRuleSettingRow(rule_id=setting.rule_id, enabled=setting.enabled,
                                          params=params))
    else:
        row.enabled, row.params = setting.enabled, params


def record_firings(session: Session, firings: Sequence[NewFiring]) -> None:
    """Keep each firing once per rule, child (or family) and day; a repeat changes nothing.

    SQLite's unique constraint treats two NULL children as different, so the family's firings
    are looked up with ``IS`` before inserting rather than left to the constraint.
    """
    for rule_id, child_id, fired_on, entry_ids in firings:
        existing = session.scalar(select(JournalRuleFiringRow.id).where(
            JournalRuleFiringRow.rule_id == rule_id,
            JournalRuleFiringRow.child_id.is_(child_id) if child_id is None
            else JournalRuleFiringRow.child_id == child_id,
            JournalRuleFiringRow.fired_on == fired_on))
        if existing is None:
            session.add(JournalRuleFiringRow(
                rule_id=rule_id, child_id=child_id, fired_on=fired_on,
                entry_ids=json.dumps([int(i) for i in entry_ids])))
            session.flush()


def firings(session: Session, include_dismissed: bool) -> list[Firing]:
    """Recorded firings, newest day first."""
    query = select(JournalRuleFiringRow).order_by(JournalRuleFiringRow.fired_on.desc(),
                                                  JournalRuleFiringRow.id.desc())
    if not include_dismissed:
        query = query.where(JournalRuleFiringRow.dismissed_at.is_(None))
    return [(row.id, row.rule_id, row.child_id, row.fired_on, _ids(row.entry_ids))
            for row in session.scalars(query)]


def dismiss(session: Session, firing_id: int, now: dt.datetime) -> None:
    row = session.get(JournalRuleFiringRow, firing_id)
    if row is not None and row.dismissed_at is None:
        row.dismissed_at = now


def _params(value: str) -> dict[str, int]:
    try:
        loaded = json.loads(value)
    except ValueError:
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {str(k): int(v) for k, v in loaded.items() if isinstance(v, int | float)}


def _ids(value: str) -> tuple[int, ...]:
    try:
        loaded = json.loads(value)
    except ValueError:
        return ()
    return tuple(int(i) for i in loaded if isinstance(i, int)) if isinstance(loaded, list) else ()
