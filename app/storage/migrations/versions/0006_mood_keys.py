"""Moods stored as keys: the screen words them in the parent's language.

Talks recorded before this revision kept the child's mood as the English word shown in the coach
("Relaxed", "Worried"…). From now on the database holds a key ("relaxed", "worried"…) and the
coach and talks page translate it, so a vault moved to another language still reads right.
Values that are not one of the known English words are left exactly as they are: nothing a
parent recorded is ever lost or guessed at.

Revision ID: 0006_mood_keys
Revises: 0005_drafts
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_mood_keys"
down_revision = "0005_drafts"
branch_labels = None
depends_on = None

# The English words the coach offered up to 0005, and the key each one becomes.
_WORD_TO_KEY = {
    "Relaxed": "relaxed",
    "Chatty": "chatty",
    "Quiet": "quiet",
    "Bored": "bored",
    "Worried": "worried",
    "Upset": "upset",
    "Cross": "cross",
}


def upgrade() -> None:
    bind = op.get_bind()
    for word, key in _WORD_TO_KEY.items():
        bind.execute(sa.text("UPDATE talks SET mood = :key WHERE mood = :word"),
                     {"key": key, "word": word})


def downgrade() -> None:
    bind = op.get_bind()
    for word, key in _WORD_TO_KEY.items():
        bind.execute(sa.text("UPDATE talks SET mood = :word WHERE mood = :key"),
                     {"key": key, "word": word})
