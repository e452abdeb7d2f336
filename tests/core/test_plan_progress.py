"""Progress through a counsellor's plan: talks per week, refusals practised, questions
answered, journal counts by kind over the plan's period, and report sections that are either
filled or withheld with the parent's reason — never silently missing."""

from __future__ import annotations

import datetime as dt

from app.core.journal.model import SignEvent
from app.core.plans.model import (
    ActivePlan,
    Answer,
    Plan,
    PlanWeek,
    Question,
    TaskRecord,
    Withheld,
)
from app.core.plans.progress import (
    TalkHeld,
    assemble_sections,
    category_counts,
    plan_progress,
    report_period,
    report_slots,
)

START = dt.date(2026, 3, 2)
AT = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)


def _plan() -> Plan:
    weeks = (
        PlanWeek(1, topics=("saying-no",), refusal="refusal.1",
                 questions=(Question("w1.q1", "yes-no", "Did you talk?"),)),
        PlanWeek(2, topics=("privacy", "pictures"), watch=("sign.hides-screen",),
                 questions=(Question("w2.q1", "scale", "How calm?"),
                            Question("w2.q2", "text", "What surprised you?"))),
        PlanWeek(3, refusal="refusal.2"),
    )
    return Plan("p1", 2, "Staying safe online", "M.", "9-12", START, weeks)


def _active(**kwargs) -> ActivePlan:
    return ActivePlan(5, 1, _plan(), AT, **kwargs)


def test_progress_counts_talks_refusals_and_answers_per_week():
    active = _active(records={"w1.refusal": TaskRecord("w1.refusal", times_done=0),
                              "w3.refusal": TaskRecord("w3.refusal", times_done=2)},
                     answers={"w1.q1": Answer("w1.q1", "yes", AT),
                              "w2.q2": Answer("w2.q2", "that they knew", AT),
                              "stray": Answer("stray", "no", AT)})
    talks = [TalkHeld(START + dt.timedelta(days=1), ("saying-no",), practised=True),
             TalkHeld(START + dt.timedelta(days=8), ("pictures", "gaming-and-chat")),
             TalkHeld(START + dt.timedelta(days=9), ()),
             TalkHeld(START - dt.timedelta(days=1), ("privacy",))]  # before the plan
    progress = plan_progress(active, talks, START + dt.timedelta(days=10))
    one, two, three = progress.weeks
    assert (one.state, two.state, three.state) == ("done", "current", "to-come")
    assert (one.talks, two.talks, three.talks) == (1, 2, 0)
    assert two.plan_topics_talked == ("pictures",)
    assert (one.refusal_practised, two.refusal_practised, three.refusal_practised) == (
        True, False, True)  # week 1 in a talk, week 2 has no refusal, week 3 recorded
    assert (one.answered, two.answered, two.questions) == (1, 1, 2)
    assert progress.current == 2 and progress.weeks_done == 1
    assert (progress.talks_held, progress.refusals_practised) == (3, 2)
    assert (progress.questions_answered, progress.questions_total) == (2, 3)


def test_an_ended_plan_has_no_current_week_and_its_period_stops_when_it_ended():
    ended = _active(ended_at=dt.datetime(2026, 3, 12, 9, tzinfo=dt.UTC))
    assert plan_progress(ended, [], START + dt.timedelta(days=11)).current is None
    assert report_period(ended, START + dt.timedelta(days=40)) == (START, dt.date(2026, 3, 12))
    running = _active()
    assert report_period(running, START + dt.timedelta(days=4)) == (
        START, START + dt.timedelta(days=4))
    assert report_period(running, START + dt.timedelta(days=60)) == (
        START, START + dt.timedelta(days=20))


def test_category_counts_cover_the_period_in_the_parents_zone():
    zone = dt.timezone(dt.timedelta(hours=-5))
    late = dt.datetime(2026, 3, 2, 3, tzinfo=dt.UTC)  # still 1 March at home: outside
    events = [SignEvent(1, 1, late, "sign.a", "secrecy"),
              SignEvent(2, 1, dt.datetime(2026, 3, 4, tzinfo=dt.UTC), "sign.a", "secrecy"),
              SignEvent(2, 1, dt.datetime(2026, 3, 4, tzinfo=dt.UTC), "sign.b", "mood"),
              SignEvent(3, 1, dt.datetime(2026, 3, 5, tzinfo=dt.UTC), "sign.c", "secrecy"),
              SignEvent(3, 1, dt.datetime(2026, 3, 5, tzinfo=dt.UTC), "bus stop", "")]
    assert category_counts(events, START, dt.date(2026, 3, 8), zone) == {
        "secrecy": 2, "": 1, "mood": 1}


def test_the_report_has_a_slot_for_every_task_and_each_weeks_answers_in_order():
    keys = [slot.key for slot in report_slots(_plan())]
    assert keys == ["progress", "w1.talk", "w1.refusal", "w1.answers", "w2.talk", "w2.watch",
                    "w2.answers", "w3.refusal", "journal-summary", "journal-entries", "chart",
                    "note"]
    kinds = {slot.key: (slot.kind, slot.week, slot.task) for slot in report_slots(_plan())}
    assert kinds["w2.watch"] == ("task", 2, "watch")
    assert kinds["w1.answers"] == ("answers", 1, "")
    assert kinds["chart"] == ("chart", None, "")


def test_sections_left_out_are_withheld_with_the_reason_and_none_of_their_lines():
    slots = report_slots(_plan())
    lines = {slot.key: (f"line of {slot.key}",) for slot in slots}
    titles = {slot.key: f"Title {slot.key}" for slot in slots}
    sections = assemble_sections(slots, titles, lines, {"progress", "w1.talk", "note"},
                                 {"journal-entries": "  Private,\n for now ", "w2.talk": ""})
    by_key = {s.key: s for s in sections}
    assert [s.key for s in sections] == [slot.key for slot in slots]
    assert by_key["w1.talk"].lines == ("line of w1.talk",) and by_key["w1.talk"].withheld is None
    assert by_key["journal-entries"].withheld == Withheld("Private, for now")
    assert by_key["journal-entries"].lines == ()
    assert by_key["w2.talk"].withheld == Withheld("")
    assert by_key["chart"].title == "Title chart" and by_key["chart"].withheld == Withheld("")
    withheld = [s for s in sections if s.withheld is not None]
    assert len(withheld) == len(slots) - 3
    assert all(not s.lines for s in withheld)
