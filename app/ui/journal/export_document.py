"""The journal export as the professional reads it: a PDF laid out from the export document,
and the same document as a JSON file beside it, each written whole or not at all.

The PDF is built only from the document ``app/core/journal/export.py`` made (never from the
store), so it cannot hold a word the JSON file does not. Both files go to a temporary name in
the chosen folder and are renamed into place once complete: a full disk or a removed USB stick
leaves no half file under the parent's chosen name (the PDF through ``app/ui/printing.save_pdf``,
as the evidence log does; the JSON through ``write_file_atomically`` below).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from app.core.journal.export import FACTS_AND_THOUGHTS, export_json
from app.storage.atomic_file import write_atomically
from app.ui.dates import date_words, moment_words
from app.ui.printing import OutputResult, save_pdf
from app.ui.printing import _reason as failure_kind  # the PDF and the JSON fail in one set of words
from app.ui.translate import _tr

CHART_URL = QUrl("porchlight-export:chart")
CHART_WIDTH_PX = 640  # how wide the chart is laid out on the page (the image itself is sharper)


def field_label(name: str) -> str:
    labels = {
        "signs": _tr("Signs noticed"),
        "tags": _tr("Own words for it"),
        "saw": _tr("What I saw or heard"),
        "place": _tr("Where"),
        "did": _tr("What I did"),
        "think": _tr("What I think it might mean"),
        "strength": _tr("How worried I felt"),
    }
    return labels[name]


def strength_words(strength: int | None) -> str:
    return {1: _tr("A little worried"), 2: _tr("Quite worried"),
            3: _tr("Very worried")}.get(strength or 0, "")


def choice_words(choice: str) -> str:
    if choice == FACTS_AND_THOUGHTS:
        return _tr("Facts, and what the parent thinks they might mean.")
    return _tr("Facts only: what was seen or heard, where, and what was done.")


def export_title() -> str:
    return _tr("Notes from a parent's journal")


def _when(iso: str) -> str:
    moment = dt.datetime.fromisoformat(iso)
    return moment_words(moment, moment.tzinfo)  # in the zone the file was written in


def _day(iso: str) -> str:
    return date_words(dt.date.fromisoformat(iso))


def export_html(document: Mapping[str, Any], *, with_chart: bool = False) -> str:
    """The PDF's content, from the export document alone."""
    who = document["child"] or _tr("The family as a whole")
    count = len(document["entries"])
    intro = _tr("Written by a parent or caregiver with Porchlight. Made {when}.").format(
        when=_when(document["made_at"]))
    period = _tr("{who}: entries from {first} to {last}.").format(
        who=who, first=_day(document["period"]["from"]), last=_day(document["period"]["to"]))
    parts = [f"<h1>{html.escape(export_title())}</h1>",
             f"<p>{html.escape(intro)}<br>{html.escape(period)}<br>"
             f"{html.escape(_tr('%n entries.', '', count))} "
             f"{html.escape(choice_words(document['fields']))}</p>"]
    if with_chart:
        caption = _tr("Signs per week in these entries, by kind of sign.")
        parts.append(f"<p><img src='{CHART_URL.toString()}' width='{CHART_WIDTH_PX}'><br>"
                     f"<small>{html.escape(caption)}</small></p>")
    if not count:
        parts.append(f"<p><i>{html.escape(_tr('No entries were picked.'))}</i></p>")
    for entry in document["entries"]:
        parts.append(_entry_html(entry))
    return "".join(parts)


def _entry_html(entry: Mapping[str, Any]) -> str:
    heading = _tr("Entry {number}: {when}").format(number=entry["number"],
                                                    when=_when(entry["noted_at"]))
    rows: list[tuple[str, str]] = []
    signs = [sign["text"] or sign["id"] for sign in entry["signs"]]
    if signs:
        rows.append((field_label("signs"), "\n".join(signs)))
    if entry["tags"]:
        rows.append((field_label("tags"), ", ".join(entry["tags"])))
    for name in ("saw", "place", "did", "think"):
        if entry.get(name):
            rows.append((field_label(name), entry[name]))
    if entry.get("strength"):
        rows.append((field_label("strength"), strength_words(entry["strength"])))
    cells = "".join(
        f"<tr><td width='30%'><b>{html.escape(label)}</b></td>"
        f"<td>{html.escape(value).replace(chr(10), '<br>')}</td></tr>" for label, value in rows)
    parts = [f"<h2>{html.escape(heading)}</h2>",
             f"<table cellpadding='4' border='1' cellspacing='0' width='100%'>{cells}</table>"]
    if entry["revision"] > 1:
        edited = _tr("Written {first}; changed afterwards, last on {last}.").format(
            first=_when(entry["first_written"]), last=_when(entry["last_changed"]))
        parts.append(f"<p><small>{html.escape(edited)}</small></p>")
    return "".join(parts)


def export_text_document(document: Mapping[str, Any], chart: QImage | None = None
                         ) -> QTextDocument:
    """The PDF's QTextDocument; ``chart`` (the trend chart drawn to an image) goes on top."""
    text_document = QTextDocument()
    usable = chart is not None and not chart.isNull()
    if usable:
        text_document.addResource(QTextDocument.ResourceType.ImageResource, CHART_URL, chart)
    text_document.setHtml(export_html(document, with_chart=usable))
    return text_document


def json_path_beside(pdf_path: Path) -> Path:
    """The JSON file's name: the PDF's, with .json ("maya-notes.pdf" → "maya-notes.json")."""
    return pdf_path.with_suffix(".json")


def save_export(document: Mapping[str, Any], pdf_path: Path,
                chart: QImage | None = None) -> OutputResult:
    """Write the PDF, then the JSON file beside it; ``ok`` only when both are really there.

    If the JSON cannot be written after the PDF was, the PDF is taken away again (it is our own
    new file), so the parent is never left with half an export believing it whole.
    """
    json_path = json_path_beside(pdf_path)
    existed = pdf_path.exists()
    result = save_pdf(export_text_document(document, chart), str(pdf_path), export_title())
    if not result.ok:
        return result
    written = write_file_atomically(json_path, export_json(document))
    if not written.ok and not existed:
        with contextlib.suppress(OSError):
            pdf_path.unlink()
    return written


def write_file_atomically(path: Path, data: bytes) -> OutputResult:
    """``app.storage.atomic_file.write_atomically`` (temporary file, fsync, rename, private
    mode), answered as an ``OutputResult`` the screen can word instead of raising."""
    try:
        write_atomically(path, data)
    except OSError as error:
        return OutputResult(False, failure_kind(error))
    return OutputResult(True)
