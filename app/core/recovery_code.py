"""Recovery codes: the written-down way back in when a passphrase is forgotten.

A code is 25 characters of Crockford base32 (125 random bits) shown in five groups of five.
Crockford's alphabet leaves out I, L, O and U, and reading it back forgives the usual slips
(O for 0, I or L for 1, lower case, spaces, dashes), so a code copied by hand still works.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUP_SIZE = 5
GROUP_COUNT = 5
CODE_LENGTH = GROUP_SIZE * GROUP_COUNT
_FORGIVEN = str.maketrans({"O": "0", "I": "1", "L": "1"})


class RecoveryCodeProblem(ValueError):
    """A typed-in code that cannot be a recovery code, with a message a parent can act on."""


def generate() -> str:
    """A new random code, in its canonical form (no separators)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def groups(code: str) -> list[str]:
    canonical = normalise(code)
    return [canonical[i : i + GROUP_SIZE] for i in range(0, CODE_LENGTH, GROUP_SIZE)]


def display(code: str) -> str:
    """The code as it is shown and printed: ``ABCDE-FGHJK-…``."""
    return "-".join(groups(code))


def normalise(typed: str) -> str:
    """The canonical form of a code as a person typed it, or RecoveryCodeProblem."""
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_FORGIVEN)
    wrong = sorted({ch for ch in cleaned if ch not in ALPHABET})
    if wrong:
        raise RecoveryCodeProblem(
            f"A recovery code never contains {', '.join(wrong)}. Please check what you typed."
        )
    if len(cleaned) != CODE_LENGTH:
        raise RecoveryCodeProblem(
            f"A recovery code has {CODE_LENGTH} letters and numbers; you typed {len(cleaned)}."
        )
    return cleaned


def group_matches(code: str, index: int, typed: str) -> bool:
    """Whether ``typed`` is group ``index`` (0-based) of ``code``, forgiving the usual slips."""
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_FORGIVEN)
    return cleaned == groups(code)[index]
