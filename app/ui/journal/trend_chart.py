"""Signs per week, stacked by category, with check-ins done and talks marked underneath.

Drawn with ``QPainter`` (PySide6-Essentials has no QtCharts). One look should answer "did the
signs go up after the talks stopped?": bars for the signs of each week, and on the same time
axis a row of dots for check-ins done and a row of diamonds for talks. Colours come from the
palette, so the chart follows light and dark; each category keeps one colour on every chart.

Every bar is reachable by keyboard: Left/Right move a focus ring, Home/End jump to the first and
last week. The focused week is read out in words (the same words as the table twin's row), set
as the chart's accessible description and announced, so a screen-reader user hears
"Week of 3 March 2026: Secrecy 2; 1 check-in done" as they move.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.announce import announce
from app.ui.journal.trend_data import (
    Category,
    ChartWeek,
    short_day,
    shown_categories,
    week_description,
)
from app.ui.translate import _tr

# One colour per category (by catalogue order), for a light and for a dark background.
_LIGHT = ("#2e6f78", "#c07a1e", "#6b4f9c", "#3d78b8", "#7a8a2e", "#9c4f78", "#b0402c",
          "#7d776d", "#4f6a52", "#8a5a3c")
_DARK = ("#7fc3cb", "#e8ad5c", "#b7a0e0", "#8ebbea", "#c6d27c", "#e3a2c4", "#f08a78",
         "#bdb7ad", "#9fc6a4", "#d9a882")
MARK_ROW = 16  # height of each marker row under the axis
PAD = 12


@dataclass(frozen=True)
class _Geometry:
    """Where everything goes for the current size: computed, never remembered from a paint."""

    plot: QRectF  # the bars' area
    slots: list[QRectF]  # one per week, the full column a bar may fill
    legend: list[tuple[QRectF, str, QColor | str]]  # swatch box, words, colour or marker kind
    checkin_row: float  # y centre of the check-in markers
    talk_row: float
    label_row: float  # top of the date labels
    y_max: int
    y_step: int


def _nice_scale(highest: int) -> tuple[int, int]:
    """A top for the axis and a step between grid lines: 1, 2, 5, 10, 20, 50…"""
    if highest <= 4:
        return max(highest, 2), 1
    raw = highest / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return int(math.ceil(highest / step) * step), int(step)


class TrendChart(QWidget):
    """The chart; ``set_data`` gives it weeks (oldest first) and the categories to colour."""

    focused_changed = Signal(int)  # the index of the week with the focus ring

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.setAccessibleName(_tr("Signs per week chart"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(240)
        self._weeks: list[ChartWeek] = []
        self._categories: list[Category] = []
        self._shown: list[Category] = []
        self._focus = -1

    # --- data ------------------------------------------------------------------------------

    def set_data(self, weeks: Sequence[ChartWeek], categories: Sequence[Category]) -> None:
        """Show these weeks; the focus ring goes to the latest week (the one asked about)."""
        self._weeks = list(weeks)
        self._categories = list(categories)
        self._shown = shown_categories(self._weeks, self._categories)
        self._focus = len(self._weeks) - 1
        self._describe(say=False)
        self.update()

    def weeks(self) -> list[ChartWeek]:
        return list(self._weeks)

    def bar_count(self) -> int:
        return len(self._weeks)

    def focused_index(self) -> int:
        return self._focus

    def description(self, index: int | None = None) -> str:
        """The words for one week (the focused one by default)."""
        index = self._focus if index is None else index
        if not 0 <= index < len(self._weeks):
            return _tr("No weeks to show")
        return week_description(self._weeks[index], self._shown)

    def set_focused_index(self, index: int, *, say: bool = True) -> None:
        if not self._weeks:
            return
        index = max(0, min(index, len(self._weeks) - 1))
        if index == self._focus:
            return
        self._focus = index
        self._describe(say=say)
        self.focused_changed.emit(index)
        self.update()

    def _describe(self, *, say: bool) -> None:
        text = self.description()
        self.setAccessibleDescription(text)
        if say:
            announce(self, text)

    # --- colours ---------------------------------------------------------------------------

    def is_dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def category_color(self, category: Category) -> QColor:
        colours = _DARK if self.is_dark() else _LIGHT
        return QColor(colours[category.index % len(colours)])

    def _checkin_color(self) -> QColor:
        return QColor("#8fcf99" if self.is_dark() else "#2f6b3a")

    def _talk_color(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    # --- geometry --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(640, 320)

    def bar_rects(self) -> list[QRectF]:
        """Each week's bar as drawn now (zero height for a week without signs): tests and
        mouse clicks use the same geometry the paint does."""
        g = self._geometry()
        rects = []
        for slot, week in zip(g.slots, self._weeks, strict=True):
            height = g.plot.height() * week.total / g.y_max if g.y_max else 0.0
            width = max(2.0, slot.width() * 0.7)
            rects.append(QRectF(slot.center().x() - width / 2, g.plot.bottom() - height,
                                width, height))
        return rects

    def _legend_items(self) -> list[tuple[str, QColor | str]]:
        items: list[tuple[str, QColor | str]] = [(c.title, self.category_color(c))
                                                 for c in self._shown]
        items.append((_tr("Check-in done"), "checkin"))
        items.append((_tr("Talk"), "talk"))
        return items

    def _geometry(self) -> _Geometry:
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        width, height = float(self.width()), float(self.height())
        # The legend wraps across as many lines as it needs, above the plot.
        legend: list[tuple[QRectF, str, QColor | str]] = []
        x, y = PAD, PAD
        for words, colour in self._legend_items():
            item_w = line + 6 + metrics.horizontalAdvance(words) + 16
            if x + item_w > width - PAD and x > PAD:
                x, y = PAD, y + line + 4
            legend.append((QRectF(x, y + 2, line - 4, line - 4), words, colour))
            x += item_w
        top = y + line + PAD + line / 2
        highest = max((w.total for w in self._weeks), default=0)
        y_max, y_step = _nice_scale(highest)
        axis_w = metrics.horizontalAdvance(str(y_max)) + PAD + 4
        bottom_space = 2 * MARK_ROW + line + PAD + 6
        plot = QRectF(PAD + axis_w, top, max(width - axis_w - 2 * PAD, 10.0),
                      max(height - top - bottom_space, 10.0))
        count = max(len(self._weeks), 1)
        slot_w = plot.width() / count
        slots = [QRectF(plot.left() + i * slot_w, plot.top(), slot_w, plot.height())
                 for i in range(len(self._weeks))]
        checkin_row = plot.bottom() + 4 + MARK_ROW / 2
        talk_row = checkin_row + MARK_ROW
        return _Geometry(plot, slots, legend, checkin_row, talk_row,
                         talk_row + MARK_ROW / 2 + 2, y_max, y_step)

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        # Drawn as the theme's cards are: a rounded surface with a thin border.
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        g = self._geometry()
        self._paint_legend(painter, g)
        self._paint_axis(painter, g)
        self._paint_bars(painter, g)
        self._paint_marks(painter, g)
        self._paint_labels(painter, g)
        if self.hasFocus() and 0 <= self._focus < len(g.slots):
            self._paint_focus(painter, g)
        painter.end()

    def _paint_legend(self, painter: QPainter, g: _Geometry) -> None:
        text = self.palette().color(QPalette.ColorRole.Text)
        metrics = QFontMetrics(self.font())
        for box, words, colour in g.legend:
            if isinstance(colour, QColor):
                painter.fillRect(box, colour)
            elif colour == "checkin":
                self._dot(painter, box.center(), box.width() / 2)
            else:
                self._diamond(painter, box.center(), box.width() / 2)
            painter.setPen(text)
            painter.drawText(QPointF(box.right() + 6, box.top() - 2 + metrics.ascent()), words)

    def _paint_axis(self, painter: QPainter, g: _Geometry) -> None:
        palette = self.palette()
        grid = QColor(palette.color(QPalette.ColorRole.Mid))
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        metrics = QFontMetrics(self.font())
        for value in range(0, g.y_max + 1, g.y_step):
            y = g.plot.bottom() - g.plot.height() * value / g.y_max
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(g.plot.left(), y), QPointF(g.plot.right(), y))
            painter.setPen(muted)
            label = str(value)
            painter.drawText(QPointF(g.plot.left() - 6 - metrics.horizontalAdvance(label),
                                     y + metrics.ascent() / 2 - 1), label)

    def _paint_bars(self, painter: QPainter, g: _Geometry) -> None:
        base = self.palette().color(QPalette.ColorRole.Base)
        for rect, week in zip(self.bar_rects(), self._weeks, strict=True):
            y = rect.bottom()
            for category in self._shown:
                count = week.counts.get(category.id, 0)
                if not count:
                    continue
                height = g.plot.height() * count / g.y_max
                segment = QRectF(rect.left(), y - height, rect.width(), height)
                painter.fillRect(segment, self.category_color(category))
                if rect.width() >= 5 and height >= 3:  # a thin gap tells stacked parts apart
                    painter.setPen(QPen(base, 1))
                    painter.drawLine(segment.topLeft(), segment.topRight())
                y -= height

    def _paint_marks(self, painter: QPainter, g: _Geometry) -> None:
        radius = min(MARK_ROW / 2 - 3, max(g.slots[0].width() / 2 - 1, 2.5)) if g.slots else 0
        for slot, week in zip(g.slots, self._weeks, strict=True):
            if week.checkins:
                self._dot(painter, QPointF(slot.center().x(), g.checkin_row), radius)
            if week.talks:
                self._diamond(painter, QPointF(slot.center().x(), g.talk_row), radius + 1)

    def _dot(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._checkin_color())
        painter.drawEllipse(centre, radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _diamond(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._talk_color())
        x, y = centre.x(), centre.y()
        painter.drawPolygon(QPolygonF([QPointF(x, y - radius), QPointF(x + radius, y),
                                       QPointF(x, y + radius), QPointF(x - radius, y)]))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_labels(self, painter: QPainter, g: _Geometry) -> None:
        """Dates under the bars, as many as fit without touching, counted back from the latest
        week so the week asked about always has its date."""
        if not g.slots:
            return
        metrics = QFontMetrics(self.font())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        widest = max(metrics.horizontalAdvance(short_day(w.start)) for w in self._weeks)
        every = max(1, math.ceil((widest + 12) / g.slots[0].width()))
        last = len(self._weeks) - 1
        room = float(self.width())  # the left edge of the label drawn just to the right
        for index in range(last, -1, -every):
            label = short_day(self._weeks[index].start)
            width = metrics.horizontalAdvance(label)
            x = g.slots[index].center().x() - width / 2
            x = max(float(PAD), min(x, self.width() - width - PAD))
            if x + width + 6 > room:
                continue  # the latest label was nudged inside the edge: this one would touch
            painter.drawText(QPointF(x, g.label_row + metrics.ascent()), label)
            room = x

    def _paint_focus(self, painter: QPainter, g: _Geometry) -> None:
        slot = g.slots[self._focus]
        ring = QRectF(slot.left() + 0.5, slot.top() - 4, slot.width() - 1,
                      g.talk_row + MARK_ROW / 2 - slot.top() + 4)
        path = QPainterPath()
        path.addRoundedRect(ring, 4, 4)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.drawPath(path)

    # --- keyboard and mouse ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {Qt.Key.Key_Left: self._focus - 1, Qt.Key.Key_Right: self._focus + 1,
                 Qt.Key.Key_Home: 0, Qt.Key.Key_End: len(self._weeks) - 1}
        target = moves.get(Qt.Key(event.key()))
        if target is None or not self._weeks:
            super().keyPressEvent(event)
            return
        self.set_focused_index(target)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        for index, slot in enumerate(self._geometry().slots):
            if slot.left() <= x < slot.right():
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                self.set_focused_index(index)
                break
        super().mousePressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
