"""Where a built plan goes on disk: a ``.porchplan`` file, written atomically.

Kept apart from the builder's widgets: the name a counsellor types gets the suffix, the start
date defaults to the next Monday, and the bytes are H1's FHIR R4 bundle with readable names.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from app.core.plans.fhir_plan import plan_bytes
from app.core.plans.model import Plan
from app.storage.atomic_file import write_atomically

PLAN_SUFFIX = ".porchplan"


def next_monday(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)


def with_plan_suffix(path: str) -> Path:
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == PLAN_SUFFIX else chosen.with_name(
        chosen.name + PLAN_SUFFIX)


def write_plan_file(path: Path, plan: Plan, library: Any) -> None:
    """Write the ``.porchplan`` atomically; the library adds readable names to its codes."""
    write_atomically(path, plan_bytes(plan, library))
