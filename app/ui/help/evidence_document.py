"""The evidence log as a printable document, laid out for the police or a hotline."""

from __future__ import annotations

import html
from dataclasses import fields

from PySide6.QtGui import QTextDocument

from app.core.evidence import FIELD_LABELS, EvidenceDraft, EvidenceEntry


def evidence_html(entries: list[EvidenceEntry], printed_on: str) -> str:
    parts = [
        "<h1>Evidence log</h1>",
        "<p>Written down by a parent or caregiver with Porchlight. "
        f"Printed {html.escape(printed_on)}. Text only: no images were kept.</p>",
    ]
    if not entries:
        parts.append("<p><i>No entries yet.</i></p>")
    for number, entry in enumerate(entries, start=1):
        parts.append(f"<h2>Entry {number} <small>(written {html.escape(entry.recorded)})"
                     "</small></h2><table cellpadding='4' border='1' cellspacing='0' width='100%'>")
        for field in fields(EvidenceDraft):
            value = getattr(entry.draft, field.name)
            if value:
                text = html.escape(value).replace("\n", "<br>")
                parts.append(f"<tr><td width='30%'><b>{html.escape(FIELD_LABELS[field.name])}"
                             f"</b></td><td>{text}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


def evidence_document(entries: list[EvidenceEntry], printed_on: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(evidence_html(entries, printed_on))
    return document
