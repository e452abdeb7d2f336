"""Library cards as a printable document (paper or PDF), and one card as clipboard text."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from app.core.content.model import Library, Starter
from app.ui.translate import _tr


def _list(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>"


def cards_html(library: Library, starters: list[Starter]) -> str:
    parts = [f"<h1>{_tr('Porchlight conversation cards')}</h1>"]
    for starter in starters:
        topic = library.topic(starter.topic)
        meta = QCoreApplication.translate("CardDocument", "{topic} · ages {bands}").format(
            topic=topic.title if topic else "", bands=", ".join(starter.bands))
        parts.append(f"<p style='color:#555'>{html.escape(meta)}</p>")
        parts.append(f"<h2>{html.escape(starter.text)}</h2>")
        parts.append(f"<p><b>{_tr('Follow-ups')}</b></p>" + _list(starter.follow_ups))
        parts.append(f"<p><b>{_tr('Listen for')}</b></p>" + _list(starter.listen_for))
        for pair in starter.if_they_say:
            parts.append(f"<p><b>{_tr('If they say:')}</b> “{html.escape(pair.they_say)}”<br>"
                         f"<b>{_tr('You can say:')}</b> “{html.escape(pair.you_say)}”</p>")
        sources = library.cite(starter.sources)
        if sources:
            cited = "; ".join(html.escape(s.citation()) for s in sources)
            parts.append(f"<p style='color:#555; font-size:9pt'>{_tr('Sources:')} {cited}</p>")
        parts.append("<hr>")
    return "".join(parts)


def card_text(library: Library, starter: Starter) -> str:
    """A card as plain text for the clipboard, with the same translated headings as on paper."""
    topic = library.topic(starter.topic)
    lines = [starter.text, ""]
    if topic:
        lines.insert(0, QCoreApplication.translate("CardDocument", "{topic} · ages {bands}")
                     .format(topic=topic.title, bands=", ".join(starter.bands)))
    lines += [_tr("Follow-ups:"), *(f"  • {q}" for q in starter.follow_ups)]
    lines += [_tr("Listen for:"), *(f"  • {item}" for item in starter.listen_for)]
    for pair in starter.if_they_say:
        lines += [f"{_tr('If they say:')} “{pair.they_say}”",
                  f"{_tr('You can say:')} “{pair.you_say}”"]
    sources = library.cite(starter.sources)
    if sources:
        lines += ["", f"{_tr('Sources:')} " + "; ".join(s.citation() for s in sources)]
    return "\n".join(lines)


def cards_document(library: Library, starters: list[Starter]) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(cards_html(library, starters))
    return document
