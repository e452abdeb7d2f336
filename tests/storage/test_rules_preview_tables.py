"""The rules page prepares each child's notes once and previews every rule over them: the same
counts as previewing each rule from the raw notes, for every rule, child and set of numbers."""

from __future__ import annotations

from app.core.clock import local_today
from app.core.journal.rules import load_rules, prepare_by_child, preview, preview_prepared
from app.paths import shipped_content_dir
from app.storage.demo_journal import write_demo_entries


def test_shared_tables_give_the_same_previews(services, clock):
    children = {"Maya": services.family.add("Maya", 2015, 4).id,
                "Sam": services.family.add("Sam", 2012, 9).id}
    today, zone = local_today(clock), clock.zone()
    write_demo_entries(services.journal.add, children, today, zone)
    entries, categories = services.journal.entry_events()
    who = [*children.values(), None]
    tables = prepare_by_child(entries, today, zone, who, categories)
    rules = load_rules(shipped_content_dir() / "rules.toml")
    counted = 0
    for rule in rules:
        for params in (rule.params(None), {k: p.min for k, p in rule.condition.params.items()}):
            for child_id in who:
                expected = preview(rule, params, entries, today, zone, child_id,
                                   categories=categories)
                assert preview_prepared(rule, params, tables[child_id], today) == expected, (
                    rule.id, params, child_id)
                counted += expected
    assert counted > 0  # the demo fires some rules: the comparison is not all zeros
