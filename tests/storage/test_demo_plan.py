"""The demo family has a counsellor's plan in its third week, with the first two weeks kept."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.clock import SettableClock, local_today
from app.core.plans.plan_topics import current_week
from app.storage import vault
from app.storage.demo import DEMO_PASSPHRASE, create_demo
from app.storage.demo_plan import DAYS_IN
from app.storage.services import Services


def _open_demo(tmp_path, clock) -> Services:
    folder = create_demo(tmp_path / "demo", clock)
    return Services.for_vault(vault.unlock(folder, DEMO_PASSPHRASE, clock))


@pytest.fixture
def library():
    from app.core.content.loader import load_library
    from app.paths import shipped_content_dir

    return load_library(shipped_content_dir()).library


def test_maya_is_in_week_three_with_weeks_one_and_two_recorded_and_answered(
        tmp_path, clock, library):
    services = _open_demo(tmp_path, clock)
    today = local_today(clock)
    maya = next(c for c in services.family.children() if c.name == "Maya")
    [active] = services.plans.active_plans()
    plan = active.plan
    assert active.child_id == maya.id and active.ended_at is None
    assert plan.start == today - dt.timedelta(days=DAYS_IN)
    assert 15 <= (today - plan.start).days <= 20
    assert plan.week_of(today) == 3 and len(plan.weeks) == 4
    assert current_week(active, today).number == 3
    assert active.imported_at.date() == plan.start
    # The plan was written for Maya's band, with ids the library knows.
    assert maya.status(today).band.value == plan.band
    for week in plan.weeks:
        assert all(t in {x.id for x in library.topics_for(plan.band)} for t in week.topics)
    # Weeks 1–2: every task recorded and every question answered, each on its own past day.
    weeks_done = [w for w in plan.weeks if w.number <= 2]
    assert set(active.records) == {t for w in weeks_done for t in w.task_ids()}
    assert set(active.answers) == {q.id for w in weeks_done for q in w.questions}
    moments = [r.updated_at for r in active.records.values()] + [
        a.answered_at for a in active.answers.values()]
    assert all(plan.start < m.date() < plan.start + dt.timedelta(weeks=2) for m in moments)
    assert len({m.date() for m in moments}) >= 4
    # Nothing is kept for weeks 3 and 4 yet.
    assert not [t for t in active.records if not t.startswith(("w1.", "w2."))]
    # The demo's own talks fall in the plan's first weeks, so its progress is lived in.
    held = [t for t in services.talks.held(maya.id) if plan.start <= t.on < today]
    assert len(held) >= 2
    services.close()


@pytest.mark.parametrize("hours_later", [0, 30, 100])
def test_whatever_the_weekday_the_plan_is_in_week_three(tmp_path, hours_later):
    clock = SettableClock(dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC)
                          + dt.timedelta(hours=hours_later), dt.UTC)
    services = _open_demo(tmp_path, clock)
    [active] = services.plans.active_plans()
    assert active.plan.week_of(local_today(clock)) == 3
    services.close()


def test_the_plans_page_of_the_demo_says_week_three_of_four(qtbot, tmp_path, clock):
    from PySide6.QtWidgets import QLabel

    from app.desktop.notifications import RecordingNotifier
    from app.storage.data_folder import DataFolder
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow
    from tests.ui.helpers import wait_for_ops

    create_demo(tmp_path / "demo", clock)
    window = MainWindow(AppContext(DataFolder(tmp_path / "demo"), clock,
                                   demo_passphrase=DEMO_PASSPHRASE, notifier=RecordingNotifier(),
                                   use_tray=False, backup_delay_ms=None))
    qtbot.addWidget(window)
    window.unlock_page.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_page.try_unlock()
    qtbot.waitUntil(lambda: window.shell is not None, timeout=15000)
    page = window.shell.show_page("plans")
    wait_for_ops(qtbot, window)
    qtbot.waitUntil(lambda: [b.text() for b in page.findChildren(QLabel, "bandBadge")]
                    == ["Week 3 of 4"], timeout=15000)
    progress = [label.text() for label in page.findChildren(QLabel)
                if label.objectName().startswith("planProgress")]
    assert len(progress) == 1 and progress[0].startswith("2 of 4 weeks done"), progress
    assert "3 of 6 questions answered" in progress[0]
    window.close()
