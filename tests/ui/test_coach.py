"""The guided talk, from the due banner to done, by mouse and by keyboard alone."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from app.core.coach import TalkRecord
from app.core.schedules import ScheduleSpec
from app.ui.coach.coach_dialog import CoachDialog
from app.ui.ops import Ops
from tests.ui.helpers import open_unlocked, wait_for_ops

NOTE = "Quillfeather mentioned a lighthouse server"


def due_window(qtbot, context, clock, services):
    maya = services.family.add("Maya", 2016, 4)  # 10: ages 9–12
    services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29)), [maya.id])
    services.close()
    clock.set(dt.datetime(2026, 11, 29, 18, 2, tzinfo=dt.UTC))
    return open_unlocked(qtbot, context), maya


def test_from_the_due_banner_to_done_and_it_shows_after_restart(qtbot, context, clock,
                                                                 services, folder):
    window, maya = due_window(qtbot, context, clock, services)
    occurrence = window.checkins.due[0]
    seen = {}

    def lead_the_talk(dialog: CoachDialog):
        wait_for_ops(qtbot, window)  # the coach reads the history on the worker
        assert dialog.loaded
        reasons = [p.reason for p in dialog.picks]
        seen["reasons"] = reasons
        assert 2 <= len(dialog.picks) <= 3 and set(reasons) == {"never-covered"}
        worded = [label.text() for label in dialog.prepare.findChildren(QLabel, "pickReason")]
        assert len(worded) == len(reasons) and all("never talked about yet" in w for w in worded)
        dialog.prepare.begin_button.click()
        first = dialog.current().starter.id
        dialog.talk.swap_button.click()
        seen["swapped"] = first
        assert dialog.current().starter.id != first
        dialog.talk.note.setText("liked this one")
        dialog.talk.talked_button.click()
        dialog.talk.not_today_button.click()
        while dialog.stack.currentWidget() is dialog.talk:
            dialog.talk.talked_button.click()
        dialog.practise.practised.setChecked(True)
        seen["refusal"] = dialog.practise.refusal_id()
        dialog.practise.next_button.click()
        dialog.close_step.next_button.click()
        wait_for_ops(qtbot, window)
        seen["next"] = dialog.after.next_checkin.text()
        dialog.after.rating.button(4).setChecked(True)
        dialog.after.mood.setCurrentText("Chatty")
        dialog.after.notes.setPlainText(NOTE)
        writes = window.session.ops.writes
        dialog.after.finish_button.click()
        wait_for_ops(qtbot, window)
        seen["writes"] = window.session.ops.writes - writes

    window.findChild(QPushButton, f"start_due{occurrence.id}").click()
    lead_the_talk(window.checkins.coach)  # the coach is not modal
    wait_for_ops(qtbot, window)
    assert window.checkins.due == []
    assert seen["writes"] == 1  # the talk and its check-in, in one write
    assert seen["next"].startswith("Next check-in: Sun 6 Dec")
    talks = window.services.talks
    outcomes = dict(talks.outcomes(maya.id))
    assert outcomes[seen["swapped"]] == "swapped"
    assert sorted(outcomes.values()).count("not-today") == 1
    talk = talks.last_talk(maya.id)
    assert (talk.rating, talk.mood, talk.practised, talk.refusal_id) == (
        4, "chatty", True, seen["refusal"])  # the mood is stored as its key
    window.services.vault.backup("check")
    for path in folder.root.rglob("*"):
        if path.is_file():
            assert NOTE.encode() not in path.read_bytes(), path.name
    window.quit_for_real()

    window = open_unlocked(qtbot, context)
    assert window.services.checkins.occurrence(occurrence.id).status == "done"
    talks_page = window.shell.show_page("talks")
    wait_for_ops(qtbot, window)
    talked = {h.topic_id for h in window.services.talks.discussed(maya.id)}
    rows = {talks_page.table.item(r, 0).data(Qt.ItemDataRole.UserRole):
            talks_page.table.item(r, 1).text() for r in range(talks_page.table.rowCount())}
    assert talked and all(rows[t] != "—" for t in talked)
    assert sum(1 for text in rows.values() if text == "—") == len(rows) - len(talked)
    history = window.shell.page("checkins")
    wait_for_ops(qtbot, window)  # made on first visit: its history is read then
    history.history_child.setCurrentIndex(history.history_child.findData(maya.id))
    assert history.history.item(0).text().endswith("— Talked")


def test_the_whole_talk_works_from_the_keyboard(qtbot, clock, services):
    from app.ui.content_access import shipped_library

    maya = services.family.add("Maya", 2016, 4)
    ops = Ops(services)
    dialog = CoachDialog(ops, shipped_library().library, (maya.id,), "Maya")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    qtbot.waitUntil(ops.idle, timeout=5000)

    def press(key, times: int = 1, shift: bool = False):
        modifier = (Qt.KeyboardModifier.ShiftModifier if shift
                    else Qt.KeyboardModifier.NoModifier)
        for _ in range(times):
            qtbot.keyClick(QApplication.focusWidget(), key, modifier)
            QApplication.processEvents()

    def focused() -> str:
        return QApplication.focusWidget().objectName()

    assert focused() == "beginTalk"
    press(Qt.Key.Key_Space)
    assert dialog.stack.currentWidget() is dialog.talk
    for _ in dialog.picks:
        assert focused() == "talkedAbout"
        press(Qt.Key.Key_Space)
    assert dialog.stack.currentWidget() is dialog.practise
    assert focused() == "practiseNext"
    press(Qt.Key.Key_Tab, shift=True)
    assert focused() == "practised"
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Space)
    assert dialog.stack.currentWidget() is dialog.close_step
    press(Qt.Key.Key_Space)
    assert dialog.stack.currentWidget() is dialog.after
    assert focused() == "rating1"
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Right, times=2)
    assert focused() == "rating3"
    press(Qt.Key.Key_Tab)
    assert focused() == "childMood"
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Calm talk in the car")
    press(Qt.Key.Key_Tab, times=2)
    assert focused() == "finishTalk"
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(ops.idle, timeout=5000)
    assert dialog.result() == CoachDialog.DialogCode.Accepted
    talk = services.talks.last_talk(maya.id)
    assert talk is not None and talk.practised and talk.rating == 3
    assert (talk.mood, talk.notes) == ("relaxed", "Calm talk in the car")
    assert len(services.talks.discussed(maya.id)) in (2, 3)


def test_start_from_the_tray_opens_the_coach_for_the_due_check_in(qtbot, context, clock,
                                                                  services):
    window, maya = due_window(qtbot, context, clock, services)
    opened = []

    def cancel(dialog: CoachDialog):
        opened.append(dialog.record.occurrence_id)
        dialog.reject()

    window.start_checkin()
    wait_for_ops(qtbot, window)
    cancel(window.checkins.coach)  # the coach is not modal
    assert opened == [window.checkins.due[0].id]  # cancelled: still due, nothing saved
    assert window.services.talks.last_talk(maya.id) is None
    assert window.shell.banner.isVisible()


def test_a_talk_any_time_from_the_child_s_card(qtbot, context, clock, services):
    maya = services.family.add("Maya", 2012, 9)  # 14: ages 13–15
    services.close()
    window = open_unlocked(qtbot, context)
    bands = []

    def cancel(dialog: CoachDialog):
        bands.append((dialog.band, dialog.record.occurrence_id))
        dialog.reject()

    window.findChild(QPushButton, f"startTalk{maya.id}").click()
    wait_for_ops(qtbot, window)
    cancel(window.checkins.coach)  # the coach is not modal
    assert bands == [("13-15", None)]


class _French(QTranslator):
    """A translation of two mood words, enough to see the screen words the stored key."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return {("CoachWords", "Chatty"): "Bavard",
                ("CoachWords", "Worried"): "Inquiet"}.get((context, source))

    def isEmpty(self):
        return False


