"""One Porchlight per user: a second launch brings the running window forward and exits.

A ``QLockFile`` in the data folder says whether an instance runs (Qt reclaims a stale lock left
by a crash); a ``QLocalServer`` named after the folder lets the second launch ask the first to
show itself. Both are local to this computer — no network is involved.

``claim()`` tells three cases apart: we are the first (``FIRST``), another Porchlight holds the
lock (``ALREADY_RUNNING``), or the lock cannot be taken at all — a read-only or forbidden folder
(``CANNOT_LOCK``), which must not be reported as "already running". The lock file is 0600.
"""

from __future__ import annotations

import enum
import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app import APP_ID
from app.storage.data_folder import make_private_file

SHOW_MESSAGE = b"show\n"


def server_name(data_dir: Path) -> str:
    """A short, stable name per data folder (so a demo and the real app do not collide)."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"{APP_ID}-{digest}"


class ClaimResult(enum.Enum):
    FIRST = "first"
    ALREADY_RUNNING = "already running"
    CANNOT_LOCK = "cannot lock"

    def __bool__(self) -> bool:  # ``if instance.claim():`` still means "we are the first"
        return self is ClaimResult.FIRST


class SingleInstance(QObject):
    """Call ``claim()`` before building the window; ``show_requested`` fires for later launches."""

    show_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(data_dir)
        self._lock_path = data_dir / "porchlight.lock"
        try:
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            self._folder_ok = True
        except OSError:
            self._folder_ok = False
        self._lock = QLockFile(str(self._lock_path))
        self._lock.setStaleLockTime(0)  # only a lock whose process is gone is stale
        self._server: QLocalServer | None = None

    def claim(self) -> ClaimResult:
        """Whether we are the first instance; if another runs, ask it to show itself."""
        if not self._folder_ok:
            return ClaimResult.CANNOT_LOCK
        if not self._lock.tryLock(100):
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                return ClaimResult.CANNOT_LOCK  # PermissionError or UnknownError: not a 2nd run
            self._ask_first_to_show()
            return ClaimResult.ALREADY_RUNNING
        make_private_file(self._lock_path)
        QLocalServer.removeServer(self._name)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._server.listen(self._name)
        return ClaimResult.FIRST

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _ask_first_to_show(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(1000):
            return False
        socket.write(SHOW_MESSAGE)
        socket.waitForBytesWritten(1000)
        socket.disconnectFromServer()
        return True

    def _on_connection(self) -> None:
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.readyRead.connect(lambda c=connection: self._read(c))
            if connection.bytesAvailable():
                self._read(connection)

    def _read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).startswith(SHOW_MESSAGE.strip()):
            self.show_requested.emit()
        connection.disconnectFromServer()
