"""One progress report as the counsellor reads it: per week and per task, the answers, the
journal summary the parent shared, and every section they left out marked **Withheld**.

A withheld section is never silently missing: it shows the mark and the parent's reason (or
that they gave none). Everything in a report came from a file, so every label here is plain
text — markup in a family's words is shown as typed, never rendered. When the counsellor built
the plan in this vault, its questions are shown in words; otherwise by their id.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.core.plans.model import Answer, Plan, Report, ReportSection, TaskRecord
from app.ui.counsellor.words import task_words, week_of_key
from app.ui.dates import date_words
from app.ui.widgets.common import body_label, card, clear_layout


def plain(text: str, name: str = "", *, bold: bool = False, muted: bool = False) -> QLabel:
    """A label that never renders markup, whatever the file held."""
    label = body_label(text, muted=muted, name=name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def heading(text: str, name: str) -> QLabel:
    label = plain(text, name)
    label.setObjectName(name)
    label.setAccessibleName(text)
    return label


def withheld_mark(text: str) -> QLabel:
    """The **Withheld** badge: the same calm chip as an age band, so it is seen, not alarming."""
    from app.ui.theme import current_colors

    label = plain(text, "withheldMark", bold=True)
    label.setAccessibleName(text)
    colors = current_colors()
    label.setStyleSheet(f"background: {colors.selection}; border-radius: 10px; "
                        f"padding: 3px 10px;")
    return label


class ReportView(QScrollArea):
    """Shows one report; ``show_report`` rebuilds it, ``clear`` empties it."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("reportView")
        self.setAccessibleName(self.tr("The report"))
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        host = QWidget()
        self.column = QVBoxLayout(host)
        self.column.setContentsMargins(0, 0, 12, 0)
        self.column.setSpacing(10)
        self.setWidget(host)
        self.report: Report | None = None
        self.clear()

    def clear(self, text: str = "") -> None:
        self.report = None
        clear_layout(self.column)
        self.column.addWidget(plain(text or self.tr(
            "Open a report a family gave you, or choose one on the left."), "reportEmpty",
            muted=True))
        self.column.addStretch(1)

    def show_report(self, report: Report, plan: Plan | None = None) -> None:
        """Show ``report``; ``plan`` (the one built here with its id, if any) words questions."""
        self.report = report
        clear_layout(self.column)
        questions = {q.id: q.text for week in plan.weeks for q in week.questions} if plan else {}
        records = {r.task_id: r for r in report.task_records}
        shown_records: set[str] = set()
        self.column.addWidget(heading(report.plan_title, "pageTitle"))
        self.column.addWidget(plain(self.tr(
            "For {family} · {start} to {end} · plan version {version}").format(
                family=report.family_label, start=date_words(report.period_start),
                end=date_words(report.period_end), version=report.plan_version),
            "reportPeriod", muted=True))
        self._next_session(report.task_records)

        by_week: dict[int | None, list[ReportSection]] = defaultdict(list)
        for section in report.sections:
            by_week[week_of_key(section.key)].append(section)
        for number in sorted(n for n in by_week if n is not None):
            self.column.addWidget(heading(self.tr("Week {number}").format(number=number),
                                          "sectionTitle"))
            for section in by_week[number]:
                record = records.get(section.key)
                if record is not None:
                    shown_records.add(section.key)
                self._section(section, record)
        for section in by_week[None]:
            answers = report.answers if section.key == "answers" else ()
            self._section(section, None, answers, questions)
        if report.answers and not any(s.key == "answers" for s in report.sections):
            self._section(ReportSection("answers", self.tr("Answers")), None, report.answers,
                          questions)
        left = [r for r in report.task_records if r.task_id not in shown_records]
        for record in left:
            self._section(ReportSection(record.task_id, task_words(record.task_id)), record)
        self.column.addStretch(1)
        self.verticalScrollBar().setValue(0)  # a newly chosen report reads from its top

    def _next_session(self, records: tuple[TaskRecord, ...]) -> None:
        asked = [(r.task_id, r.question_for_next) for r in records if r.question_for_next]
        if not asked:
            return
        frame, inner = card(self.tr("Questions for the next session"))
        frame.setObjectName("card")
        inner.addWidget(plain(self.tr("The parent's questions for the next session"),
                              bold=True))
        for task_id, text in asked:
            inner.addWidget(plain(self.tr("{task}: {question}").format(
                task=task_words(task_id), question=text), "nextSessionQuestion"))
        self.column.addWidget(frame)

    def _section(self, section: ReportSection, record: TaskRecord | None,
                 answers: tuple[Answer, ...] = (), questions: dict[str, str] | None = None
                 ) -> None:
        frame, inner = card(section.title)
        inner.addWidget(plain(section.title, "reportSectionTitle", bold=True))
        if section.withheld is not None:
            frame.setAccessibleName(self.tr("{title}: withheld").format(title=section.title))
            inner.addWidget(withheld_mark(self.tr("Withheld")), 0, Qt.AlignmentFlag.AlignLeft)
            reason = section.withheld.reason.strip()
            inner.addWidget(plain(self.tr("The parent's reason: {reason}").format(reason=reason)
                                  if reason else self.tr("The parent gave no reason."),
                                  "withheldReason", muted=not reason))
            self.column.addWidget(frame)
            return
        for line in section.lines:
            inner.addWidget(plain(line, "reportLine"))
        if record is not None:
            for line in self._record_lines(record):
                inner.addWidget(plain(line, "taskRecordLine"))
        for answer in answers:
            asked = (questions or {}).get(answer.question_id, answer.question_id)
            inner.addWidget(plain(self.tr("{question} — {answer}").format(
                question=asked, answer=answer.value), "answerLine"))
        if not (section.lines or record or answers):
            inner.addWidget(plain(self.tr("Nothing was recorded here."), muted=True))
        self.column.addWidget(frame)

    def _record_lines(self, record: TaskRecord) -> list[str]:
        lines = [self.tr("Done %n times", "", record.times_done)]
        if record.how_it_went is not None:
            lines.append(self.tr("How it went: {n} of 5 (5 is very well)").format(
                n=record.how_it_went))
        if record.how_hard is not None:
            lines.append(self.tr("How hard it was: {n} of 5 (5 is very hard)").format(
                n=record.how_hard))
        if record.got_in_the_way:
            lines.append(self.tr("What got in the way: {text}").format(
                text=record.got_in_the_way))
        if record.helped:
            lines.append(self.tr("What helped: {text}").format(text=record.helped))
        if record.question_for_next:
            lines.append(self.tr("Question for the next session: {text}").format(
                text=record.question_for_next))
        return lines
