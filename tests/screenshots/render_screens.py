"""Render every screen to PNG, in light and dark, for a person to look at.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/screenshots/render_screens.py OUT_DIR

Not a test: it drives the real windows with a throw-away data folder and saves what they show.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SCREEN = ROOT / "tests" / "offscreen_screen.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.core.clock import SettableClock  # noqa: E402
from app.desktop.notifications import RecordingNotifier  # noqa: E402
from app.storage.data_folder import DataFolder  # noqa: E402
from app.storage.key_derivation import KdfParams  # noqa: E402
from app.ui.application import create_application  # noqa: E402
from app.ui.background import wait_for_background  # noqa: E402
from app.ui.context import AppContext  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402

PASSPHRASE = "lantern orchard velvet comet"
SIZES = {"large": (1280, 800), "small": (1024, 640)}


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        wait_for_background()
        app.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    widget.grab().save(str(out / f"{name}.png"))


def render(out: Path, scheme: str, size: tuple[int, int]) -> None:
    os.environ["PORCHLIGHT_COLOR_SCHEME"] = scheme
    app = create_application(sys.argv[:1])
    tag = f"{scheme}-{size[0]}x{size[1]}"
    clock = SettableClock(dt.datetime(2026, 11, 23, 20, tzinfo=dt.UTC))
    folder = DataFolder(Path(tempfile.mkdtemp()) / "data")
    context = AppContext(folder, clock, KdfParams(1, 8 * 1024, 1), notifier=RecordingNotifier(),
                         use_tray=False)
    window = MainWindow(context)
    window.resize(*size)
    window.show()
    flow = window.setup_flow
    save(window, out, f"01-welcome-{tag}")
    flow.go_next()
    flow.passphrase.fields.first.setText("lantern orchard")
    flow.passphrase.fields.second.setText("lantern")
    settle(app)
    save(window, out, f"02-passphrase-weak-{tag}")
    flow.passphrase.fields.first.setText(PASSPHRASE)
    flow.passphrase.fields.second.setText(PASSPHRASE)
    settle(app)
    save(window, out, f"03-passphrase-ok-{tag}")
    flow.go_next()
    save(window, out, f"04-recovery-code-{tag}")
    groups = flow.recovery.code_label.text().split("-")
    flow.go_next()
    flow.confirm.inputs[0].setText(groups[1])
    flow.confirm.inputs[1].setText("ABCDE")
    settle(app)
    save(window, out, f"05-confirm-code-{tag}")
    flow.confirm.inputs[1].setText(groups[4])
    flow.go_next()
    save(window, out, f"06-country-{tag}")
    flow.go_next()
    step = flow.children
    for name, month, year in (("Maya", 4, 2017), ("Sam", 10, 2012), ("Baby Jo", 2, 2025)):
        step.name.setText(name)
        step.month.setCurrentIndex(month - 1)
        step.year.setValue(year)
        step.add_current()
    step.name.setText("Robin")
    step.year.setValue(2026)  # December 2026: in the future
    step.month.setCurrentIndex(11)
    step.add_current()
    settle(app)
    save(window, out, f"07-children-{tag}")
    step.name.clear()
    flow.go_next()
    app.processEvents()
    save(window, out, f"08-setting-up-{tag}")
    for _ in range(50):
        settle(app)
        if window.shell is not None:
            break
    window.services.family.add("Alex", 2007, 9)
    window.shell.page("family").refresh()
    settle_ops(app, window)
    settle(app)  # widgets added on delivery are shown on the next turn
    save(window, out, f"09-family-{tag}")
    render_checkins(app, window, clock, out, tag)
    render_coach(app, window, out, tag)
    library = window.shell.show_page("library")
    settle_ops(app, window)
    save(window, out, f"13-library-{tag}")
    library.tabs.setCurrentIndex(1)
    settle(app)
    save(window, out, f"14-library-saying-no-{tag}")
    practice = library.open_practice()
    settle(app)
    save(practice, out, f"15-practice-{tag}")
    practice.close()
    library.tabs.setCurrentIndex(0)
    window.shell.sidebar.setCurrentRow(0)
    window.open_help_now()
    settle_ops(app, window)
    settle(app)  # widgets added on delivery are shown on the next turn
    save(window.help_dialog, out, f"16-help-now-unlocked-{tag}")
    window.help_dialog.scroll.verticalScrollBar().setValue(10**6)
    settle(app)
    save(window.help_dialog, out, f"17-help-now-evidence-{tag}")
    window.help_dialog.close()
    from app.core.family import check_details
    from app.ui.dialogs.child_dialog import ChildDialog

    page = window.shell.page("family")
    dialog = ChildDialog(lambda n, y, m: check_details(n, y, m, dt.date(2026, 11, 23)),
                         lambda details, done, failed: None, dt.date(2026, 11, 23), None, page)
    dialog.show()
    dialog.name.setText("Zoe")
    dialog.year.setValue(2027)
    dialog.save()
    settle(app)
    save(dialog, out, f"10-child-dialog-error-{tag}")
    dialog.close()
    render_settings_and_drafts(app, window, out, tag)
    window.lock()
    settle(app)
    window.unlock_page.passphrase.setText("wrong one")
    window.unlock_page.try_unlock()
    settle(app, 20)
    save(window, out, f"11-unlock-wrong-{tag}")
    window.unlock_page.open_recovery()
    settle(app)
    from app.ui.dialogs.recover_dialog import RecoverDialog

    recover = window.unlock_page.findChild(RecoverDialog)
    save(recover, out, f"12-recover-dialog-{tag}")
    recover.close()
    window.open_help_now()
    settle(app)
    save(window.help_dialog, out, f"18-help-now-locked-{tag}")
    window.help_dialog.close()
    window.close()


def render_checkins(app, window, clock, out: Path, tag: str) -> None:
    from app.core.schedules import ScheduleSpec
    from app.ui.checkins.occurrence_dialogs import RescheduleDialog, SkipDialog, TalkDialog
    from app.ui.checkins.schedule_dialog import ScheduleDialog

    store, family = window.services.checkins, window.services.family.children()
    ids = {c.name: c.id for c in family}
    store.add_schedule(ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1,
                                    dt.date(2026, 11, 23)), [ids["Maya"], ids["Sam"]], "Dad")
    store.add_schedule(ScheduleSpec(2, dt.time(19, 30), "America/New_York", 2,
                                    dt.date(2026, 11, 23), ("15",)), [ids["Alex"]], "Mum")
    store.record_unscheduled([ids["Maya"]], "Talked about a game chat.")
    window.checkins.replan()
    shell = window.shell
    page = shell.show_page("checkins")
    page.refresh()
    settle_ops(app, window)
    settle(app)  # widgets added on delivery are shown on the next turn of the event loop
    save(window, out, f"19-checkins-{tag}")
    dialog = ScheduleDialog(family, lambda *a: None, dt.date(2026, 11, 23),
                            store.schedules()[0], page, caregivers=["Dad", "Mum"])
    dialog.show()
    settle(app)
    save(dialog, out, f"20-schedule-dialog-{tag}")
    dialog.close()
    clock.set(dt.datetime(2026, 11, 29, 18, 5, tzinfo=dt.UTC))
    window.checkins.replan()
    settle_ops(app, window)
    settle(app)
    save(window, out, f"21-due-banner-{tag}")
    for index, name in ((22, "talk"), (23, "skip"), (23, "move")):
        small = (TalkDialog("Maya and Sam", window) if name == "talk" else
                 SkipDialog(window) if name == "skip" else
                 RescheduleDialog(clock.now(), window, zone="America/New_York"))
        small.show()
        settle(app)
        save(small, out, f"{index}-{name}-dialog-{tag}")
        small.close()


def settle_ops(app: QApplication, window, rounds: int = 300) -> None:
    """Until the database worker has delivered what the screens asked for (or a few seconds),
    and a few turns more: widgets added on delivery (a page made on its first visit fills
    itself then) are shown on the next turn."""
    import time

    for _ in range(rounds):
        settle(app, 1)
        if window.session is None or window.session.ops.idle():
            break
        time.sleep(0.01)
    settle(app, 3)


def render_coach(app, window, out: Path, tag: str) -> None:
    from app.ui.coach.coach_dialog import CoachDialog
    from app.ui.content_access import shipped_library

    services = window.services
    ids = {c.name: c.id for c in services.family.children()}
    library = shipped_library().library
    for child, seed_name in ((ids["Maya"], "maya"),):
        dialog = CoachDialog(window.session.ops, library, (child,), "Maya", None, window)
        dialog.show()
        settle_ops(app, window)
        settle(app)
        save(dialog, out, f"24-coach-prepare-{tag}")
        dialog.begin()
        settle(app)
        save(dialog, out, f"25-coach-talk-{tag}")
        for _ in dialog.picks:
            dialog.talk.talked_button.click()
        settle(app)
        save(dialog, out, f"26-coach-practise-{tag}")
        dialog.practise.next_button.click()
        settle(app)
        save(dialog, out, f"27-coach-close-{tag}")
        dialog.close_step.next_button.click()
        dialog.after.rating.button(4).setChecked(True)
        settle_ops(app, window)
        save(dialog, out, f"28-coach-after-{tag}")
        dialog.after.finish_button.click()
        settle_ops(app, window)
        del seed_name
    shell = window.shell
    talks = shell.show_page("talks")
    settle_ops(app, window)
    talks.child.setCurrentIndex(talks.child.findData(ids["Maya"]))
    settle_ops(app, window)
    save(window, out, f"29-talks-coverage-{tag}")


def render_settings_and_drafts(app, window, out: Path, tag: str) -> None:
    """Settings with a few backups, then a talk kept as a draft across a lock."""
    services = window.services
    vault = services.vault
    from app.storage.backups import create_backup

    for reason in ("daily", "manual"):
        create_backup(vault.engine, vault.folder, reason, vault.clock.now())
    for name in ("Dad", "Grandma Jo"):
        services.caregivers.add(name)
    page = window.shell.show_page("settings")
    page.family.refresh()
    settle_ops(app, window)
    save(window, out, f"30-settings-{tag}")
    for number, section in enumerate((page.family, page.reminders, page.backups), start=1):
        page.scroll.ensureWidgetVisible(section, 0, 0)
        page.scroll.verticalScrollBar().setValue(section.y() - 12)
        settle(app)
        save(window, out, f"30-settings-{number}-{section.objectName()}-{tag}")
    page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum())
    settle(app)
    save(window, out, f"30-settings-4-about-{tag}")
    dialog = page.security.open_change_passphrase()
    dialog.current.setText(PASSPHRASE)
    dialog.fields.first.setText("harbour tinsel maple")
    settle(app)
    save(dialog, out, f"30-settings-5-change-passphrase-{tag}")
    dialog.reject()
    dialog = page.security.open_new_recovery_code()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.go_next()
    settle_ops(app, window)
    settle(app)
    save(dialog, out, f"30-settings-6-new-recovery-code-{tag}")
    dialog.go_next()
    settle(app)
    save(dialog, out, f"30-settings-7-confirm-recovery-code-{tag}")
    dialog.reject()
    settle(app)
    maya = next(c.id for c in services.family.children() if c.name == "Maya")
    window.checkins.start(None, (maya,))
    settle_ops(app, window)  # the coach reads Maya's history on the worker first
    coach = window.checkins.coach
    coach.begin()
    coach.talk.note.setText("She knew the block button already")
    window.lock()
    settle(app)
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.try_unlock()
    for _ in range(50):
        settle(app)
        if window.shell is not None:
            break
    window.shell.show_page("family")
    settle_ops(app, window)
    settle(app)
    save(window, out, f"31-drafts-kept-{tag}")
    for draft in window.services.drafts.drafts():
        window.session.discard_draft(draft.id)
    settle_ops(app, window)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        for size in SIZES.values():
            render(out, scheme, size)
    print(f"saved to {out}")


if __name__ == "__main__":
    main()
