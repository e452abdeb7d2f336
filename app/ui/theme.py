"""Light and dark looks that follow the system, in calm colours and readable sizes.

The palette is applied to Qt's Fusion style so every stock widget matches, and a short style
sheet adds the few custom touches (sidebar, cards, primary buttons). ``PORCHLIGHT_COLOR_SCHEME``
(light/dark) overrides the system, which is handy for screenshots.

Light or dark is first read from the palette the system gave Qt (dark when its window colour
is dark), which costs nothing. Qt's exact answer, ``QStyleHints.colorScheme()``, comes as one
of Qt's enums, and naming the first of them builds all 93 (15 ms, before the first paint, on
every start). So ``follow_the_system`` asks it once the first window has painted, switches in
the rare case the two disagree, and follows the system's changes from then on.

Text sizes are never absolute: each is a ratio of the body size, which is the system font's
(never below ``MIN_BODY_PT``, for reading comfort), so a parent who sets a larger font for their
desktop gets a larger Porchlight — titles included.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

MIN_BODY_PT = 11.0
# Text roles → size as a multiple of the body size (11 pt body: 20 pt titles, 14 pt sections…).
TEXT_SCALE: dict[str, float] = {
    "page_title": 20 / 11, "section_title": 14 / 11, "recovery_code": 20 / 11,
    "sidebar": 12 / 11, "channel_name": 12 / 11, "first_words": 12 / 11,
    "coach_line": 19 / 11, "pressure_line": 16 / 11, "coach_details": 1.0, "banner": 1.0,
}


@dataclass(frozen=True)
class Colors:
    window: str
    surface: str
    sunken: str
    text: str
    muted: str
    border: str
    primary: str
    on_primary: str
    accent: str
    danger: str
    success: str
    selection: str


LIGHT = Colors(window="#f6f3ee", surface="#ffffff", sunken="#ede8e0", text="#25231f",
               muted="#5f5a52", border="#d9d2c6", primary="#2e5e66", on_primary="#ffffff",
               accent="#b8731f", danger="#a23b2a", success="#2f6b3a", selection="#cfe3e5")
DARK = Colors(window="#1c1d20", surface="#26282c", sunken="#18191b", text="#ebe8e2",
              muted="#aaa59c", border="#3a3c41", primary="#7fbcc3", on_primary="#10282b",
              accent="#e3a857", danger="#f08a78", success="#8fcf99", selection="#2f4a4e")


def _override() -> str:
    return os.environ.get("PORCHLIGHT_COLOR_SCHEME", "").lower()


def wants_dark() -> bool:
    """Dark when asked for, else when the application's palette is dark: the system's before
    ``apply_theme``, ours after it (so every later reader agrees with what is shown)."""
    if _override() in {"light", "dark"}:
        return _override() == "dark"
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def system_scheme() -> str | None:
    """Qt's exact answer: "dark", "light", or None when the system does not say."""
    from PySide6.QtCore import Qt

    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return "dark"
    return "light" if scheme == Qt.ColorScheme.Light else None


def follow_the_system(app: QApplication,
                      read_scheme: Callable[[], str | None] = system_scheme) -> None:
    """After the first paint: switch if Qt's exact answer differs from the palette's (rare),
    and again whenever the system's choice changes."""
    if _override() in {"light", "dark"}:
        return

    def follow(*_changed: object) -> None:
        scheme = read_scheme()
        if scheme is not None and (scheme == "dark") != wants_dark():
            apply_theme(app, set_style=False, dark=scheme == "dark")

    QGuiApplication.styleHints().colorSchemeChanged.connect(follow)
    follow()


def current_colors() -> Colors:
    return DARK if wants_dark() else LIGHT


def _palette(c: Colors) -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window, QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.surface, QPalette.ColorRole.AlternateBase: c.sunken,
        QPalette.ColorRole.Text: c.text, QPalette.ColorRole.Button: c.surface,
        QPalette.ColorRole.ButtonText: c.text, QPalette.ColorRole.Highlight: c.primary,
        QPalette.ColorRole.HighlightedText: c.on_primary, QPalette.ColorRole.ToolTipBase: c.surface,
        QPalette.ColorRole.ToolTipText: c.text, QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Link: c.primary, QPalette.ColorRole.Mid: c.border,
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(c.muted))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(c.muted))
    return palette


def text_sizes(body_pt: float) -> dict[str, str]:
    """Every text role's size for a body of ``body_pt`` points, as style-sheet values."""
    return {role: f"{body_pt * ratio:.1f}pt" for role, ratio in TEXT_SCALE.items()}


def body_point_size(app: QApplication) -> float:
    """The body size: the system's font, enlarged to ``MIN_BODY_PT`` when it is smaller."""
    size = app.font().pointSizeF()
    return max(size if size > 0 else MIN_BODY_PT, MIN_BODY_PT)


