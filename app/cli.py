"""The command line: a stable surface that tests and packaging rely on.

Parsing is kept free of Qt so ``--version`` and ``content check`` answer instantly and work on
a machine with no display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.paths import shipped_content_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="porchlight",
        description="A private companion for keeping children safe online. "
        "Everything stays on this computer.",
    )
    parser.add_argument("--version", action="version", version=f"Porchlight {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="use DIR instead of the usual data folder")
    parser.add_argument("--demo", action="store_true",
                        help="try Porchlight with a sample family in a throw-away folder")
    parser.add_argument("--minimized", action="store_true",
                        help="start in the tray (or minimised), as at login")
    parser.add_argument("--smoke", action="store_true",
                        help="start, paint the first window once and exit (for checks)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    content = commands.add_parser("content", help="work with the conversation library")
    content_commands = content.add_subparsers(dest="content_command", metavar="ACTION",
                                              required=True)
    check = content_commands.add_parser("check", help="validate the conversation files")
    check.add_argument("directory", nargs="?", type=Path, default=None,
                       help="folder to check (default: the shipped conversations)")
    check.add_argument("--stats", action="store_true", help="print the counts as well")
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def run_command(args: argparse.Namespace) -> int:
    """Run a non-GUI command and return its exit code."""
    if args.command == "content" and args.content_command == "check":
        from app.core.content.checker import run_check

        directory = args.directory or shipped_content_dir()
        return run_check(directory, stats=args.stats, out=sys.stdout)
    raise SystemExit(f"unknown command {args.command}")
