"""The progress report as files: a PDF 1.6 carrying the report's JSON, the JSON beside it, and
an HTML copy for screen readers — all three made from one ``Report``, written whole or not at all.

The counsellor reads the PDF; their systems read the FHIR JSON (``report_bytes``), which is also
embedded in the PDF (``QPdfWriter.addFileAttachment``; PDF/A forbids attachments, hence 1.6) so
the two can never be separated; a screen reader gets the HTML copy, since Qt's PDFs carry no tag
tree. Every word from the report (the plan's, the parent's) is escaped: plan files may hold
markup, and it is shown as the text it is. Each file is written under a temporary name in the
chosen folder, and only when all three are complete are they renamed into place, so a full disk
or a removed USB stick never leaves half a report under the parent's chosen name.
"""

from __future__ import annotations

import contextlib
import html
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSize, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPagedPaintDevice,
    QPageSize,
    QPalette,
    QPdfWriter,
    QTextDocument,
)

from app.core.plans.model import Report, ReportSection
from app.core.plans.progress import CHART
from app.ui.dates import date_words, moment_words
from app.ui.printing import OutputResult
from app.ui.printing import _reason as failure_kind  # one set of words for every file failure
from app.ui.translate import _tr

CHART_URL = QUrl("porchlight-report:chart")
CHART_SIZE = QSize(960, 420)  # drawn at this size, laid out narrower: sharp on paper
CHART_WIDTH_PX = 640
JSON_MIME = "application/fhir+json"


def report_title(report: Report) -> str:
    return _tr("Progress report: {title}").format(title=report.plan_title)


def paths_beside(pdf_path: Path) -> tuple[Path, Path]:
    """The JSON and HTML files' names: the PDF's, with .json and .html."""
    return pdf_path.with_suffix(".json"), pdf_path.with_suffix(".html")


def _intro(report: Report) -> list[str]:
    return [
        _tr("Written by a parent or caregiver with Porchlight on {when}.").format(
            when=moment_words(report.written_at, report.written_at.tzinfo)),
        _tr("Plan: {title} (version {version}), for {family}.").format(
            title=report.plan_title, version=report.plan_version,
            family=report.family_label),
        _tr("Period: {first} to {last}.").format(first=date_words(report.period_start),
                                                last=date_words(report.period_end)),
        _tr("Sections the parent chose to leave out are marked “Withheld”."),
    ]


def withheld_words(section: ReportSection) -> tuple[str, str]:
    """("Withheld by the parent.", "Their reason: …" or "No reason given.")."""
    reason = section.withheld.reason if section.withheld else ""
    return (_tr("Withheld by the parent."),
            _tr("Their reason: {reason}").format(reason=reason) if reason
            else _tr("No reason given."))


def report_body(report: Report, *, with_chart: bool = False) -> str:
    """The report's content as HTML (escaped): the PDF, the preview and the HTML copy share it."""
    esc = html.escape
    parts = [f"<h1>{esc(report_title(report))}</h1>",
             "<p>" + "<br>".join(esc(line) for line in _intro(report)) + "</p>"]
    for section in report.sections:
        parts.append(f"<h2>{esc(section.title)}</h2>")
        if section.withheld is not None:
            first, second = withheld_words(section)
            parts.append(f"<p><i><b>{esc(first)}</b> {esc(second)}</i></p>")
            continue
        if section.key == CHART and with_chart:
            caption = _tr("Signs per week noted in the journal, by kind of sign.")
            parts.append(f"<p><img src='{CHART_URL.toString()}' width='{CHART_WIDTH_PX}' "
                         f"alt='{esc(caption, quote=True)}'><br><small>{esc(caption)}</small>"
                         "</p>")
        if not section.lines:
            parts.append(f"<p>{esc(_tr('Nothing to report.'))}</p>")
        else:
            parts.append("<ul>" + "".join(f"<li>{esc(line)}</li>" for line in section.lines)
                         + "</ul>")
    return "\n".join(parts)


