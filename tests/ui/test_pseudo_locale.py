"""Every screen in the pseudo-locale at 1024×640: no text cut off, no control out of reach.

The pseudo translator makes every string about 40% longer and accented, the way German or French
grow. With it installed, ``screen_tour`` opens every page and dialog with the demo family; on each,
every visible label without word wrap, button, check box and radio button must be at least as
wide as it asks to be, a wrapped label as tall as its text, and each must lie inside its window
(or inside a scroll area, which can bring it into view). Screenshots go to a temporary folder, or
to ``PORCHLIGHT_PSEUDO_SHOTS`` when set, for a person to look at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from app.ui.i18n import install_translators, pseudo_text, remove_translators
from app.ui.theme import apply_theme
from tests.ui.screen_tour import tour

SLACK = 1  # pixels: rounding in layouts


@pytest.fixture
def pseudo_app(qapp):
    """The pseudo translator and the real theme, both taken down afterwards."""
    before = (qapp.styleSheet(), qapp.font(), qapp.palette(), qapp.style().name())
    translators = install_translators(qapp, "pseudo")
    apply_theme(qapp)
    yield qapp
    remove_translators(qapp, translators)
    sheet, font, palette, style = before
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyle(style)


def _scroll_area(widget: QWidget, window: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _clipped_by(widget: QWidget, window: QWidget) -> str | None:
    """The ancestor (or the window) that cuts ``widget`` off; None inside a scroll area, whose
    own width is checked once by ``_sideways``."""
    if _scroll_area(widget, window) is not None:
        return None
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        outer = QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
        if not outer.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(rect):
            return "the window" if parent is window else parent.objectName() or type(
                parent).__name__
        if parent is window:
            break
        parent = parent.parentWidget()
    return None


def _sideways(window: QWidget) -> list[str]:
    """Scroll areas whose content is wider than their view: text runs off the right edge."""
    problems = []
    for area in window.findChildren(QScrollArea):
        content = area.widget()
        if area.isVisible() and content is not None and (
                content.width() > area.viewport().width() + SLACK):
            problems.append(f"{area.objectName() or 'a scroll area'}: its content is "
                            f"{content.width()} px wide in a {area.viewport().width()} px view "
                            "(text runs off the right edge)")
    return problems


def _describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    name = widget.objectName() or type(widget).__name__
    return f"{name} {text[:50]!r}"


def layout_problems(window: QWidget) -> list[str]:
    problems: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        is_label = isinstance(widget, QLabel) and bool(widget.text())
        if not (is_label or isinstance(widget, QPushButton | QCheckBox | QRadioButton)):
            continue
        if isinstance(widget, QAbstractButton) and not widget.text():
            continue
        if is_label and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + SLACK:
                problems.append(f"{_describe(widget)}: {widget.height()} px tall, its wrapped "
                                f"text needs {needed}")
        else:
            wanted = min(widget.sizeHint().width(), widget.minimumSizeHint().width() or 10**6)
            wanted = max(wanted, widget.minimumSizeHint().width())
            if widget.width() + SLACK < wanted:
                problems.append(f"{_describe(widget)}: {widget.width()} px wide, its text "
                                f"needs {wanted}")
        clipper = _clipped_by(widget, window)
        if clipper:
            problems.append(f"{_describe(widget)}: cut off by {clipper}")
    return problems + _sideways(window)


def shots_folder(tmp_path: Path) -> Path:
    chosen = os.environ.get("PORCHLIGHT_PSEUDO_SHOTS")
    folder = Path(chosen) if chosen else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_pseudo_translator_reaches_tr_and_keeps_placeholders(pseudo_app) -> None:
    from PySide6.QtCore import QCoreApplication

    shown = QCoreApplication.translate("Test", "Edit {name}").format(name="Maya")
    assert "Maya" in shown and shown != "Edit Maya" and shown.startswith("[")
    assert QCoreApplication.translate("Test", "%n check-ins", "", 3).count("3") == 1
    assert len(pseudo_text("Set up a check-in")) >= 1.35 * len("Set up a check-in")


# Known from the first run (issue 10): pages still being converted by other hands; the
# integrator removes this mark once the list printed by the failure is empty.
def test_every_screen_fits_at_1024x640_in_the_pseudo_locale(pseudo_app, qtbot,
                                                             tmp_path) -> None:
    shots = shots_folder(tmp_path)
    found: dict[str, list[str]] = {}
    visited: list[str] = []

    def visit(name: str, window: QWidget) -> None:
        visited.append(name)
        QApplication.processEvents()
        file_name = name.replace(": ", "-").replace(" ", "-") + ".png"
        window.grab().save(str(shots / file_name))
        problems = layout_problems(window)
        if problems:
            found[name] = problems

    failures = tour(qtbot, tmp_path, visit)
    assert len(visited) >= 20, visited
    report = [f"{screen}:\n  " + "\n  ".join(problems) for screen, problems in found.items()]
    assert not failures and not found, "\n".join(failures + report)
