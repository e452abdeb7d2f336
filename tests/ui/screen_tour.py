"""A walk through every screen of the app with the demo family, for checks that look at all of them.

``tour(qtbot, root, visit)`` drives the real windows — setup's steps on a new folder, then the
unlock page, every page of the unlocked app and every dialog — and calls ``visit(name, window)``
once each screen is showing. The pseudo-locale render test and the accessibility walk both use
it, so a screen added here is checked by both.

Modal dialogs (``exec()``) are caught while open and closed again; a screen that cannot be
opened (a constructor changed under us) becomes a named failure rather than a crash, so one
broken dialog does not hide the findings on every other screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.ui.background import wait_for_background

Visit = Callable[[str, QWidget], None]
WINDOW_SIZE = (1024, 640)


def settle(qtbot, window: QWidget | None = None) -> None:
    for _ in range(4):
        wait_for_background()
        QApplication.processEvents()
    session = getattr(window, "session", None)
    # Reads a page asks for when shown arrive, then their words are laid out (a label's new
    # text reaches the page's layout over several passes): wait for both, a few times over.
    for _ in range(3):
        if session is not None:
            qtbot.waitUntil(session.ops.idle, timeout=15000)
        for _ in range(3):
            QApplication.processEvents()


def _show(widget: QWidget) -> None:
    widget.show()
    QApplication.processEvents()


def visit_modal(qtbot, name: str, opener: Callable[[], object], visit: Visit,
                failures: list[str]) -> None:
    """Call ``opener`` (which runs a modal dialog) and visit the dialog while it is open."""
    seen: list[QWidget] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if len(seen) < 1 and attempts[0] < 100:
                attempts[0] += 1
                QTimer.singleShot(20, look)
            return
        seen.append(dialog)
        QApplication.processEvents()
        try:
            visit(name, dialog)
        except Exception as error:  # a check must not leave the dialog open
            failures.append(f"{name}: the check raised {error!r}")
        finally:
            if isinstance(dialog, QDialog):
                dialog.reject()
            else:
                dialog.close()

    attempts = [0]
    QTimer.singleShot(20, look)
    try:
        opener()
    except Exception as error:
        failures.append(f"{name}: could not be opened ({error!r})")
    if not seen:
        failures.append(f"{name}: no dialog appeared")


def guarded(name: str, failures: list[str], action: Callable[[], None]) -> None:
    try:
        action()
    except Exception as error:
        failures.append(f"{name}: could not be shown ({error!r})")


def tour_setup(qtbot, root: Path, visit: Visit, failures: list[str]) -> None:
    """Setup's steps on a new folder, up to (not through) creating the vault."""
    from app.ui.main_window import MainWindow
    from tests.conftest import PASSPHRASE

    window = MainWindow(_context(root / "new"))
    qtbot.addWidget(window)
    window.resize(*WINDOW_SIZE)
    _show(window)
    flow = window.setup_flow

    def step(name: str, before: Callable[[], None] | None = None) -> None:
        if before is not None:
            before()
        settle(qtbot)
        visit(f"setup: {name}", window)

    def passphrase() -> None:
        flow.go_next()
        flow.passphrase.fields.first.setText(PASSPHRASE)
        flow.passphrase.fields.second.setText(PASSPHRASE)

    def confirm() -> None:
        groups[:] = flow.recovery.code_label.text().split("-")
        flow.go_next()

    groups: list[str] = []
    guarded("setup", failures, lambda: (
        step("welcome"), step("passphrase", passphrase), step("recovery code", flow.go_next),
        step("confirm the code", confirm)))
    if len(groups) == 5:
        def country() -> None:
            flow.confirm.inputs[0].setText(groups[1])
            flow.confirm.inputs[1].setText(groups[4])
            flow.go_next()

        guarded("setup", failures, lambda: (step("country", country),
                                            step("children", flow.go_next)))
    window.close()


def _context(folder_path: Path):
    from app.desktop.notifications import RecordingNotifier
    from app.storage.data_folder import DataFolder
    from app.ui.context import AppContext
    from tests.conftest import FAST_KDF

    clock = _clock()
    return AppContext(DataFolder(folder_path), clock=clock, kdf_params=FAST_KDF,
                      notifier=RecordingNotifier(), use_tray=False, backup_delay_ms=None)


