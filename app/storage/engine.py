"""The encrypted SQLAlchemy engine: SQLCipher underneath, the raw key set on every connection.

The data key is passed raw (``x'…'``) so SQLCipher skips its own per-connection key stretching;
the slow, deliberate stretching already happened once in Argon2id. Each connection is durable
(WAL with synchronous=FULL), enforces foreign keys, zeroes deleted content (secure_delete) and
starts a write transaction with BEGIN IMMEDIATE (``for_writing``) and a read with a deferred
BEGIN, so there is exactly one writer at a time and reads never take the write lock.

Locking must really lock: a disposed SQLAlchemy engine quietly opens new connections on the
next use. So the key lives in one holder per engine, checked before every new connection;
``close_for_good`` empties it, and from then on any attempt to connect raises ``VaultLocked``.
Row values never appear in exception text (``hide_parameters``).
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.orm import Session, sessionmaker

from app.storage.errors import VaultLocked

BUSY_TIMEOUT_MS = 5000
# SQLCipher decrypts (and checks) a page every time it leaves the page cache, so a cache smaller
# than the journal's working set (50,000 entries: their rows, sign links and search index) makes
# every pass over them decrypt the same pages again: with the default 8 MB a year of one child's
# sign events took 28 ms, with this 4 ms. It is a ceiling, filled only as pages are read.
CACHE_KIB = 64 * 1024
# A wrong key and a damaged file both surface as "file is not a database", raw from the driver
# or wrapped by SQLAlchemy; the vault tells the two apart using the key file instead.
DatabaseError = (sqlcipher.DatabaseError, exc.DBAPIError)


class _KeyHolder:
    """The data key of one engine, until the engine is closed for good."""

    def __init__(self, data_key: bytes) -> None:
        self._key: bytearray | None = bytearray(data_key)

    def pragma(self) -> str:
        if self._key is None:
            raise VaultLocked("the vault is locked")
        return f"PRAGMA key = \"x'{self._key.hex()}'\""

    def forget(self) -> None:
        if self._key is not None:
            self._key[:] = bytes(len(self._key))
        self._key = None

    @property
    def closed(self) -> bool:
        return self._key is None


_holders: weakref.WeakKeyDictionary[Engine, _KeyHolder] = weakref.WeakKeyDictionary()


def open_engine(path: Path, data_key: bytes) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        module=sqlcipher,
        connect_args={"check_same_thread": False},
        pool_pre_ping=False,
        hide_parameters=True,
        # One connection, used by one thread at a time: SQLCipher must never see the GUI
        # thread and the database worker inside the same file at once (a test reading on
        # the GUI thread while the worker committed crashed the interpreter once in CI).
        pool_size=1,
        max_overflow=0,
        pool_timeout=60,
    )
    holder = _KeyHolder(data_key)
    _holders[engine] = holder

    @event.listens_for(engine, "do_connect")
    def _refuse_when_locked(_dialect: Any, _record: Any, _args: Any, _params: Any) -> None:
        if holder.closed:
            raise VaultLocked("the vault is locked")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (SQLAlchemy's recipe
        # for the sqlite3 module's deferred BEGIN).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(holder.pragma())
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA secure_delete = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the write lock up front (one writer, no upgrade deadlock); readers
        # start a deferred transaction and never block a writer.
        writes = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


WRITE_OPTION = "porchlight_write"


def for_writing(engine: Engine) -> Engine:
    """The same engine (same pool, same key) whose transactions begin IMMEDIATE."""
    return engine.execution_options(**{WRITE_OPTION: True})


def close_for_good(engine: Engine) -> None:
    """Forget the key and close every pooled connection; later connections raise VaultLocked."""
    holder = _holders.pop(engine, None)
    if holder is not None:
        holder.forget()
    else:  # an engine we did not open: still make sure it cannot reconnect
        event.listen(engine, "do_connect", _always_locked)
    engine.dispose()


def _always_locked(*_args: Any) -> None:
    raise VaultLocked("the vault is locked")


def is_closed(engine: Engine) -> bool:
    holder = _holders.get(engine)
    return holder is None or holder.closed


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def first_read(engine: Engine) -> None:
    """Read the schema: proves the key and the file's first pages, in a few milliseconds.

    A wrong key or a damaged start of the file fails right here; the rest of the file is
    checked by ``quick_check`` (at open, or just after it by ``integrity_watch``)."""
    with engine.connect() as connection:
        connection.execute(text("SELECT count(*) FROM sqlite_master")).scalar()


def checking_connection(engine: Engine) -> Any:
    """A read-only driver connection of its own (outside the pool), for reading the whole file
    beside the database worker: WAL lets one reader and the one writer go on side by side."""
    holder = _holders.get(engine)
    if holder is None:
        raise VaultLocked("the vault is locked")
    connection = sqlcipher.connect(str(engine.url.database), check_same_thread=False,
                                   isolation_level=None)
    try:
        connection.execute(holder.pragma())
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA query_only = ON")
    except BaseException:
        connection.close()
        raise
    return connection


def quick_check(engine: Engine) -> str:
    """SQLite's quick integrity check: ``"ok"`` or the first problem it found.

    Also the first read of the file, so a wrong key or a damaged file fails right here.
    """
    with engine.connect() as connection:
        return str(connection.execute(text("PRAGMA quick_check")).scalar())


def checkpoint(engine: Engine) -> None:
    """Fold the write-ahead log into the main file (outside any transaction)."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.close()
    finally:
        raw.close()
