"""The conversation library as the UI holds it: loaded once, problems remembered, never fatal.

A broken content file must not stop the app: the loader skips it and reports it, this keeps
the report so pages can name the file, and everything else still works. Loading takes a few
milliseconds, so it happens on first use rather than before the first paint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from app.paths import shipped_content_dir


@dataclass
class LibraryState:
    library: Any
    problems: list[Any] = field(default_factory=list)

    @classmethod
    def load(cls, directory: Path | None = None) -> LibraryState:
        from app.core.content.loader import load_library

        try:
            # Overlays for the parent's language lie on top of the English (none ship yet).
            result = load_library(directory or shipped_content_dir(), QLocale().name())
        except Exception as error:  # the loader promises not to raise; be safe anyway
            return cls(None, [f"The conversation library could not be loaded ({error})."])
        return cls(result.library, list(result.problems))

    def problem_summary(self) -> str:
        """One sentence naming the broken files, for a notice on screen ("" if none)."""
        files = sorted({Path(str(getattr(p, "path", p))).name for p in self.problems})
        if not files:
            return ""
        return QCoreApplication.translate(
            "LibraryState", "Some conversation files could not be read and were left out: "
            "{files}. Everything else works as usual.").format(files=", ".join(files))

    def first_words(self, count: int) -> list[str]:
        """Reassurance lines that suit every age, for the first moment of a crisis."""
        if self.library is None:
            return []
        lines = sorted(self.library.reassurance, key=lambda line: -len(line.bands))
        return [line.text for line in lines[:count]]


_shipped: LibraryState | None = None


def shipped_library() -> LibraryState:
    global _shipped
    if _shipped is None:
        _shipped = LibraryState.load()
    return _shipped
