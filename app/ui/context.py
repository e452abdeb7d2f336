"""What the window needs to know about this run: which folder, which clock, demo or not.

Tests build one with a temporary folder, a settable clock and cheap key-derivation parameters;
the real app builds one from the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.core.clock import Clock, SystemClock
from app.storage.data_folder import DataFolder


@dataclass
class AppContext:
    folder: DataFolder
    clock: Clock = field(default_factory=SystemClock)
    # Key-derivation parameters for new vaults; None means "calibrate on this computer".
    # Typed loosely so this module does not import the crypto libraries before first paint.
    kdf_params: Any = None
    demo_passphrase: str | None = None
    # Where desktop notifications go (app.desktop.notifications.Notifier); None means the
    # native one. Tests pass a RecordingNotifier.
    notifier: Any = None
    # Whether to look for a system tray; tests run without one, as offscreen Qt has none.
    use_tray: bool = True
    # Where "start when I log in" writes (app.desktop.autostart.Autostart); None = the real one.
    autostart: Any = None
    # Seconds on a monotonic clock, for auto-lock; None means time.monotonic. Tests move it.
    idle_seconds: Any = None
    # How long after unlocking the daily backup starts (ms); None leaves it to a test to start.
    backup_delay_ms: int | None = 5000
    # The D-Bus connection to hear the screen lock on; None means the session bus.
    screen_bus: Any = None
