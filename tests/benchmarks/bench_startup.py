"""Startup benchmark: ``porchlight --smoke`` against a bare PySide6 window, in the same run.

    make bench
    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_startup.py

The reference is what issue 14 names: a bare ``QMainWindow`` with one label, shown and painted
once, in the same interpreter. Each command runs as a fresh process, alternating (the machines
are shared and noisy, so only a ratio measured in the same run means anything); we report the
median wall time and the median peak resident memory of each, the ratios as ``BENCH`` lines
(goals: time <= 1.3, memory <= 1.35), and how long unlocking takes with key parameters
calibrated on this machine. Not run by ``make test``: timings belong here, never in a unit test.

Both commands run with compiled bytecode, as an installed Porchlight has it (pip compiles the
wheel's modules on install; a frozen build ships them compiled): the children write their
``.pyc`` files into a throw-away cache (``PYTHONPYCACHEPREFIX``) during the warm-up run, even
where ``PYTHONDONTWRITEBYTECODE`` is set, and never into the source tree. Set
``BENCH_NO_BYTECODE=1`` to measure a start that compiles every module from source instead.
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
BARE = "bare QMainWindow with a label"
NEW = "porchlight --smoke (new folder)"
EXISTING = "porchlight --smoke (existing)"
RUNS = max(10, int(os.environ.get("BENCH_RUNS", "11")))  # median of >= 10

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
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("Porchlight"))
window.resize(1100, 740)
window.show()
app.processEvents()
window.repaint()
assert not window.grab().isNull()
"""


def run_once(command: list[str], bytecode_cache: str | None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one fresh process."""
    with tempfile.NamedTemporaryFile(suffix=".peak") as peak_file:
        env = dict(os.environ, BENCH_PEAK_FILE=peak_file.name,
                   QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        if bytecode_cache is not None:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = bytecode_cache
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
            BARE: [sys.executable, "-c", BARE_WINDOW],
            NEW: [sys.executable, "-c", SMOKE, "--smoke", "--data-dir", f"{temp}/new"],
            EXISTING: [sys.executable, "-c", SMOKE, "--smoke", "--data-dir", f"{temp}/existing"],
        }
        unlock = unlock_seconds(Path(temp) / "existing")
        cache = None if os.environ.get("BENCH_NO_BYTECODE") else f"{temp}/bytecode"
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for command in commands.values():
            run_once(command, cache)  # warm the file cache (and the bytecode cache) once
        for _ in range(RUNS):
            for name, command in commands.items():
                results[name].append(run_once(command, cache))
    bare = statistics.median(t for t, _ in results[BARE])
    bare_peak = statistics.median(m for _, m in results[BARE])
    print(f"{'command':36} {'median s':>9} {'ratio':>6} {'peak MiB':>9} {'ratio':>6}")
    ratios: dict[str, tuple[float, float]] = {}
    for name, samples in results.items():
        median = statistics.median(t for t, _ in samples)
        peak = statistics.median(m for _, m in samples)
        ratios[name] = (median / bare, peak / bare_peak)
        print(f"{name:36} {median:9.3f} {median / bare:6.2f} {peak:9.1f} {peak / bare_peak:6.2f}")
    print(f"unlock (Argon2id calibrated here, open + checks): {unlock:.3f} s")
    for suffix, name in (("existing", EXISTING), ("new", NEW)):
        print(f"BENCH startup_ratio_{suffix} {ratios[name][0]:.2f}")
    for suffix, name in (("existing", EXISTING), ("new", NEW)):
        print(f"BENCH startup_mem_ratio_{suffix} {ratios[name][1]:.2f}")


if __name__ == "__main__":
    main()
