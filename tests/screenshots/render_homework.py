"""Render counsellor homework's screens to PNG, light and dark, at both window sizes, to look at.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/screenshots/render_homework.py OUT_DIR

Not a test. The family side opens the ``--demo`` family (Maya's plan is in its third week): the
Plans page, a plan's preview before importing, how a task went, the week's questions, and the
progress report (choosing, then the preview). The counsellor side opens a counsellor's vault:
the plan builder, templates, and a report received with two sections withheld.
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
from app.core.plans.examples import example_plan, example_report  # noqa: E402
from app.core.plans.fhir_plan import plan_bytes  # noqa: E402
from app.desktop.notifications import RecordingNotifier  # noqa: E402
from app.storage import vault  # noqa: E402
from app.storage.data_folder import DataFolder  # noqa: E402
from app.storage.demo import DEMO_PASSPHRASE, create_demo  # noqa: E402
from app.storage.key_derivation import KdfParams  # noqa: E402
from app.storage.services import Services  # noqa: E402
from app.ui.application import create_application  # noqa: E402
from app.ui.content_access import shipped_library  # noqa: E402
from app.ui.context import AppContext  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from tests.screenshots.render_screens import SIZES, save, settle, settle_ops  # noqa: E402

KDF = KdfParams(1, 8 * 1024, 1)
PASSPHRASE = "lantern orchard velvet comet"


def _open(folder: DataFolder, passphrase: str, clock, size) -> MainWindow:
    app = create_application(sys.argv[:1])
    window = MainWindow(AppContext(folder, clock, KDF, notifier=RecordingNotifier(),
                                   use_tray=False, backup_delay_ms=None))
    window.resize(*size)
    window.show()
    settle(app)
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.try_unlock()
    for _ in range(100):
        settle(app)
        if window.shell is not None:
            break
    settle_ops(app, window)
    return window


def family(out: Path, tag: str, size, clock) -> None:
    from app.ui.plans.import_dialog import ImportPlanDialog
    from app.ui.plans.questions_dialog import WeeklyQuestionsDialog
    from app.ui.plans.report_dialog import ReportDialog
    from app.ui.plans.task_dialog import TaskDialog

    app = create_application(sys.argv[:1])
    folder = create_demo(Path(tempfile.mkdtemp()) / "demo", clock)
    window = _open(folder, DEMO_PASSPHRASE, clock, size)
    window.shell.show_page("plans")
    settle_ops(app, window)
    settle(app)
    save(window, out, f"60-plans-page-{tag}")
    ops, library = window.session.ops, shipped_library().library
    path = Path(tempfile.mkdtemp()) / "plan.porchplan"
    path.write_bytes(plan_bytes(example_plan(clock.now().date()), library))
    preview = ImportPlanDialog(ops, clock, library, window)
    preview.load(path)
    preview.show()
    settle_ops(app, window)
    settle(app)
    save(preview, out, f"61-plan-preview-{tag}")
    preview.reject()
    [active] = ops.run_now(lambda s: s.plans.active_plans())
    week = active.plan.weeks[2]
    for name, dialog in (("62-how-did-it-go", TaskDialog(ops, active, week.task_ids()[0],
                                                         window)),
                         ("63-week-questions", WeeklyQuestionsDialog(ops, active, week.number,
                                                                     window))):
        dialog.show()
        settle(app)
        save(dialog, out, f"{name}-{tag}")
        dialog.reject()
    report = ReportDialog(ops, clock, library, active.id, window)
    report.show()
    settle_ops(app, window)
    settle(app)
    save(report, out, f"64-report-choose-{tag}")
    report.tabs.setCurrentIndex(1)
    settle_ops(app, window)
    settle(app)
    save(report, out, f"65-report-preview-{tag}")
    report.reject()
    window.close()
    settle(app)


def counsellor(out: Path, tag: str, size, clock) -> None:
    app = create_application(sys.argv[:1])
    folder = DataFolder(Path(tempfile.mkdtemp()) / "data")
    opened = vault.create(folder, PASSPHRASE, "7K3QMZ8WXR2HB4NV9TJD5PYCE", KDF, clock)
    services = Services.for_vault(opened)
    services.plans.set_workspace("counsellor")
    plan = example_plan(clock.now().date() - dt.timedelta(weeks=2))
    services.plans.save_built(plan)
    services.plans.save_template("Starting out", plan)
    services.plans.keep_report(example_report(plan, clock.now()))
    services.close()
    window = _open(folder, PASSPHRASE, clock, size)
    for page_id, name in (("builder", "70-builder"), ("templates", "71-templates"),
                          ("reports", "72-reports")):
        page = window.shell.show_page(page_id)
        settle_ops(app, window)
        settle(app)
        if page_id == "reports" and page.report_list.count():
            page.report_list.setCurrentRow(0)
            settle_ops(app, window)
            settle(app)
        save(window, out, f"{name}-{tag}")
    window.close()
    settle(app)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    clock = SettableClock(dt.datetime(2026, 11, 23, 20, tzinfo=dt.UTC))
    for scheme in ("light", "dark"):
        os.environ["PORCHLIGHT_COLOR_SCHEME"] = scheme
        for size in SIZES.values():
            tag = f"{scheme}-{size[0]}x{size[1]}"
            family(out, tag, size, clock)
            counsellor(out, tag, size, clock)
    print(f"saved to {out}")


if __name__ == "__main__":
    main()
