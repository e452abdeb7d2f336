"""Issue 13 in the sign catalogue: no ban implied for a second account; dying asks directly."""

from __future__ import annotations

from pathlib import Path

from app.core.content.loader import load_library

SHIPPED = Path(__file__).resolve().parents[2] / "conversations"


def _sign(sign_id: str):
    loaded = load_library(SHIPPED)
    return next(sign for sign in loaded.library.signs if sign.id == sign_id)


def test_a_second_account_is_not_a_ban_waiting_to_happen():
    advice = _sign("sign.hidden-account").what_to_do
    assert "banning" not in advice and "ban " not in advice
    assert "won't be punished" in advice


def test_talk_of_dying_asks_about_suicide_plainly_and_names_canadas_line():
    advice = _sign("sign.talks-of-dying").what_to_do
    assert "killing yourself" in advice
    assert "9-8-8" in advice and "988" in advice