def test_english_moods_from_0005_become_keys_and_show_translated(qtbot, tmp_path, clock):
    from sqlalchemy import text

    from app.storage import vault
    from app.storage.data_folder import DataFolder
    from app.storage.services import Services
    from app.ui.content_access import shipped_library
    from app.ui.pages.talks_page import TalksPage
    from tests.conftest import PASSPHRASE
    from tests.storage.test_migration_upgrades import _build_at

    folder = DataFolder(tmp_path / "data")
    _build_at(folder, "0005_drafts")  # Ada (id 1), a talk with "calm", one with "Worried"
    opened = vault.unlock(folder, PASSPHRASE, clock)  # upgrades to head
    services = Services.for_vault(opened)
    with opened.engine.connect() as connection:
        moods = dict(connection.execute(text("SELECT id, mood FROM talks")).all())
    assert moods == {1: "calm", 2: "worried"}  # the English word is now its key; others kept
    with opened.engine.begin() as connection:  # a later talk with Ada, mood as the old word
        connection.execute(text(
            "INSERT INTO talks (id, band, started_at, finished_at, mood, notes, come_back_to, "
            "refusal_id, practised, reassurance_id) VALUES (3, '9-12', :t, :t, 'Chatty', '', "
            "'', '', 0, '')"), {"t": "2026-11-20 18:00:00.000000"})
        connection.execute(text("INSERT INTO talk_children VALUES (3, 1)"))
    ops = Ops(services)
    translator = _French()
    QApplication.instance().installTranslator(translator)
    try:
        page = TalksPage(ops, controller=None, library=shipped_library().library)
        qtbot.addWidget(page)
        qtbot.waitUntil(ops.idle, timeout=5000)
        assert page.child.currentText() == "Ada"
        assert page.last_talk.text().endswith("mood: Bavard")  # an unconverted word, too
        services.talks.save(TalkRecord((1,), "9-12", clock.now() + dt.timedelta(days=1),
                                       mood="worried"))
        page.refresh()
        qtbot.waitUntil(ops.idle, timeout=5000)
        assert page.last_talk.text().endswith("mood: Inquiet")
    finally:
        QApplication.instance().removeTranslator(translator)
        ops.finish()
        services.close()


