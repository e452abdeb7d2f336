"""What the pattern card reads on the worker: each pattern's entries come from the notes the
rules read, so an entry deleted or purged after the rule fired no longer explains anything."""

from __future__ import annotations

import datetime as dt

from app.core.clock import local_today
from app.core.journal.model import EntryFields
from app.core.journal.rules import load_rules
from app.paths import shipped_content_dir
from app.ui.journal.pattern_data import read_patterns

RULE = "rule.secrecy-again"


def _read(services, clock):
    rules = load_rules(shipped_content_dir() / "rules.toml")
    found = read_patterns(services, rules, local_today(clock), clock.zone())
    return next(f for f in found if f.rule_id == RULE)


def test_entries_deleted_or_purged_after_the_firing_are_left_out(services, clock):
    maya = services.family.add("Maya", 2013, 4).id
    now, journal = clock.now(), services.journal
    ids = [journal.add(EntryFields(maya, now - dt.timedelta(days=days), signs=(sign,),
                                   tags=tags)).id
           for days, sign, tags in ((6, "sign.hides-screen", ()), (4, "sign.secret-friend", ()),
                                    (1, "sign.clears-chats", ("bus stop",)))]
    firing = _read(services, clock)
    assert [e.entry_id for e in firing.entries] == ids
    local_day = (now - dt.timedelta(days=1)).astimezone(clock.zone()).date()
    assert firing.entries[2].day == local_day
    assert firing.entries[2].signs == ("sign.clears-chats", "bus stop")
    journal.delete(ids[0])
    journal.delete(ids[1])
    journal.purge(ids[1])
    assert [e.entry_id for e in _read(services, clock).entries] == [ids[2]]