def _clock():
    from app.core.clock import SettableClock

    return SettableClock(dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC))


def demo_family(root: Path):
    """The ``--demo`` family (Maya, Sam, Robin; United States) with a year of history."""
    from app.storage.demo import create_demo

    return create_demo(root / "demo", _clock())  # it brings a year of check-ins of its own


def tour(qtbot, root: Path, visit: Visit) -> list[str]:
    """Visit every screen; returns the screens that could not be opened."""
    from app.storage.demo import DEMO_PASSPHRASE
    from app.ui.main_window import MainWindow

    failures: list[str] = []
    tour_setup(qtbot, root, visit, failures)
    context = _context(demo_family(root).root)
    context.demo_passphrase = DEMO_PASSPHRASE
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(*WINDOW_SIZE)
    _show(window)
    settle(qtbot)
    visit("unlock", window)
    window.unlock_page.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_page.try_unlock()
    qtbot.waitUntil(lambda: window.shell is not None, timeout=15000)
    settle(qtbot, window)
    shell = window.shell
    for page_id in shell.page_ids():
        guarded(f"page {page_id}", failures, lambda page_id=page_id: (
            shell.show_page(page_id), settle(qtbot, window),
            visit(f"page {page_id}", window)))
    _tour_dialogs(qtbot, window, visit, failures)
    _tour_locked(qtbot, window, visit, failures)
    window.close()
    guarded("counsellor", failures, lambda: _tour_counsellor(qtbot, root, visit))
    return failures


def _tour_homework(qtbot, window, visit: Visit) -> None:
    """A plan's preview, how a task went, the week's questions and the report writer."""
    import tempfile

    from app.core.plans.examples import example_plan
    from app.core.plans.fhir_plan import plan_bytes
    from app.ui.content_access import shipped_library
    from app.ui.plans.import_dialog import ImportPlanDialog
    from app.ui.plans.questions_dialog import WeeklyQuestionsDialog
    from app.ui.plans.report_dialog import ReportDialog
    from app.ui.plans.task_dialog import TaskDialog

    ops, library = window.session.ops, shipped_library().library
    clock = window.session.services.vault.clock
    plan = example_plan(clock.now().date() - dt.timedelta(days=8))
    path = Path(tempfile.mkdtemp()) / "plan.porchplan"
    path.write_bytes(plan_bytes(plan, library))
    preview = ImportPlanDialog(ops, clock, library, window)
    preview.load(path)
    _show(preview)
    settle(qtbot, window)
    visit("dialog: a counsellor's plan, before importing", preview)
    preview.reject()
    actives = ops.run_now(lambda s: s.plans.active_plans())
    if not actives:
        child = ops.run_now(lambda s: s.family.children()[0].id)
        actives = [ops.run_now(lambda s: s.plans.import_plan(plan, child))]
    active = actives[0]
    week = active.plan.weeks[0]
    for name, make in (
            ("dialog: how did it go", lambda: TaskDialog(ops, active, week.task_ids()[0], window)),
            ("dialog: this week's questions",
             lambda: WeeklyQuestionsDialog(ops, active, week.number, window)),
            ("dialog: progress report", lambda: ReportDialog(ops, clock, library, active.id,
                                                             window))):
        dialog = make()
        _show(dialog)
        settle(qtbot, window)
        visit(name, dialog)
        dialog.reject()
        settle(qtbot, window)


def _tour_counsellor(qtbot, root: Path, visit: Visit) -> None:
    """A counsellor's workspace: the plan builder, templates and reports received."""
    from app.storage import vault
    from app.storage.services import Services
    from app.ui.main_window import MainWindow
    from tests.conftest import FAST_KDF, PASSPHRASE, RECOVERY

    context = _context(root / "counsellor")
    opened = vault.create(context.folder, PASSPHRASE, RECOVERY, FAST_KDF, _clock())
    services = Services.for_vault(opened)
    services.plans.set_workspace("counsellor")
    services.close()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(*WINDOW_SIZE)
    _show(window)
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.try_unlock()
    qtbot.waitUntil(lambda: window.shell is not None, timeout=15000)
    settle(qtbot, window)
    for page_id in window.shell.page_ids():
        window.shell.show_page(page_id)
        settle(qtbot, window)
        visit(f"counsellor page {page_id}", window)
    window.close()


