"""PySide's per-import check ("does this module mention PySide6?") is answered from the file's
bytes instead of ``inspect.getsource``: the same answers, for every kind of module here."""

from __future__ import annotations

import sys

import app.ui  # noqa: F401  (swaps the check)


def test_the_swapped_check_gives_pysides_own_answers():
    feature = sys.modules["shibokensupport.feature"]
    ours = feature._mod_uses_pyside
    assert getattr(ours, "porchlight", False)
    original = ours.original
    modules = [m for name, m in sorted(sys.modules.items())
               if name.startswith(("app.", "json", "email", "PySide6", "shiboken", "sqlalchemy",
                                   "pytest", "encodings"))]
    assert len(modules) > 50
    answers = [(m.__name__, ours(m), original(m)) for m in modules]
    assert [a for a in answers if a[1] != a[2]] == []
    assert any(a[1] for a in answers) and not all(a[1] for a in answers)
