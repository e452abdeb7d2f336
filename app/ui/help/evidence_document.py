"""The evidence log as a printable document, laid out for the police or a hotline."""

from __future__ import annotations

import html

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtGui import QTextDocument

from app.core.evidence import EvidenceEntry
from app.ui.help.evidence_words import field_label, field_names, recorded_words
from app.ui.translate import _tr


def printed_on_now() -> str:
    """This moment in the parent's own date and time format (for the "Printed …" line)."""
    return QLocale.system().toString(QDateTime.currentDateTime(), QLocale.FormatType.LongFormat)


def evidence_html(entries: list[EvidenceEntry], printed_on: str) -> str:
    intro = _tr("Written down by a parent or caregiver with Porchlight. Printed {when}. "
                "Text only: no images were kept.").format(when=printed_on)
    parts = [f"<h1>{html.escape(_tr('Evidence log'))}</h1>", f"<p>{html.escape(intro)}</p>"]
    if not entries:
        parts.append(f"<p><i>{html.escape(_tr('No entries yet.'))}</i></p>")
    for number, entry in enumerate(entries, start=1):
        heading = _tr("Entry {number}").format(number=number)
        written = _tr("(written {when})").format(when=recorded_words(entry.recorded))
        parts.append(f"<h2>{html.escape(heading)} <small>{html.escape(written)}</small></h2>"
                     "<table cellpadding='4' border='1' cellspacing='0' width='100%'>")
        for name in field_names():
            value = getattr(entry.draft, name)
            if value:
                text = html.escape(value).replace("\n", "<br>")
                parts.append(f"<tr><td width='30%'><b>{html.escape(field_label(name))}"
                             f"</b></td><td>{text}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


def evidence_document(entries: list[EvidenceEntry], printed_on: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(evidence_html(entries, printed_on))
    return document
