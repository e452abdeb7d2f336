"""Entry point: parse the command line, then either run a command or start the app.

Only the argument parser is imported up front; Qt comes in when a window is needed, and the
heavy storage libraries only after the first window has been painted.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from app import cli
    from app.core import network_guard

    network_guard.install()
    args = cli.parse(argv)
    if args.command:
        return cli.run_command(args)
    from app.ui.application import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
