"""How one timeline entry looks: when, who, the signs as chips, and the start of the words.

A delegate paints rows instead of a widget per row, so a list of thousands scrolls smoothly and
costs no more than the rows on screen. The first entry of each week carries a header above it
("Week of 3 March"), so the parent sees their notes in the rhythm they happened. A search hit
shows the matching words highlighted; a deleted entry says when it will be removed for good.
Every size comes from the font, so a larger system font gives larger rows.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.core.journal.model import EntrySummary
from app.ui.dates import short_moment
from app.ui.journal.timeline_model import NEW_WEEK_ROLE, SUMMARY_ROLE
from app.ui.journal.timeline_words import (
    Names,
    come_back_mark,
    removed_on_short,
    strength_word,
    week_header,
)
from app.ui.theme import current_colors

PAD = 12  # inside the card
GAP = 6  # between lines
MARGIN = 4  # between cards
TEXT_LINES = 2
CHIP_MAX = 240  # a chip's widest, in pixels: long sign sentences are elided


class TimelineDelegate(QStyledItemDelegate):
    def __init__(self, names: Names, zone: dt.tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names, self.zone = names, zone
        self.deleted_view = False  # rows say when they will be removed for good

    # --- sizes ---------------------------------------------------------------------------

    def _header_height(self, fm: QFontMetrics) -> int:
        return fm.height() + 18

    def _card_height(self, fm: QFontMetrics, row: EntrySummary) -> int:
        """Date line, chips, then (only when there are words) up to ``TEXT_LINES`` lines."""
        lines = 1 + (1 if self.deleted_view else 0)
        lines += TEXT_LINES if (row.snippet or row.preview) else 0
        chips = fm.height() + 6
        return PAD * 2 + lines * fm.height() + chips + GAP * lines

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        row: EntrySummary | None = index.data(SUMMARY_ROLE)
        if row is None:
            return QSize(1, 1)
        fm = QFontMetrics(option.font)
        height = self._card_height(fm, row) + MARGIN * 2
        if index.data(NEW_WEEK_ROLE):
            height += self._header_height(fm)
        return QSize(1, height)  # as wide as the view: the view never scrolls sideways

    # --- painting ------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row: EntrySummary | None = index.data(SUMMARY_ROLE)
        if row is None:
            return
        colors = current_colors()
        fm = QFontMetrics(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRect(option.rect).adjusted(2, MARGIN, -2, -MARGIN)
        if index.data(NEW_WEEK_ROLE):
            header = QRect(rect.left() + 4, rect.top(), rect.width() - 8,
                           self._header_height(fm))
            bold = QFont(option.font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(QColor(colors.muted))
            painter.drawText(header.adjusted(0, 0, 0, -6), int(
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                week_header(row.noted_at.astimezone(self.zone).date()))
            rect.setTop(header.bottom() + 1)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.setPen(QPen(QColor(colors.primary if selected else colors.border),
                            2 if selected and focused else 1))
        painter.setBrush(QColor(colors.selection if selected else colors.surface))
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        inner = rect.adjusted(PAD, PAD, -PAD, -PAD)
        y = self._top_line(painter, option, row, inner, colors)
        y = self._chips(painter, option, row, QRect(inner.left(), y, inner.width(),
                                                    fm.height() + 6), colors) + GAP
        if self.deleted_view and row.deleted_at is not None:
            painter.setFont(option.font)
            painter.setPen(QColor(colors.accent))
            painter.drawText(QRect(inner.left(), y, inner.width(), fm.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             fm.elidedText(removed_on_short(row.deleted_at, self.zone),
                                           Qt.TextElideMode.ElideRight, inner.width()))
            y += fm.height() + GAP
        runs = list(row.snippet) or [(row.preview, False)]
        self._runs(painter, option, runs, QRect(inner.left(), y, inner.width(),
                                                 fm.height() * TEXT_LINES), colors)
        painter.restore()

    def _top_line(self, painter: QPainter, option: QStyleOptionViewItem, row: EntrySummary,
                  inner: QRect, colors) -> int:
        """When and who on the left; how strong and "come back" on the right."""
        fm = QFontMetrics(option.font)
        line = QRect(inner.left(), inner.top(), inner.width(), fm.height())
        bold = QFont(option.font)
        bold.setBold(True)
        bold_fm = QFontMetrics(bold)
        when = short_moment(row.noted_at, self.zone)
        left_needs = bold_fm.horizontalAdvance(when) + 12 + fm.horizontalAdvance("M" * 5)
        right_parts = self._marks(row, fm, line.width() - left_needs, colors)
        x_right = line.right()
        painter.setFont(option.font)
        for text, color in reversed(right_parts):
            width = fm.horizontalAdvance(text)
            painter.setPen(QColor(color))
            painter.drawText(QRect(x_right - width, line.top(), width, line.height()),
                             int(Qt.AlignmentFlag.AlignVCenter), text)
            x_right -= width + 16
        painter.setFont(bold)
        painter.setPen(QColor(colors.text))
        painter.drawText(line, int(Qt.AlignmentFlag.AlignVCenter), when)
        x = line.left() + bold_fm.horizontalAdvance(when) + 12
        painter.setFont(option.font)
        painter.setPen(QColor(colors.text))
        who = fm.elidedText(self.names.child(row.child_id), Qt.TextElideMode.ElideRight,
                            max(x_right - x, 0))
        painter.drawText(QRect(x, line.top(), max(x_right - x, 0), line.height()),
                         int(Qt.AlignmentFlag.AlignVCenter), who)
        return line.bottom() + 1 + GAP

    def _marks(self, row: EntrySummary, fm: QFontMetrics, room: int,
               colors) -> list[tuple[str, str]]:
        """How strong and "come back", shortened until they fit beside the date and name."""
        strength = [(strength_word(row.strength), colors.muted)] if row.strength else []
        star = [("★ " + come_back_mark(), colors.accent)] if row.come_back else []
        short_star = [("★", colors.accent)] if row.come_back else []
        for parts in (strength + star, strength + short_star, short_star):
            width = sum(fm.horizontalAdvance(text) + 16 for text, _color in parts)
            if width <= room:
                return parts
        return []

    def _chips(self, painter: QPainter, option: QStyleOptionViewItem, row: EntrySummary,
               area: QRect, colors) -> int:
        """Signs (filled) then the parent's own tags (outlined); what does not fit is "+N"."""
        fm = QFontMetrics(option.font)
        chips = [(self.names.chip(s), True) for s in row.signs] + [(t, False) for t in row.tags]
        x = area.left()
        painter.setFont(option.font)
        for number, (text, is_sign) in enumerate(chips):
            label = fm.elidedText(text, Qt.TextElideMode.ElideRight, CHIP_MAX)
            width = fm.horizontalAdvance(label) + 18  # 2 px of slack: rounding never elides
            left = len(chips) - number
            more = f"+{left}"
            reserve = fm.horizontalAdvance(more) + 20 if left > 1 else 0
            if x + width + reserve > area.right() and number > 0:
                painter.setPen(QColor(colors.muted))
                painter.drawText(QRect(x, area.top(), area.right() - x, area.height()),
                                 int(Qt.AlignmentFlag.AlignVCenter), more)
                break
            width = min(width, area.right() - x)
            chip = QRectF(x, area.top(), width, area.height())
            painter.setPen(QPen(QColor(colors.border if is_sign else colors.primary), 1))
            painter.setBrush(QColor(colors.sunken) if is_sign else Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(chip.adjusted(0.5, 0.5, -0.5, -0.5), area.height() / 2,
                                    area.height() / 2)
            painter.setPen(QColor(colors.text))
            painter.drawText(chip.adjusted(8, 0, -6, 0), int(Qt.AlignmentFlag.AlignVCenter),
                             fm.elidedText(label, Qt.TextElideMode.ElideRight, int(width) - 14))
            x += width + 6
        return area.bottom() + 1

    def _runs(self, painter: QPainter, option: QStyleOptionViewItem,
              runs: list[tuple[str, bool]], area: QRect, colors) -> None:
        """Words wrapped over ``TEXT_LINES`` lines, search hits on a highlight, "…" at the end."""
        fm = QFontMetrics(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        bold_fm = QFontMetrics(bold)
        space = fm.horizontalAdvance(" ")
        words = [(word, hit) for text, hit in runs for word in text.split()]
        ellipsis = "…"
        room_for_ellipsis = fm.horizontalAdvance(ellipsis) + 2
        x, line = area.left(), 0
        for number, (word, hit) in enumerate(words):
            metrics = bold_fm if hit else fm
            width = metrics.horizontalAdvance(word)
            last_line = line == TEXT_LINES - 1
            # On the last line, keep room for "…" while more words follow.
            reserve = room_for_ellipsis if last_line and number < len(words) - 1 else 0
            if x > area.left() and x + width > area.right() - reserve:
                if last_line:
                    painter.setFont(option.font)
                    painter.setPen(QColor(colors.muted))
                    painter.drawText(x, area.top() + line * fm.height() + fm.ascent(), ellipsis)
                    break
                line, x = line + 1, area.left()
            top = area.top() + line * fm.height()
            word = metrics.elidedText(word, Qt.TextElideMode.ElideRight, area.right() - x)
            width = metrics.horizontalAdvance(word)
            if hit:
                highlight = QColor(colors.accent)
                highlight.setAlpha(70)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(highlight)
                painter.drawRoundedRect(QRectF(x - 2, top, width + 4, fm.height()), 3, 3)
            painter.setFont(bold if hit else option.font)
            painter.setPen(QColor(colors.text if hit else colors.muted))
            painter.drawText(x, top + fm.ascent(), word)
            x += width + space
