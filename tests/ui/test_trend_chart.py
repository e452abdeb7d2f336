"""The trend chart and its table twin: drawn for 12/26/52 weeks, reachable by keyboard, read out
in the same words as the table's numbers, readable on a dark palette — and, through the Trends
panel, fed from a real vault on the database worker."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette

from app.ui.announce import recent_announcements
from app.ui.journal.trend_chart import TrendChart
from app.ui.journal.trend_data import OWN_TAGS, Category, ChartWeek
from app.ui.journal.trend_table import TrendTable

CATEGORIES = [Category("secrecy", "Secrecy", 0), Category("mood", "Mood and behaviour", 1),
              Category("online-habits", "Online habits", 2),
              Category(OWN_TAGS, "Your own tags", 3)]
LAST_MONDAY = dt.date(2026, 11, 23)


def _weeks(count: int) -> list[ChartWeek]:
    """A varied run of weeks, oldest first: some empty, some with marks, a busy one."""
    first = LAST_MONDAY - dt.timedelta(weeks=count - 1)
    weeks = []
    for i in range(count):
        counts = {"secrecy": i % 3, "mood": (i * 7) % 4 if i % 5 else 0}
        if i % 4 == 0:
            counts[OWN_TAGS] = 1
        weeks.append(ChartWeek(first + dt.timedelta(weeks=i),
                               {k: v for k, v in counts.items() if v},
                               checkins=int(i % 2 == 0), talks=int(i % 6 == 1)))
    return weeks


@pytest.fixture
def chart(qtbot):
    widget = TrendChart()
    qtbot.addWidget(widget)
    widget.resize(900, 380)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _distinct_colours(image: QImage) -> int:
    step = 3
    return len({image.pixel(x, y) for x in range(0, image.width(), step)
                for y in range(0, image.height(), step)})


@pytest.mark.parametrize("count", [12, 26, 52])
def test_paints_one_bar_per_week(chart, count):
    weeks = _weeks(count)
    chart.set_data(weeks, CATEGORIES)
    image = chart.grab().toImage()
    assert not image.isNull() and _distinct_colours(image) > 5
    rects = chart.bar_rects()
    assert chart.bar_count() == len(rects) == count
    # Left to right in time, inside the widget, a taller bar for a busier week.
    assert all(a.left() < b.left() for a, b in itertools.pairwise(rects))
    assert all(r.left() >= 0 and r.right() <= chart.width() for r in rects)
    busiest = max(range(count), key=lambda i: weeks[i].total)
    assert rects[busiest].height() == max(r.height() for r in rects) > 0
    empty = [i for i, w in enumerate(weeks) if not w.total]
    assert all(rects[i].height() == 0 for i in empty)


def test_keyboard_moves_the_focus_ring_and_says_the_week(chart, qtbot):
    weeks = _weeks(12)
    chart.set_data(weeks, CATEGORIES)
    chart.setFocus()
    assert chart.focused_index() == 11  # the latest week, the one a parent asks about
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert chart.focused_index() == 10
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    assert chart.focused_index() == 0
    qtbot.keyClick(chart, Qt.Key.Key_Left)  # stays on the first week
    assert chart.focused_index() == 0
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert chart.focused_index() == 1
    said = chart.accessibleDescription()
    assert said == chart.description(1) and recent_announcements()[-1] == (said, False)
    assert weeks[1].counts == {"secrecy": 1, "mood": 3} and weeks[1].talks == 1
    assert said.startswith("Week of 14 September 2026: Secrecy 1, Mood and behaviour 3; 1 talk")
    assert "check-in" not in said
    qtbot.keyClick(chart, Qt.Key.Key_End)
    assert chart.focused_index() == 11


def test_a_click_focuses_the_bar_under_the_pointer(chart, qtbot):
    chart.set_data(_weeks(26), CATEGORIES)
    rect = chart.bar_rects()[4]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert chart.focused_index() == 4 and chart.hasFocus()


def test_the_table_shows_the_same_numbers_the_chart_reads_out(chart, qtbot):
    weeks = _weeks(26)
    chart.set_data(weeks, CATEGORIES)
    table = TrendTable()
    qtbot.addWidget(table)
    table.set_data(weeks, CATEGORIES)
    model = table.table_model
    assert model.rowCount() == 26
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in
               range(model.columnCount())]
    assert headers == ["Week of", "Secrecy", "Mood and behaviour", "Your own tags",
                       "All signs", "Check-ins done", "Talks"]  # only categories in use
    for index, week in enumerate(weeks):
        row = model.row_of(week)
        assert row == 25 - index  # newest first
        values = [model.data(model.index(row, c)) for c in range(model.columnCount())]
        assert values[1:] == [str(week.counts.get("secrecy", 0)),
                              str(week.counts.get("mood", 0)),
                              str(week.counts.get(OWN_TAGS, 0)), str(week.total),
                              str(week.checkins), str(week.talks)]
        described = model.data(model.index(row, 0), Qt.ItemDataRole.AccessibleDescriptionRole)
        assert described == chart.description(index)
        for title, column in (("Secrecy", 1), ("Mood and behaviour", 2)):
            count = values[column]
            assert (f"{title} {count}" in described) == (count != "0")


def _dark(widget) -> None:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Base, "#26282c"), (QPalette.ColorRole.Window,
                         "#1c1d20"), (QPalette.ColorRole.Text, "#ebe8e2"),
                         (QPalette.ColorRole.WindowText, "#ebe8e2"),
                         (QPalette.ColorRole.Mid, "#3a3c41"),
                         (QPalette.ColorRole.PlaceholderText, "#aaa59c")):
        palette.setColor(role, QColor(colour))
    widget.setPalette(palette)


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(
            c.blueF())
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_bars_stand_out_from_the_background(chart, scheme):
    if scheme == "dark":
        _dark(chart)
    chart.set_data(_weeks(12), CATEGORIES)
    background = chart.palette().color(QPalette.ColorRole.Base)
    assert chart.is_dark() == (scheme == "dark")
    image = chart.grab().toImage()
    ratio = image.width() / chart.width()
    assert QColor(image.pixel(int(5 * ratio), int(chart.height() / 2 * ratio))) == background
    for category in CATEGORIES:  # WCAG's 3:1 for graphics, against this palette's background
        assert _contrast(chart.category_color(category), background) >= 3.0, category.id
    busiest = max(chart.bar_rects(), key=lambda r: r.height())
    inside = QColor(image.pixel(int(busiest.center().x() * ratio),
                                int((busiest.bottom() - 3) * ratio)))
    assert inside != background and _contrast(inside, background) >= 3.0


def test_no_weeks_draws_an_empty_chart_without_failing(chart):
    chart.set_data([], CATEGORIES)
    assert chart.bar_count() == 0 and not chart.grab().toImage().isNull()
    assert chart.description() == "No weeks to show"


# --- the Trends panel on a real vault ---------------------------------------------------------


@pytest.fixture
def ops(qtbot, services):
    from app.ui.ops import Ops

    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


@pytest.fixture
def maya_history(services, clock):
    """Maya: secrecy three weeks ago, mood twice and a talk last week, a check-in done today;
    Sam: one late night (never on Maya's chart)."""
    from app.core.coach import TalkItem, TalkRecord
    from app.core.journal.model import EntryFields

    maya = services.family.add("Maya", 2013, 4).id
    sam = services.family.add("Sam", 2016, 9).id
    now = clock.now()  # Monday 23 November 2026, 18:00 UTC
    journal = services.journal
    journal.add(EntryFields(maya, now - dt.timedelta(weeks=3), signs=("sign.hides-screen",
                                                                     "sign.secret-friend")))
    journal.add(EntryFields(maya, now - dt.timedelta(days=5), signs=("sign.withdraws",)))
    journal.add(EntryFields(maya, now - dt.timedelta(days=4), signs=("sign.sudden-sadness",),
                            tags=("football",)))
    journal.add(EntryFields(sam, now - dt.timedelta(days=4), signs=("sign.up-late",)))
    services.checkins.record_unscheduled([maya])
    talked = now - dt.timedelta(days=6)
    services.talks.save(TalkRecord((maya,), "9-12", talked, finished_at=talked,
                                   items=[TalkItem("s1", "online-friends", "talked"),
                                          TalkItem("s2", "privacy", "talked")]))
    return maya


def _panel(qtbot, ops, clock):
    from app.ui.content_access import shipped_library
    from app.ui.journal.trends_panel import TrendsPanel

    panel = TrendsPanel(ops, clock, shipped_library().library)
    qtbot.addWidget(panel)
    panel.resize(900, 560)
    panel.show()
    qtbot.waitUntil(ops.idle, timeout=15000)
    return panel


def test_the_panel_draws_a_childs_weeks_from_the_vault(qtbot, ops, clock, maya_history):
    panel = _panel(qtbot, ops, clock)
    assert panel.child_choice.currentText() == "Maya"
    weeks = panel.chart.weeks()
    assert panel.chart.bar_count() == 12 and weeks[-1].start == LAST_MONDAY
    by_start = {w.start: w for w in weeks}
    three_ago, last = LAST_MONDAY - dt.timedelta(weeks=3), LAST_MONDAY - dt.timedelta(weeks=1)
    assert dict(by_start[three_ago].counts) == {"secrecy": 2}
    assert dict(by_start[last].counts) == {"mood": 2}  # own tags are not a category here
    assert by_start[last].talks == 1 and by_start[last].checkins == 0  # one talk, two topics
    assert weeks[-1].checkins == 1 and weeks[-1].total == 0
    assert sum(w.total for w in weeks) == 4  # Sam's late night is not Maya's

    panel.weeks_choice.setCurrentIndex(2)
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert panel.chart.bar_count() == 52 and len(panel.chart.bar_rects()) == 52
    panel.weeks_choice.setCurrentIndex(1)
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert panel.chart.bar_count() == 26

    panel.chart.setFocus()
    qtbot.keyClick(panel.chart, Qt.Key.Key_Left)
    assert panel.caption.text() == panel.chart.description() == panel.chart.accessibleDescription()
    assert "Mood and behaviour 2" in panel.caption.text() and "1 talk" in panel.caption.text()

    panel.table_toggle.setChecked(True)
    assert panel.stack.currentWidget() is panel.table and not panel.caption.isVisible()
    model = panel.table.table_model
    row = panel.table.currentIndex().row()
    assert model.week_at(row).start == last  # the table opens on the week focused
    said = model.data(model.index(row, 0), Qt.ItemDataRole.AccessibleDescriptionRole)
    assert said == panel.chart.description()


def test_the_panel_follows_new_entries_and_other_children(qtbot, ops, clock, maya_history,
                                                          services):
    from app.core.changes import Changes
    from app.core.journal.model import EntryFields

    panel = _panel(qtbot, ops, clock)
    ops.write(lambda s: s.journal.add(EntryFields(maya_history, clock.now(),
                                                  signs=("sign.urgent-money",))),
              touches=Changes(journal=True), owner=None)
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert dict(panel.chart.weeks()[-1].counts) == {"money-and-gifts": 1}
    assert not panel.empty.isVisible()
    panel.child_choice.setCurrentIndex(panel.child_choice.findText("Sam"))
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert sum(w.total for w in panel.chart.weeks()) == 1
    assert sum(w.talks for w in panel.chart.weeks()) == 0
    panel.child_choice.setCurrentIndex(panel.child_choice.findText("The family / not sure"))
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert panel.empty.isVisible() and panel.empty.text().startswith("Nothing noted")
    assert sum(w.checkins for w in panel.chart.weeks()) == 1  # the family's check-ins
