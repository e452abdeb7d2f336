"""Check-ins driven through the real window: set up, reminder, snooze, skip, talk, missed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from app.core.schedules import ScheduleSpec
from app.ui.checkins.occurrence_dialogs import RescheduleDialog, SkipDialog
from app.ui.checkins.schedule_dialog import ScheduleDialog
from app.ui.coach.coach_dialog import CoachDialog
from tests.ui.helpers import answer_next_dialog, open_unlocked, wait_for_ops


def london(clock) -> str:
    """", London time" where this computer's clock is not London's (the zone runs)."""
    from zoneinfo import ZoneInfo

    from app.ui.dates import zone_differs

    return ", London time" if zone_differs(ZoneInfo("Europe/London"), clock.now()) else ""

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


def click(window, name: str, qtbot=None) -> None:
    found = window.findChild(QPushButton, name)
    assert found is not None, name
    found.click()
    if qtbot is not None:
        settle(qtbot, window)


def settle(qtbot, window) -> None:
    """Until every write, the re-plan after it and the refreshes it caused have run."""
    for _ in range(3):  # a write, then its re-plan, then what that pass asked for
        wait_for_ops(qtbot, window)
        qtbot.wait(10)
    wait_for_ops(qtbot, window)


def replan(qtbot, window) -> None:
    window.checkins.replan()
    settle(qtbot, window)


def open_on_checkins(qtbot, context):
    """The unlocked window, on the Check-ins page (found by its id)."""
    window = open_unlocked(qtbot, context)
    window.shell.show_page("checkins")
    settle(qtbot, window)
    return window


def schedule_texts(page) -> list[str]:
    return [label.text() for label in page.findChildren(QLabel, "sectionTitle")]


def test_set_up_remind_snooze_and_talk(qtbot, context, clock, family):
    sam, _ = family
    window = open_on_checkins(qtbot, context)
    page = window.shell.show_page("checkins")

    def fill(dialog: ScheduleDialog):
        for child_id, box in dialog.child_boxes.items():
            box.setChecked(child_id == sam.id)
        dialog.weekday.setCurrentIndex(6)
        dialog.time.setTime(dialog.time.time().fromString("18:00", "HH:mm"))
        dialog.zone.setCurrentText("Europe/London")
        dialog.save_button.click()
    answer_next_dialog(fill)
    page.add_button.click()
    settle(qtbot, window)
    schedules = window.services.checkins.schedules()
    assert [(s.spec.weekday, s.spec.at, s.spec.zone, s.child_ids) for s in schedules] == [
        (6, dt.time(18, 0), "Europe/London", (sam.id,))]
    assert f"Every Sunday at 18:00{london(clock)} — with Sam" in schedule_texts(page)
    facts = [label.text() for label in page.findChildren(QLabel, "scheduleFacts")]
    assert facts and facts[0].startswith(f"Next: Sun 29 Nov, 18:00{london(clock)} (in 6 days)")
    family_page = window.shell.show_page("family")
    settle(qtbot, window)
    assert "in 6 days" in family_page.findChild(QLabel, f"nextCheckin{sam.id}").text()
    window.shell.show_page("checkins")

    clock.set(utc(2026, 11, 29, 18, 0))
    replan(qtbot, window)
    assert banner_texts(window) == ["Check-in with Sam is due"]
    shown = context.notifier.shown
    assert shown[-1] == ("Porchlight", "Time for your weekly check-in.")
    assert all("Sam" not in title + body for title, body in shown)

    due = window.checkins.due[0]
    snooze = window.findChild(QPushButton, f"snooze_due{due.id}")
    assert snooze.accessibleName() == "Snooze check-in with Sam for 1 hour"
    click(window, f"snooze_due{due.id}", qtbot)
    assert banner_texts(window) == []
    clock.advance(dt.timedelta(hours=1))
    replan(qtbot, window)
    assert banner_texts(window) == ["Check-in with Sam is due"]

    def talk(dialog: CoachDialog):
        dialog.prepare.begin_button.click()
        for _ in dialog.picks:
            dialog.talk.talked_button.click()
        dialog.practise.next_button.click()
        dialog.close_step.next_button.click()
        dialog.after.notes.setPlainText("Talked about game chats.")
        dialog.after.finish_button.click()
    click(window, f"start_due{due.id}", qtbot)
    coach = window.checkins.coach  # the coach is not modal
    qtbot.waitUntil(lambda: coach.prepare.begin_button.isEnabled(), timeout=5000)
    settle(qtbot, window)
    talk(coach)
    settle(qtbot, window)
    assert banner_texts(window) == []
    history = window.services.checkins.occurrences(child_id=sam.id)
    assert [(o.status, o.note) for o in history] == [("done", "Talked about game chats.")]
    page.history_child.setCurrentIndex(page.history_child.findData(sam.id))
    settle(qtbot, window)
    assert page.history.item(0).text().endswith("— Talked")
    assert page.consistency.text() == "Talked at 1 of the last check-in"


def test_skip_with_a_reason_and_move_one(qtbot, context, clock, family):
    sam, maya = family
    window = open_on_checkins(qtbot, context)
    window.services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)),
        [sam.id, maya.id], "Dad")
    clock.set(utc(2026, 11, 29, 18, 30))
    replan(qtbot, window)
    assert banner_texts(window) == ["Check-in with Sam and Maya is due"]

    def give_reason(dialog: SkipDialog):
        dialog.ok_button.click()  # no reason yet: refused, dialog stays
        assert dialog.isVisible() and "reason" in dialog.message.text()
        dialog.reason.setCurrentText("Grandma visiting")
        dialog.ok_button.click()
    answer_next_dialog(give_reason)
    click(window, f"skip_due{window.checkins.due[0].id}", qtbot)
    skipped = window.services.checkins.occurrences(child_id=maya.id)[0]
    assert (skipped.status, skipped.reason) == ("skipped", "Grandma visiting")

    clock.set(utc(2026, 12, 6, 18, 0))
    replan(qtbot, window)
    due = window.checkins.due[0]

    def move(dialog: RescheduleDialog):
        dialog.when.setDateTime(dialog.when.dateTime().addDays(1))
        dialog.ok_button.click()
    answer_next_dialog(move)
    click(window, f"move_due{due.id}", qtbot)
    assert banner_texts(window) == []
    moved = window.services.checkins.occurrence(due.id)
    assert moved.rescheduled and moved.due_at > clock.now() + dt.timedelta(hours=24)


def test_three_closed_weeks_show_one_missed_notice(qtbot, context, clock, family, folder):
    sam, _ = family
    window = open_on_checkins(qtbot, context)
    window.services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)), [sam.id])
    window.quit_for_real()

    clock.set(utc(2026, 12, 16, 9, 0))
    window = open_on_checkins(qtbot, context)
    settle(qtbot, window)
    assert banner_texts(window) == [
        "3 weekly check-ins with Sam were missed — start one now?"]
    missed_notices = [b for _, b in context.notifier.shown if "missed" in b]
    assert missed_notices == ["3 weekly check-ins were missed. Start one now?"]
    group = window.checkins.missed[0]
    click(window, f"dismiss_missed{group.occurrence_ids[0]}", qtbot)
    assert banner_texts(window) == []
    window.quit_for_real()

    window = open_on_checkins(qtbot, context)  # shown once: not again after a restart
    settle(qtbot, window)
    assert banner_texts(window) == []
    history = window.services.checkins.occurrences(child_id=sam.id)
    assert [o.status for o in history] == ["missed"] * 3
    assert len([b for _, b in context.notifier.shown if "missed" in b]) == 1


def test_names_in_notifications_only_when_chosen(qtbot, context, clock, family):
    sam, _ = family
    window = open_on_checkins(qtbot, context)
    # The choice itself is made in Settings (its own tests); here, only that it is followed.
    window.services.settings.set("notifications.show_names", "1")
    window.services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)), [sam.id])
    clock.set(utc(2026, 11, 29, 18, 0))
    replan(qtbot, window)
    assert context.notifier.shown[-1][1] == "Time for your weekly check-in with Sam."


def test_calendar_export_from_the_page(qtbot, context, clock, family, tmp_path, monkeypatch):
    from icalendar import Calendar
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    sam, _ = family
    window = open_on_checkins(qtbot, context)
    window.services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 2, dt.date(2026, 11, 29)), [sam.id])
    window.shell.show_page("checkins").refresh()
    settle(qtbot, window)
    target = tmp_path / "family.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    window.shell.page("checkins").export_button.click()
    event = Calendar.from_ical(target.read_bytes()).walk("VEVENT")[0]
    assert event["RRULE"]["INTERVAL"] == [2] and b"Sam" not in target.read_bytes()


def test_a_discreet_reminder_still_comes_while_locked(qtbot, context, clock, family, folder):
    from app.ui.checkins.locked_reminders import BODY

    sam, _ = family
    window = open_on_checkins(qtbot, context)
    window.services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29), ()),
        [sam.id])
    replan(qtbot, window)
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
    window = open_on_checkins(qtbot, context)
    store = window.services.checkins
    window.services.caregivers.add("Grandma")
    schedule = store.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)), [sam.id])
    page = window.shell.show_page("checkins")
    page.refresh()
    settle(qtbot, window)

    def change(dialog: ScheduleDialog):
        dialog.child_boxes[maya.id].setChecked(True)
        dialog.every.setCurrentIndex(1)
        dialog.choose_caregiver("Grandma")
        dialog.save_button.click()
    answer_next_dialog(change)
    click(window, f"editSchedule{schedule.id}", qtbot)
    changed = store.schedule(schedule.id)
    assert (changed.child_ids, changed.spec.every_weeks, changed.caregiver) == (
        (sam.id, maya.id), 2, "Grandma")
    pause = window.findChild(QPushButton, f"pauseSchedule{schedule.id}")
    assert pause.accessibleName() == (
        f"Pause Every other Sunday at 18:00{london(clock)} check-in with Sam and Maya")
    click(window, f"pauseSchedule{schedule.id}", qtbot)
    assert store.schedule(schedule.id).paused
    assert "Paused" in page.findChild(QLabel, "scheduleFacts").text()
    resume = window.findChild(QPushButton, f"pauseSchedule{schedule.id}")
    assert resume.text() == "Resume" and resume.accessibleName().startswith("Resume Every")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    click(window, f"deleteSchedule{schedule.id}", qtbot)
    assert store.schedules() == []
    assert page.findChild(QLabel, "noSchedules") is not None


def test_the_tray_is_told_when_something_waits(qtbot, context, clock, family):
    sam, _ = family
    window = open_on_checkins(qtbot, context)
    marks = []
    window.checkins.attention.connect(marks.append)
    window.services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)), [sam.id])
    replan(qtbot, window)
    clock.set(utc(2026, 11, 29, 18, 0))
    replan(qtbot, window)
    assert marks[0] is False and marks[-1] is True


def test_the_reminders_options_live_in_settings_not_here(qtbot, context, family):
    from PySide6.QtWidgets import QCheckBox

    window = open_on_checkins(qtbot, context)
    page = window.shell.page("checkins")
    names = {box.objectName() for box in page.findChildren(QCheckBox)}
    assert not names & {"showNames", "startAtLogin", "closeToTray"}


def test_a_quiet_heartbeat_does_not_rebuild_the_pages(qtbot, context, clock, family):
    window = open_on_checkins(qtbot, context)
    page = window.shell.show_page("checkins")
    settle(qtbot, window)
    changed, ticked, shown = [], [], []
    window.checkins.changed.connect(lambda: changed.append(1))
    window.checkins.ticked.connect(lambda: ticked.append(1))
    page.show_data = lambda data, show=page.show_data: (shown.append(1), show(data))
    window.checkins.engine.check_now()
    settle(qtbot, window)
    window.checkins.engine.check_now()
    settle(qtbot, window)
    assert changed == [] and len(ticked) == 2 and shown == []
