"""Family-wide choices kept inside the encrypted database.

Only choices that say something about the family live here (the country decides which help
lines show); window sizes and other harmless preferences stay in an ini file beside it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from app.core.countries import CountryChoice, choice_for
from app.storage.models import Setting
from app.storage.writes import writing

COUNTRY_KEY = "country"


class SettingsStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def get(self, key: str) -> str | None:
        with self._sessions() as session:
            row = session.get(Setting, key)
            return None if row is None else row.value

    def set(self, key: str, value: str) -> None:
        with writing(self._sessions) as session:
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value

    def country(self) -> CountryChoice:
        return choice_for(self.get(COUNTRY_KEY))

    def set_country(self, code: str) -> None:
        self.set(COUNTRY_KEY, choice_for(code).code)
