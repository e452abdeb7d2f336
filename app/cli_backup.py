"""`porchlight backup list|create|restore`: encrypted backups from the command line.

Owned by the backup work; see the exit codes documented in this module once filled in.
"""

from __future__ import annotations

import argparse
from typing import TextIO


def run_backup_command(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    raise SystemExit("porchlight backup: not available yet")
