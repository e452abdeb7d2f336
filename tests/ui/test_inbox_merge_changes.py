"""The merge at unlock tells the journal's pages of a change only when the journal changed: an
unlock with nothing to merge or purge must not make every rule run again over the notes."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.journal.model import EntryFields
from app.ui.journal.inbox_merge import merge_after_unlock
from app.ui.ops import Ops


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


def _merge(qtbot, ops, folder) -> tuple[list[int], list]:
    counts, heard = [], []
    ops.changed.connect(heard.append)
    merge_after_unlock(ops, folder, counts.append, owner=None)
    qtbot.waitUntil(ops.idle, timeout=15000)
    return counts, heard


def test_an_unlock_with_nothing_to_merge_changes_nothing(qtbot, ops, folder):
    counts, heard = _merge(qtbot, ops, folder)
    assert counts == [0] and heard == []


def test_entries_purged_at_unlock_are_a_journal_change(qtbot, ops, folder, services, clock):
    entry = services.journal.add(EntryFields(None, clock.now(), signs=("sign.up-late",)))
    services.journal.delete(entry.id)
    clock.set(clock.now() + dt.timedelta(days=40))
    counts, heard = _merge(qtbot, ops, folder)
    assert counts == [0] and [c.journal for c in heard] == [True]
