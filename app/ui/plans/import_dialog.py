"""Importing a plan from a counsellor: choose the file, see exactly what it adds, then decide.

Nothing is written until the parent presses "Import this plan". The preview shows every week
of the plan (``PlanPreview``), which child it is for (a chooser; a plan written for another
age band is said calmly and the parent decides), and plainly that importing reads nothing from
the family and sends nothing anywhere. An expired plan can be read but not imported. A child
who already has a plan keeps it unless the parent ticks "end it first" (one active plan per
child). A damaged file shows its problems in plain words, each naming the field, and nothing
is imported.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.clock import Clock, local_today
from app.core.plans.fhir_base import PlanFileError, bundle_kind
from app.core.plans.fhir_plan import read_plan
from app.core.plans.model import ActivePlan, Plan
from app.ui import messages
from app.ui.age_words import band_label
from app.ui.plans.plan_preview import PlanPreview
from app.ui.plans.plan_words import expired_words, plain_label, privacy_words, problem_lines
from app.ui.translate import _tr
from app.ui.widgets.common import (
    body_label,
    button,
    message_label,
    show_message,
    title_label,
    wrapping_checkbox,
)

log = logging.getLogger(__name__)
PREVIEW_HEIGHT = 600  # room for the preview, inside a 1024×640 screen
MAX_FILE_BYTES = 1024 * 1024  # a real plan is a few kilobytes; anything larger is refused


def load_plan_file(path: Path) -> Plan:
    """Read and check a ``.porchplan`` file; ``PlanFileError`` names every problem's field."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        log.info("plan file could not be read: %s", type(error).__name__)
        raise PlanFileError([("", _tr(
            "The file could not be opened. Check that it is still there and try again."))]
        ) from error
    if len(data) > MAX_FILE_BYTES:
        raise PlanFileError([("", _tr(
            "The file is larger than 1 MB. A plan from a counsellor is much smaller, so this "
            "is not one."))])
    if bundle_kind(data) == "report":  # the family's own report: it goes to the counsellor
        raise PlanFileError([("", _tr(
            "This is a progress report, not a plan. A report is for your counsellor to open "
            "in their Porchlight; a plan from your counsellor ends in .porchplan."))])
    return read_plan(data, path.name)


