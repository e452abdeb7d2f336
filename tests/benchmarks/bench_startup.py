"""Startup benchmark: ``porchlight --smoke`` against a bare PySide6 window, in the same run.

    make bench
    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_startup.py

Each command runs several times, alternating, as a fresh process; we report the median wall
time and the peak resident memory of each, the ratio, and how long unlocking takes with key
parameters calibrated on this machine. Not run by ``make test``: timings belong here, never in
a unit test.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
RUNS = int(os.environ.get("BENCH_RUNS", "7"))

# Peak memory is read by the child itself (VmHWM): a parent's rusage would include the parent's
# own peak, which Linux carries into every child it forks.
REPORT_PEAK = """
import atexit, os
def _peak():
    with open("/proc/self/status") as status:
        line = next(l for l in status if l.startswith("VmHWM"))
    with open(os.environ["BENCH_PEAK_FILE"], "w") as out:
        out.write(line.split()[1])
atexit.register(_peak)
"""
SMOKE = REPORT_PEAK + """
import sys, runpy
sys.argv = ["porchlight", *sys.argv[1:]]
runpy.run_module("app", run_name="__main__")
"""
BARE_WINDOW = REPORT_PEAK + """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.resize(1100, 740)
window.show()
app.processEvents()
window.repaint()
assert not window.grab().isNull()
"""


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one fresh process."""
    with tempfile.NamedTemporaryFile(suffix=".peak") as peak_file:
        env = dict(os.environ, BENCH_PEAK_FILE=peak_file.name,
                   QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        started = time.perf_counter()
        result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, check=False)
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            raise SystemExit(f"failed: {' '.join(command)}")
        return elapsed, int(Path(peak_file.name).read_text()) / 1024


def unlock_seconds(folder_root: Path) -> float:
    from app.core import recovery_code
    from app.storage import vault
    from app.storage.data_folder import DataFolder

    folder = DataFolder(folder_root)
    vault.create(folder, "bench passphrase words", recovery_code.generate()).close()
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        vault.unlock(folder, "bench passphrase words").close()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        commands = {
            "bare PySide6 window": [sys.executable, "-c", BARE_WINDOW],
            "porchlight --smoke (new folder)": [sys.executable, "-c", SMOKE, "--smoke",
                                                "--data-dir", f"{temp}/new"],
            "porchlight --smoke (existing)": [sys.executable, "-c", SMOKE, "--smoke",
                                              "--data-dir", f"{temp}/existing"],
        }
        unlock = unlock_seconds(Path(temp) / "existing")
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for command in commands.values():
            run_once(command)  # warm the file cache once
        for _ in range(RUNS):
            for name, command in commands.items():
                results[name].append(run_once(command))
    bare = statistics.median(t for t, _ in results["bare PySide6 window"])
    print(f"{'command':36} {'median s':>9} {'ratio':>6} {'peak MiB':>9}")
    for name, samples in results.items():
        median = statistics.median(t for t, _ in samples)
        peak = max(m for _, m in samples)
        print(f"{name:36} {median:9.3f} {median / bare:6.2f} {peak:9.1f}")
    print(f"unlock (Argon2id calibrated here, open + checks): {unlock:.3f} s")


if __name__ == "__main__":
    main()