def style_sheet(c: Colors, body_pt: float = MIN_BODY_PT) -> str:
    t = text_sizes(body_pt)
    return f"""
    QWidget {{ color: {c.text}; }}
    QLabel#pageTitle {{ font-size: {t['page_title']}; font-weight: 600; }}
    QLabel#sectionTitle {{ font-size: {t['section_title']}; font-weight: 600; }}
    QLabel#muted, QLabel[muted="true"] {{ color: {c.muted}; }}
    QLabel#errorMessage {{ color: {c.danger}; font-weight: 600; }}
    QLabel#okMessage {{ color: {c.success}; font-weight: 600; }}
    QLabel#recoveryCode {{ font-family: monospace; font-size: {t['recovery_code']};
        font-weight: 600; background: {c.sunken}; border: 1px solid {c.border};
        border-radius: 8px;
        padding: 14px; letter-spacing: 2px; }}
    QFrame#card {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 10px; }}
    QFrame#notice {{ background: {c.sunken}; border-radius: 8px; }}
    QListWidget#sidebar {{ background: {c.sunken}; border: none; padding: 8px 4px;
        font-size: {t['sidebar']}; outline: 0; }}
    QListWidget#sidebar::item {{ padding: 10px 14px; border-radius: 6px; margin: 2px 4px; }}
    QListWidget#sidebar::item:selected {{ background: {c.selection}; color: {c.text}; }}
    QPushButton {{ padding: 7px 16px; border: 1px solid {c.border}; border-radius: 6px;
        background: {c.surface}; }}
    QPushButton:hover {{ border-color: {c.primary}; }}
    QPushButton:focus {{ border: 2px solid {c.primary}; }}
    QPushButton[primary="true"] {{ background: {c.primary}; color: {c.on_primary};
        border: 1px solid {c.primary}; font-weight: 600; }}
    QPushButton[primary="true"]:disabled {{ background: {c.border}; color: {c.muted};
        border-color: {c.border}; }}
    QPushButton[danger="true"] {{ color: {c.danger}; }}
    QPushButton[link="true"] {{ border: none; background: transparent; color: {c.primary};
        text-decoration: underline; padding: 4px; }}
    QLineEdit {{ padding: 6px 8px; border: 1px solid {c.border}; border-radius: 6px;
        background: {c.surface}; }}
    QLineEdit:focus {{ border: 2px solid {c.primary}; }}
    QSpinBox, QComboBox {{ min-height: 28px; }}
    QListWidget {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 6px; }}
    QListWidget::item {{ padding: 6px 8px; }}
    QWidget#sidebarHost {{ background: {c.sunken}; }}
    QProgressBar {{ border: none; background: {c.sunken}; border-radius: 4px; height: 8px; }}
    QProgressBar::chunk {{ border-radius: 4px; background: {c.accent}; }}
    QWidget#topBar {{ background: {c.surface}; border-bottom: 1px solid {c.border}; }}
    QLabel#appName {{ font-weight: 600; color: {c.muted}; }}
    QPushButton#helpNowButton {{ background: {c.accent}; color: #1d1403; border: none;
        font-weight: 700; padding: 7px 18px; }}
    QPushButton#helpNowButton:focus {{ border: 2px solid {c.text}; }}
    QLabel#channelName {{ font-size: {t['channel_name']}; font-weight: 600; }}
    QLabel#emergencyLine {{ font-weight: 600; color: {c.danger}; }}
    QLabel#firstWords {{ font-size: {t['first_words']}; font-style: italic; }}
    QLabel#bandBadge {{ background: {c.selection}; border-radius: 10px; padding: 3px 10px;
        font-weight: 600; }}
    QLabel#coachStarter, QLabel#reassuranceLine {{ font-size: {t['coach_line']};
        font-weight: 600; }}
    QLabel#pressureLine {{ font-size: {t['pressure_line']}; font-style: italic; }}
    QLabel#refusalLine {{ font-size: {t['coach_line']}; font-weight: 600; color: {c.primary}; }}
    QLabel#coachDetails {{ font-size: {t['coach_details']}; }}
    QCheckBox::indicator {{ width: 15px; height: 15px; border-radius: 3px;
        border: 2px solid {c.muted}; background: {c.surface}; }}
    QCheckBox::indicator:checked {{ background: {c.primary}; border: 2px solid {c.primary}; }}
    QCheckBox::indicator:focus {{ border: 2px solid {c.primary}; }}
    QRadioButton::indicator {{ width: 16px; height: 16px; border-radius: 9px;
        border: 2px solid {c.muted}; background: {c.surface}; }}
    QRadioButton::indicator:checked {{ background: {c.primary}; border: 2px solid {c.primary}; }}
    QRadioButton::indicator:focus {{ border: 2px solid {c.primary}; }}
    QFrame#dueBanner {{ background: {c.selection}; border-bottom: 2px solid {c.primary}; }}
    QFrame#draftsBanner, QFrame#inboxBanner {{
        background: {c.sunken}; border-bottom: 1px solid {c.border}; }}
    QLabel#bannerText {{ font-size: {t['banner']}; font-weight: 600; }}
    """


def apply_theme(app: QApplication, *, set_style: bool = True,
                dark: bool | None = None) -> Colors:
    """Palette, body font and style sheet; ``set_style=False`` when Fusion came via ``-style``;
    ``dark`` chooses, else ``wants_dark``."""
    colors = (DARK if dark else LIGHT) if dark is not None else current_colors()
    if set_style:
        app.setStyle("Fusion")
    app.setPalette(_palette(colors))
    body_pt = body_point_size(app)
    font = QFont(app.font())
    font.setPointSizeF(body_pt)
    app.setFont(font)
    app.setStyleSheet(style_sheet(colors, body_pt))
    return colors
