"""What ships: a real wheel that works from outside the checkout, and desktop files that validate.

The wheel test builds from a copy of the sources (setuptools' in-tree build/ folder keeps files
that were since deleted), installs the wheel into a fresh venv, and runs the installed
``porchlight content check`` from a folder that is not the checkout. The venv borrows this
venv's third-party packages through a plain path line (not a site dir, so the editable install's
finder is never activated) — no registry, no network.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "resources" / "desktop"
SHIPPED = ("conversations", "resources")
# The only pedantic hint we accept: the id keeps its capital (see the comment in the file).
ALLOWED_APPSTREAM_HINTS = {"cid-contains-uppercase-letter"}


def _files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def _copy_sources(destination: Path) -> Path:
    destination.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("app", *SHIPPED):
        shutil.copytree(ROOT / folder, destination / folder, ignore=ignore)
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, destination / name)
    return destination


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=_clean_env(), capture_output=True, text=True,
                          timeout=90, check=False)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = _copy_sources(work / "source")
    out = work / "dist"
    built = _run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps",
                  "--no-build-isolation", "--no-index", "-q", "-w", str(out)], cwd=work)
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("porchlight-*.whl")
    return found


@pytest.mark.slow
def test_wheel_carries_every_shipped_file(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    print(f"\n{wheel.name}: {len(names)} files")
    for folder in SHIPPED:
        prefix = f"app/_shipped/{folder}/"
        packed = {n.removeprefix(prefix) for n in names if n.startswith(prefix)}
        assert packed == _files_under(ROOT / folder), folder
    assert any(n.startswith("app/storage/migrations/versions/") for n in names)


@pytest.mark.slow
def test_installed_wheel_checks_its_own_conversations(wheel, tmp_path):
    venv = tmp_path / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    installed = _run([sys.executable, "-m", "pip", "--python", str(python), "install",
                      "--no-deps", "--no-index", "-q", str(wheel)], cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    layout = _run([str(python), "-c", "import sysconfig; p = sysconfig.get_paths(); "
                   "print(p['purelib']); print(p['scripts'])"], cwd=tmp_path)
    purelib, scripts = (Path(line) for line in layout.stdout.splitlines())
    # Third-party packages from this venv, appended after the new venv's own site-packages.
    (purelib / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    where = _run([str(python), "-c", "import app.paths as p; print(p.__file__); "
                  "print(p.shipped_content_dir()); print(p.resources_dir())"], cwd=elsewhere)
    assert where.returncode == 0, where.stderr
    for line in where.stdout.splitlines():
        assert Path(line).is_relative_to(purelib), line
    assert (Path(where.stdout.splitlines()[2]) / "icons" / "porchlight.svg").is_file()

    checked = _run([str(scripts / "porchlight"), "content", "check", "--stats"], cwd=elsewhere)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (Debian: desktop-file-utils)")
@pytest.mark.parametrize("entry", sorted(DESKTOP.glob("*.desktop")), ids=lambda p: p.name)
def test_desktop_entry_validates(entry):
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                            text=True, check=False)
    # It prints hints and warnings even when it exits 0; we want none at all.
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli is not installed (Debian: appstream)")
@pytest.mark.parametrize("metainfo", sorted(DESKTOP.glob("*.metainfo.xml")), ids=lambda p: p.name)
def test_appstream_metainfo_validates_pedantic(metainfo):
    result = subprocess.run(["appstreamcli", "validate", "--pedantic", "--strict", "--no-net",
                             str(metainfo)], capture_output=True, text=True, check=False)
    issues = set(re.findall(r"^[EWIP]: \S+ ([\w-]+)", result.stdout, flags=re.MULTILINE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert issues <= ALLOWED_APPSTREAM_HINTS, result.stdout
    text = metainfo.read_text(encoding="utf-8")
    assert "<releases>" in text and "<content_rating" in text
