"""Where the files that ship with Porchlight live: in a checkout, or inside a packaged build."""

from __future__ import annotations

import sys
from pathlib import Path


def install_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def shipped_content_dir() -> Path:
    return install_root() / "conversations"


def resources_dir() -> Path:
    return install_root() / "resources"
