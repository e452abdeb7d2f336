"""The encrypted SQLAlchemy engine: SQLCipher underneath, the raw key set on every connection.

The data key is passed raw (``x'…'``) so SQLCipher skips its own per-connection key stretching;
the slow, deliberate stretching already happened once in Argon2id. Each connection is durable
(WAL with synchronous=FULL), enforces foreign keys, zeroes deleted content (secure_delete) and
starts every transaction with BEGIN IMMEDIATE, so there is exactly one writer at a time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000
# A wrong key and a damaged file both surface as "file is not a database", raw from the driver
# or wrapped by SQLAlchemy; the vault tells the two apart using the key file instead.
DatabaseError = (sqlcipher.DatabaseError, exc.DBAPIError)


def _key_pragma(data_key: bytes) -> str:
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


def open_engine(path: Path, data_key: bytes) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        module=sqlcipher,
        connect_args={"check_same_thread": False},
        pool_pre_ping=False,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (SQLAlchemy's recipe
        # for the sqlite3 module's deferred BEGIN).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(_key_pragma(data_key))
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA secure_delete = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


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
