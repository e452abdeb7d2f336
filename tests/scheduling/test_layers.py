"""The reminder engine and the desktop layer run on Qt's event loop but never use widgets.

import-linter cannot forbid a sub-package of an external package, so this checks the imports
of every module in those packages directly.
"""

from __future__ import annotations

import ast
from pathlib import Path

import app

WIDGET_MODULES = ("PySide6.QtWidgets", "PySide6.QtGui")


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_scheduling_and_desktop_import_no_widgets():
    root = Path(app.__file__).parent
    files = [*(root / "scheduling").glob("*.py"), *(root / "desktop").glob("*.py")]
    assert len(files) >= 6
    for path in files:
        assert not imported_modules(path) & set(WIDGET_MODULES), path.name
