"""Pattern rules: the shipped file loads, every rule's fixtures fire as written, and the engine's
promises hold (gate, rest after firing, the entries that explain a firing, children apart,
a parent's own numbers, the 12-week preview, days in the parent's zone)."""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.content.loader import load_library
from app.core.journal.entry_events import EntryEvents, grouped
from app.core.journal.model import RuleSetting, SignEvent
from app.core.journal.rules import (
    RulesError,
    evaluate,
    evaluate_all,
    load_rules,
    preview,
)
from app.paths import shipped_content_dir

FIXTURES = Path(__file__).parent / "rule_fixtures"
ZONE = ZoneInfo("America/New_York")
TODAY = dt.date(2026, 11, 23)


@cache
def shipped_rules():
    return {rule.id: rule for rule in load_rules(shipped_content_dir() / "rules.toml")}


@cache
def categories() -> dict[str, str]:
    return {s.id: s.category for s in load_library(shipped_content_dir()).library.signs}


def noon(day: dt.date, hour: int = 12, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), ZONE).astimezone(dt.UTC)


def event(days_ago: int, sign: str, strength: int = 0, entry: int | None = None,
          child: int | None = 1, today: dt.date = TODAY) -> SignEvent:
    entry_id = entry if entry is not None else 1000 + days_ago * 10 + len(sign)
    return SignEvent(entry_id, child, noon(today - dt.timedelta(days=days_ago)), sign,
                     categories()[sign], strength or None)


def fixture_events(case: dict) -> list[SignEvent]:
    found = []
    for number, row in enumerate(case["events"]):
        days_ago, sign, strength = row[:3]
        entry = row[3] if len(row) > 3 else number + 1
        found.append(event(days_ago, sign, strength, entry, today=case["today"]))
    return found


