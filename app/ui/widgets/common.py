"""Small building blocks every page uses, so pages look alike and tests find things by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


def plain_text(label: QLabel) -> None:
    """Show the label's text as written, never as markup (a name or a note may hold "<"). Set
    by the enum's name: naming ``Qt.TextFormat`` would build all of Qt's enums (15 ms) before
    the first paint."""
    label.setProperty("textFormat", "PlainText")


def title_label(text: str, name: str = "pageTitle") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def body_label(text: str, *, muted: bool = False, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    plain_text(label)
    if muted:
        label.setProperty("muted", True)
    if name:
        label.setObjectName(name)
    return label


def message_label(name: str = "errorMessage") -> QLabel:
    """A label for errors or confirmations; empty and hidden until there is something to say."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    plain_text(label)
    label.setAccessibleName(QCoreApplication.translate("CommonWidgets", "Message"))
    label.hide()
    return label


def show_message(label: QLabel, text: str, *, ok: bool = False) -> None:
    """Show ``text`` as a problem (default) or, with ``ok``, as a calm confirmation.

    Screen readers are told as well (a problem interrupts, a confirmation waits its turn),
    since a label appearing elsewhere on the page is otherwise never read.
    """
    from app.ui.announce import announce

    name = "okMessage" if ok else "errorMessage"
    if label.objectName() != name:
        label.setObjectName(name)
        label.style().unpolish(label)
        label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))
    announce(label, text, urgent=not ok)


def clear_layout(layout) -> None:
    """Empty a layout that is refilled on refresh: widgets leave the page at once, freed later."""
    while layout.count():
        widget = layout.takeAt(0).widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()


def fill_child_combo(combo, children) -> None:
    """Refill a "which child" combo (name shown, id as data), keeping the current choice."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for child in children:
        combo.addItem(child.name, child.id)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)


def app_shortcut(keys: str, parent: QWidget, action: Callable[[], None]) -> None:
    """A shortcut that works in every Porchlight window, dialogs included. Its keys and context
    are set by name: a ``QKeySequence`` (its type costs 0.7 ms) or ``Qt.ShortcutContext`` (all
    of Qt's enums, 15 ms) would be built before the first paint."""
    from PySide6.QtGui import QShortcut

    shortcut = QShortcut(parent)
    shortcut.setProperty("key", keys)
    shortcut.setProperty("context", "ApplicationShortcut")
    shortcut.activated.connect(action)


def button(text: str, name: str, *, primary: bool = False, danger: bool = False,
           link: bool = False, accessible: str | None = None) -> QPushButton:
    """A push button; ``accessible`` says what it acts on when the text alone is ambiguous
    ("Edit" → "Edit Maya"), so a screen reader never hears two controls with one name."""
    widget = _LinkButton(text) if link else QPushButton(text)
    widget.setObjectName(name)
    widget.setAccessibleName(accessible or text.replace("&", ""))
    if primary:
        widget.setProperty("primary", True)
        widget.setDefault(True)
    if danger:
        widget.setProperty("danger", True)
    if link:
        widget.setProperty("link", True)
    return widget


class _LinkButton(QPushButton):
    """A button drawn as a link, with a pointing hand once the mouse first comes over it (set
    then, not when made: naming Qt's cursor shapes builds all of Qt's enums before the first
    paint, and the unlock screen has a link)."""

    def enterEvent(self, event: Any) -> None:
        if not getattr(self, "_pointing", False):
            from PySide6.QtCore import Qt

            self._pointing = True
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        super().enterEvent(event)


def card(name: str = "card") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    frame.setAccessibleName(name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(6)
    return frame, layout


def centered_column(content: QWidget, max_width: int = 620) -> QWidget:
    """Wrap ``content`` so it stays a comfortable reading width in a wide window."""
    from PySide6.QtWidgets import QHBoxLayout

    outer = QWidget()
    row = QHBoxLayout(outer)
    row.setContentsMargins(24, 24, 24, 24)
    row.addStretch(1)
    content.setMaximumWidth(max_width)
    row.addWidget(content, 100)
    row.addStretch(1)
    return outer


class _ClickableLabel(QLabel):
    def __init__(self, text: str, target: QCheckBox) -> None:
        super().__init__(text)
        self._target = target

    def mousePressEvent(self, event) -> None:  # the words toggle the box, as a box's own do
        if self._target.isEnabled():
            self._target.toggle()
        super().mousePressEvent(event)


def wrapping_checkbox(text: str, name: str) -> tuple[QWidget, QCheckBox]:
    """A check box whose words wrap (QCheckBox's own text never does): a long line, or a
    longer translation, stays inside a small window. The box carries the words as its name."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHBoxLayout

    box = QCheckBox()
    box.setObjectName(name)
    box.setAccessibleName(text.replace("&", ""))
    label = _ClickableLabel(text, box)
    label.setWordWrap(True)
    label.setObjectName(f"{name}Text")
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(label, 1)
    return row, box
