"""The journal's change count (migration 0010): raised by the database on every change the
pattern rules could see, whoever makes it, and by nothing else."""

from __future__ import annotations

import datetime as dt
import importlib

from sqlalchemy import text

from app.core.journal.model import EntryFields, RuleSetting

MIGRATION = importlib.import_module("app.storage.migrations.versions.0010_journal_state")


def _version(services) -> int:
    return services.journal.state()[0]


def test_every_watched_table_has_its_three_triggers(open_vault):
    with open_vault.engine.connect() as connection:
        found = {row[0] for row in connection.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
    expected = {MIGRATION.trigger_name(table, event)
                for table in MIGRATION.WATCHED for event in MIGRATION.EVENTS}
    assert len(expected) == 9 and expected <= found


def test_each_change_the_rules_could_see_raises_the_count(services, clock):
    maya = services.family.add("Maya", 2013, 4).id
    sam = services.family.add("Sam", 2011, 2).id
    journal, now = services.journal, clock.now()
    seen = [_version(services)]

    def changed() -> None:
        seen.append(_version(services))
        assert seen[-1] > seen[-2], f"no change counted after step {len(seen) - 1}"

    entry = journal.add(EntryFields(maya, now, signs=("sign.hides-screen",), tags=("bus",)))
    changed()
    journal.revise(entry.id, EntryFields(maya, now, signs=("sign.secret-friend",)))
    changed()
    journal.revise(entry.id, EntryFields(maya, now - dt.timedelta(days=2),
                                         signs=("sign.secret-friend",)))
    changed()
    journal.delete(entry.id)
    changed()
    journal.undelete(entry.id)
    changed()
    other = journal.add(EntryFields(sam, now, signs=("sign.new-money",)))
    changed()
    services.family.delete(sam)  # the entry stays, about no one now (SET NULL)
    changed()
    assert journal.entry(other.id).fields.child_id is None
    journal.delete(other.id)
    journal.purge(other.id)
    changed()


def test_what_the_rules_do_not_read_leaves_the_count_alone(services, clock):
    maya = services.family.add("Maya", 2013, 4).id
    journal = services.journal
    journal.add(EntryFields(maya, clock.now(), signs=("sign.hides-screen",)))
    before = _version(services)
    journal.set_rule(RuleSetting("rule.secrecy-again", False, {}))
    journal.record_firings([("rule.secrecy-again", maya, clock.now().date(), (1,))])
    journal.set_patterns_memo('{"key": "x", "today": "2026-01-01"}')
    services.settings.set("country", "gb")
    assert _version(services) == before
    assert journal.state()[1] == '{"key": "x", "today": "2026-01-01"}'
