"""Opening a progress report file a family handed over, with a clear message when it can't be.

A family's Porchlight saves the report three ways: a PDF with the JSON report embedded, the
same JSON beside it, and an HTML copy. Porchlight's own dependencies have no PDF reader (pypdf
is a test extra only), so the counsellor opens the JSON; picking the PDF opens the JSON of the
same name beside it when there is one, and otherwise says which file to ask for. A plan file
opened here is named as a plan (``bundle_kind``), never reported as a broken field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.plans.fhir_base import MAX_BYTES, PlanFileError, bundle_kind
from app.core.plans.model import Report
from app.ui.translate import _tr

MAX_PROBLEMS_SHOWN = 3


class ReportNotOpened(Exception):
    """The report could not be opened; ``str(error)`` is the message for the counsellor."""


@dataclass(frozen=True)
class OpenedReport:
    report: Report
    path: Path  # the file actually read (the JSON beside a chosen PDF)
    note: str = ""  # a calm word on what was read instead, if anything


def _problem_lines(error: PlanFileError) -> str:
    shown = [f"{path}: {message}" for path, message in error.problems[:MAX_PROBLEMS_SHOWN]]
    more = len(error.problems) - MAX_PROBLEMS_SHOWN
    if more > 0:
        shown.append(_tr("…and {count} more.").format(count=more))
    return "\n".join(shown)


def read_report_file(path: Path) -> OpenedReport:
    """The report in ``path`` (a ``.json``, or a ``.pdf`` with its JSON beside it)."""
    from app.core.plans.fhir_report import read_report

    note = ""
    if path.suffix.lower() == ".pdf":
        beside = path.with_suffix(".json")
        if not beside.is_file():
            raise ReportNotOpened(_tr(
                "Porchlight opens the report's JSON file, saved beside the PDF with the same "
                "name (it reads the same). Ask the family for the .json file too."))
        path, note = beside, _tr("Opened {name}, the JSON saved beside the PDF.").format(
            name=beside.name)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReportNotOpened(_tr("{name} is too big to be a report.").format(
                name=path.name))
        data = path.read_bytes()
    except OSError:
        raise ReportNotOpened(_tr("{name} could not be read. Check that the file is still "
                                  "there and try again.").format(name=path.name)) from None
    if bundle_kind(data) == "plan":
        raise ReportNotOpened(_tr(
            "{name} is a homework plan, not a progress report. Reports come back from the "
            "family as a .json file beside a PDF.").format(name=path.name))
    try:
        report = read_report(data, path.name)
    except PlanFileError as error:
        raise ReportNotOpened(_tr("{name} is not a report Porchlight can read:\n{problems}")
                              .format(name=path.name, problems=_problem_lines(error))) from None
    return OpenedReport(report, path, note)
