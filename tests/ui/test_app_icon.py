"""Porchlight's icon comes just after the first paint, and the tray can always have it."""

from __future__ import annotations

import argparse

from PySide6.QtWidgets import QApplication, QWidget

from app.ui import app_icon


def test_the_icon_is_given_once_and_is_porchlights(qapp, monkeypatch):
    monkeypatch.setattr(app_icon, "_given", [])
    qapp.setWindowIcon(QApplication.style().standardIcon(
        QApplication.style().StandardPixmap.SP_FileIcon))  # someone else's, to be replaced
    icon = app_icon.give_app_icon()
    assert not icon.isNull() and icon.cacheKey() == QApplication.windowIcon().cacheKey()
    assert app_icon.give_app_icon().cacheKey() == icon.cacheKey()  # not read again


def test_a_running_porchlight_has_its_icon_after_the_first_paint(tmp_path, qapp, qtbot,
                                                                  monkeypatch):
    from app.ui import application

    monkeypatch.setattr(app_icon, "_given", [])
    qapp.setWindowIcon(QApplication.style().standardIcon(
        QApplication.style().StandardPixmap.SP_FileIcon))
    before = QApplication.windowIcon().cacheKey()
    seen: dict[str, int] = {}

    def run_briefly() -> int:  # the event loop, for as long as it takes to paint and settle
        qtbot.wait(100)
        seen["icon"] = QApplication.windowIcon().cacheKey()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QWidget) and widget.isVisible():
                widget.hide()
        return 0

    monkeypatch.setattr(application.QApplication, "exec", staticmethod(run_briefly))
    monkeypatch.setattr(application, "preload_heavy_modules", lambda: None)
    monkeypatch.setattr(application, "follow_the_system", lambda _app: None)
    args = argparse.Namespace(smoke=False, demo=False, data_dir=str(tmp_path / "data"),
                              minimized=False)
    assert application.run_app(args) == 0
    assert seen["icon"] != before and not QApplication.windowIcon().isNull()
