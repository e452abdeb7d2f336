"""The retention rule, over many made-up histories."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.backup_retention import (
    KEEP_BEFORE_MIGRATION,
    Dated,
    backups_to_keep,
    is_due,
)

NOW = dt.datetime(2027, 6, 15, 12, tzinfo=dt.UTC)
moments = st.integers(min_value=0, max_value=3 * 365 * 24 * 60).map(
    lambda minutes: NOW - dt.timedelta(minutes=minutes))
histories = st.lists(st.tuples(moments, st.booleans()), max_size=120).map(
    lambda items: [Dated(i, created, before) for i, (created, before) in enumerate(items)])
zones = st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-8)),
                         dt.timezone(dt.timedelta(hours=5, minutes=30))])


@settings(max_examples=300, deadline=None)
@given(histories, zones)
def test_kept_is_a_subset_holding_the_newest(history, zone):
    keep = backups_to_keep(history, NOW, zone)
    assert keep <= {b.id for b in history}
    if history:
        newest = max(history, key=lambda b: (b.created, str(b.id)))
        assert newest.id in keep
    plain = sum(1 for b in history if b.id in keep and not b.before_migration)
    assert plain <= 1 + 7 + 4 + 12


@settings(max_examples=300, deadline=None)
@given(histories, zones)
def test_pruning_twice_changes_nothing(history, zone):
    keep = backups_to_keep(history, NOW, zone)
    again = backups_to_keep([b for b in history if b.id in keep], NOW, zone)
    assert again == keep


@settings(max_examples=300, deadline=None)
@given(histories, zones)
def test_each_of_the_last_seven_days_with_a_backup_keeps_its_newest(history, zone):
    keep = backups_to_keep(history, NOW, zone)
    by_day: dict[dt.date, Dated] = {}
    for backup in sorted(history, key=lambda b: (b.created, str(b.id))):
        by_day[backup.created.astimezone(zone).date()] = backup
    for day in sorted(by_day, reverse=True)[:7]:
        assert by_day[day].id in keep
    by_month: dict[tuple[int, int], Dated] = {}
    for backup in sorted(history, key=lambda b: (b.created, str(b.id))):
        local = backup.created.astimezone(zone)
        by_month[(local.year, local.month)] = backup
    for month in sorted(by_month, reverse=True)[:12]:
        assert by_month[month].id in keep


@settings(max_examples=200, deadline=None)
@given(histories)
def test_young_pre_migration_backups_are_kept(history):
    keep = backups_to_keep(history, NOW)
    for backup in history:
        if backup.before_migration and NOW - backup.created < KEEP_BEFORE_MIGRATION:
            assert backup.id in keep


@given(histories)
def test_order_of_input_does_not_matter(history):
    assert backups_to_keep(history, NOW) == backups_to_keep(list(reversed(history)), NOW)


def test_due_once_per_local_day():
    evening = dt.datetime(2026, 11, 23, 23, 30, tzinfo=dt.UTC)
    assert is_due(None, evening)
    assert not is_due(evening, evening + dt.timedelta(minutes=20))
    assert is_due(evening, evening + dt.timedelta(minutes=40))
    new_york = dt.timezone(dt.timedelta(hours=-5))
    assert not is_due(evening, evening + dt.timedelta(minutes=40), new_york)


def test_a_sparse_history_is_not_thrown_away_by_time_alone():
    old = [Dated(i, NOW - dt.timedelta(days=400 + i)) for i in range(5)]
    assert backups_to_keep(old, NOW) == {0, 1, 2, 3, 4}
