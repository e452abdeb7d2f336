"""Library cards as a printable document (paper or PDF)."""

from __future__ import annotations

import html

from PySide6.QtGui import QTextDocument

from app.core.content.model import Library, Starter


def _list(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>"


def cards_html(library: Library, starters: list[Starter]) -> str:
    parts = ["<h1>Porchlight conversation cards</h1>"]
    for starter in starters:
        topic = library.topic(starter.topic)
        parts.append(f"<p style='color:#555'>{html.escape(topic.title if topic else '')} · "
                     f"ages {html.escape(', '.join(starter.bands))}</p>")
        parts.append(f"<h2>{html.escape(starter.text)}</h2>")
        parts.append("<p><b>Follow-ups</b></p>" + _list(starter.follow_ups))
        parts.append("<p><b>Listen for</b></p>" + _list(starter.listen_for))
        for pair in starter.if_they_say:
            parts.append(f"<p><b>If they say:</b> “{html.escape(pair.they_say)}”<br>"
                         f"<b>You can say:</b> “{html.escape(pair.you_say)}”</p>")
        sources = library.cite(starter.sources)
        if sources:
            cited = "; ".join(html.escape(s.citation()) for s in sources)
            parts.append(f"<p style='color:#555; font-size:9pt'>Sources: {cited}</p>")
        parts.append("<hr>")
    return "".join(parts)


def cards_document(library: Library, starters: list[Starter]) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(cards_html(library, starters))
    return document