def report_html(report: Report, lang: str | None = None) -> str:
    """The HTML copy for screen readers: a whole page with its language, title and headings."""
    lang = lang or QLocale().bcp47Name() or "en"
    return ("<!DOCTYPE html>\n"
            f"<html lang=\"{html.escape(lang, quote=True)}\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(report_title(report))}</title>\n</head>\n<body>\n"
            f"{report_body(report)}\n</body>\n</html>\n")


def report_text_document(report: Report, chart: QImage | None = None) -> QTextDocument:
    """The PDF's (and the preview's) QTextDocument; the chart goes in its own section."""
    document = QTextDocument()
    usable = chart is not None and not chart.isNull()
    if usable:
        document.addResource(QTextDocument.ResourceType.ImageResource, CHART_URL, chart)
    document.setHtml(report_body(report, with_chart=usable))
    return document


def chart_image(weeks: list, categories: list) -> QImage | None:
    """The journal's trend chart of the period, black on white for paper, or None if empty."""
    if not weeks or not any(week.total for week in weeks):
        return None
    from app.ui.journal.trend_chart import TrendChart
    from app.ui.journal.trend_data import ChartWeek

    chart = TrendChart()
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    palette = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        palette.setColor(role, QColor("white"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, QColor("black"))
    palette.setColor(QPalette.ColorRole.Mid, QColor("#999999"))
    chart.setPalette(palette)
    chart.resize(CHART_SIZE)
    chart.set_data([ChartWeek(week.start, dict(week.counts)) for week in weeks], categories)
    image = QImage(CHART_SIZE, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    chart.render(image)
    chart.deleteLater()
    return image


def save_report(report: Report, pdf_path: Path, chart: QImage | None = None,
                lang: str | None = None) -> OutputResult:
    """Write the PDF (JSON inside), the JSON and the HTML copy; ``ok`` only if all three are.

    All three go to temporary files first; then they are renamed into place, PDF last. If a
    rename fails part-way, the files this save put in place are taken away again (they are our
    own new files), so the parent never believes half a report is whole."""
    from app.core.plans.fhir_report import report_bytes  # the FHIR writer, only when saving

    json_path, html_path = paths_beside(pdf_path)
    data = report_bytes(report)
    temporaries: list[str] = []
    try:
        json_temp = _temporary(pdf_path.parent, temporaries)
        html_temp = _temporary(pdf_path.parent, temporaries)
        pdf_temp = _temporary(pdf_path.parent, temporaries)
        _write(json_temp, data)
        _write(html_temp, report_html(report, lang).encode("utf-8"))
        if not _write_pdf(report, pdf_temp, data, json_path.name, chart):
            return OutputResult(False, "not_written")
        placed: list[Path] = []
        existed = {path: path.exists() for path in (json_path, html_path, pdf_path)}
        try:
            for temporary, path in ((json_temp, json_path), (html_temp, html_path),
                                    (pdf_temp, pdf_path)):
                os.replace(temporary, path)
                placed.append(path)
        except OSError:
            for path in placed:
                if not existed[path]:
                    with contextlib.suppress(OSError):
                        path.unlink()
            raise
        return OutputResult(True)
    except OSError as error:
        return OutputResult(False, failure_kind(error))
    finally:
        for temporary in temporaries:
            if os.path.exists(temporary):
                os.unlink(temporary)  # only our own temporary files, never the parent's


def _temporary(folder: Path, made: list[str]) -> str:
    """A new private file in ``folder`` (readable by its owner only: a child's homework)."""
    handle, path = tempfile.mkstemp(prefix=".porchlight-", suffix=".tmp", dir=folder)
    os.close(handle)
    made.append(path)
    return path


def _write(path: str, data: bytes) -> None:
    with open(path, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _write_pdf(report: Report, path: str, data: bytes, attachment_name: str,
               chart: QImage | None) -> bool:
    """The PDF 1.6 with the report's JSON embedded; False if Qt wrote nothing."""
    writer = QPdfWriter(path)
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_1_6)
    writer.setTitle(report_title(report))
    writer.setCreator("Porchlight")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.addFileAttachment(attachment_name, QByteArray(data), JSON_MIME)
    report_text_document(report, chart).print_(writer)
    del writer  # the file is complete once the writer is gone
    with open(path, "rb") as stream:
        os.fsync(stream.fileno())
    return os.path.getsize(path) > 0
