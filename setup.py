"""Build-time only: put conversations/ and resources/ inside the wheel as `app/_shipped/…`.

The two folders stay at the top of the checkout (writers and packagers expect them there), so
setuptools maps them into the `app` package instead of finding them: every folder below them
becomes a data-only package, and all its files ship as package data. `app.paths` reads them
back with importlib.resources. Everything else about the build lives in pyproject.toml.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import find_namespace_packages, setup

ROOT = Path(__file__).resolve().parent
SHIPPED_FOLDERS = ("conversations", "resources")
SHIPPED_PACKAGE = "app._shipped"


def shipped_packages() -> dict[str, str]:
    """Package name -> source folder (relative, as setuptools wants) for every shipped folder."""
    packages: dict[str, str] = {}
    for top in SHIPPED_FOLDERS:
        for folder in sorted([ROOT / top, *(p for p in (ROOT / top).rglob("*") if p.is_dir())]):
            relative = folder.relative_to(ROOT)
            if "__pycache__" in relative.parts:
                continue
            name = ".".join((SHIPPED_PACKAGE, *relative.parts))
            packages[name] = relative.as_posix()
    return packages


SHIPPED = shipped_packages()

setup(
    packages=[*find_namespace_packages(include=["app", "app.*"], exclude=["*__pycache__"]),
              *SHIPPED],
    package_dir={name: folder for name, folder in SHIPPED.items()},
    package_data={
        "app.storage": ["migrations/*.ini", "migrations/*.mako", "migrations/versions/*.py"],
        **{name: ["*"] for name in SHIPPED},
    },
)
