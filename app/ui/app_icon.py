"""Porchlight's icon, given to the application just after the first window has painted.

The window shows with the desktop's default for a moment, as a bare Qt window does: making the
``QIcon`` type alone builds its enums (its theme icons among them), about 2 ms, and reading the
SVG another 1.5 ms, both on the way to the first paint. The tray, where there is one, needs the
icon when it is made and asks for it here, so it is never drawn without one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from app.paths import resources_dir

_given: list[bool] = []  # set once the application holds the icon


def give_app_icon() -> Any:
    """Set Porchlight's icon on the application (once) and return it as a ``QIcon``."""
    from PySide6.QtGui import QIcon

    app = QApplication.instance()
    if not _given and isinstance(app, QApplication):
        path = resources_dir() / "icons" / "porchlight.svg"
        if path.exists():
            app.setWindowIcon(QIcon(str(path)))
        _given.append(True)
    return QApplication.windowIcon()
