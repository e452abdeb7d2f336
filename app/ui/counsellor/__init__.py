"""The counsellor workspace: the plan builder, templates and saved plans, reports received.

``counsellor_pages`` makes the three pages for the shell (which shows them instead of the
family's pages when the vault's workspace is "counsellor") and wires a template or saved plan
opened on the templates page into the builder.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.core.clock import Clock
from app.ui.ops import Ops


def counsellor_pages(ops: Ops, clock: Clock, library: Any) -> list[QWidget]:
    """[builder, templates, reports]; opening a plan on the templates page loads the builder
    and emits the builder's ``show_requested`` so the shell can bring it forward."""
    from app.ui.counsellor.builder_page import PlanBuilderPage
    from app.ui.counsellor.reports_page import ReportsPage
    from app.ui.counsellor.templates_page import TemplatesPage

    builder = PlanBuilderPage(ops, clock, library)
    templates = TemplatesPage(ops)

    def open_in_builder(plan: Any, keep_identity: bool) -> None:
        builder.load_plan(plan, keep_identity=keep_identity)
        builder.show_requested.emit()

    templates.open_requested.connect(open_in_builder)
    return [builder, templates, ReportsPage(ops)]
