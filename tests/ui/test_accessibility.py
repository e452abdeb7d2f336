"""What a screen reader gets: names on every control, no two alike, Tab reaching all of them.

``screen_tour`` opens every page and dialog with the demo family; on each, every visible
interactive control (buttons, check boxes, line edits, combos, lists, spin boxes…) is asked for
its name through ``QAccessible`` — exactly what Orca or NVDA reads — and must have one, unique on
that screen. Following ``nextInFocusChain`` from the window must reach every enabled one that Tab
can stop on. Also here: messages are announced, and text grows with the system font.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.ui.screen_tour import tour

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox,
               QTextEdit, QPlainTextEdit, QSlider, QTabBar)
# Parts of a bigger control: the control itself is named and focused, not its pieces.
COMPOUND = (QComboBox, QAbstractSpinBox, QTabBar, QAbstractItemView, QLineEdit)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _is_part(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def controls(window: QWidget) -> list[QWidget]:
    """The visible interactive controls a person can reach on ``window``."""
    found = []
    for widget in window.findChildren(QWidget):
        if (isinstance(widget, INTERACTIVE) and widget.isVisible()
                and widget.window() is window and not _is_part(widget, window)):
            found.append(widget)
    return found


def _key(widget: QWidget) -> int:
    """The C++ object's address: Python wrappers come and go, so ``id()`` can repeat."""
    return int(shiboken6.getCppPointer(widget)[0])


def focus_chain(window: QWidget) -> set[int]:
    reached: set[int] = set()
    stop = _key(window)
    widget = window.nextInFocusChain()
    while widget is not None and _key(widget) != stop and _key(widget) not in reached:
        reached.add(_key(widget))
        widget = widget.nextInFocusChain()
    return reached


def _group_reached(widget: QWidget, chain: set[int]) -> bool:
    """Radio buttons in an exclusive group are one Tab stop (arrows move inside it): Qt takes
    Tab focus off the unchecked ones, so the group counts as reached when any one is."""
    if not isinstance(widget, QAbstractButton):
        return False
    group = widget.group()
    if group is not None and group.exclusive():
        members = group.buttons()
    elif widget.autoExclusive() and widget.parentWidget() is not None:
        members = [b for b in widget.parentWidget().findChildren(QAbstractButton)
                   if b.autoExclusive() and b.parentWidget() is widget.parentWidget()]
    else:
        return False
    return any(bool(b.focusPolicy() & Qt.FocusPolicy.TabFocus) and _key(b) in chain
               for b in members)


def _label(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{widget.objectName() or type(widget).__name__}" + (f" {text!r}" if text else "")


def screen_problems(window: QWidget, counts: dict[str, int]) -> list[str]:
    problems: list[str] = []
    names: dict[str, list[QWidget]] = {}
    chain = focus_chain(window)
    for widget in controls(window):
        counts["elements"] += 1
        name = accessible_name(widget)
        if not name:
            problems.append(f"{_label(widget)}: no accessible name")
        else:
            counts["named"] += 1
            names.setdefault(name, []).append(widget)
        tabbable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        reached = tabbable and _key(widget) in chain
        if widget.isEnabled() and not reached and not _group_reached(widget, chain):
            problems.append(f"{_label(widget)}: Tab never reaches it")
    for name, holders in names.items():
        if len(holders) > 1:
            counts["duplicates"] += 1
            problems.append(f"{len(holders)} controls named {name!r}: "
                            + ", ".join(_label(w) for w in holders))
    return problems


def test_every_screen_names_every_control_once_and_tab_reaches_it(qtbot, tmp_path) -> None:
    counts = {"screens": 0, "elements": 0, "named": 0, "duplicates": 0}
    found: dict[str, list[str]] = {}

    def visit(name: str, window: QWidget) -> None:
        counts["screens"] += 1
        problems = screen_problems(window, counts)
        if problems:
            found[name] = problems

    failures = tour(qtbot, tmp_path, visit)
    print(f"accessibility walk: {counts}")
    assert counts["screens"] >= 20 and counts["elements"] >= 100, counts
    report = [f"{screen}:\n  " + "\n  ".join(problems) for screen, problems in found.items()]
    assert not failures and not found, f"{counts}\n" + "\n".join(failures + report)


# --- the walk itself finds what it should ---------------------------------------------------

def test_the_walk_finds_a_missing_name_a_duplicate_and_a_control_tab_skips(qtbot) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    unnamed, first, second, skipped = QPushButton(), QPushButton("Edit"), QPushButton("Edit"), \
        QPushButton("Copy")
    skipped.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    for widget in (unnamed, first, second, skipped):
        layout.addWidget(widget)
    window.show()
    counts = {"elements": 0, "named": 0, "duplicates": 0}
    problems = "\n".join(screen_problems(window, counts))
    assert "no accessible name" in problems
    assert "2 controls named 'Edit'" in problems
    assert "'Copy': Tab never reaches it" in problems
    assert counts == {"elements": 4, "named": 3, "duplicates": 1}
    first.setAccessibleName("Edit Maya")
    second.setAccessibleName("Edit Sam")
    unnamed.setAccessibleName("Add a child")
    skipped.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    assert screen_problems(window, dict.fromkeys(counts, 0)) == []


# --- messages are announced; text follows the system font ---------------------------------

def test_a_shown_message_is_announced_to_screen_readers(qtbot) -> None:
    from app.ui.announce import recent_announcements
    from app.ui.widgets.common import message_label, show_message

    label = message_label()
    qtbot.addWidget(label)
    show_message(label, "Backed up just now.", ok=True)
    show_message(label, "The backup could not be written.")
    assert recent_announcements()[-2:] == [("Backed up just now.", False),
                                           ("The backup could not be written.", True)]


def test_a_larger_system_font_makes_page_titles_larger(qapp, qtbot) -> None:
    from app.ui.theme import apply_theme
    from app.ui.widgets.common import title_label

    before = (qapp.styleSheet(), qapp.font(), qapp.palette(), qapp.style().name())
    try:
        sizes = []
        for system_pt in (11.0, 16.0):
            font = QFont(qapp.font())
            font.setPointSizeF(system_pt)
            qapp.setFont(font)
            apply_theme(qapp)
            title = title_label("Your family")
            qtbot.addWidget(title)
            title.show()
            title.ensurePolished()
            sizes.append(title.font().pointSizeF())
        assert sizes[1] > sizes[0] >= 18, sizes
        assert sizes[1] == pytest.approx(sizes[0] * 16 / 11, rel=0.02)
    finally:
        sheet, font, palette, style = before
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)
        qapp.setPalette(palette)
        qapp.setStyle(style)
