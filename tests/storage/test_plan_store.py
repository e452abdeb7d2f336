"""The plan store on a real vault: imported plans with their records, and the counsellor side."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

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
from app.storage.family_store import ChildNotFound
from app.storage.plan_store import PlanAlreadyActive, PlanNotFound

START = dt.date(2026, 11, 16)


def _plan(uid: str = "plan-1", version: int = 1, title: str = "Four weeks on gaming") -> Plan:
    weeks = tuple(
        PlanWeek(number, topics=("gaming-chat",), refusal="refusal.no-photos" if number > 1 else "",
                 watch=("sign.new-online-friend",),
                 questions=(Question(f"w{number}.q1", "scale", "How open did the talk feel?"),),
                 note="Why this week matters.")
        for number in range(1, 5))
    return Plan(uid, version, title, "M.", "9-12", START, weeks, checkin_weekday=6,
                checkin_time=dt.time(18, 30), counsellor_contact="Ana, 0123 456",
                expires=dt.date(2027, 3, 1))


@pytest.fixture
def plans(services):
    return services.plans


@pytest.fixture
def maya(services) -> int:
    return services.family.add("Maya", 2015, 4).id


@pytest.fixture
def sam(services) -> int:
    return services.family.add("Sam", 2013, 9).id


def test_an_imported_plan_is_active_until_ended(plans, maya, sam, clock):
    assert plans.active_plans() == [] and plans.active_for(maya) is None
    started = plans.import_plan(_plan(), maya)
    assert (started.child_id, started.plan, started.imported_at) == (maya, _plan(), clock.now())
    assert started.ended_at is None and started.records == {} and started.answers == {}
    assert plans.active_for(maya) == started
    assert plans.active_for(sam) is None
    assert plans.plan(started.id) == started

    clock.advance(dt.timedelta(days=30))
    plans.end_plan(started.id)
    ended = plans.plan(started.id)
    assert ended.ended_at == clock.now() and ended.plan == _plan()
    assert plans.active_for(maya) is None and plans.active_plans() == []
    assert plans.all_plans() == [ended]

    clock.advance(dt.timedelta(days=1))
    plans.end_plan(started.id)  # ending twice keeps the first end
    assert plans.plan(started.id).ended_at == ended.ended_at


def test_one_active_plan_per_child(plans, maya, sam, clock):
    first = plans.import_plan(_plan("plan-1"), maya)
    with pytest.raises(PlanAlreadyActive) as raised:
        plans.import_plan(_plan("plan-2"), maya)
    assert (raised.value.child_id, raised.value.active_id) == (maya, first.id)
    for_sam = plans.import_plan(_plan("plan-2"), sam)
    assert [p.id for p in plans.active_plans()] == [first.id, for_sam.id]

    plans.end_plan(first.id)
    clock.advance(dt.timedelta(hours=1))
    second = plans.import_plan(_plan("plan-1", version=2), maya)
    assert plans.active_for(maya) == second and second.plan.version == 2
    assert [p.id for p in plans.all_plans()] == [first.id, for_sam.id, second.id]


def test_the_database_holds_one_active_plan_per_child_too(plans, maya, open_vault):
    plans.import_plan(_plan(), maya)
    row = ("INSERT INTO plans_imported (child_id, plan_uid, plan_version, plan_json, "
           "imported_at, ended_at) VALUES (:child, 'x', 1, '{{}}', '2026-11-23', {ended})")
    with open_vault.sessions.begin() as session:  # an ended plan beside it is fine
        session.execute(text(row.format(ended="'2026-11-24'")), {"child": maya})
    with pytest.raises(IntegrityError), open_vault.sessions.begin() as session:
        session.execute(text(row.format(ended="NULL")), {"child": maya})


def test_missing_children_and_plans_are_named(plans, maya):
    with pytest.raises(ChildNotFound):
        plans.import_plan(_plan(), maya + 100)
    for call in (plans.plan, plans.end_plan):
        with pytest.raises(PlanNotFound):
            call(404)
    with pytest.raises(PlanNotFound):
        plans.record_task(404, TaskRecord("w1.talk"))
    with pytest.raises(PlanNotFound):
        plans.answer(404, Answer("w1.q1", "yes", dt.datetime(2026, 11, 23, tzinfo=dt.UTC)))


def test_a_task_record_is_kept_once_per_task_and_replaced(plans, maya, clock):
    row = plans.import_plan(_plan(), maya).id
    plans.record_task(row, TaskRecord("w1.talk", times_done=1, how_it_went=3, how_hard=4,
                                      got_in_the_way=" a busy week ", helped="the car ride"))
    first_saved = clock.now()
    clock.advance(dt.timedelta(days=2))
    plans.record_task(row, TaskRecord("w1.refusal", times_done=2, how_it_went=5))
    assert plans.plan(row).records["w1.talk"] == TaskRecord(
        "w1.talk", 1, 3, 4, "a busy week", "the car ride", "", first_saved)

    clock.advance(dt.timedelta(days=1))
    plans.record_task(row, TaskRecord("w1.talk", times_done=2, how_it_went=4,
                                      question_for_next="How to start when they shrug?"))
    records = plans.plan(row).records
    assert set(records) == {"w1.talk", "w1.refusal"}
    assert records["w1.talk"] == TaskRecord("w1.talk", 2, 4, None, "", "",
                                            "How to start when they shrug?", clock.now())


def test_task_records_out_of_range_are_refused(plans, maya):
    row = plans.import_plan(_plan(), maya).id
    for bad in (TaskRecord("w1.talk", times_done=-1), TaskRecord("w1.talk", how_it_went=0),
                TaskRecord("w1.talk", how_hard=6)):
        with pytest.raises(ValueError):
            plans.record_task(row, bad)
    assert plans.plan(row).records == {}


def test_an_answer_is_kept_once_per_question_and_replaced(plans, maya, sam):
    at = dt.datetime(2026, 11, 22, 19, 5, tzinfo=dt.UTC)
    row = plans.import_plan(_plan(), maya).id
    other = plans.import_plan(_plan(), sam).id
    plans.answer(row, Answer("w1.q1", "2", at))
    plans.answer(row, Answer("w2.q1", "4", at))
    plans.answer(other, Answer("w1.q1", "5", at))
    later = at + dt.timedelta(days=1)
    plans.answer(row, Answer("w1.q1", "3", later))
    assert plans.plan(row).answers == {"w1.q1": Answer("w1.q1", "3", later),
                                       "w2.q1": Answer("w2.q1", "4", at)}
    assert plans.plan(other).answers == {"w1.q1": Answer("w1.q1", "5", at)}


def test_records_stay_after_the_plan_ends_and_go_with_the_child(plans, services, maya, sam):
    kept = plans.import_plan(_plan(), sam).id
    row = plans.import_plan(_plan(), maya).id
    plans.record_task(row, TaskRecord("w1.talk", times_done=1))
    plans.answer(row, Answer("w1.q1", "yes", dt.datetime(2026, 11, 22, tzinfo=dt.UTC)))
    plans.end_plan(row)
    assert set(plans.plan(row).records) == {"w1.talk"} and set(plans.plan(row).answers)

    services.family.delete(maya)
    assert [p.id for p in plans.all_plans()] == [kept]
    with services.vault.sessions() as session:
        for table in ("plan_task_records", "plan_answers"):
            assert session.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0


def test_the_workspace_is_family_until_changed(plans):
    assert plans.workspace() == "family"
    plans.set_workspace("counsellor")
    assert plans.workspace() == "counsellor"
    with pytest.raises(ValueError):
        plans.set_workspace("school")
    assert plans.workspace() == "counsellor"
    plans.set_workspace("family")
    assert plans.workspace() == "family"


def test_templates_are_kept_by_name(plans, clock):
    gaming = plans.save_template("Gaming, 4 weeks", _plan("t1"))
    sharing = plans.save_template("  photo sharing ", _plan("t2", title="Photos"))
    assert plans.templates() == [(gaming, "Gaming, 4 weeks", _plan("t1")),
                                 (sharing, "photo sharing", _plan("t2", title="Photos"))]
    changed = dataclasses.replace(_plan("t1"), title="Gaming, revised")
    assert plans.save_template("Gaming, 4 weeks", changed) == gaming
    assert plans.templates()[0] == (gaming, "Gaming, 4 weeks", changed)
    with pytest.raises(ValueError):
        plans.save_template("   ", _plan())
    plans.delete_template(gaming)
    plans.delete_template(gaming)  # already gone: nothing to do
    assert [name for _, name, _ in plans.templates()] == ["photo sharing"]


def test_built_plans_keep_the_latest_save_of_each_plan(plans, clock):
    plans.save_built(_plan("a", version=1))
    clock.advance(dt.timedelta(minutes=5))
    plans.save_built(_plan("b", version=1))
    clock.advance(dt.timedelta(minutes=5))
    plans.save_built(_plan("a", version=2, title="Revised"))
    assert plans.built() == [_plan("a", 2, "Revised"), _plan("b", 1)]
    plans.delete_built("a")
    assert plans.built() == [_plan("b", 1)]


def _report(title: str = "Four weeks on gaming") -> Report:
    at = dt.datetime(2026, 12, 14, 20, 0, tzinfo=dt.UTC)
    return Report(
        "plan-1", 2, title, "M.", at, START, dt.date(2026, 12, 13),
        sections=(ReportSection("w1.talk", "Week 1: talk", ("Done twice", "Went well (4 of 5)")),
                  ReportSection("journal-entries", "Journal entries",
                                withheld=Withheld("Too personal for now")),
                  ReportSection("chart", "Trend chart", withheld=Withheld())),
        task_records=(TaskRecord("w1.talk", 2, 4, 2, "", "the car ride", "", at),),
        answers=(Answer("w1.q1", "4", at),))


def test_reports_are_kept_and_listed_newest_first(plans, clock):
    first = plans.keep_report(_report())
    first_at = clock.now()
    clock.advance(dt.timedelta(days=7))
    second = plans.keep_report(_report("Another family"))
    listed = plans.reports()
    assert listed == [(second, clock.now(), _report("Another family")),
                      (first, first_at, _report())]
    withheld = [s.withheld for s in listed[1][2].sections]
    assert withheld == [None, Withheld("Too personal for now"), Withheld("")]
    plans.delete_report(first)
    assert [i for i, _, _ in plans.reports()] == [second]


def test_plans_are_kept_as_text_inside_the_vault(plans, maya, open_vault):
    plans.import_plan(_plan(title="Gaming — für Maya"), maya)
    with open_vault.sessions() as session:
        stored = session.execute(text("SELECT plan_json FROM plans_imported")).scalar_one()
    assert '"v":1' in stored and "Gaming — für Maya" in stored
