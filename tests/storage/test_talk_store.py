"""Guided talks saved in one go, with the check-in they answered; notes stay encrypted."""

from __future__ import annotations

import datetime as dt

from app.core.coach import TalkRecord
from app.core.schedules import ScheduleSpec
from app.scheduling.catch_up import run_catch_up

NOTE = "Quillfeather talked about the lighthouse server"


def test_a_talk_is_saved_with_its_check_in_and_counts_as_discussed(services, clock):
    sam = services.family.add("Sam", 2016, 4)
    services.checkins.add_schedule(ScheduleSpec(6, dt.time(18), "UTC", 1,
                                                dt.date(2026, 11, 29)), [sam.id])
    clock.set(dt.datetime(2026, 11, 29, 18, 5, tzinfo=dt.UTC))
    due = run_catch_up(services.checkins, clock.now()).due[0]
    record = TalkRecord((sam.id,), "9-12", clock.now(), due.id)
    record.outcome("privacy.9-12.a", "privacy", "swapped")
    record.outcome("privacy.9-12.b", "privacy", "talked", "went well")
    record.outcome("saying-no.9-12.c", "saying-no", "not-today")
    record.refusal_id, record.practised, record.rating, record.notes = "refusal.x", True, 4, NOTE
    services.talks.save(record)
    assert services.checkins.occurrence(due.id).status == "done"
    assert [(d.starter_id, d.topic_id) for d in services.talks.discussed(sam.id)] == [
        ("privacy.9-12.b", "privacy")]
    assert services.talks.outcomes(sam.id) == [("privacy.9-12.a", "swapped"),
                                               ("privacy.9-12.b", "talked"),
                                               ("saying-no.9-12.c", "not-today")]
    assert services.talks.last_talk(sam.id).practised


def test_talk_notes_are_not_in_the_database_bytes(services, clock, open_vault, folder):
    sam = services.family.add("Sam", 2016, 4)
    record = TalkRecord((sam.id,), "9-12", clock.now())
    record.notes = NOTE
    services.talks.save(record)
    open_vault.backup("check")
    files = [p for p in folder.root.rglob("*") if p.is_file()]
    assert any(p.name.endswith("-wal") for p in files)
    for path in folder.root.rglob("*"):
        if path.is_file():
            assert NOTE.encode() not in path.read_bytes(), path.name


def test_every_talk_held_counts_even_one_where_nothing_was_marked_talked(services, clock):
    from zoneinfo import ZoneInfo

    sam = services.family.add("Sam", 2016, 4)
    clock.set(dt.datetime(2026, 11, 29, 23, 30, tzinfo=dt.UTC))  # Monday 08:30 in Tokyo
    first = TalkRecord((sam.id,), "9-12", clock.now())
    first.outcome("privacy.9-12.a", "privacy", "talked")
    first.outcome("privacy.9-12.b", "privacy", "talked")
    first.outcome("pictures.9-12.c", "pictures", "talked")
    first.practised = True
    services.talks.save(first)
    clock.advance(dt.timedelta(hours=2))
    quiet = TalkRecord((sam.id,), "9-12", clock.now())  # the same day: a second talk
    quiet.outcome("saying-no.9-12.d", "saying-no", "not-today")
    services.talks.save(quiet)
    held = services.talks.held(sam.id, ZoneInfo("Asia/Tokyo"))
    assert [(t.on, t.topics, t.practised) for t in held] == [
        (dt.date(2026, 11, 30), ("privacy", "pictures"), True),
        (dt.date(2026, 11, 30), (), False)]
    assert services.talks.held(services.family.add("Robin", 2020, 1).id) == []
