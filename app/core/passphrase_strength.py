"""How strong a passphrase is, in words a parent understands.

zxcvbn estimates how many guesses a passphrase would take, which catches the weak choices
a length rule misses ("Password1!", a child's name plus a year). We accept score 3 of 4 and
up: the journal it protects holds the most sensitive notes a family has.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_LENGTH = 10
MIN_SCORE = 3
_LABELS = ("Very weak", "Weak", "Fair", "Strong", "Very strong")


@dataclass(frozen=True)
class Strength:
    score: int  # 0–4
    label: str
    advice: str
    acceptable: bool


def assess(passphrase: str, *, personal_words: tuple[str, ...] = ()) -> Strength:
    """Rate a passphrase. ``personal_words`` (e.g. children's names) count as easy to guess."""
    if not passphrase:
        return Strength(0, "", "Three or four unrelated words make a strong, memorable passphrase.",
                        False)
    from zxcvbn import zxcvbn  # imported here: its word lists take a moment to load

    result = zxcvbn(passphrase[:100], user_inputs=list(personal_words))
    score = int(result["score"])
    feedback = result.get("feedback") or {}
    advice = feedback.get("warning") or " ".join(feedback.get("suggestions") or [])
    if len(passphrase) < MIN_LENGTH:
        score = min(score, 2)
        advice = f"Use at least {MIN_LENGTH} characters — a few unrelated words work well."
    acceptable = score >= MIN_SCORE
    if acceptable and not advice:
        advice = "Good — that's a strong passphrase."
    elif not advice:
        advice = "Add another word or two that have nothing to do with your family."
    return Strength(score, _LABELS[score], advice, acceptable)
