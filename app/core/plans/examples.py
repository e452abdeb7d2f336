"""A sample plan and report with real library ids: for ``porchlight plan example``, tests, demos.

The ids are the shipped library's (``conversations/``) for the 9–12 band; a test checks that
``unknown_ids`` finds none of them unknown, so a renamed topic breaks the test, not the sample.
"""

from __future__ import annotations

import datetime as dt

from app.core.plans.model import (
    Answer,
    Plan,
    PlanWeek,
    Question,
    Report,
    ReportSection,
    TaskRecord,
    Withheld,
)

EXAMPLE_PLAN_ID = "example-9-12-four-weeks"


def example_plan(today: dt.date) -> Plan:
    """Four weeks for a family with a 10-year-old, starting ``today``."""
    weeks = (
        PlanWeek(
            number=1, topics=("always-in-your-corner",),
            starters=("always-in-your-corner.9-12.even-if-you-broke-a-rule",),
            refusal="refusal.firm.no-secrets-at-home",
            watch=("sign.hides-screen", "sign.secret-friend"),
            questions=(Question("w1.q1", "yes-no", "Did you find a calm moment to talk?"),
                       Question("w1.q2", "scale", "How open did your child seem?")),
            note="Start with the promise: whatever happens online, your child can come to you."),
        PlanWeek(
            number=2, topics=("online-friends",),
            starters=("online-friends.9-12.too-perfect",),
            refusal="refusal.light.nice-try",
            watch=("sign.unknown-contacts",),
            questions=(Question("w2.q1", "choice", "Where did the talk happen?",
                                ("In the car", "At a meal", "At bedtime", "Somewhere else")),),
            note="Ask about the people they chat with, with curiosity rather than worry."),
        PlanWeek(
            number=3, topics=("gifts-and-money", "manipulation"),
            refusal="refusal.tell-adult.they-would-want-to-know",
            watch=("sign.unexplained-gifts", "sign.must-reply-now"),
            questions=(Question("w3.q1", "text", "What did your child say about free offers?"),),
            note="Gifts and flattery are how pressure often starts. Keep it light."),
        PlanWeek(
            number=4, topics=("threats-and-blackmail",),
            starters=("threats-and-blackmail.9-12.stop-save-tell",),
            refusal="refusal.firm.still-no",
            watch=("sign.jumpy-at-messages",),
            questions=(Question("w4.q1", "scale", "How sure are you your child would tell you?"),
                       Question("w4.q2", "yes-no", "Did you practise the refusal line?")),
            note="Stop, save, tell: a plan your child can remember when they are scared."),
    )
    return Plan(
        id=EXAMPLE_PLAN_ID, version=1, title="Four weeks of calm talks", family_label="R. family",
        band="9-12", start=today, weeks=weeks, checkin_weekday=6, checkin_time=dt.time(18, 30),
        counsellor_contact="Sam Ortiz, family counsellor, 555 0100 (weekdays)",
        expires=today + dt.timedelta(weeks=8))


def example_report(plan: Plan, written_at: dt.datetime) -> Report:
    """Two weeks into ``plan``: two tasks told, answers given, two sections withheld."""
    records = (
        TaskRecord("w1.talk", times_done=2, how_it_went=4, how_hard=2,
                   got_in_the_way="A busy week with visitors.",
                   helped="Talking in the car, side by side.",
                   question_for_next="How often should we come back to this?",
                   updated_at=written_at - dt.timedelta(days=8)),
        TaskRecord("w2.refusal", times_done=1, how_it_went=3, how_hard=3,
                   updated_at=written_at - dt.timedelta(days=1)),
    )
    answers = (Answer("w1.q1", "yes", written_at - dt.timedelta(days=9)),
               Answer("w1.q2", "4", written_at - dt.timedelta(days=9)),
               Answer("w2.q1", "At a meal", written_at - dt.timedelta(days=2)))
    sections = (
        ReportSection("w1.talk", "Week 1: the talk",
                      ("Done twice; went well (4 of 5); easy (2 of 5).",
                       "Helped: Talking in the car, side by side.")),
        ReportSection("w2.refusal", "Week 2: practising a refusal",
                      ("Done once; went so-so (3 of 5).",)),
        ReportSection("answers", "Weekly questions",
                      ("Did you find a calm moment to talk? Yes",
                       "How open did your child seem? 4 of 5",
                       "Where did the talk happen? At a meal")),
        ReportSection("journal-summary", "Journal summary",
                      withheld=Withheld("We would rather talk about this in person.")),
        ReportSection("journal-entries", "Journal entries", withheld=Withheld()),
        ReportSection("note", "A note from the parent",
                      ("Thank you. The car talks work better than sitting down.",)),
    )
    return Report(
        plan_id=plan.id, plan_version=plan.version, plan_title=plan.title,
        family_label=plan.family_label, written_at=written_at, period_start=plan.start,
        period_end=min(plan.end, written_at.date()), sections=sections,
        task_records=records, answers=answers)
