"""Giving memory back to the computer when Porchlight locks.

While unlocked, SQLite keeps a page cache of the vault (up to 64 MB, see ``engine``) and the
pages hold their widgets. A lock frees all of it, but the C library keeps freed memory for
later instead of returning it, so a Porchlight that spends its day locked in the tray went on
holding what the evening's unlock used (about 150 MB after years of notes). ``malloc_trim``
hands it back. Only glibc has it; elsewhere this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys

log = logging.getLogger(__name__)
_trim: object = None  # the C function, looked up once; False where there is none


def give_back_freed_memory() -> bool:
    """Return the memory the C library holds but no longer uses; True if it could."""
    global _trim
    if _trim is None:
        _trim = _find_trim()
    if _trim is False:
        return False
    try:
        _trim(0)  # type: ignore[operator]
    except OSError:
        return False
    return True


def _find_trim() -> object:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return False
    trim = getattr(libc, "malloc_trim", None)
    if trim is None:  # musl and other C libraries
        return False
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim
