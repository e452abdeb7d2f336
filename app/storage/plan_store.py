"""Counsellor homework in the vault: the family's imported plans and the counsellor's workspace.

Both sides live in the same kind of vault; which pages a person sees is the workspace kind, a
family-wide choice kept in ``settings``. Plans and reports are stored as the model's JSON
(``app.core.plans.codec``) and handed back as model values, never rows.

Family side: a plan is imported for one child and stays theirs until ended. One active plan
per child — checked here so the UI gets ``PlanAlreadyActive`` (a question to put to the
parent: end the current one first?), and held by a partial unique index as well. How each
task went and the answers to the weekly questions are kept one per task and one per question
(the latest save wins), because the report asks "how did it go", not for every keystroke.

Counsellor side: templates under a name, the plans built (the latest save of each plan id,
which the builder raises the version of) and the reports received.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session, sessionmaker

from app.core.clock import Clock
from app.core.plans.codec import (
    plan_from_dict,
    plan_to_dict,
    report_from_dict,
    report_to_dict,
)
from app.core.plans.model import WORKSPACES, ActivePlan, Answer, Plan, Report, TaskRecord
from app.storage.family_store import ChildNotFound
from app.storage.models import ChildRow, Setting
from app.storage.plan_models import (
    PlanAnswerRow,
    PlanBuiltRow,
    PlanImportedRow,
    PlanTaskRecordRow,
    PlanTemplateRow,
    ReportReceivedRow,
)
from app.storage.times import from_db, to_db
from app.storage.writes import writing

WORKSPACE_KEY = "workspace"
DEFAULT_WORKSPACE = "family"


class PlanAlreadyActive(Exception):
    """The child already has an active plan; it has to be ended before another is imported."""

    def __init__(self, child_id: int, active_id: int) -> None:
        super().__init__(f"child {child_id} has active plan {active_id}")
        self.child_id = child_id
        self.active_id = active_id


class PlanNotFound(LookupError):
    pass


def _json(value: dict[str, object]) -> str:
    # ensure_ascii off: the vault is encrypted, and a parent's words stay readable in a dump.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _plan(text: str) -> Plan:
    return plan_from_dict(json.loads(text))


def _rating(name: str, value: int | None) -> None:
    if value is not None and not 1 <= value <= 5:
        raise ValueError(f"{name} is 1 to 5")


class PlanStore:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def _now(self) -> dt.datetime:
        return to_db(self._clock.now())

    # ------------------------------------------------------------------ family: plans

    def import_plan(self, plan: Plan, child_id: int) -> ActivePlan:
        """Start ``plan`` for the child; raises ``PlanAlreadyActive`` if one is running."""
        with writing(self._sessions) as session:
            if session.get(ChildRow, child_id) is None:
                raise ChildNotFound(child_id)
            active = session.scalars(select(PlanImportedRow.id).where(
                PlanImportedRow.child_id == child_id,
                PlanImportedRow.ended_at.is_(None))).first()
            if active is not None:
                raise PlanAlreadyActive(child_id, active)
            row = PlanImportedRow(child_id=child_id, plan_uid=plan.id,
                                  plan_version=plan.version, plan_json=_json(plan_to_dict(plan)),
                                  imported_at=self._now())
            session.add(row)
            session.flush()
            return ActivePlan(row.id, child_id, plan, from_db(row.imported_at))

    def active_plans(self) -> list[ActivePlan]:
        """Every plan not ended, one per child at most, oldest import first."""
        return self._plans(PlanImportedRow.ended_at.is_(None))

    def active_for(self, child_id: int) -> ActivePlan | None:
        found = self._plans(PlanImportedRow.child_id == child_id,
                            PlanImportedRow.ended_at.is_(None))
        return found[0] if found else None

    def all_plans(self) -> list[ActivePlan]:
        """Every plan ever imported, ended ones too, oldest import first."""
        return self._plans()

    def plan(self, row_id: int) -> ActivePlan:
        found = self._plans(PlanImportedRow.id == row_id)
        if not found:
            raise PlanNotFound(row_id)
        return found[0]

    def end_plan(self, row_id: int) -> None:
        """Mark the plan over (its records and answers stay for the report); twice is once."""
        with writing(self._sessions) as session:
            row = self._row(session, row_id)
            if row.ended_at is None:
                row.ended_at = self._now()

    def record_task(self, row_id: int, record: TaskRecord) -> None:
        """Keep how a task went, replacing what was kept for that task before."""
        if record.times_done < 0:
            raise ValueError("times_done cannot be negative")
        _rating("how_it_went", record.how_it_went)
        _rating("how_hard", record.how_hard)
        with writing(self._sessions) as session:
            self._row(session, row_id)
            row = session.scalars(select(PlanTaskRecordRow).where(
                PlanTaskRecordRow.plan_row_id == row_id,
                PlanTaskRecordRow.task_id == record.task_id)).first()
            if row is None:
                row = PlanTaskRecordRow(plan_row_id=row_id, task_id=record.task_id)
                session.add(row)
            row.times_done, row.how_it_went = record.times_done, record.how_it_went
            row.how_hard, row.got_in_the_way = record.how_hard, record.got_in_the_way.strip()
            row.helped, row.question_for_next = (record.helped.strip(),
                                                 record.question_for_next.strip())
            row.updated_at = self._now()

    def answer(self, row_id: int, answer: Answer) -> None:
        """Keep the answer to a weekly question, replacing an earlier one."""
        with writing(self._sessions) as session:
            self._row(session, row_id)
            row = session.scalars(select(PlanAnswerRow).where(
                PlanAnswerRow.plan_row_id == row_id,
                PlanAnswerRow.question_id == answer.question_id)).first()
            if row is None:
                row = PlanAnswerRow(plan_row_id=row_id, question_id=answer.question_id)
                session.add(row)
            row.value, row.answered_at = answer.value.strip(), to_db(answer.answered_at)

    @staticmethod
    def _row(session: Session, row_id: int) -> PlanImportedRow:
        row = session.get(PlanImportedRow, row_id)
        if row is None:
            raise PlanNotFound(row_id)
        return row

    def _plans(self, *where: ColumnElement[bool]) -> list[ActivePlan]:
        """The matching plans with their records and answers, in three queries in all."""
        query = select(PlanImportedRow).where(*where).order_by(PlanImportedRow.imported_at,
                                                                PlanImportedRow.id)
        with self._sessions() as session:
            rows = list(session.scalars(query))
            ids = [r.id for r in rows]
            records = _records(session, ids)
            answers = _answers(session, ids)
            return [ActivePlan(r.id, r.child_id, _plan(r.plan_json), from_db(r.imported_at),
                               from_db(r.ended_at), records.get(r.id, {}),
                               answers.get(r.id, {})) for r in rows]

    # ------------------------------------------------------------ counsellor: workspace

    def workspace(self) -> str:
        """"family" (what every vault was before plans) or "counsellor"."""
        with self._sessions() as session:
            row = session.get(Setting, WORKSPACE_KEY)
            kind = None if row is None else row.value
        return kind if kind in WORKSPACES else DEFAULT_WORKSPACE

    def set_workspace(self, kind: str) -> None:
        if kind not in WORKSPACES:
            raise ValueError(f"unknown workspace kind {kind!r}")
        with writing(self._sessions) as session:
            row = session.get(Setting, WORKSPACE_KEY)
            if row is None:
                session.add(Setting(key=WORKSPACE_KEY, value=kind))
            else:
                row.value = kind

    # ------------------------------------------------------------ counsellor: templates

    def save_template(self, name: str, plan: Plan) -> int:
        """Keep ``plan`` under ``name``; a template of the same name is replaced (same id)."""
        name = name.strip()
        if not name:
            raise ValueError("a template needs a name")
        with writing(self._sessions) as session:
            row = session.scalars(select(PlanTemplateRow).where(
                PlanTemplateRow.name == name)).first()
            if row is None:
                row = PlanTemplateRow(name=name)
                session.add(row)
            row.plan_json, row.saved_at = _json(plan_to_dict(plan)), self._now()
            session.flush()
            return row.id

    def templates(self) -> list[tuple[int, str, Plan]]:
        """(id, name, plan) for every template, by name regardless of case."""
        with self._sessions() as session:
            rows = session.execute(select(PlanTemplateRow.id, PlanTemplateRow.name,
                                          PlanTemplateRow.plan_json)).all()
        return sorted(((i, n, _plan(j)) for i, n, j in rows),
                      key=lambda t: (t[1].casefold(), t[0]))

    def delete_template(self, template_id: int) -> None:
        with writing(self._sessions) as session:
            session.execute(delete(PlanTemplateRow).where(PlanTemplateRow.id == template_id))

    # ---------------------------------------------------------- counsellor: built plans

    def save_built(self, plan: Plan) -> None:
        """Keep the latest save of this plan (by ``plan.id``)."""
        with writing(self._sessions) as session:
            row = session.get(PlanBuiltRow, plan.id)
            if row is None:
                row = PlanBuiltRow(plan_uid=plan.id)
                session.add(row)
            row.plan_json, row.saved_at = _json(plan_to_dict(plan)), self._now()

    def built(self) -> list[Plan]:
        """Every plan built here, the most recently saved first."""
        with self._sessions() as session:
            found = session.scalars(select(PlanBuiltRow.plan_json).order_by(
                PlanBuiltRow.saved_at.desc(), PlanBuiltRow.plan_uid)).all()
        return [_plan(text) for text in found]

    def delete_built(self, plan_id: str) -> None:
        with writing(self._sessions) as session:
            session.execute(delete(PlanBuiltRow).where(PlanBuiltRow.plan_uid == plan_id))

    # ------------------------------------------------------ counsellor: reports received

    def keep_report(self, report: Report) -> int:
        with writing(self._sessions) as session:
            row = ReportReceivedRow(report_json=_json(report_to_dict(report)),
                                    received_at=self._now())
            session.add(row)
            session.flush()
            return row.id

    def reports(self) -> list[tuple[int, dt.datetime, Report]]:
        """(id, when it was kept, report), the most recently kept first."""
        with self._sessions() as session:
            rows = session.execute(select(
                ReportReceivedRow.id, ReportReceivedRow.received_at,
                ReportReceivedRow.report_json).order_by(
                    ReportReceivedRow.received_at.desc(), ReportReceivedRow.id.desc())).all()
        return [(i, from_db(at), report_from_dict(json.loads(j))) for i, at, j in rows]

    def delete_report(self, report_id: int) -> None:
        with writing(self._sessions) as session:
            session.execute(delete(ReportReceivedRow).where(ReportReceivedRow.id == report_id))


def _records(session: Session, ids: Iterable[int]) -> dict[int, dict[str, TaskRecord]]:
    found: dict[int, dict[str, TaskRecord]] = defaultdict(dict)
    query = select(PlanTaskRecordRow).where(PlanTaskRecordRow.plan_row_id.in_(list(ids)))
    for r in session.scalars(query):
        found[r.plan_row_id][r.task_id] = TaskRecord(
            r.task_id, r.times_done, r.how_it_went, r.how_hard, r.got_in_the_way, r.helped,
            r.question_for_next, from_db(r.updated_at))
    return found


def _answers(session: Session, ids: Iterable[int]) -> dict[int, dict[str, Answer]]:
    found: dict[int, dict[str, Answer]] = defaultdict(dict)
    query = select(PlanAnswerRow).where(PlanAnswerRow.plan_row_id.in_(list(ids)))
    for r in session.scalars(query):
        found[r.plan_row_id][r.question_id] = Answer(r.question_id, r.value,
                                                     from_db(r.answered_at))
    return found
