"""How strong a passphrase is, in words a parent understands.

zxcvbn estimates how many guesses a passphrase would take, which catches the weak choices
a length rule misses ("Password1!", a child's name plus a year). We accept score 3 of 4 and
up: the journal it protects holds the most sensitive notes a family has.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_LENGTH = 10
MIN_SCORE = 3
# The screen words these keys (app/ui/widgets/passphrase_fields.py): the core stays English-free.
LABELS = ("very-weak", "weak", "fair", "strong", "very-strong")
ADVICE = ("start", "too-short", "easy-to-guess", "add-words", "good")


@dataclass(frozen=True)
class Strength:
    score: int  # 0–4
    label: str  # one of LABELS ("" before anything is typed)
    advice: str  # one of ADVICE
    acceptable: bool


def assess(passphrase: str, *, personal_words: tuple[str, ...] = ()) -> Strength:
    """Rate a passphrase. ``personal_words`` (e.g. children's names) count as easy to guess."""
    if not passphrase:
        return Strength(0, "", "start", False)
    from zxcvbn import zxcvbn  # imported here: its word lists take a moment to load

    result = zxcvbn(passphrase[:100], user_inputs=list(personal_words))
    score = int(result["score"])
    warned = bool((result.get("feedback") or {}).get("warning"))
    if len(passphrase) < MIN_LENGTH:
        score = min(score, 2)
        advice = "too-short"
    elif score >= MIN_SCORE:
        advice = "good"
    else:
        advice = "easy-to-guess" if warned else "add-words"
    return Strength(score, LABELS[score], advice, score >= MIN_SCORE)
