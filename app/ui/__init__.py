"""The Qt interface.

PySide answers a question for every module imported after it — "does this module's source
mention PySide6?" (for its ``__feature__`` switches, which Porchlight never uses) — through
``inspect.getsource``, which tokenizes each file: 7 to 14 ms over the 60 modules loaded before
the first window paints. Reading the file's bytes gives the same answer in a fraction of that,
so this package swaps the check when it is first imported (before any page module). Anything it
cannot read (a compiled-only module, an odd loader) goes to PySide's own check.
"""

from __future__ import annotations

import sys
from typing import Any

import PySide6.QtCore  # noqa: F401  (loads PySide's import hook, which is swapped below)


def _faster_pyside_check() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "porchlight", False):
        return

    def mentions_pyside(module: Any) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    mentions_pyside.porchlight = True  # type: ignore[attr-defined]
    mentions_pyside.original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mentions_pyside


_faster_pyside_check()
