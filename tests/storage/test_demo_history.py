"""The demo family's year of check-ins and talks: lived-in pages, and a quiet first unlock."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.core.clock import SettableClock, local_today
from app.core.coach import MOODS, talk_band
from app.core.picker import coverage
from app.scheduling.catch_up import run_catch_up
from app.storage import vault
from app.storage.demo import DEMO_PASSPHRASE, create_demo
from app.storage.demo_history import zone_name
from app.storage.models import TalkRow
from app.storage.services import Services


@pytest.fixture
def library():
    from app.core.content.loader import load_library
    from app.paths import shipped_content_dir

    return load_library(shipped_content_dir()).library


def _open_demo(tmp_path, clock):
    folder = create_demo(tmp_path / "demo", clock)
    return Services.for_vault(vault.unlock(folder, DEMO_PASSPHRASE, clock))


def test_a_year_of_check_ins_done_skipped_and_missed_with_a_talk_behind_each_done(
        tmp_path, clock):
    services = _open_demo(tmp_path, clock)
    occurrences = services.checkins.occurrences()
    with services.vault.sessions() as session:
        talks = list(session.scalars(select(TalkRow)))
    year_ago = clock.now() - dt.timedelta(days=365)
    done = [o for o in occurrences if o.status == "done"]
    talked_for = {t.occurrence_id for t in talks}
    assert len(done) >= 40 and all(o.id in talked_for for o in done)
    assert all(year_ago <= o.slot_at <= clock.now() for o in occurrences)
    assert min(o.slot_at for o in occurrences) < clock.now() - dt.timedelta(days=300)
    skipped = [o for o in occurrences if o.status == "skipped"]
    missed = [o for o in occurrences if o.status == "missed"]
    assert len(skipped) >= 5 and all(o.reason for o in skipped)
    assert len(missed) >= 3 and all(o.missed_noticed for o in missed)
    # Every talk finished after it started, within the year, with a mood the coach offers.
    assert all(t.started_at < t.finished_at for t in talks)
    assert {t.mood for t in talks} <= set(MOODS) and len({t.mood for t in talks}) > 3
    assert sum(1 for t in talks if t.notes) > len(talks) // 2
    # Each child has their own schedule, with its history behind it.
    assert sorted(len(s.child_ids) for s in services.checkins.schedules()) == [1, 1, 1]
    services.close()


def test_talks_use_the_real_library_for_each_childs_band_and_fill_the_coverage(
        tmp_path, clock, library):
    services = _open_demo(tmp_path, clock)
    today = local_today(clock)
    for child in services.family.children():
        discussed = services.talks.discussed(child.id)
        assert len(discussed) >= 20
        for item in discussed:
            starter = library.starter(item.starter_id)
            band, _ = talk_band([child.birth], item.on)
            assert starter.topic == item.topic_id and band in starter.bands
        band, since = talk_band([child.birth], today)
        rows = coverage(library, band, discussed, today, since)
        # A year of weekly talks has been round every topic of the child's band at least once.
        assert all(row.last is not None and not row.new_for_band for row in rows)
        assert services.talks.last_talk_summary(child.id) is not None
    services.close()


@pytest.mark.parametrize("hours_later", [0, 30, 75])
def test_the_first_catch_up_brings_no_missed_notices_at_most_the_one_due_now(
        tmp_path, clock, hours_later):
    """Whatever the weekday, the year is settled: nothing turns missed, nothing piles up."""
    clock.advance(dt.timedelta(hours=hours_later))
    services = _open_demo(tmp_path, clock)
    missed_before = len(services.checkins.occurrences(status="missed"))
    result = run_catch_up(services.checkins, clock.now())
    assert result.missed == []
    assert len(services.checkins.occurrences(status="missed")) == missed_before
    assert [n.kind for n in result.notices if n.kind == "missed"] == []
    assert len(result.due) <= 1 and len(result.notices) <= 2
    again = run_catch_up(services.checkins, clock.now())
    assert again.notices == [] and not again.wrote
    services.close()


def test_with_sams_sunday_check_in_due_it_is_the_one_thing_the_demo_asks(tmp_path):
    """Monday evening in UTC: Sam's Sunday check-in is due; the year behind it is quiet."""
    clock = SettableClock(dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC), dt.UTC)
    services = _open_demo(tmp_path, clock)
    result = run_catch_up(services.checkins, clock.now())
    sam = next(c.id for c in services.family.children() if c.name == "Sam")
    assert [o.child_ids for o in result.due] == [(sam,)]
    assert [n.kind for n in result.notices] == ["due"]
    # Sam's talks stopped before the journal's signs gathered: skipped, then missed.
    settled = [o.status for o in services.checkins.occurrences(child_id=sam)
               if o.status != "pending"]
    assert settled[-2:] == ["skipped", "missed"]
    services.close()


def test_opening_the_demo_window_shows_no_pile_of_missed_check_ins(qtbot, tmp_path, clock):
    from app.desktop.notifications import RecordingNotifier
    from app.storage.data_folder import DataFolder
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow

    create_demo(tmp_path / "demo", clock)
    notifier = RecordingNotifier()
    window = MainWindow(AppContext(DataFolder(tmp_path / "demo"), clock,
                                   demo_passphrase=DEMO_PASSPHRASE, notifier=notifier,
                                   use_tray=False, backup_delay_ms=None))
    qtbot.addWidget(window)
    window.unlock_page.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_page.try_unlock()
    qtbot.waitUntil(lambda: window.shell is not None, timeout=15000)
    controller = window.session.controller
    qtbot.waitUntil(lambda: bool(controller.engine.latest.schedules), timeout=15000)
    assert controller.missed == []
    assert len(controller.due) <= 1 and len(notifier.shown) <= 1
    window.close()


def test_the_schedules_keep_the_computers_zone_by_name():
    moment = dt.datetime(2026, 7, 1, 12, tzinfo=dt.UTC)
    from zoneinfo import ZoneInfo

    assert zone_name(ZoneInfo("Asia/Tokyo"), moment) == "Asia/Tokyo"
    assert zone_name(dt.timezone(dt.timedelta(hours=5, minutes=45)), moment) == "UTC"
