"""Plans and reports as plain JSON values, the way the vault keeps them.

The vault stores the *model*, not the ``.porchplan`` file: the FHIR form is for handing over,
and reading it back runs a validator built for untrusted files. Inside the encrypted database
the plan is ours, so a small, versioned JSON of the dataclasses is enough and stays cheap to
read on every page refresh. Dates and times are ISO strings, tuples are lists, and every value
carries ``"v": 1`` so a later shape can still read what an older Porchlight wrote.

Reading is forgiving in the two ways a newer or older writer needs: keys this version does not
know are ignored, and optional keys that are missing take the model's default. A required key
that is missing, or a value of the wrong type, raises ``CodecError`` naming the field: that is
damage (or a bug), never something a parent typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

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

VERSION = 1
T = TypeVar("T")
Json = dict[str, Any]


class CodecError(ValueError):
    """Stored JSON that does not read as the model; ``field`` says where."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


# ---------------------------------------------------------------------------------- writing


def _moment(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _question(question: Question) -> Json:
    return {"id": question.id, "kind": question.kind, "text": question.text,
            "choices": list(question.choices)}


def _week(week: PlanWeek) -> Json:
    return {"number": week.number, "topics": list(week.topics),
            "starters": list(week.starters), "refusal": week.refusal,
            "watch": list(week.watch), "questions": [_question(q) for q in week.questions],
            "note": week.note}


def plan_to_dict(plan: Plan) -> Json:
    """The plan as JSON-ready values (only str, int, None, lists and dicts)."""
    return {
        "v": VERSION, "id": plan.id, "version": plan.version, "title": plan.title,
        "family_label": plan.family_label, "band": plan.band,
        "start": plan.start.isoformat(), "weeks": [_week(w) for w in plan.weeks],
        "checkin_weekday": plan.checkin_weekday,
        "checkin_time": None if plan.checkin_time is None else plan.checkin_time.isoformat(),
        "counsellor_contact": plan.counsellor_contact,
        "expires": None if plan.expires is None else plan.expires.isoformat(),
    }


def task_record_to_dict(record: TaskRecord) -> Json:
    return {"task_id": record.task_id, "times_done": record.times_done,
            "how_it_went": record.how_it_went, "how_hard": record.how_hard,
            "got_in_the_way": record.got_in_the_way, "helped": record.helped,
            "question_for_next": record.question_for_next,
            "updated_at": _moment(record.updated_at)}


def answer_to_dict(answer: Answer) -> Json:
    return {"question_id": answer.question_id, "value": answer.value,
            "answered_at": answer.answered_at.isoformat()}


def _section(section: ReportSection) -> Json:
    withheld = None if section.withheld is None else {"reason": section.withheld.reason}
    return {"key": section.key, "title": section.title, "lines": list(section.lines),
            "withheld": withheld}


def report_to_dict(report: Report) -> Json:
    """The report as JSON-ready values; withheld sections keep their mark and reason."""
    return {
        "v": VERSION, "plan_id": report.plan_id, "plan_version": report.plan_version,
        "plan_title": report.plan_title, "family_label": report.family_label,
        "written_at": report.written_at.isoformat(),
        "period_start": report.period_start.isoformat(),
        "period_end": report.period_end.isoformat(),
        "sections": [_section(s) for s in report.sections],
        "task_records": [task_record_to_dict(r) for r in report.task_records],
        "answers": [answer_to_dict(a) for a in report.answers],
    }


# ---------------------------------------------------------------------------------- reading


class _Reader:
    """Typed access to one JSON object, with the path of every value for error messages."""

    _MISSING = object()

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, Mapping):
            raise CodecError(path or "(top)", "expected an object")
        self._data = data
        self._path = path

    def _at(self, key: str) -> str:
        return f"{self._path}.{key}" if self._path else key

    def _get(self, key: str, kind: type | tuple[type, ...], default: Any) -> Any:
        value = self._data.get(key, self._MISSING)
        if value is self._MISSING or (value is None and default is not self._MISSING):
            if default is self._MISSING:
                raise CodecError(self._at(key), "missing")
            return default
        # bool is an int in Python; a stored true is never a number of weeks.
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise CodecError(self._at(key), f"expected {_kind_name(kind)}")
        return value

    def text(self, key: str, default: Any = _MISSING) -> str:
        return str(self._get(key, str, default))

    def number(self, key: str, default: Any = _MISSING) -> int:
        return int(self._get(key, int, default))

    def optional_number(self, key: str) -> int | None:
        value = self._get(key, int, None)
        return None if value is None else int(value)

    def texts(self, key: str) -> tuple[str, ...]:
        values = self._get(key, list, [])
        for index, value in enumerate(values):
            if not isinstance(value, str):
                raise CodecError(f"{self._at(key)}[{index}]", "expected text")
        return tuple(values)

    def items(self, key: str, read: Callable[[_Reader], T],
              required: bool = False) -> tuple[T, ...]:
        values = self._get(key, list, self._MISSING if required else [])
        return tuple(read(_Reader(value, f"{self._at(key)}[{index}]"))
                     for index, value in enumerate(values))

    def optional_object(self, key: str) -> _Reader | None:
        value = self._get(key, dict, None)
        return None if value is None else _Reader(value, self._at(key))

    def parsed(self, key: str, parse: Callable[[str], T], optional: bool = False) -> T | None:
        raw = self._get(key, str, None if optional else self._MISSING)
        if raw is None:
            return None
        try:
            return parse(raw)
        except ValueError as error:
            raise CodecError(self._at(key), "not an ISO date or time") from error

    def date(self, key: str) -> dt.date:
        value = self.parsed(key, dt.date.fromisoformat)
        assert value is not None
        return value

    def moment(self, key: str) -> dt.datetime:
        value = self.parsed(key, _aware)
        assert value is not None
        return value

    def version(self) -> None:
        version = self.number("v")
        if version > VERSION:
            raise CodecError(self._at("v"), f"written by a newer Porchlight (version {version})")


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "a whole number", list: "a list", dict: "an object"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _aware(raw: str) -> dt.datetime:
    """A stored moment; one written without a zone (never by us) is read as UTC."""
    moment = dt.datetime.fromisoformat(raw)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _read_question(data: _Reader) -> Question:
    return Question(data.text("id"), data.text("kind"), data.text("text", ""),
                    data.texts("choices"))