class ImportPlanDialog(QDialog):
    imported = Signal(int)  # the new plan's row id, once it is saved

    def __init__(self, ops: Any, clock: Clock, library: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPlanDialog")
        self.setWindowTitle(self.tr("A plan from your counsellor"))
        self.ops, self.clock, self.library = ops, clock, library
        self.plan: Plan | None = None
        self.children: list[Any] = []
        self.active: dict[int, ActivePlan] = {}
        self.setMinimumSize(520, 420)
        self.resize(720, PREVIEW_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.heading = title_label(self.tr("A plan from your counsellor"), "sectionTitle")
        layout.addWidget(self.heading)
        self.message = message_label()
        layout.addWidget(self.message)
        self.problems = plain_label("", "planFileProblems")
        self.problems.hide()
        layout.addWidget(self.problems)
        self.expired = body_label("", name="planExpired")
        self.expired.hide()
        layout.addWidget(self.expired)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("planPreviewScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.hide()
        layout.addWidget(self.scroll, 1)
        self.choices = QWidget()
        choices = QVBoxLayout(self.choices)
        choices.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.child = QComboBox()
        self.child.setObjectName("planChild")
        self.child.setAccessibleName(self.tr("The child this plan is for"))
        self.child.currentIndexChanged.connect(self._child_chosen)
        form.addRow(self.tr("This plan is for"), self.child)
        choices.addLayout(form)
        self.band_note = body_label("", name="planBandNote")
        choices.addWidget(self.band_note)
        self.active_note = plain_label("", "planActiveNote")
        choices.addWidget(self.active_note)
        self.end_row, self.end_first = wrapping_checkbox(
            self.tr("End that plan first (what you recorded in it is kept)"), "planEndFirst")
        self.end_first.toggled.connect(self._update_accept)
        choices.addWidget(self.end_row)
        choices.addWidget(body_label(privacy_words(), muted=True, name="planPrivacy"))
        self.choices.hide()
        layout.addWidget(self.choices)
        self.filler = body_label(self.tr("Choose the .porchplan file your counsellor gave you. "
                                         "You will see everything in it before anything is "
                                         "added."), muted=True)
        layout.addWidget(self.filler)
        layout.addStretch(0)
        buttons = QHBoxLayout()
        self.choose_button = button(self.tr("Choose a file…"), "planChooseFile")
        self.choose_button.clicked.connect(self.choose)
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        self.decline_button = button(self.tr("Decline"), "planDecline",
                                     accessible=self.tr("Decline this plan"))
        self.decline_button.clicked.connect(self.reject)
        self.accept_button = button(self.tr("Import this plan"), "planAccept", primary=True)
        self.accept_button.clicked.connect(self.accept_plan)
        self.accept_button.setEnabled(False)
        buttons.addWidget(self.decline_button)
        buttons.addWidget(self.accept_button)
        layout.addLayout(buttons)
        self.ops.read(_read_family, self._family_read, owner=self)

    # --- the file --------------------------------------------------------------------------

    def choose(self) -> bool:
        """Ask for a file; False when the parent closed the file chooser without one."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a plan from your counsellor"), "",
            self.tr("Porchlight plans (*.porchplan);;All files (*)"))
        if not path:
            return False
        self.load(Path(path))
        return True

    def load(self, path: Path) -> None:
        self.plan = None
        try:
            plan = load_plan_file(path)
        except PlanFileError as error:
            log.info("plan file refused: %d problem(s)", len(error.problems))
            self._show_problems(path, error.problems)
            return
        self.plan = plan
        self.message.hide()
        self.problems.hide()
        self.filler.hide()
        self._closing_only(False)
        if self.height() < PREVIEW_HEIGHT:  # after a refused file the dialog was made short
            self.resize(self.width(), PREVIEW_HEIGHT)
        self.heading.setText(self.tr("What this plan adds"))
        preview = PlanPreview(plan, self.library)
        self.scroll.setWidget(preview)
        self.scroll.show()
        expired = self.is_expired()
        self.expired.setText(expired_words(plan) if expired else "")
        self.expired.setVisible(expired)
        self.choices.setVisible(not expired)
        if expired:
            self.heading.setText(self.tr("This plan has expired"))
            self._closing_only(True)
        self._child_chosen()

    def _show_problems(self, path: Path, problems: list[tuple[str, str]]) -> None:
        self.scroll.hide()
        self.choices.hide()
        self.expired.hide()
        self.filler.hide()
        self.heading.setText(self.tr("This file can't be imported"))
        show_message(self.message, self.tr(
            "{file} is not a plan Porchlight can read. Nothing was imported.").format(
            file=path.name))
        self.problems.setText(self.tr(
            "{problems}\n\nYour counsellor can check the file or send it again; you can "
            "also choose another file.").format(problems=problem_lines(list(problems))))
        self.problems.show()
        self._closing_only(True)
        self._update_accept()
        self.resize(self.width(), self.minimumSize().height())  # no preview: no empty space

    def _closing_only(self, refused: bool) -> None:
        """A refused file leaves nothing to decide: one way out, called what it does."""
        self.accept_button.setVisible(not refused)
        self.decline_button.setText(self.tr("Close") if refused else self.tr("Decline"))
        self.decline_button.setAccessibleName(
            self.tr("Close without importing") if refused else self.tr("Decline this plan"))

    def is_expired(self) -> bool:
        plan = self.plan
        return (plan is not None and plan.expires is not None
                and local_today(self.clock) > plan.expires)

    # --- the child -------------------------------------------------------------------------

    def _family_read(self, family: tuple[list[Any], list[ActivePlan]]) -> None:
        self.children, plans = family
        self.active = {p.child_id: p for p in plans}
        self.child.blockSignals(True)
        self.child.clear()
        for child in self.children:
            self.child.addItem(child.name, child.id)
        self.child.blockSignals(False)
        self._child_chosen()

    def chosen_child(self) -> Any | None:
        child_id = self.child.currentData()
        return next((c for c in self.children if c.id == child_id), None)

    def _child_chosen(self) -> None:
        child, plan = self.chosen_child(), self.plan
        notes: list[str] = []
        if not self.children:
            notes.append(self.tr("Add your child on the Family page first, then import the "
                                 "plan for them."))
        if child is not None and plan is not None:
            band = child.status(local_today(self.clock)).band
            if plan.band and (band is None or band.value != plan.band):
                notes.append(self._band_words(child, plan.band, band))
        self.band_note.setText("\n".join(notes))
        self.band_note.setVisible(bool(notes))
        current = self.active.get(child.id) if child is not None else None
        self.end_row.setVisible(current is not None)
        self.active_note.setVisible(current is not None)
        if current is not None:
            self.end_first.setChecked(False)
            self.end_first.setAccessibleName(self.tr(
                "End {name}'s current plan first").format(name=child.name))
            self.active_note.setText(self.tr(
                "{name} already has a plan, “{title}”. A child follows one plan at a "
                "time.").format(name=child.name, title=current.plan.title))
        self._update_accept()

    def _band_words(self, child: Any, plan_band: str, band: Any) -> str:
        try:
            written_for = band_label(plan_band)
        except ValueError:
            written_for = plan_band
        if band is None:
            return self.tr("This plan was written for {band}, and {name} is outside the age "
                           "bands Porchlight uses. You know {name} best: import it if it "
                           "fits.").format(band=written_for, name=child.name)
        return self.tr("This plan was written for {band}; {name} is in {theirs}. You know "
                       "{name} best: import it if it fits.").format(
            band=written_for, name=child.name, theirs=band_label(band))

    def _update_accept(self) -> None:
        child = self.chosen_child()
        blocked = child is not None and child.id in self.active and not self.end_first.isChecked()
        self.accept_button.setEnabled(self.plan is not None and not self.is_expired()
                                      and child is not None and not blocked)

    # --- saving ----------------------------------------------------------------------------

    def accept_plan(self) -> None:
        plan, child = self.plan, self.chosen_child()
        if plan is None or child is None or not self.accept_button.isEnabled():
            return
        current = self.active.get(child.id)
        old_id = current.id if current is not None and self.end_first.isChecked() else None
        self.accept_button.setEnabled(False)
        child_id = child.id

        def save(services: Any) -> ActivePlan:
            if old_id is not None:
                services.plans.end_plan(old_id)
            return services.plans.import_plan(plan, child_id)

        self.ops.write(save, touches=Changes(plans=True), done=self._saved, owner=self,
                       failed=self._not_saved)

    def _saved(self, active: ActivePlan) -> None:
        self.imported.emit(active.id)
        self.accept()

    def _not_saved(self, error: Exception) -> None:
        log.error("plan import failed: %s", type(error).__name__)
        if type(error).__name__ == "PlanAlreadyActive":
            show_message(self.message, self.tr(
                "This child already has a plan. End it first, then import this one."))
            self.ops.read(_read_family, self._family_read, owner=self)
        else:
            show_message(self.message, messages.for_vault_error(error))
        self._update_accept()


def _read_family(services: Any) -> tuple[list[Any], list[ActivePlan]]:
    return services.family.children(), services.plans.active_plans()


def start_import(ops: Any, clock: Clock, library: Any, parent: QWidget | None,
                 opened: Callable[[QWidget], None] | None = None) -> int | None:
    """Ask for a file, then show its preview; the new plan's row id, or None if declined.

    ``opened`` is told of the preview (it shows the family's children): a lock closes it."""
    dialog = ImportPlanDialog(ops, clock, library, parent)
    if opened is not None:
        opened(dialog)
    result: dict[str, int] = {}
    dialog.imported.connect(lambda row_id: result.setdefault("id", row_id))
    if dialog.choose():
        dialog.exec()
    dialog.deleteLater()
    return result.get("id")