def all_fixtures() -> list[tuple[str, dict]]:
    cases = []
    for path in sorted(FIXTURES.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["fixture"]:
            cases.append((path.stem, case))
    return cases


# --- the shipped rules and their fixtures -------------------------------------------------


def test_the_shipped_rules_load_and_each_has_two_firing_and_two_quiet_fixtures():
    rules = shipped_rules()
    assert len(rules) >= 10
    counts: dict[str, list[bool]] = {rule_id: [] for rule_id in rules}
    for rule_id, case in all_fixtures():
        assert rule_id in rules, f"fixtures for a rule that does not exist: {rule_id}"
        counts[rule_id].append(case["fires"])
    for rule_id, outcomes in counts.items():
        assert outcomes.count(True) >= 2, f"{rule_id}: needs 2 firing fixtures"
        assert outcomes.count(False) >= 2, f"{rule_id}: needs 2 non-firing fixtures"


@pytest.mark.parametrize(("rule_id", "case"), all_fixtures(),
                         ids=[f"{r}:{c['name']}" for r, c in all_fixtures()])
def test_fixture(rule_id, case):
    rule = shipped_rules()[rule_id]
    setting = RuleSetting(rule_id, True, dict(case.get("params", {})))
    events = fixture_events(case)
    fired = evaluate_all([rule], [setting], events, case["today"], ZONE)
    assert bool(fired) == case["fires"], fired
    # the store's per-entry read of the same notes says the same
    entries = grouped(sorted(events, key=lambda e: (e.noted_at, e.entry_id)))[0]
    assert evaluate_all([rule], [setting], entries, case["today"], ZONE,
                        categories=categories()) == fired


def test_every_looks_for_reads_with_its_numbers():
    for rule in shipped_rules().values():
        words = rule.looks_for_with()
        assert "{" not in words and words.endswith(".")


# --- the engine ------------------------------------------------------------------------------


def test_why_lists_the_entries_that_made_it_fire():
    rule = shipped_rules()["rule.secrecy-again"]
    events = [event(30, "sign.up-late", entry=1), event(9, "sign.hides-screen", entry=2),
              event(5, "sign.withdraws", entry=3), event(4, "sign.clears-chats", entry=4),
              event(0, "sign.secret-friend", entry=5)]
    [firing] = evaluate(rule, None, events, TODAY, ZONE)
    assert (firing.child_id, firing.fired_on, firing.entry_ids) == (1, TODAY, (2, 4, 5))


def test_a_long_cluster_fires_once_per_window_not_every_day():
    rule = shipped_rules()["rule.secrecy-again"]  # 3 within 10 days, rests 10 days
    events = [event(days, "sign.hides-screen", entry=days + 1) for days in range(29, -1, -1)]
    fired = evaluate(rule, None, events, TODAY, ZONE)
    assert [f.fired_on for f in fired] == [TODAY - dt.timedelta(days=d) for d in (27, 17, 7)]
    used = [entry for f in fired for entry in f.entry_ids]
    assert len(used) == len(set(used)), "an entry counted in two firings"


def test_children_are_counted_apart_and_the_family_is_its_own_group():
    rule = shipped_rules()["rule.secrecy-again"]
    events = [event(d, "sign.hides-screen", entry=10 * c + d, child=c)
              for c in (1, 2) for d in (4, 2)]
    assert evaluate(rule, None, events, TODAY, ZONE) == []
    family = [event(d, "sign.clears-chats", entry=100 + d, child=None) for d in (5, 3, 1)]
    [firing] = evaluate(rule, None, events + family, TODAY, ZONE)
    assert firing.child_id is None and firing.entry_ids == (101, 103, 105)


def test_the_gate_claims_no_pattern_from_too_little():
    rule = shipped_rules()["rule.signs-rising"]  # at least 5 entries and 4 weeks of them
    burst = [event(d, "sign.up-late", entry=d + 1) for d in range(8)]
    assert evaluate(rule, None, burst, TODAY, ZONE) == []
    older = [event(60, "sign.withdraws", entry=500)]
    assert evaluate(rule, None, burst + older, TODAY, ZONE) != []


def test_a_rule_turned_off_never_fires_and_a_parents_numbers_are_kept_in_range():
    rule = shipped_rules()["rule.secrecy-again"]
    events = [event(d, "sign.hides-screen", entry=d + 1) for d in (9, 5, 0)]
    assert evaluate(rule, RuleSetting(rule.id, enabled=False), events, TODAY, ZONE) == []
    assert evaluate(rule, RuleSetting(rule.id, params={"count": 4}), events, TODAY, ZONE) == []
    assert rule.params({"count": 99, "unknown": 3}) == {"count": 10, "days": 10}
    assert rule.params({"count": 0})["count"] == 2


def test_signs_after_today_are_not_counted():
    rule = shipped_rules()["rule.money-in-a-hurry"]
    tomorrow = [event(-1, "sign.urgent-money")]
    assert evaluate(rule, None, tomorrow, TODAY, ZONE) == []


def test_days_are_the_parents_days():
    """Two signs at 23:30 and 00:30 New York time are on two days there (one day in UTC)."""
    rule = shipped_rules()["rule.upset-by-messages"]
    late = SignEvent(1, 1, noon(TODAY - dt.timedelta(days=7), 23, 30), "sign.jumpy-at-messages",
                     "reactions-to-messages")
    early = SignEvent(2, 1, noon(TODAY, 0, 30), "sign.avoids-phone", "reactions-to-messages")
    assert late.noted_at.date() == (TODAY - dt.timedelta(days=6))  # already the next day in UTC
    assert evaluate(rule, None, [late, early], TODAY, ZONE) == []  # 7 days apart at home
    assert evaluate(rule, None, [late, early], TODAY, ZoneInfo("UTC")) != []


def test_evaluate_all_keeps_the_recent_firings_of_every_rule():
    rules = list(shipped_rules().values())
    events = [event(40, "sign.urgent-money", entry=1), event(3, "sign.much-more-online", entry=2),
              event(8, "sign.sudden-stop", entry=4), event(0, "sign.talks-of-dying", entry=3)]
    recent = evaluate_all(rules, {}, events, TODAY, ZONE)
    assert {f.rule_id for f in recent} == {"rule.online-time-changed", "rule.self-harm"}
    everything = evaluate_all(rules, {}, events, TODAY, ZONE, within_days=None)
    assert "rule.money-in-a-hurry" in {f.rule_id for f in everything}
    off = {"rule.self-harm": RuleSetting("rule.self-harm", enabled=False)}
    assert "rule.self-harm" not in {f.rule_id for f in evaluate_all(rules, off, events, TODAY,
                                                                     ZONE)}


def test_preview_counts_the_last_twelve_weeks_for_one_child():
    rule = shipped_rules()["rule.upset-by-messages"]
    # pairs of reactions, one pair every three weeks for half a year, for child 1
    events = [event(start + gap, "sign.jumpy-at-messages", entry=start * 10 + gap)
              for start in range(0, 180, 21) for gap in (0, 2)]
    events += [event(5, "sign.avoids-phone", entry=9000, child=2),
               event(4, "sign.avoids-phone", entry=9001, child=2)]
    assert preview(rule, {}, events, TODAY, ZONE, child_id=1) == 4  # 0, 21, 42, 63 days ago
    assert preview(rule, {}, events, TODAY, ZONE, child_id=1, weeks=26) == 9
    assert preview(rule, {"count": 3}, events, TODAY, ZONE, child_id=1) == 0
    assert preview(rule, {}, events, TODAY, ZONE, child_id=2) == 1
    assert preview(rule, {}, events, TODAY, ZONE, child_id=None) == 0
    entries = grouped(sorted(events, key=lambda e: (e.noted_at, e.entry_id)))[0]
    assert preview(rule, {}, entries, TODAY, ZONE, child_id=1, categories=categories()) == 4
    assert preview(rule, {}, entries, TODAY, ZONE, child_id=2, categories=categories()) == 1


def test_entries_without_the_catalogue_are_refused_rather_than_read_as_tags():
    rule = shipped_rules()["rule.upset-by-messages"]
    entries = [EntryEvents(1, 1, noon(TODAY), None, ("sign.jumpy-at-messages",))]
    with pytest.raises(TypeError):
        evaluate(rule, None, entries, TODAY, ZONE)


# --- the loader ------------------------------------------------------------------------------

GOOD = '''
[[rule]]
id = "rule.a"
title = "A"
looks_for = "{count} within {days} days."
might_mean = "M"
what_to_do = "W"
topic = "privacy"
false_alarms = ["F"]
sources = ["src-a"]
reviewed = 2026-11-23

[rule.condition]
kind = "count"
of = { categories = ["secrecy"] }
params.count = { default = 3, min = 2, max = 10 }
params.days = { default = 10, min = 3, max = 60 }
'''


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "rules.toml"
    path.write_text(text)
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    return [str(p) for p in caught.value.problems]


def test_a_sound_rule_loads(tmp_path):
    (tmp_path / "rules.toml").write_text(GOOD)
    [rule] = load_rules(tmp_path / "rules.toml")
    assert rule.looks_for_with({"count": 5}) == "5 within 10 days."


@pytest.mark.parametrize(("change", "expected"), [
    (('kind = "count"', 'kind = "sometimes"'), "rule “rule.a”: condition.kind"),
    (("params.days = { default = 10, min = 3, max = 60 }\n", ""),
     "rule “rule.a”: condition.params: the kind “count” needs “days”"),
    (("default = 3, min = 2", "default = 1, min = 2"),
     "rule “rule.a”: condition.params.count: needs min ≤ default ≤ max"),
    (('topic = "privacy"', 'topic = "privacy"\nhelp_now = true'), "rule “rule.a”: topic:"),
    (('false_alarms = ["F"]', "false_alarms = []"), "rule “rule.a”: false_alarms:"),
    (("reviewed = 2026-11-23\n", ""), "rule “rule.a”: reviewed:"),
    (('"{count} within', '"{often} within'), "rule “rule.a”: looks_for: “{often}”"),
    (('title = "A"', 'title = "A"\ncolour = "red"'), "rule “rule.a”: "),
    (('title = "A"', 'title = "A'), "is not valid TOML"),
])
def test_errors_name_file_line_rule_and_field(tmp_path, change, expected):
    found = problems_of(tmp_path, GOOD.replace(*change))
    assert found and all(line.startswith(f"{tmp_path / 'rules.toml'}:") for line in found)
    assert any(expected in line for line in found), found
    assert all(int(line.split(":")[1]) >= 1 for line in found)


def test_the_same_id_twice_is_refused(tmp_path):
    found = problems_of(tmp_path, GOOD + GOOD.replace("[[rule]]", "\n[[rule]]"))
    assert any("id: used twice" in line for line in found)
