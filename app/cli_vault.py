"""`porchlight vault status|check`: what support needs to know about a data folder.

Owned by the vault work; see the exit codes documented in this module once filled in.
"""

from __future__ import annotations

import argparse
from typing import TextIO


def run_vault_command(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    raise SystemExit("porchlight vault: not available yet")
