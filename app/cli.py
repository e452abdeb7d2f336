"""The command line: a stable surface that tests and packaging rely on.

Parsing is kept free of Qt so ``--version`` and ``content check`` answer instantly and work on
a machine with no display.

Starting the window with its usual options (``--smoke``, ``--demo``, ``--minimized``,
``--data-dir DIR``) is read without building a parser: building one imports ``shutil`` (with
its compression modules) and costs ~5 ms on the way to the first paint. Anything else — a
command, ``--help``, ``--version``, a typo — goes to argparse, which answers as it always has.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__

WINDOW_FLAGS = {"--smoke": "smoke", "--demo": "demo", "--minimized": "minimized"}
DATA_DIR = "--data-dir"


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
    _add_vault_commands(commands)
    _add_plan_commands(commands)
    return parser


def _add_plan_commands(commands: argparse._SubParsersAction) -> None:
    """Counsellor homework files (FHIR R4 JSON), checked or made without opening a window."""
    plan = commands.add_parser("plan", help="check or make a counsellor's plan file")
    plan_commands = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    check = plan_commands.add_parser(
        "check", help="validate a plan or report file; prints FILE: field: problem per problem")
    check.add_argument("file", type=Path, help="the .porchplan or report .json file")
    example = plan_commands.add_parser("example", help="write a sample 4-week plan")
    example.add_argument("file", nargs="?", type=Path, default=None,
                         help="where to write it (default: print it)")


def _add_vault_commands(commands: argparse._SubParsersAction) -> None:
    """Support commands: no window, no passphrase echoed, never any vault contents printed.

    Exit codes are documented in ``app/cli_vault.py`` and ``app/cli_backup.py``.
    """
    data_dir_help = "use DIR instead of the usual data folder"
    vault = commands.add_parser("vault", help="look at the encrypted data folder")
    vault_commands = vault.add_subparsers(dest="vault_command", metavar="ACTION", required=True)
    for name, text in (("status", "say whether the folder is new, set up, missing a part or "
                                  "damaged (no passphrase needed)"),
                       ("check", "read the passphrase from standard input, unlock and run an "
                                 "integrity check")):
        action = vault_commands.add_parser(name, help=text)
        action.add_argument("--data-dir", metavar="DIR", dest="command_data_dir",
                            help=data_dir_help)
    backup = commands.add_parser("backup", help="list, take or restore encrypted backups")
    backup_commands = backup.add_subparsers(dest="backup_command", metavar="ACTION",
                                            required=True)
    for name, text in (("list", "list the backups, newest first"),
                       ("create", "read the passphrase from standard input and take a backup"),
                       ("restore", "put a backup back (the current files are kept aside)")):
        action = backup_commands.add_parser(name, help=text)
        action.add_argument("--data-dir", metavar="DIR", dest="command_data_dir",
                            help=data_dir_help)
        if name == "restore":
            action.add_argument("backup", help="the backup's name, as `backup list` shows it")


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    words = list(sys.argv[1:] if argv is None else argv)
    return _window_start(words) or build_parser().parse_args(words)


def _window_start(words: list[str]) -> argparse.Namespace | None:
    """The usual start, exactly as argparse would read it; None for anything else."""
    args = argparse.Namespace(data_dir=None, demo=False, minimized=False, smoke=False,
                              command=None)
    rest = iter(words)
    for word in rest:
        if word in WINDOW_FLAGS:
            setattr(args, WINDOW_FLAGS[word], True)
        elif word.startswith(f"{DATA_DIR}="):
            args.data_dir = word.partition("=")[2]
        elif word == DATA_DIR:
            value = next(rest, None)
            if value is None or value.startswith("-"):
                return None  # argparse says what is missing
            args.data_dir = value
        else:
            return None
    return args


def command_data_dir(args: argparse.Namespace) -> Path:
    """The folder a support command works on: its own --data-dir, the global one, or the usual."""
    from app.storage.data_folder import resolve_data_dir

    return resolve_data_dir(getattr(args, "command_data_dir", None) or args.data_dir)


def run_command(args: argparse.Namespace) -> int:
    """Run a non-GUI command and return its exit code."""
    if args.command == "content" and args.content_command == "check":
        from app.core.content.checker import run_check
        from app.paths import shipped_content_dir

        directory = args.directory or shipped_content_dir()
        return run_check(directory, stats=args.stats, out=sys.stdout)
    if args.command == "plan":
        import datetime as dt

        from app.core.plans.plan_check import check_file, write_example

        if args.plan_command == "check":
            return check_file(args.file, sys.stdout)
        return write_example(args.file, dt.date.today(), sys.stdout)
    if args.command == "vault":
        from app.cli_vault import run_vault_command

        return run_vault_command(args, sys.stdin, sys.stdout)
    if args.command == "backup":
        from app.cli_backup import run_backup_command

        return run_backup_command(args, sys.stdin, sys.stdout)
    raise SystemExit(f"unknown command {args.command}")
