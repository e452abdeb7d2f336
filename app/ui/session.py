"""The unlocked session: everything that holds vault data lives here and ends with it.

Unlocking creates one ``UnlockedSession``; locking ends it. It owns the services (and through
them the engine and the data key), the check-in controller, the idle watch, and every window
or dialog that shows vault data (``adopt``). Ending the session first keeps what the parent was
typing as encrypted drafts, then closes each window without asking, stops the reminders and
closes the vault for good — so after a lock no widget still shows a note and no object still
holds the key. Anki's ``DialogManager.closeAll`` before closing a collection is the model.

Drafts are also saved every little while (``AUTOSAVE_MS``), so a crash loses at most that much.
Every read and write goes through ``ops``, the session's one database worker (``app.ui.ops``).
A window takes part by offering ``unsaved_draft() -> dict | None`` and ``restore_draft(dict)``,
and ``discard_and_close()`` for closing without a question once its draft is safe.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.core.changes import Changes
from app.storage.draft_store import Draft
from app.storage.services import Services
from app.ui.checkins.controller import CheckinController
from app.ui.idle_watch import IdleWatch
from app.ui.ops import Ops
from app.ui.settings.catalogue import (
    AUTO_LOCK,
    CATALOGUE,
    CLOSE_TO_TRAY,
    LOCK_ON_SLEEP,
    SettingSpec,
)

log = logging.getLogger(__name__)
AUTOSAVE_MS = 20_000
BACKUP_CHECK_MS = 60 * 60 * 1000  # hourly: the daily backup is taken once the day turns


class _Adopted:
    """What the session remembers about one window: its draft kind and draft row."""

    def __init__(self, window: QWidget, kind: str, draft_id: int | None) -> None:
        self.window = window
        self.kind = kind
        self.draft_id = draft_id
        self.last_saved: str | None = None


class UnlockedSession(QObject):
    idle_timeout = Signal()  # the parent left Porchlight unattended: the window locks
    facts_ready = Signal()  # the family's choices are read: country, tray, auto-lock…
    whole_file_damaged = Signal()  # the check after unlocking found damage: the window locks
    _whole_file_checked = Signal(str)  # emitted on the checking thread, handled here

    def __init__(self, services: Services, notifier: Any, *,
                 idle_seconds: Callable[[], float] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services: Services | None = services
        self.ops = Ops(services, self)
        self.controller: CheckinController | None = CheckinController(services, notifier, self,
                                                                        ops=self.ops)
        self.controller.adopt = self.adopt
        self._adopted: dict[int, _Adopted] = {}
        self._ending = False
        # The choices read once per unlock, on the worker; until then, the defaults.
        self.values: dict[str, int | bool] = {spec.key: spec.default for spec in CATALOGUE}
        self.country = "intl"
        self.close_to_tray = True
        self.idle = IdleWatch(int(AUTO_LOCK.default), busy=self._talk_in_progress,
                              seconds=idle_seconds, parent=self)
        self.idle.timed_out.connect(self.idle_timeout)
        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_drafts)
        self._autosave.start()
        self._backups = QTimer(self)
        self._backups.setInterval(BACKUP_CHECK_MS)
        self._backups.timeout.connect(self.backup_if_due)
        self._backups.start()
        self.ops.read(self._read_facts, self._facts_read, owner=self)
        self.ops.changed.connect(self._on_changes)
        self._whole_file_checked.connect(self._on_whole_file_checked)

    def check_whole_file_when_idle(self) -> None:
        """The file check an unlock leaves for later (it reads every page; see
        ``integrity_watch``), started once the worker has delivered the home page's reads, so
        it never slows them down. A lock stops it and waits for it."""
        self.ops.went_idle.connect(self._check_whole_file)

    def _check_whole_file(self) -> None:
        self.ops.went_idle.disconnect(self._check_whole_file)
        if self.services is not None:
            self.services.vault.check_whole_file(self._whole_file_checked.emit)

    def _on_whole_file_checked(self, result: str) -> None:
        from app.storage.integrity_watch import DAMAGED

        if result == DAMAGED and self.services is not None:
            self.whole_file_damaged.emit()

    def _on_changes(self, changes: Changes) -> None:
        if changes.settings:  # the country or a tray choice may have changed: read again
            self.ops.read(self._read_facts, self._facts_read, owner=self)

    @staticmethod
    def _read_facts(services: Services) -> tuple[dict[str, int | bool], str, bool]:
        settings = services.settings
        values = {spec.key: spec.parse(settings.get(spec.key)) for spec in CATALOGUE}
        return values, settings.country().code, bool(values[CLOSE_TO_TRAY.key])

    def _facts_read(self, facts: tuple[dict[str, int | bool], str, bool]) -> None:
        self.values, self.country, self.close_to_tray = facts
        self.idle.set_minutes(self.auto_lock_minutes())
        self.facts_ready.emit()

    @property
    def active(self) -> bool:
        return self.services is not None

    def setting(self, spec: SettingSpec) -> int | bool:
        return self.values.get(spec.key, spec.default)

    def set_setting(self, spec: SettingSpec, value: int | bool) -> None:
        stored = spec.store(value)
        self.values[spec.key] = spec.parse(stored)
        self.ops.write(lambda s: s.settings.set(spec.key, stored),
                       touches=Changes(settings=True), owner=self)
        if spec is AUTO_LOCK:
            self.idle.set_minutes(self.auto_lock_minutes())

    def auto_lock_minutes(self) -> int:
        return int(self.setting(AUTO_LOCK))

    def set_auto_lock_minutes(self, minutes: int) -> None:
        self.set_setting(AUTO_LOCK, minutes)

    def locks_on_sleep(self) -> bool:
        return bool(self.setting(LOCK_ON_SLEEP))

    # --- daily backup ----------------------------------------------------------------------

    def backup_if_due(self) -> None:
        """Today's encrypted backup, on the database worker; a failure is logged by kind only."""
        from app.storage.backup_rotation import backup_if_due

        self.ops.read(lambda s: backup_if_due(s.vault, s.vault.clock.now()), owner=None,
                      failed=lambda error: log.error("daily backup failed: %s",
                                                     type(error).__name__))

    def _talk_in_progress(self) -> bool:
        """A talk counts as activity: the parent may read aloud for a long time untouched."""
        return any(entry.kind == "talk" and entry.window.isVisible()
                   for entry in self._adopted.values())

    # --- windows that show vault data ------------------------------------------------------

    def adopt(self, window: QWidget, kind: str = "", draft_id: int | None = None) -> None:
        """Tie ``window`` to this session: it closes at lock, its typed words become drafts."""
        key = id(window)
        self._adopted[key] = _Adopted(window, kind, draft_id)
        window.destroyed.connect(lambda *_: self._forget(key))
        finished = getattr(window, "finished", None)
        if finished is not None:
            finished.connect(lambda *_: self._closed_by_parent(key))

    def windows(self) -> list[QWidget]:
        return [entry.window for entry in self._adopted.values()]

    def window_of_kind(self, kind: str) -> QWidget | None:
        for entry in self._adopted.values():
            if entry.kind == kind and entry.window.isVisible():
                return entry.window
        return None

    def _forget(self, key: int) -> None:
        self._adopted.pop(key, None)

    def _closed_by_parent(self, key: int) -> None:
        """Closed on purpose (saved, or the parent chose to leave it): its draft is done with."""
        entry = self._adopted.pop(key, None)
        if entry is None or self._ending or entry.draft_id is None:
            return
        self.discard_draft(entry.draft_id)

    # --- drafts ----------------------------------------------------------------------------

    def _draft_work(self) -> list[tuple[_Adopted, dict[str, Any] | None]]:
        """What each window holds now (read on the GUI thread), only where it changed."""
        work: list[tuple[_Adopted, dict[str, Any] | None]] = []
        for entry in list(self._adopted.values()):
            offer = getattr(entry.window, "unsaved_draft", None)
            if offer is None or not entry.kind:
                continue
            payload = offer()
            text = None if payload is None else json.dumps(payload, sort_keys=True,
                                                            ensure_ascii=False)
            if text == entry.last_saved and (payload is not None or entry.draft_id is None):
                continue
            entry.last_saved = text
            work.append((entry, payload))
        return work

    @staticmethod
    def _keep(services: Services, work: list[tuple[_Adopted, dict[str, Any] | None]]) -> None:
        """On the worker: save or drop each draft (ids are updated here, in order)."""
        for entry, payload in work:
            if payload is None:
                if entry.draft_id is not None:
                    services.drafts.discard(entry.draft_id)
                    entry.draft_id = None
            else:
                entry.draft_id = services.drafts.save(entry.kind, payload, entry.draft_id)

    def save_drafts(self, *, wait: bool = False) -> None:
        """Keep every open window's unsaved words in the vault; ``wait`` for it at lock."""
        if self.services is None:
            return
        work = self._draft_work()
        if not work:
            return
        if wait:
            self._quietly(lambda: self.ops.run_now(lambda s: self._keep(s, work)))
        else:
            self.ops.write(lambda s: self._keep(s, work), touches=Changes(drafts=True),
                           owner=None, failed=lambda error: log.error(
                               "draft not kept: %s", type(error).__name__))

    def pending_drafts(self, done: Callable[[list[Draft]], None], owner: QObject) -> None:
        """Drafts from an earlier session that no open window holds, handed to ``done``."""
        def unheld(drafts: list[Draft]) -> None:
            held = {entry.draft_id for entry in self._adopted.values()}
            done([d for d in drafts if d.id not in held])

        self.ops.read(lambda s: s.drafts.drafts(), unheld, owner=owner)

    def discard_draft(self, draft_id: int) -> None:
        self.ops.write(lambda s: s.drafts.discard(draft_id), touches=Changes(drafts=True),
                       owner=None, failed=lambda error: log.error(
                           "draft not dropped: %s", type(error).__name__))

    def _quietly(self, action: Callable[[], object]) -> bool:
        """Drafts are a safety net: a failure to keep one never stops a lock or a window."""
        try:
            action()
        except Exception as error:  # logged by kind only, never by value
            log.error("draft not kept: %s", type(error).__name__)
            return False
        return True

    # --- the end ---------------------------------------------------------------------------

    def end(self) -> None:
        """Lock: keep drafts, close every vault window, stop reminders, close the vault."""
        if self.services is None:
            return
        self._ending = True
        self._autosave.stop()
        self._backups.stop()
        self.idle.stop()
        self.save_drafts(wait=True)
        if self.controller is not None:
            self.controller.stop()  # first, so closing a talk below re-plans nothing
        for entry in list(self._adopted.values()):
            window = entry.window
            closer = getattr(window, "discard_and_close", None)
            if closer is not None:
                closer()
            else:
                window.close()
            window.deleteLater()
        self._adopted.clear()
        if self.controller is not None:
            self.controller.deleteLater()
            self.controller = None
        self.ops.finish()  # every read and write asked for so far completes first
        services, self.services = self.services, None
        services.close()
        self.deleteLater()
