"""Everything a plan will add, shown before the parent decides: the import preview.

The preview lists exactly what the counsellor's file holds, week by week: the topics and
starters (titled from the library; an id this version does not know is named as such), the
refusal line to practise, the things to watch in the journal, the questions and the note to the
parent; then the suggested check-in and the counsellor's contact line. Every word that came
from the file is a plain-text label, so a file holding markup shows it as the characters it is
and never renders it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.core.plans.fhir_plan import unknown_ids
from app.core.plans.model import Plan, PlanWeek
from app.ui.age_words import band_label
from app.ui.dates import date_words
from app.ui.plans.plan_words import (
    checkin_words,
    plain_label,
    plan_span_words,
    question_kind_words,
    refusal_text,
    sign_text,
    starter_text,
    topic_title,
)
from app.ui.widgets.common import card


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _bullets(items: list[str]) -> str:
    return "\n".join(f"•  {item}" for item in items)


class PlanPreview(QWidget):
    """A read-only picture of ``plan``; ``library`` titles its ids (None: all unknown)."""

    def __init__(self, plan: Plan, library: Any) -> None:
        super().__init__()
        self.setObjectName("planPreview")
        self.plan, self.library = plan, library
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(plain_label(plan.title, "sectionTitle"))
        facts = [self.tr("For: {label}").format(label=plan.family_label),
                 plan_span_words(plan)]
        if plan.band:
            facts.append(self.tr("Written for {band}").format(band=self._band(plan.band)))
        layout.addWidget(plain_label("\n".join(facts), "planFacts", muted=True))
        # The suggested check-in and the counsellor's line come first: they matter every week.
        extra = [text for text in (checkin_words(plan), self._contact()) if text]
        if extra:
            layout.addWidget(plain_label("\n".join(extra), "planContact"))
        missing = unknown_ids(plan, library) if library is not None else []
        if missing:
            note = plain_label(self.tr(
                "Some things this plan names are not in this version of Porchlight: {ids}. "
                "The rest of the plan works without them.").format(ids=", ".join(missing)),
                "planUnknownIds")
            layout.addWidget(note)
        for week in plan.weeks:
            layout.addWidget(self._week_card(week))

    def _band(self, band: str) -> str:
        try:
            return band_label(band)
        except ValueError:  # a band this version does not know: said as the file says it
            return band

    def _contact(self) -> str:
        contact = self.plan.counsellor_contact.strip()
        return self.tr("Your counsellor: {contact}").format(contact=contact) if contact else ""

    def _week_card(self, week: PlanWeek) -> QFrame:
        frame, box = card(self.tr("Week {n}").format(n=week.number))
        frame.setObjectName("card")
        starts = self.plan.start.fromordinal(self.plan.start.toordinal() + 7 * (week.number - 1))
        box.addWidget(_heading(self.tr("Week {n} · from {date}").format(
            n=week.number, date=date_words(starts))))
        lib = self.library
        sections: list[tuple[str, list[str], str]] = [
            (self.tr("Topics to talk about"), [topic_title(lib, t) for t in week.topics],
             f"week{week.number}Topics"),
            (self.tr("Ways to start"), [starter_text(lib, s) for s in week.starters],
             f"week{week.number}Starters"),
            (self.tr("Refusal line to practise"),
             [refusal_text(lib, week.refusal)] if week.refusal else [],
             f"week{week.number}Refusal"),
            (self.tr("Things to watch for in the journal"),
             [sign_text(lib, s) for s in week.watch], f"week{week.number}Watch"),
            (self.tr("Questions for you"),
             [f"{q.text}  ({question_kind_words(q)})" for q in week.questions],
             f"week{week.number}Questions"),
        ]
        for title, items, name in sections:
            if items:
                box.addWidget(_heading(title))
                box.addWidget(plain_label(_bullets(items), name))
        if week.note.strip():
            box.addWidget(_heading(self.tr("From your counsellor")))
            box.addWidget(plain_label(week.note.strip(), f"week{week.number}Note"))
        return frame
