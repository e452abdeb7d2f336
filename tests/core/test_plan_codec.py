"""Plans and reports as the vault keeps them: JSON that reads back as the very same model.

Hypothesis builds plans and reports of every shape the model allows (empty weeks, twelve
weeks, odd characters, moments in other zones) and each must come back equal after a trip
through ``json``. The strategies are importable for other tests of plan code.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.plans.codec import (
    CodecError,
    answer_from_dict,
    answer_to_dict,
    plan_from_dict,
    plan_to_dict,
    report_from_dict,
    report_to_dict,
    task_record_from_dict,
    task_record_to_dict,
)
from app.core.plans.model import (
    MAX_WEEKS,
    QUESTION_KINDS,
    Answer,
    Plan,
    PlanWeek,
    Question,
    Report,
    ReportSection,
    TaskRecord,
    Withheld,
)

words = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
ids = st.text("abcdefghijklmnopqrstuvwxyz0123456789.-", min_size=1, max_size=16)
zones = st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=5, minutes=30)),
                         dt.timezone(-dt.timedelta(hours=8))])
moments = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1),
                       timezones=zones)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1))
ratings = st.none() | st.integers(1, 5)

questions = st.builds(Question, id=ids, kind=st.sampled_from(QUESTION_KINDS), text=words,
                      choices=st.lists(words, max_size=4).map(tuple))


@st.composite
def plan_weeks(draw: st.DrawFn) -> tuple[PlanWeek, ...]:
    count = draw(st.integers(1, MAX_WEEKS))
    tuples = st.lists(ids, max_size=3).map(tuple)
    return tuple(PlanWeek(number, draw(tuples), draw(tuples), draw(st.just("") | ids),
                          draw(tuples), tuple(draw(st.lists(questions, max_size=2))),
                          draw(words))
                 for number in range(1, count + 1))


plans = st.builds(
    Plan, id=ids, version=st.integers(1, 10_000), title=words, family_label=words,
    band=st.sampled_from(["6-8", "9-12", "13-15", "16-17"]), start=dates, weeks=plan_weeks(),
    checkin_weekday=st.none() | st.integers(0, 6), checkin_time=st.none() | st.times(),
    counsellor_contact=words, expires=st.none() | dates)
task_records = st.builds(TaskRecord, task_id=ids, times_done=st.integers(0, 50),
                         how_it_went=ratings, how_hard=ratings, got_in_the_way=words,
                         helped=words, question_for_next=words, updated_at=st.none() | moments)
answers = st.builds(Answer, question_id=ids, value=words, answered_at=moments)
sections = st.builds(ReportSection, key=ids, title=words,
                     lines=st.lists(words, max_size=4).map(tuple),
                     withheld=st.none() | st.builds(Withheld, words))
reports = st.builds(
    Report, plan_id=ids, plan_version=st.integers(1, 10_000), plan_title=words,
    family_label=words, written_at=moments, period_start=dates, period_end=dates,
    sections=st.lists(sections, max_size=6).map(tuple),
    task_records=st.lists(task_records, max_size=4).map(tuple),
    answers=st.lists(answers, max_size=4).map(tuple))


def _through_json(value: dict) -> dict:
    return json.loads(json.dumps(value, ensure_ascii=False))


@settings(max_examples=150)
@given(plans)
def test_every_plan_comes_back_the_same(plan):
    assert plan_from_dict(_through_json(plan_to_dict(plan))) == plan


@settings(max_examples=200)
@given(reports)
def test_every_report_comes_back_the_same_withheld_marks_and_all(report):
    assert report_from_dict(_through_json(report_to_dict(report))) == report


@given(task_records, answers)
def test_records_and_answers_come_back_the_same(record, answer):
    assert task_record_from_dict(_through_json(task_record_to_dict(record))) == record
    assert answer_from_dict(_through_json(answer_to_dict(answer))) == answer


PLAN = Plan("p1", 2, "Gaming", "M.", "9-12", dt.date(2026, 11, 16),
            (PlanWeek(1, topics=("gaming-chat",),
                      questions=(Question("w1.q1", "choice", "Which?", ("a", "b")),)),),
            checkin_weekday=6, checkin_time=dt.time(18, 30), expires=dt.date(2027, 1, 1))


def test_the_stored_form_is_plain_and_versioned():
    stored = plan_to_dict(PLAN)
    assert stored["v"] == 1
    assert (stored["start"], stored["checkin_time"], stored["expires"]) == (
        "2026-11-16", "18:30:00", "2027-01-01")
    assert stored["weeks"][0]["questions"][0]["choices"] == ["a", "b"]
    assert json.loads(json.dumps(stored)) == stored


def test_unknown_keys_are_ignored_and_missing_optional_keys_take_defaults():
    stored = plan_to_dict(PLAN)
    stored["colour"] = "teal"
    stored["weeks"][0]["mood"] = "calm"
    for optional in ("checkin_weekday", "checkin_time", "counsellor_contact", "expires"):
        del stored[optional]
    for optional in ("starters", "refusal", "watch", "note"):
        del stored["weeks"][0][optional]
    assert plan_from_dict(stored) == Plan(
        "p1", 2, "Gaming", "M.", "9-12", dt.date(2026, 11, 16),
        (PlanWeek(1, topics=("gaming-chat",), questions=PLAN.weeks[0].questions),))


def test_a_minimal_report_reads_with_empty_parts():
    report = report_from_dict({"v": 1, "plan_id": "p1", "plan_version": 1,
                               "written_at": "2026-12-01T20:00:00+00:00",
                               "period_start": "2026-11-16", "period_end": "2026-11-30",
                               "sections": [{"key": "note", "withheld": {}}]})
    assert report.sections == (ReportSection("note", "", (), Withheld("")),)
    assert (report.task_records, report.answers, report.plan_title) == ((), (), "")


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: d.pop("id"), "id"),
    (lambda d: d.pop("weeks"), "weeks"),
    (lambda d: d.update(version="2"), "version"),
    (lambda d: d.update(version=True), "version"),
    (lambda d: d.update(start="16/11/2026"), "start"),
    (lambda d: d["weeks"][0].update(topics=["ok", 3]), "weeks[0].topics[1]"),
    (lambda d: d["weeks"][0]["questions"][0].pop("kind"), "weeks[0].questions[0].kind"),
    (lambda d: d.update(weeks=[None]), "weeks[0]"),
])
def test_damage_is_named_by_its_field(change, field):
    stored = plan_to_dict(PLAN)
    change(stored)
    with pytest.raises(CodecError) as raised:
        plan_from_dict(stored)
    assert raised.value.field == field


def test_a_newer_shape_is_refused_rather_than_misread():
    with pytest.raises(CodecError, match="newer"):
        plan_from_dict(dict(plan_to_dict(PLAN), v=2))
    with pytest.raises(CodecError):
        plan_from_dict([])  # type: ignore[arg-type]


def test_a_moment_stored_without_a_zone_is_read_as_utc():
    answer = answer_from_dict({"question_id": "w1.q1", "value": "yes",
                               "answered_at": "2026-11-23T18:00:00"})
    assert answer.answered_at == dt.datetime(2026, 11, 23, 18, tzinfo=dt.UTC)
