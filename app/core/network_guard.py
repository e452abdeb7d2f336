"""Refuse every network connection the process tries to make.

Porchlight promises that nothing leaves the computer. An audit hook sees each socket connect and
name lookup Python makes, in our code or in any library we use, and stops it before it happens.
Local (Unix-domain) sockets stay allowed: the desktop's notification service and the
single-instance handshake use them and never leave the machine.
"""

from __future__ import annotations

import sys
from typing import Any

_BLOCKED_EVENTS = {
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "urllib.Request",
}
_installed = False


class NetworkBlocked(PermissionError):
    """Raised in place of a network connection: Porchlight never goes online."""


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event == "socket.connect":
        sock = args[0]
        # A connect event means the socket module is loaded: no import at start-up for it.
        socket = sys.modules.get("socket")
        if getattr(sock, "family", None) == getattr(socket, "AF_UNIX", object()):
            return
        raise NetworkBlocked(f"Porchlight does not connect to the network (tried {args[1]!r})")
    if event in _BLOCKED_EVENTS:
        raise NetworkBlocked(f"Porchlight does not use the network ({event})")


def install() -> None:
    """Install the guard once for the life of the process (audit hooks cannot be removed)."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True


def is_installed() -> bool:
    return _installed