def test_a_draft_from_before_keys_still_restores_its_mood_and_reasons(qtbot, clock, services):
    from app.ui.content_access import shipped_library

    library = shipped_library().library
    maya = services.family.add("Maya", 2016, 4)
    starter = library.starters("9-12")[0]
    draft = {"child_ids": [maya.id], "seed": 7, "step": 4, "index": 0, "items": [],
             "picks": [[starter.id, "never talked about yet"]],  # reasons were words then
             "mood": "Chatty", "notes": "kept", "rating": 2}
    ops = Ops(services)
    dialog = CoachDialog(ops, library, (maya.id,), "Maya", draft=draft)
    qtbot.addWidget(dialog)
    assert dialog.unsaved_draft() == draft  # still being read: kept exactly as it was
    qtbot.waitUntil(ops.idle, timeout=5000)
    assert dialog.after.mood.currentData() == "chatty"
    assert dialog.after.mood.currentText() == "Chatty"
    assert [p.starter.id for p in dialog.picks] == [starter.id]
    assert dialog.stack.currentWidget() is dialog.after
    assert dialog.unsaved_draft()["mood"] == "chatty"
    ops.finish()


def test_a_sign_noted_lately_brings_its_topic_forward_and_says_why(qtbot, services, clock):
    from app.core.journal.model import EntryFields
    from app.ui.content_access import shipped_library

    maya = services.family.add("Maya", 2014, 4)
    services.journal.add(EntryFields(maya.id, clock.now() - dt.timedelta(days=3),
                                     signs=("sign.unexplained-gifts",)))
    library = shipped_library().library
    ops = Ops(services)
    dialog = CoachDialog(ops, library, (maya.id,), "Maya")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(ops.idle, timeout=5000)
    journal = [p for p in dialog.picks if p.reason == "journal-sign"]
    assert journal and journal[0].sign_id == "sign.unexplained-gifts"
    sign = next(s for s in library.signs if s.id == "sign.unexplained-gifts")
    assert all(p.starter.topic in sign.topics for p in journal)
    reasons = [label.text() for label in dialog.prepare.findChildren(QLabel)
               if label.objectName() == "pickReason"]
    assert any("3 days ago" in text for text in reasons)
    dialog.prepare.begin_button.click()
    dialog.talk.note.setText("she said a friend sent the card")
    draft = dialog.unsaved_draft()
    assert draft is not None and any(item[-1] == "sign.unexplained-gifts"
                                     for item in draft["picks"])
    dialog.discard_and_close()
    ops.finish()


def test_come_back_entries_wait_in_the_prepare_step_and_talks_feed_the_journal(
        qtbot, services, clock):
    from app.core.journal.model import EntryFields, EntryFilter
    from app.ui.content_access import shipped_library

    maya = services.family.add("Maya", 2014, 4)
    flagged = services.journal.add(EntryFields(
        maya.id, clock.now() - dt.timedelta(days=2), signs=("sign.secret-friend",),
        saw="a new friend called Ash", come_back=True))
    other = services.journal.add(EntryFields(
        None, clock.now() - dt.timedelta(days=1), tags=("late night",), come_back=True))
    ops = Ops(services)
    dialog = CoachDialog(ops, shipped_library().library, (maya.id,), "Maya")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(ops.idle, timeout=5000)
    listed = dialog.prepare.come_back
    assert listed.isVisibleTo(dialog) and set(listed.boxes) == {flagged.id, other.id}
    texts = [label.text() for label in listed.findChildren(QLabel)]
    assert any("a new friend called Ash" in text for text in texts)
    listed.boxes[flagged.id].setChecked(True)  # talked about Ash; the late night waits
    dialog.prepare.begin_button.click()
    while dialog.stack.currentWidget() is dialog.talk:
        dialog.talk.talked_button.click()
    dialog.practise.next_button.click()
    dialog.close_step.next_button.click()
    dialog.after.come_back.setText("ask again about the group chat")
    dialog.after.finish_button.click()
    qtbot.waitUntil(ops.idle, timeout=5000)
    assert not services.journal.entry(flagged.id).fields.come_back
    assert services.journal.entry(flagged.id).revision == 2  # the history keeps the flag
    assert services.journal.entry(other.id).fields.come_back
    waiting = services.journal.come_back(maya.id)
    assert [e.fields.saw for e in waiting] == ["ask again about the group chat"]
    assert waiting[0].fields.tags == ("from a talk",)
    assert services.journal.count(EntryFilter(come_back_only=True)) == 2
    ops.finish()