def _read_week(data: _Reader) -> PlanWeek:
    return PlanWeek(number=data.number("number"), topics=data.texts("topics"),
                    starters=data.texts("starters"), refusal=data.text("refusal", ""),
                    watch=data.texts("watch"), questions=data.items("questions", _read_question),
                    note=data.text("note", ""))


def plan_from_dict(data: Mapping[str, Any]) -> Plan:
    """The plan ``plan_to_dict`` wrote (or an older or newer writer's, within version 1)."""
    plan = _Reader(data, "")
    plan.version()
    return Plan(
        id=plan.text("id"), version=plan.number("version"), title=plan.text("title", ""),
        family_label=plan.text("family_label", ""), band=plan.text("band", ""),
        start=plan.date("start"), weeks=plan.items("weeks", _read_week, required=True),
        checkin_weekday=plan.optional_number("checkin_weekday"),
        checkin_time=plan.parsed("checkin_time", dt.time.fromisoformat, optional=True),
        counsellor_contact=plan.text("counsellor_contact", ""),
        expires=plan.parsed("expires", dt.date.fromisoformat, optional=True),
    )


def _read_record(data: _Reader) -> TaskRecord:
    return TaskRecord(
        task_id=data.text("task_id"), times_done=data.number("times_done", 0),
        how_it_went=data.optional_number("how_it_went"),
        how_hard=data.optional_number("how_hard"),
        got_in_the_way=data.text("got_in_the_way", ""), helped=data.text("helped", ""),
        question_for_next=data.text("question_for_next", ""),
        updated_at=data.parsed("updated_at", _aware, optional=True))


def _read_answer(data: _Reader) -> Answer:
    return Answer(data.text("question_id"), data.text("value"), data.moment("answered_at"))


def _read_section(data: _Reader) -> ReportSection:
    mark = data.optional_object("withheld")
    withheld = None if mark is None else Withheld(mark.text("reason", ""))
    return ReportSection(data.text("key"), data.text("title", ""), data.texts("lines"),
                         withheld)


def task_record_from_dict(data: Mapping[str, Any]) -> TaskRecord:
    return _read_record(_Reader(data, ""))


def answer_from_dict(data: Mapping[str, Any]) -> Answer:
    return _read_answer(_Reader(data, ""))


def report_from_dict(data: Mapping[str, Any]) -> Report:
    """The report ``report_to_dict`` wrote; a withheld section comes back withheld."""
    report = _Reader(data, "")
    report.version()
    return Report(
        plan_id=report.text("plan_id"), plan_version=report.number("plan_version"),
        plan_title=report.text("plan_title", ""), family_label=report.text("family_label", ""),
        written_at=report.moment("written_at"), period_start=report.date("period_start"),
        period_end=report.date("period_end"),
        sections=report.items("sections", _read_section),
        task_records=report.items("task_records", _read_record),
        answers=report.items("answers", _read_answer),
    )
