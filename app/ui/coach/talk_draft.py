"""A talk in progress as a draft: what the coach holds, kept if Porchlight locks mid-talk.

The coach saves nothing until "Save and finish". If the window locks (or Porchlight crashes)
half-way, the session keeps this snapshot encrypted in the vault, and the next unlock reopens
the talk where it was: the same starters, the answers so far, the notes typed.

Drafts kept by an older version still restore: a mood saved as the English word ("Chatty")
becomes its key, and a pick whose reason was English words keeps them as they were.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from app.core.coach import TalkItem, mood_key
from app.core.picker import Pick

if TYPE_CHECKING:
    from app.ui.coach.coach_dialog import CoachDialog

KIND = "talk"


def has_progress(coach: CoachDialog) -> bool:
    """Whether leaving now would lose anything: an answer, a choice or a typed word."""
    after = coach.after
    return bool(coach.record.items or coach.talk.note.text().strip()
                or coach.practise.practised.isChecked()
                or after.rating.checkedId() > 0 or after.mood.currentIndex() > 0
                or after.notes.toPlainText().strip() or after.come_back.text().strip())


def capture(coach: CoachDialog) -> dict[str, Any] | None:
    """The talk as plain values, or None while it has not really started.

    A reopened talk whose data is still being read is kept exactly as it was drafted."""
    if not coach.loaded:
        return coach.pending_draft
    if not has_progress(coach) and coach.stack.currentIndex() == 0:
        return None
    record = coach.record
    return {
        "child_ids": list(record.child_ids),
        "occurrence_id": record.occurrence_id,
        "started_at": record.started_at.isoformat(),
        "seed": coach.seed,
        "picks": [[p.starter.id, p.reason, dict(p.values), p.core, p.favourite, p.sign_id]
                  for p in coach.picks],
        "index": coach.index,
        "step": coach.stack.currentIndex(),
        "items": [[i.starter_id, i.topic_id, i.outcome, i.note] for i in record.items],
        "talk_note": coach.talk.note.text(),
        "refusal_id": coach.practise.refusal_id(),
        "practised": coach.practise.practised.isChecked(),
        "rating": coach.after.rating.checkedId(),
        "mood": str(coach.after.mood.currentData() or ""),
        "notes": coach.after.notes.toPlainText(),
        "come_back_to": coach.after.come_back.text(),
    }


def restore(coach: CoachDialog, draft: dict[str, Any]) -> None:
    """Put a captured talk back; starters no longer in the library are left out."""
    record = coach.record
    if draft.get("started_at"):
        record.started_at = dt.datetime.fromisoformat(str(draft["started_at"]))
    picks = []
    for starter_id, reason, *more in draft.get("picks", []):
        starter = coach.library.starter(str(starter_id))
        if starter is None:
            continue
        values = {str(k): int(v) for k, v in dict(more[0] if more else {}).items()}
        core, favourite = (bool(more[1]), bool(more[2])) if len(more) >= 3 else (False, False)
        sign_id = str(more[3]) if len(more) >= 4 else ""  # drafts from before the journal
        picks.append(Pick(starter, str(reason), values, core, favourite, sign_id))
    if picks:
        coach.picks = picks
    coach.index = min(int(draft.get("index", 0)), max(len(coach.picks) - 1, 0))
    record.items = [TalkItem(str(s), str(t), str(o), str(n))
                    for s, t, o, n in draft.get("items", [])]
    coach.talk.note.setText(str(draft.get("talk_note", "")))
    refusal = coach.practise.refusal.findData(draft.get("refusal_id", ""))
    if refusal >= 0:
        coach.practise.refusal.setCurrentIndex(refusal)
    coach.practise.practised.setChecked(bool(draft.get("practised")))
    rating = coach.after.rating.button(int(draft.get("rating", -1)))
    if rating is not None:
        rating.setChecked(True)
    mood = coach.after.mood.findData(mood_key(str(draft.get("mood", ""))))
    coach.after.mood.setCurrentIndex(max(mood, 0))
    coach.after.notes.setPlainText(str(draft.get("notes", "")))
    coach.after.come_back.setText(str(draft.get("come_back_to", "")))
    coach.go_to_step(int(draft.get("step", 0)))
