"""What the export adds from the catalogue and the chart: sign words and the trend image.

The export's PDF opens with the same trend chart the journal shows, drawn from the PICKED
entries only (an unticked entry must not even count in a bar), on white paper whatever the
screen's theme. Sign words come from the loaded catalogue in the parent's language, so the
files say "Hides the screen…" rather than an id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPalette

from app.core.journal.export import ExportRequest, SignWords
from app.core.journal.model import Entry, SignEvent
from app.ui.content_access import shipped_library

CHART_SIZE = QSize(960, 420)  # drawn at this size, then laid out narrower: sharp on paper
MAX_WEEKS = 52  # a longer period shows its last year: bars thinner than this are unreadable

_sign_words: dict[str, SignWords] | None = None


def sign_words() -> Mapping[str, SignWords]:
    """Sign id → its text and category title, from the catalogue (empty if it did not load)."""
    global _sign_words
    if _sign_words is None:
        library = shipped_library().library
        titles = {c.id: c.title for c in getattr(library, "sign_categories", ())}
        _sign_words = {s.id: SignWords(s.text, titles.get(s.category, s.category))
                       for s in getattr(library, "signs", ())}
    return _sign_words


def sign_events(entries: Sequence[Entry]) -> list[SignEvent]:
    """The picked entries as the chart counts them (own tags count under category "")."""
    categories = {s.id: s.category for s in getattr(shipped_library().library, "signs", ())}
    events = []
    for entry in entries:
        fields = entry.fields
        for sign_id in fields.signs:
            events.append(SignEvent(entry.id, fields.child_id, fields.noted_at, sign_id,
                                    categories.get(sign_id, ""), fields.strength))
        for tag in fields.tags:
            events.append(SignEvent(entry.id, fields.child_id, fields.noted_at, tag, "",
                                    fields.strength))
    return events


def chart_weeks(first_day: dt.date, last_day: dt.date) -> int:
    """Weeks (Monday to Sunday) the period touches, so no bar stands for days outside it."""
    first_monday = first_day - dt.timedelta(days=first_day.weekday())
    return min((last_day - first_monday).days // 7 + 1, MAX_WEEKS)


def chart_image(entries: Sequence[Entry], request: ExportRequest) -> QImage | None:
    """THE CHART HOOK: the trend chart of the picked entries as an image, or None.

    None when nothing was picked or when the chart's parts are not there (the PDF is then
    laid out without it, and says nothing about a chart).
    """
    if not entries:
        return None
    try:
        from app.core.journal.trends import weekly_counts
        from app.ui.journal.trend_chart import TrendChart
        from app.ui.journal.trend_data import ChartWeek, categories_from
    except ImportError:
        return None
    weeks = weekly_counts(sign_events(entries), chart_weeks(request.first_day, request.last_day),
                          request.last_day, request.zone)
    chart = TrendChart()
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    chart.setPalette(_paper_palette())
    chart.resize(CHART_SIZE)
    chart.set_data([ChartWeek(week.start, dict(week.counts)) for week in weeks],
                   categories_from(shipped_library().library))
    image = QImage(CHART_SIZE, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    chart.render(image)
    chart.deleteLater()
    return image


def _paper_palette() -> QPalette:
    """Black on white: the PDF is read on paper or a white page, not in the app's theme."""
    palette = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        palette.setColor(role, QColor("white"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, QColor("black"))
    palette.setColor(QPalette.ColorRole.Mid, QColor("#999999"))
    return palette
