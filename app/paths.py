"""Where the files that ship with Porchlight live, however it was installed.

Three layouts hold ``conversations/`` and ``resources/``:

- a PyInstaller build puts them at the top of its bundle (``sys._MEIPASS``);
- an installed wheel carries them as package data in ``app/_shipped/`` (setup.py maps the two
  top-level folders there), beside this file;
- a checkout, or an editable install of one, has them beside the ``app`` package.

Callers get a plain ``Path`` either way, because the content loader walks folders.

This module is on the path to the first window, so it asks the file system directly instead of
going through ``importlib.resources``: for a package installed as plain files (the only way we
ship one) that is the same folder, and the import alone cost ~8 ms before the first paint.
"""

from __future__ import annotations

import sys
from pathlib import Path

SHIPPED_PACKAGE_FOLDER = "_shipped"


def install_root() -> Path:
    """The frozen bundle's folder, or the checkout holding the ``app`` package."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def shipped_dir(name: str) -> Path:
    """The folder ``name`` (``conversations`` or ``resources``) as this installation has it."""
    if getattr(sys, "_MEIPASS", None):
        return install_root() / name
    packaged = Path(__file__).resolve().parent / SHIPPED_PACKAGE_FOLDER / name
    # A wheel installed into site-packages has the real folder; a checkout (or an editable
    # install of one) has none, so it falls through to the checkout layout.
    if packaged.is_dir():
        return packaged
    return install_root() / name


def shipped_content_dir() -> Path:
    return shipped_dir("conversations")


def resources_dir() -> Path:
    return shipped_dir("resources")
