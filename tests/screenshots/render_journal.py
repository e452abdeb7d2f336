"""Render the journal's screens to PNG, light and dark, at both window sizes, to look at.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/screenshots/render_journal.py OUT_DIR

Not a test: it opens the ``--demo`` family (a year of check-ins, talks and journal entries), and
saves the home page with its pattern card, the journal (list, search, an entry, its history),
quick entry with details, trends as a chart and as a table, the rules, the export, a note written
while locked, and Help now after an urgent sign.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SCREEN = ROOT / "tests" / "offscreen_screen.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")

from app.core.clock import SettableClock  # noqa: E402
from app.desktop.notifications import RecordingNotifier  # noqa: E402
from app.storage.demo import DEMO_PASSPHRASE, create_demo  # noqa: E402
from app.storage.key_derivation import KdfParams  # noqa: E402
from app.ui.application import create_application  # noqa: E402
from app.ui.context import AppContext  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from tests.screenshots.render_screens import SIZES, save, settle, settle_ops  # noqa: E402


def render(out: Path, scheme: str, size: tuple[int, int]) -> None:
    os.environ["PORCHLIGHT_COLOR_SCHEME"] = scheme
    app = create_application(sys.argv[:1])
    tag = f"{scheme}-{size[0]}x{size[1]}"
    clock = SettableClock(dt.datetime(2026, 11, 23, 20, tzinfo=dt.UTC))
    folder = create_demo(Path(tempfile.mkdtemp()) / "demo", clock)
    context = AppContext(folder, clock, KdfParams(1, 8 * 1024, 1), notifier=RecordingNotifier(),
                         use_tray=False, backup_delay_ms=None)
    window = MainWindow(context)
    window.resize(*size)
    window.show()
    settle(app)
    window.unlock_page.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_page.try_unlock()
    for _ in range(100):
        settle(app)
        if window.shell is not None:
            break
    shell = window.shell

    def page(page_id: str, name: str):
        shown = shell.show_page(page_id)
        settle_ops(app, window)
        settle(app)
        save(window, out, f"{name}-{tag}")
        return shown

    page("family", "40-home-with-patterns")
    journal = page("journal", "41-journal")
    journal.filters.set_search("school")
    settle(app, 3)
    import time

    time.sleep(0.3)
    settle_ops(app, window)
    settle(app)
    save(window, out, f"42-journal-search-{tag}")
    journal.filters.set_search("")
    time.sleep(0.3)
    settle_ops(app, window)
    journal.list.setCurrentIndex(journal.model.index(0))
    settle_ops(app, window)
    settle(app)
    save(window, out, f"42b-journal-entry-{tag}")
    entry_id = journal.current_id()
    if entry_id is not None:
        window.session.ops.write(
            lambda s: s.journal.revise(entry_id, s.journal.entry(entry_id).fields.with_changes(
                saw="She said a boy from the game asked for her school name, then said "
                    "never mind.")), touches=__import__("app.core.changes").core.changes.Changes(
                journal=True), owner=None)
        settle_ops(app, window)
        journal.open_history(entry_id)
        settle_ops(app, window)
        settle(app)
        dialog = journal.history_dialog
        dialog.versions.setCurrentRow(0)
        settle(app)
        save(dialog, out, f"43-history-{tag}")
        dialog.reject()
    note = window.note_something()
    settle_ops(app, window)
    note.details_toggle.click()
    settle(app)
    save(note, out, f"44-quick-entry-{tag}")
    note.discard_and_close()
    trends = page("trends", "45-trends-chart")
    trends.table_toggle.setChecked(True)
    settle(app)
    save(window, out, f"46-trends-table-{tag}")
    page("rules", "47-rules")
    export = window.export_journal()
    settle_ops(app, window)
    settle(app)
    save(export, out, f"48-export-{tag}")
    export.reject()
    help_now = window.open_help_now(urgent=True)
    settle(app)
    save(help_now, out, f"49-help-now-urgent-{tag}")
    help_now.close()
    window.lock()
    settle(app)
    locked = window.note_something()
    settle(app)
    save(locked, out, f"50-locked-note-{tag}")
    locked.close()
    window.close()
    settle(app)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        for size in SIZES.values():
            render(out, scheme, size)
    print(f"saved to {out}")


if __name__ == "__main__":
    main()
