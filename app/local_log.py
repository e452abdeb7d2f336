"""Porchlight's own log: kept on this computer, holding what broke and where — never what.

Support needs to know which kind of error happened and in which line of our code; it never
needs the words on the screen. Error messages are not safe to keep: a SQL error can quote the
row it was writing (a note about a child), and a careless ``log.error("failed: %s", error)``
would put that note in a plain-text file. So every record is rewritten before any handler of
ours sees it:

* the message survives only if it is one of the fixed event names in ``EVENTS`` (code-authored
  phrases); anything else becomes "message withheld", and ``%`` arguments are dropped unread;
* an exception — attached with ``exc_info`` or passed as an argument — is reduced to its type
  names (the chain of causes too) and the code locations of its traceback (file:line:function);
* file paths are shortened to the package-relative part, so a home folder (often a person's
  name) is not recorded either.

The file lives in the data folder (``porchlight.log``), is created 0600, rotated at 256 KiB with
three old copies kept (each also 0600), and nothing is written unless something goes wrong.
Standard error gets the same sanitised line. No Qt here: the CLI and the GUI share it.

The log is set up before the first window, so it rotates by itself (a few lines on top of
``logging.FileHandler``) rather than importing ``logging.handlers``, whose sockets, pickle and
queues cost ~6 ms of start-up for a feature we never use.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

LOG_NAME = "porchlight.log"
MAX_BYTES = 256 * 1024
BACKUP_COUNT = 3
FILE_MODE = 0o600
DIR_MODE = 0o700
WITHHELD = "message withheld"
MAX_FRAMES = 12

# Fixed event names a record may carry as its message. Add a phrase here to see it in the log;
# never build one from data (names, notes, paths, error text).
EVENTS: set[str] = {
    "uncaught exception",
    "uncaught exception in a thread",
    "reminder catch-up failed",
    "reminder catch-up recovered",
}

_ExcInfo = tuple[type[BaseException], BaseException | None, TracebackType | None]
_OURS = "_porchlight_local_log"


def allow_events(*names: str) -> None:
    """Let these fixed phrases through as messages (call at import time, with literals)."""
    EVENTS.update(names)


# --- describing an exception without its values ---------------------------------------------


def _short_path(filename: str) -> str:
    """The part of a source path that names code, not the person whose computer it is on."""
    parts = Path(filename).parts
    for anchor in ("site-packages", "dist-packages"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) + 1:])
    for anchor in ("app", "tests"):
        if anchor in parts:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[index:])
    return parts[-1] if parts else "?"


def locations(tb: TracebackType | None) -> list[str]:
    """``file:line:function`` for each frame of a traceback, innermost last, at most 12."""
    found = []
    while tb is not None:
        code = tb.tb_frame.f_code
        found.append(f"{_short_path(code.co_filename)}:{tb.tb_lineno}:{code.co_name}")
        tb = tb.tb_next
    return found[-MAX_FRAMES:]


def _type_name(kind: type[BaseException]) -> str:
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def _chain(error: BaseException | None) -> list[BaseException]:
    seen: list[BaseException] = []
    while error is not None and len(seen) < 6 and all(error is not s for s in seen):
        seen.append(error)
        error = error.__cause__ or error.__context__
    return seen


def describe(exc_type: type[BaseException], error: BaseException | None,
             tb: TracebackType | None) -> str:
    """Exception types (with causes) and code locations: what support may see, nothing else."""
    names = [_type_name(exc_type)] + [_type_name(type(e)) for e in _chain(error)[1:]]
    lines = [" caused by ".join(names)]
    lines += [f"  at {where}" for where in locations(tb)]
    return "\n".join(lines)


# --- sanitising records ---------------------------------------------------------------------


def sanitised(record: logging.LogRecord) -> logging.LogRecord:
    """A copy of ``record`` that holds no message text, no arguments and no exception values."""
    clean = copy.copy(record)
    message = record.msg if isinstance(record.msg, str) and record.msg in EVENTS else WITHHELD
    details = []
    if record.exc_info and record.exc_info[0] is not None:
        details.append(describe(*record.exc_info))
    args = record.args if isinstance(record.args, tuple) else ()
    for arg in (record.msg, *args):
        if isinstance(arg, BaseException):
            details.append(describe(type(arg), arg, arg.__traceback__))
    clean.msg = "\n".join([message, *details])
    clean.args = ()
    clean.exc_info = None
    clean.exc_text = None
    clean.stack_info = None
    return clean


class WithholdValues(logging.Filter):
    """Drops records that are somehow still unsafe (a last check after ``sanitised``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.args and record.exc_info is None and record.stack_info is None


FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _formatter() -> logging.Formatter:
    return logging.Formatter(FORMAT)


class _Sanitising(logging.Handler):
    """Mixin: every record is replaced by its sanitised copy before filtering and formatting."""

    def handle(self, record: logging.LogRecord) -> bool:
        return bool(super().handle(sanitised(record)))


class PrivateRotatingFile(_Sanitising, logging.FileHandler):
    """A log file that is 0600 from the moment it exists, after each rotation too.

    Rotates like ``logging.handlers.RotatingFileHandler``: a record that would take the file to
    ``maxBytes`` first moves ``porchlight.log`` to ``.1`` (``.1`` to ``.2``…, the oldest beyond
    ``backupCount`` dropped)."""

    def __init__(self, filename: str | os.PathLike[str], maxBytes: int = 0,
                 backupCount: int = 0, encoding: str | None = None,
                 delay: bool = False) -> None:
        super().__init__(filename, "a", encoding=encoding, delay=delay)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def _open(self):
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(self.baseFilename, flags, FILE_MODE)
        _tighten(Path(self.baseFilename))
        return os.fdopen(descriptor, "a", encoding="utf-8", errors="replace")

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full_after(record):
                self.doRollover()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _full_after(self, record: logging.LogRecord) -> bool:
        if self.maxBytes <= 0:
            return False
        if self.stream is None:
            self.stream = self._open()
        line = self.format(record) + self.terminator
        return self.stream.tell() + len(line.encode("utf-8", "replace")) >= self.maxBytes

    def doRollover(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        base = Path(self.baseFilename)
        if self.backupCount > 0:
            for number in range(self.backupCount - 1, 0, -1):
                older = base.with_name(f"{base.name}.{number}")
                if older.exists():
                    os.replace(older, base.with_name(f"{base.name}.{number + 1}"))
            if base.exists():
                os.replace(base, base.with_name(f"{base.name}.1"))
        self.stream = self._open()
        for number in range(1, self.backupCount + 1):
            _tighten(base.with_name(f"{base.name}.{number}"))


class SanitisedStderr(_Sanitising):
    """Standard error, looked up at each record (tests and embedders replace ``sys.stderr``)."""

    def emit(self, record: logging.LogRecord) -> None:
        stream = sys.stderr
        if stream is None:
            return
        try:
            stream.write(self.format(record) + "\n")
            stream.flush()
        except Exception:
            self.handleError(record)

    def handleError(self, record: logging.LogRecord) -> None:
        pass  # the default prints the record's arguments: never do that


def _tighten(path: Path) -> None:
    if os.name == "posix" and path.exists() and not path.is_symlink():
        # A file system without modes (FAT, SMB) refuses: nothing more we can do there.
        with contextlib.suppress(OSError):
            os.chmod(path, FILE_MODE)


def log_path(folder_root: Path) -> Path:
    return folder_root / LOG_NAME


def _prepare(handler: logging.Handler) -> logging.Handler:
    handler.setFormatter(_formatter())
    handler.addFilter(WithholdValues())
    setattr(handler, _OURS, True)
    return handler


def configure(folder_root: Path | None, *, level: int = logging.WARNING) -> list[logging.Handler]:
    """Send warnings and errors to ``porchlight.log`` in the data folder and to stderr.

    ``None`` for the folder means stderr only (``--smoke``). Calling again replaces the handlers
    of an earlier call. The file and its folder are created only when the first record comes.
    """
    unconfigure()
    handlers: list[logging.Handler] = [_prepare(SanitisedStderr())]
    if folder_root is not None:
        handlers.append(_prepare(_PrivateLogInFolder(folder_root)))
    root = logging.getLogger()
    for handler in handlers:
        handler.setLevel(level)
        root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return handlers


def unconfigure(handlers: Iterable[logging.Handler] | None = None) -> None:
    """Remove (and close) the handlers ``configure`` added."""
    root = logging.getLogger()
    for handler in list(handlers if handlers is not None else root.handlers):
        if getattr(handler, _OURS, False):
            root.removeHandler(handler)
            handler.close()


class _PrivateLogInFolder(PrivateRotatingFile):
    def __init__(self, folder_root: Path) -> None:
        self._folder = folder_root
        super().__init__(log_path(folder_root), maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                         encoding="utf-8", delay=True)

    def _open(self):
        if not self._folder.exists():
            self._folder.mkdir(parents=True, mode=DIR_MODE)
        return super()._open()
