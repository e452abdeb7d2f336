"""Check-ins driven through the real window: set up, reminder, snooze, skip, talk, missed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from app.core.schedules import ScheduleSpec
from app.ui.checkins.occurrence_dialogs import RescheduleDialog, SkipDialog
from app.ui.checkins.schedule_dialog import ScheduleDialog
from app.ui.coach.coach_dialog import CoachDialog
from tests.ui.helpers import answer_next_dialog, open_unlocked


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


@pytest.fixture
def family(services):
    sam = services.family.add("Sam", 2016, 4)
    maya = services.family.add("Maya", 2012, 9)
    services.close()
    return sam, maya


def banner_texts(window) -> list[str]:
    banner = window.shell.banner
    return [label.text() for label in banner.findChildren(QLabel, "bannerText")
            ] if banner.isVisible() else []


def click(window, name: str) -> None:
    found = window.findChild(QPushButton, name)
    assert found is not None, name
    found.click()


def test_set_up_remind_snooze_and_talk(qtbot, context, clock, family):
    sam, _ = family
    window = open_unlocked(qtbot, context)
    window.shell.sidebar.setCurrentRow(window.shell.page_titles().index("Check-ins"))
    page = window.shell.page("Check-ins")

    def fill(dialog: ScheduleDialog):
        for child_id, box in dialog.child_boxes.items():
            box.setChecked(child_id == sam.id)
        dialog.weekday.setCurrentIndex(6)
        dialog.time.setTime(dialog.time.time().fromString("18:00", "HH:mm"))
        dialog.zone.setCurrentText("Europe/London")
        dialog.save_button.click()
    answer_next_dialog(fill)
    page.add_button.click()
    schedules = window.services.checkins.schedules()
    assert [(s.spec.describe(), s.child_ids) for s in schedules] == [
        ("Every Sunday at 18:00", (sam.id,))]
    facts = [label.text() for label in page.findChildren(QLabel, "scheduleFacts")]
    assert facts and facts[0].startswith("Next: Sun 29 Nov, 18:00 (in 6 days)")
    family_page = window.shell.page("Family")
    assert "in 6 days" in family_page.findChild(QLabel, f"nextCheckin{sam.id}").text()

    clock.set(utc(2026, 11, 29, 18, 0))
    window.checkins.replan()
    assert banner_texts(window) == ["Check-in with Sam is due"]
    shown = context.notifier.shown
    assert shown[-1] == ("Porchlight", "Time for your weekly check-in.")
    assert all("Sam" not in title + body for title, body in shown)

    due = window.checkins.due[0]
    click(window, f"snooze_due{due.id}")
    assert banner_texts(window) == []
    clock.advance(dt.timedelta(hours=1))
    window.checkins.replan()
    assert banner_texts(window) == ["Check-in with Sam is due"]

    def talk(dialog: CoachDialog):
        dialog.prepare.begin_button.click()
        for _ in dialog.picks:
            dialog.talk.talked_button.click()
        dialog.practise.next_button.click()
        dialog.close_step.next_button.click()
        dialog.after.notes.setPlainText("Talked about game chats.")
        dialog.after.finish_button.click()
    click(window, f"start_due{due.id}")
    talk(window.checkins.coach)  # the coach is not modal
    assert banner_texts(window) == []
    history = window.services.checkins.occurrences(child_id=sam.id)
    assert [(o.status, o.note) for o in history] == [("done", "Talked about game chats.")]
    page.history_child.setCurrentIndex(page.history_child.findData(sam.id))
    assert page.history.item(0).text().endswith("— Talked")
    assert page.consistency.text() == "Talked at 1 of the last 1 check-ins"


def test_skip_with_a_reason_and_move_one(qtbot, context, clock, family):
    sam, maya = family
    window = open_unlocked(qtbot, context)
    window.services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)),
        [sam.id, maya.id], "Dad")
    clock.set(utc(2026, 11, 29, 18, 30))
    window.checkins.replan()
    assert banner_texts(window) == ["Check-in with Sam and Maya is due"]

    def give_reason(dialog: SkipDialog):
        dialog.ok_button.click()  # no reason yet: refused, dialog stays
        assert dialog.isVisible() and "reason" in dialog.message.text()
        dialog.reason.setCurrentText("Grandma visiting")
        dialog.ok_button.click()
    answer_next_dialog(give_reason)
    click(window, f"skip_due{window.checkins.due[0].id}")
    skipped = window.services.checkins.occurrences(child_id=maya.id)[0]
    assert (skipped.status, skipped.reason) == ("skipped", "Grandma visiting")

    clock.set(utc(2026, 12, 6, 18, 0))
    window.checkins.replan()
    due = window.checkins.due[0]

    def move(dialog: RescheduleDialog):
        dialog.when.setDateTime(dialog.when.dateTime().addDays(1))
        dialog.ok_button.click()
    answer_next_dialog(move)
    click(window, f"move_due{due.id}")
    assert banner_texts(window) == []
    moved = window.services.checkins.occurrence(due.id)
    assert moved.rescheduled and moved.due_at > clock.now() + dt.timedelta(hours=24)


def test_three_closed_weeks_show_one_missed_notice(qtbot, context, clock, family, folder):
    sam, _ = family
    window = open_unlocked(qtbot, context)
    window.services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)), [sam.id])
    window.quit_for_real()

    clock.set(utc(2026, 12, 16, 9, 0))
    window = open_unlocked(qtbot, context)
    assert banner_texts(window) == [
        "3 weekly check-ins with Sam were missed — start one now?"]
    missed_notices = [b for _, b in context.notifier.shown if "missed" in b]
    assert missed_notices == ["3 weekly check-ins were missed. Start one now?"]
    group = window.checkins.missed[0]
    click(window, f"dismiss_missed{group.occurrence_ids[0]}")
    assert banner_texts(window) == []
    window.quit_for_real()

    window = open_unlocked(qtbot, context)  # shown once: not again after a restart
    assert banner_texts(window) == []
    history = window.services.checkins.occurrences(child_id=sam.id)
    assert [o.status for o in history] == ["missed"] * 3
    assert len([b for _, b in context.notifier.shown if "missed" in b]) == 1


def test_names_in_notifications_only_when_chosen(qtbot, context, clock, family):
    sam, _ = family
    window = open_unlocked(qtbot, context)
    page = window.shell.page("Check-ins")
    page.show_names.setChecked(True)
    window.services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)), [sam.id])
    clock.set(utc(2026, 11, 29, 18, 0))
    window.checkins.replan()
    assert context.notifier.shown[-1][1] == "Time for your weekly check-in with Sam."


def test_calendar_export_from_the_page(qtbot, context, clock, family, tmp_path, monkeypatch):
    from icalendar import Calendar
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    sam, _ = family
    window = open_unlocked(qtbot, context)
    window.services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 2, dt.date(2026, 11, 29)), [sam.id])
    target = tmp_path / "family.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    window.shell.page("Check-ins").export_button.click()
    event = Calendar.from_ical(target.read_bytes()).walk("VEVENT")[0]
    assert event["RRULE"]["INTERVAL"] == [2] and b"Sam" not in target.read_bytes()


def test_a_discreet_reminder_still_comes_while_locked(qtbot, context, clock, family, folder):
    from app.ui.checkins.locked_reminders import BODY

    sam, _ = family
    window = open_unlocked(qtbot, context)
    window.services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29), ()),
        [sam.id])
    window.checkins.replan()
    window.lock()
    ini = folder.window_settings.read_text()
    assert "2026-11-29T18:00:00+00:00" in ini and "Sam" not in ini
    assert window.locked_reminders.next_moment() == utc(2026, 11, 29, 18, 0)
    before = len(context.notifier.shown)
    clock.set(utc(2026, 11, 29, 18, 0, 5))
    window.locked_reminders.ring()
    window.locked_reminders.ring()
    assert context.notifier.shown[before:] == [("Porchlight", BODY)]


def test_change_pause_and_delete_from_the_page(qtbot, context, clock, family, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    sam, maya = family
    window = open_unlocked(qtbot, context)
    store = window.services.checkins
    schedule = store.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)), [sam.id])
    page = window.shell.page("Check-ins")
    page.refresh()

    def change(dialog: ScheduleDialog):
        dialog.child_boxes[maya.id].setChecked(True)
        dialog.every.setCurrentIndex(1)
        dialog.caregiver.setText("Grandma")
        dialog.save_button.click()
    answer_next_dialog(change)
    click(window, f"editSchedule{schedule.id}")
    changed = store.schedule(schedule.id)
    assert (changed.child_ids, changed.spec.every_weeks, changed.caregiver) == (
        (sam.id, maya.id), 2, "Grandma")
    click(window, f"pauseSchedule{schedule.id}")
    assert store.schedule(schedule.id).paused
    assert "Paused" in page.findChild(QLabel, "scheduleFacts").text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    click(window, f"deleteSchedule{schedule.id}")
    assert store.schedules() == []


def test_the_tray_is_told_when_something_waits_and_login_start_can_be_turned_on(
        qtbot, context, clock, family):
    sam, _ = family
    window = open_unlocked(qtbot, context)
    marks = []
    window.checkins.attention.connect(marks.append)
    window.services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)), [sam.id])
    window.checkins.replan()
    clock.set(utc(2026, 11, 29, 18, 0))
    window.checkins.replan()
    assert marks[0] is False and marks[-1] is True
    page = window.shell.page("Check-ins")
    assert page.start_at_login.isVisibleTo(page)
    page.start_at_login.setChecked(True)
    assert context.autostart.is_enabled()
    assert "--minimized" in context.autostart.path().read_text()
    page.start_at_login.setChecked(False)
    assert not context.autostart.is_enabled()


def test_a_quiet_heartbeat_does_not_rebuild_the_pages(qtbot, context, clock, family):
    window = open_unlocked(qtbot, context)
    changed, ticked = [], []
    window.checkins.changed.connect(lambda: changed.append(1))
    window.checkins.ticked.connect(lambda: ticked.append(1))
    window.checkins.engine.check_now()
    window.checkins.engine.check_now()
    assert changed == [] and len(ticked) == 2