def _tour_dialogs(qtbot, window, visit: Visit, failures: list[str]) -> None:
    shell = window.shell
    family = shell.page("family")
    visit_modal(qtbot, "dialog: add a child", family.add_child, visit, failures)
    checkins = shell.page("checkins")
    visit_modal(qtbot, "dialog: set up a check-in", checkins.add_schedule, visit, failures)

    def small(name: str, make: Callable[[], QDialog]) -> None:
        def show() -> None:
            dialog = make()
            _show(dialog)
            settle(qtbot, window)
            visit(name, dialog)
            dialog.reject()
        guarded(name, failures, show)

    from app.ui.checkins.occurrence_dialogs import RescheduleDialog, SkipDialog, TalkDialog

    small("dialog: we talked", lambda: TalkDialog("Maya and Sam", window))
    small("dialog: skip", lambda: SkipDialog(window))
    small("dialog: another time", lambda: RescheduleDialog(window.checkins.clock.now(), window))
    library = shell.page("library")
    small("dialog: practise saying no", library.open_practice)

    def help_now() -> None:
        dialog = window.open_help_now()
        settle(qtbot, window)
        visit("dialog: help now", dialog)
        dialog.close()

    guarded("dialog: help now", failures, help_now)

    def coach() -> None:
        maya = next(c.id for c in window.services.family.children() if c.name == "Maya")
        window.checkins.start(None, (maya,))
        dialog = window.checkins.coach
        settle(qtbot, window)
        visit("coach: prepare", dialog)
        dialog.begin()
        settle(qtbot, window)
        visit("coach: talk", dialog)
        dialog.discard_and_close()
        settle(qtbot, window)

    guarded("coach", failures, coach)
    _tour_journal(qtbot, window, visit, failures)


def _tour_journal(qtbot, window, visit: Visit, failures: list[str]) -> None:
    """Quick entry with its details open, an entry's history, the export, and Help now after
    an urgent sign (the demo family has a year of journal entries)."""

    def quick_entry() -> None:
        dialog = window.note_something()
        settle(qtbot, window)
        dialog.details_toggle.click()
        settle(qtbot, window)
        visit("dialog: note something", dialog)
        dialog.discard_and_close()
        settle(qtbot, window)

    def history() -> None:
        journal = window.shell.show_page("journal")
        settle(qtbot, window)
        qtbot.waitUntil(lambda: journal.model.rowCount() > 0, timeout=10000)
        from app.ui.journal.timeline_model import ID_ROLE

        entry_id = journal.model.index(0).data(ID_ROLE)
        journal.open_history(entry_id)
        settle(qtbot, window)
        visit("dialog: history of an entry", journal.history_dialog)
        journal.history_dialog.reject()

    def export() -> None:
        dialog = window.export_journal()
        settle(qtbot, window)
        visit("dialog: export for a professional", dialog)
        dialog.reject()

    def urgent_help() -> None:
        dialog = window.open_help_now(urgent=True)
        settle(qtbot, window)
        visit("dialog: help now after an urgent sign", dialog)
        dialog.close()

    def homework() -> None:
        _tour_homework(qtbot, window, visit)

    for name, action in (("dialog: homework", homework),
                         ("dialog: note something", quick_entry),
                         ("dialog: history of an entry", history),
                         ("dialog: export for a professional", export),
                         ("dialog: help now after an urgent sign", urgent_help)):
        guarded(name, failures, action)


def _tour_locked(qtbot, window, visit: Visit, failures: list[str]) -> None:
    window.lock()
    settle(qtbot)

    def recover() -> None:
        from app.ui.dialogs.recover_dialog import RecoverDialog

        window.unlock_page.open_recovery()
        settle(qtbot)
        dialog = window.unlock_page.findChild(RecoverDialog)
        visit("dialog: recovery code", dialog)
        dialog.reject()

    def restore() -> None:
        window.unlock_page.open_restore()
        settle(qtbot)
        dialog = window.unlock_page.restore_dialog
        visit("dialog: restore a backup", dialog)
        dialog.reject()

    def locked_note() -> None:
        dialog = window.note_something()
        settle(qtbot)
        visit("dialog: note something while locked", dialog)
        dialog.close()

    guarded("dialog: note something while locked", failures, locked_note)
    guarded("dialog: recovery code", failures, recover)
    guarded("dialog: restore a backup", failures, restore)
