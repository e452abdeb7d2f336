"""The plan builder: a counsellor writes a family's homework plan and saves it as a file.

A plan has a title, a family label (first names or initials, the counsellor's choice), an age
band, a start date and 1–12 weeks, each edited by a ``WeekEditor``; an optional suggested
check-in day and time; and the counsellor's contact line (printed on the plan, nothing else).
"Save the plan file…" writes a ``.porchplan`` (FHIR R4, ``app.core.plans.fhir_plan``) atomically
and keeps the plan in the vault (``save_built``); saving the same plan again raises its version,
so the family's Porchlight can tell a newer copy. A template is a starting point: a plan opened
from one gets a new id when it is first saved as a file.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.ages import AgeBand
from app.core.changes import Changes
from app.core.clock import Clock, local_today
from app.core.plans.model import MAX_WEEKS, Plan, PlanWeek
from app.ui.age_words import band_heading
from app.ui.counsellor.plan_file import PLAN_SUFFIX, next_monday, with_plan_suffix, write_plan_file
from app.ui.counsellor.week_editor import WeekEditor
from app.ui.counsellor.words import week_heading
from app.ui.dates import weekday_name
from app.ui.ops import Ops
from app.ui.widgets.common import body_label, button, card, message_label, show_message, title_label

DEFAULT_WEEKS = 4
DEFAULT_BAND = AgeBand.PRETEEN.value


class PlanBuilderPage(QWidget):
    show_requested = Signal()  # a plan was opened from elsewhere: the shell shows this page

    def __init__(self, ops: Ops, clock: Clock, library: Any) -> None:
        super().__init__()
        self.setObjectName("builderPage")
        self.title = self.tr("Plan builder")
        self._ops, self._clock, self._library = ops, clock, library
        self._plan_id: str | None = None  # set when first saved as a file
        self._version = 0
        self.last_saved: Plan | None = None  # the plan last written to a file
        self.editors: list[WeekEditor] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        header = QHBoxLayout()
        header.addWidget(title_label(self.tr("Plan builder")), 1)
        self.new_button = button(self.tr("Start a new plan"), "newPlan")
        self.new_button.clicked.connect(self.start_new)
        self.template_button = button(self.tr("Save as a template"), "saveTemplate")
        self.template_button.clicked.connect(self.ask_template_name)
        self.save_button = button(self.tr("Save the plan file…"), "savePlanFile", primary=True)
        self.save_button.clicked.connect(self.ask_plan_file)
        layout.addLayout(header)
        actions = QHBoxLayout()  # a row of their own: longer languages still fit
        for widget in (self.new_button, self.template_button, self.save_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.message = message_label("builderMessage")
        layout.addWidget(self.message)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(14)
        column.addWidget(self._plan_card())
        column.addWidget(self._weeks_card(), 1)
        scroll = QScrollArea()
        scroll.setObjectName("builderScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout.addWidget(scroll, 1)
        self.start_new()

    # --- the form --------------------------------------------------------------------------

    def _line(self, name: str, accessible: str, placeholder: str = "") -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setAccessibleName(accessible)
        field.setPlaceholderText(placeholder)
        field.setMaxLength(200)
        return field

    def _plan_card(self) -> QWidget:
        frame, inner = card(self.tr("The plan"))
        inner.addWidget(title_label(self.tr("The plan"), "sectionTitle"))
        form = QFormLayout()
        self.plan_title = self._line("planTitle", self.tr("Plan title"),
                                     self.tr("For example: Staying safe with new friends online"))
        form.addRow(self.tr("Title"), self.plan_title)
        self.family_label = self._line("familyLabel", self.tr("Family label"),
                                       self.tr("First names or initials"))
        form.addRow(self.tr("Family"), self.family_label)
        self.band = QComboBox()
        self.band.setObjectName("planBand")
        self.band.setAccessibleName(self.tr("The child's age band"))
        for band in AgeBand:
            self.band.addItem(band_heading(band), band.value)
        self.band.currentIndexChanged.connect(self._band_changed)
        form.addRow(self.tr("Age band"), self.band)
        self.start = QDateEdit()
        self.start.setObjectName("planStart")
        self.start.setAccessibleName(self.tr("Start date"))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(QLocale.system().dateFormat(QLocale.FormatType.LongFormat))
        self.start.dateChanged.connect(self._reword_weeks)
        form.addRow(self.tr("Starts on"), self.start)
        self.weeks = QSpinBox()
        self.weeks.setObjectName("planWeeks")
        self.weeks.setAccessibleName(self.tr("Number of weeks"))
        self.weeks.setRange(1, MAX_WEEKS)
        self.weeks.valueChanged.connect(self._weeks_changed)
        form.addRow(self.tr("Weeks"), self.weeks)
        for narrow in (self.band, self.start, self.weeks):
            narrow.setMaximumWidth(320)
        checkin = QHBoxLayout()
        self.suggest_checkin = QCheckBox(self.tr("Suggest a day and time"))
        self.suggest_checkin.setObjectName("suggestCheckin")
        self.suggest_checkin.setAccessibleName(self.tr("Suggest a check-in day and time"))
        self.checkin_day = QComboBox()
        self.checkin_day.setObjectName("checkinDay")
        self.checkin_day.setAccessibleName(self.tr("Suggested check-in day"))
        for weekday in range(7):
            self.checkin_day.addItem(weekday_name(weekday), weekday)
        self.checkin_time = QTimeEdit()
        self.checkin_time.setObjectName("checkinTime")
        self.checkin_time.setAccessibleName(self.tr("Suggested check-in time"))
        self.suggest_checkin.toggled.connect(self.checkin_day.setEnabled)
        self.suggest_checkin.toggled.connect(self.checkin_time.setEnabled)
        checkin.addWidget(self.suggest_checkin)
        checkin.addWidget(self.checkin_day)
        checkin.addWidget(self.checkin_time)
        checkin.addStretch(1)
        form.addRow(self.tr("Check-in"), checkin)
        self.contact = self._line("counsellorContact", self.tr("Your contact line"),
                                  self.tr("For example: Sam Lee, family counsellor, 555 0100"))
        form.addRow(self.tr("Your contact"), self.contact)
        inner.addLayout(form)
        inner.addWidget(body_label(self.tr(
            "Your contact line is printed on the plan and nothing else. The family's "
            "Porchlight reads nothing back and sends nothing: they hand you a report when "
            "they choose to."), muted=True))
        return frame

    def _weeks_card(self) -> QWidget:
        frame, inner = card(self.tr("The weeks"))
        inner.addWidget(title_label(self.tr("The weeks"), "sectionTitle"))
        row = QHBoxLayout()
        self.week_list = QListWidget()
        self.week_list.setObjectName("weekList")
        self.week_list.setAccessibleName(self.tr("Weeks of the plan"))
        self.week_list.setFixedWidth(120)
        self.week_list.currentRowChanged.connect(self._week_chosen)
        row.addWidget(self.week_list, 0)
        self.week_stack = QStackedWidget()
        row.addWidget(self.week_stack, 1)
        inner.addLayout(row)
        return frame

    def band_value(self) -> str:
        return str(self.band.currentData())

    def _editor(self, number: int) -> WeekEditor:
        """Week ``number``'s editor, made when first needed and kept if the plan shrinks."""
        while len(self.editors) < number:
            editor = WeekEditor(len(self.editors) + 1, self._library)
            editor.set_band(self.band_value())
            self.editors.append(editor)
            self.week_stack.addWidget(editor)
        return self.editors[number - 1]

    def _weeks_changed(self, count: int) -> None:
        current = max(self.week_list.currentRow(), 0)
        self.week_list.blockSignals(True)
        self.week_list.clear()
        for number in range(1, count + 1):
            self._editor(number)
            self.week_list.addItem(self.tr("Week {number}").format(number=number))
        self.week_list.blockSignals(False)
        self.week_list.setCurrentRow(min(current, count - 1))
        self._week_chosen(self.week_list.currentRow())
        self._reword_weeks()

    def _week_chosen(self, row: int) -> None:
        if row >= 0:
            self.week_stack.setCurrentWidget(self._editor(row + 1))

    def _reword_weeks(self) -> None:
        start = self.start.date().toPython()
        for editor in self.editors:
            editor.set_heading(week_heading(editor.number, start))

    def _band_changed(self) -> None:
        for editor in self.editors:
            editor.set_band(self.band_value())

    # --- starting, loading and reading the plan --------------------------------------------

    def start_new(self) -> None:
        self.load_plan(Plan(id="", version=0, title="", family_label="", band=DEFAULT_BAND,
                            start=next_monday(local_today(self._clock)), weeks=()),
                       keep_identity=False)
        self.weeks.setValue(DEFAULT_WEEKS)

    def load_plan(self, plan: Plan, *, keep_identity: bool) -> None:
        """Show ``plan``: a saved plan keeps its id (its next save is a new version); one from
        a template becomes a new plan."""
        self._plan_id = plan.id if keep_identity and plan.id else None
        self._version = plan.version if keep_identity else 0
        self.plan_title.setText(plan.title)
        self.family_label.setText(plan.family_label)
        self.band.setCurrentIndex(max(self.band.findData(plan.band), 0))
        self.start.setDate(QDate(plan.start.year, plan.start.month, plan.start.day))
        self.weeks.setValue(max(len(plan.weeks), 1))
        self._weeks_changed(self.weeks.value())
        for number in range(1, MAX_WEEKS + 1):
            if number <= len(self.editors):
                found = [w for w in plan.weeks if w.number == number]
                self.editors[number - 1].load(found[0] if found else PlanWeek(number=number))
        suggested = plan.checkin_weekday is not None
        self.suggest_checkin.setChecked(suggested)
        self.checkin_day.setEnabled(suggested)
        self.checkin_time.setEnabled(suggested)
        self.checkin_day.setCurrentIndex(plan.checkin_weekday or 0)
        at = plan.checkin_time or dt.time(18, 0)
        self.checkin_time.setTime(QTime(at.hour, at.minute))
        self.contact.setText(plan.counsellor_contact)
        self.week_list.setCurrentRow(0)
        show_message(self.message, "")

    def plan(self) -> Plan:
        """The plan as shown now (id and version as they would be saved next)."""
        suggested = self.suggest_checkin.isChecked()
        at = self.checkin_time.time()
        return Plan(
            id=self._plan_id or "", version=self._version,
            title=self.plan_title.text().strip(), family_label=self.family_label.text().strip(),
            band=self.band_value(), start=self.start.date().toPython(),
            weeks=tuple(self.editors[n].week() for n in range(self.weeks.value())),
            checkin_weekday=int(self.checkin_day.currentData()) if suggested else None,
            checkin_time=dt.time(at.hour(), at.minute()) if suggested else None,
            counsellor_contact=self.contact.text().strip())

    def problems(self) -> list[str]:
        found = []
        if not self.plan_title.text().strip():
            found.append(self.tr("The plan needs a title."))
        if not self.family_label.text().strip():
            found.append(self.tr("The plan needs a family label: first names or initials."))
        for editor in self.editors[:self.weeks.value()]:
            found.extend(editor.problems())
        return found

    def _checked(self) -> bool:
        problems = self.problems()
        if problems:
            shown = problems[:3] + ([self.tr("…and {count} more.").format(
                count=len(problems) - 3)] if len(problems) > 3 else [])
            show_message(self.message, "\n".join(shown))
        return not problems

    # --- saving ----------------------------------------------------------------------------

    def ask_template_name(self) -> None:
        if not self._checked():
            return
        name, ok = QInputDialog.getText(self, self.tr("Save as a template"),
                                        self.tr("A name for the template:"),
                                        text=self.plan_title.text().strip())
        if ok and name.strip():
            self.save_template(name.strip())

    def save_template(self, name: str) -> None:
        if not self._checked():
            return
        plan = self.plan()
        self._ops.write(lambda s: s.plans.save_template(name, plan),
                        touches=Changes(plans=True), owner=self,
                        done=lambda _id: show_message(self.message, self.tr(
                            "Saved as the template \"{name}\".").format(name=name), ok=True))

    def ask_plan_file(self) -> None:
        if not self._checked():
            return
        suggested = (self.plan_title.text().strip() or self.tr("plan")) + PLAN_SUFFIX
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the plan file"), suggested,
                                              self.tr("Porchlight plan (*.porchplan)"))
        if path:
            self.save_plan_file(with_plan_suffix(path))

    def save_plan_file(self, path: Path) -> None:
        """Write the plan to ``path`` and keep it; each save of the same plan is a new version."""
        if not self._checked():
            return
        plan_id = self._plan_id or secrets.token_hex(8)
        plan = replace(self.plan(), id=plan_id, version=self._version + 1)

        def save(services: Any) -> Plan:
            write_plan_file(path, plan, self._library)  # the file first, then kept
            services.plans.save_built(plan)
            return plan

        self._ops.write(save, touches=Changes(plans=True), owner=self, done=self._saved,
                        failed=lambda error: self._not_saved(path, error))

    def _saved(self, plan: Plan) -> None:
        self._plan_id, self._version, self.last_saved = plan.id, plan.version, plan
        show_message(self.message, self.tr(
            "Plan saved (version {version}). Hand the file to the family any way you like: a "
            "USB stick, email, or printed with the file beside it.").format(
                version=plan.version), ok=True)

    def _not_saved(self, path: Path, error: Exception) -> None:
        if isinstance(error, OSError):
            text = self.tr("The plan could not be saved in {folder}. Choose another folder "
                           "and try again.").format(folder=str(path.parent))
        else:
            from app.ui import messages

            text = messages.for_vault_error(error)
        show_message(self.message, text)

