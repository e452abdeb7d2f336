"""Favourite library cards, kept (encrypted) with the family's other settings.

A favourite is just a content id; ids are stable across content updates, so favourites survive
new versions of the library. Stored as one JSON list in the settings table: there are tens of
them, not thousands.
"""

from __future__ import annotations

import json

from app.storage.settings_store import SettingsStore

KEY = "library.favourites"


class FavouritesStore:
    def __init__(self, settings: SettingsStore) -> None:
        self._settings = settings

    def ids(self) -> set[str]:
        raw = self._settings.get(KEY)
        if not raw:
            return set()
        try:
            return {str(item) for item in json.loads(raw)}
        except (ValueError, TypeError):
            return set()

    def is_favourite(self, content_id: str) -> bool:
        return content_id in self.ids()

    def set_favourite(self, content_id: str, favourite: bool) -> None:
        ids = self.ids()
        if favourite:
            ids.add(content_id)
        else:
            ids.discard(content_id)
        self._settings.set(KEY, json.dumps(sorted(ids)))

    def toggle(self, content_id: str) -> bool:
        now = not self.is_favourite(content_id)
        self.set_favourite(content_id, now)
        return now
