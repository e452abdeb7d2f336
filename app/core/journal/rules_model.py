"""What a pattern rule is, and reading ``conversations/rules.toml`` into rules.

A rule is data a parent can read: a title, what it looks for in plain words (with ``{count}``-
style placeholders for its numbers), a small typed condition, a minimum-data gate, what it
might mean, what to do (a topic to talk about, or Help now), its known false alarms, sources and
a reviewed date. The condition is one of a few kinds (``CONDITION_PARAMS``); its numbers carry a
default and an allowed range, so the Rules page can offer spin boxes and never a value the engine
was not written for. The engine is ``rules_engine``; the loader refuses anything it could not run
and names file, line, rule and field, as the content loader does.
"""

from __future__ import annotations

import datetime as dt
import re
import string
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import msgspec

from app.core.content.loader import Problem, _readable, locate
from app.core.journal.model import SignEvent

Kind = Literal["count", "together", "new_category", "rising"]
# The numbers each kind needs (all required), and the ones it may take as well.
CONDITION_PARAMS: dict[str, tuple[str, ...]] = {
    "count": ("count", "days"),  # ≥ count entries with a matching sign within days
    "together": ("days",),  # a sign from `of` and one from `with` within days
    "new_category": ("weeks",),  # a category not seen for weeks turns up
    "rising": ("more", "days"),  # the last `days` hold ≥ `more` more signs than the days before
}
OPTIONAL_PARAMS: dict[str, tuple[str, ...]] = {"count": ("strength",)}


class Param(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One tunable number: the rule's own value and the range a parent may move it in."""

    default: int
    min: int
    max: int

    def clamp(self, value: int) -> int:
        return max(self.min, min(self.max, int(value)))


class Selector(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Which noted signs a condition looks at; empty means every sign (own tags included)."""

    categories: tuple[str, ...] = ()
    signs: tuple[str, ...] = ()
    except_categories: tuple[str, ...] = ()

    def matches(self, sign_id: str, category: str) -> bool:
        if category in self.except_categories:
            return False
        if not self.categories and not self.signs:
            return True
        return category in self.categories or sign_id in self.signs

    def matches_all(self) -> bool:
        return not (self.categories or self.signs or self.except_categories)


class Condition(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    kind: Kind
    of: Selector = Selector()
    with_: Selector | None = msgspec.field(default=None, name="with")  # "together" only
    params: dict[str, Param] = msgspec.field(default_factory=dict)


class Gate(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """No pattern is claimed from too little: both must hold on the day a rule would fire."""

    min_entries: int = 1  # entries about that child (or the family) so far
    min_weeks: int = 0  # weeks since that child's first entry


class Rule(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    title: str
    looks_for: str  # plain words, with {placeholders} for the condition's numbers
    condition: Condition
    gate: Gate = Gate()
    might_mean: str
    what_to_do: str
    topic: str = ""  # a topic id to talk about ...
    help_now: bool = False  # ... or open Help now (urgent signs)
    false_alarms: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    reviewed: dt.date | None = None

    def params(self, overrides: Mapping[str, int] | None = None) -> dict[str, int]:
        """The numbers to run with: the rule's defaults, a parent's choices kept within range.

        Unknown names in ``overrides`` (a rule changed since they were saved) are ignored."""
        chosen = dict(overrides or {})
        return {name: param.clamp(chosen.get(name, param.default))
                for name, param in self.condition.params.items()}

    def looks_for_with(self, params: Mapping[str, int] | None = None) -> str:
        """``looks_for`` with its numbers filled in ("3 or more times within 10 days")."""
        return self.looks_for.format_map(self.params(params))

    def matches(self, event: SignEvent) -> bool:
        return self.condition.of.matches(event.sign_id, event.category)


class RulesFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    rules: tuple[Rule, ...] = msgspec.field(default=(), name="rule")


class RulesError(Exception):
    """The rules file cannot be used; ``problems`` say where (file:line) and what."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def _placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return {"<unbalanced braces>"}


def rule_problems(rule: Rule) -> list[str]:
    """What makes a rule unrunnable, each naming the field (empty when it is sound)."""
    found = []
    condition = rule.condition
    needed = set(CONDITION_PARAMS[condition.kind])
    allowed = needed | set(OPTIONAL_PARAMS.get(condition.kind, ()))
    for name in sorted(needed - set(condition.params)):
        found.append(f"condition.params: the kind “{condition.kind}” needs “{name}”")
    for name in sorted(set(condition.params) - allowed):
        found.append(f"condition.params.{name}: the kind “{condition.kind}” has no such number")
    for name, param in condition.params.items():
        if not param.min <= param.default <= param.max:
            found.append(f"condition.params.{name}: needs min ≤ default ≤ max")
        if param.min < (0 if name == "strength" else 1) or (name == "strength" and param.max > 3):
            found.append(f"condition.params.{name}: out of the range the engine understands")
    if (condition.kind == "together") != (condition.with_ is not None):
        found.append("condition.with: needed by “together” and only by it")
    for name in sorted(_placeholders(rule.looks_for) - set(condition.params)):
        found.append(f"looks_for: “{{{name}}}” is not one of the condition's numbers")
    if bool(rule.topic) == rule.help_now:
        found.append("topic: give either a topic to talk about or help_now = true")
    if not rule.false_alarms:
        found.append("false_alarms: name at least one everyday explanation")
    if not rule.sources:
        found.append("sources: name at least one source")
    if rule.reviewed is None:
        found.append("reviewed: needs the date it was last reviewed")
    if rule.gate.min_entries < 1 or rule.gate.min_weeks < 0:
        found.append("gate: needs min_entries ≥ 1 and min_weeks ≥ 0")
    return found


def _rule_line(text: str, rule_id: str) -> int:
    pattern = re.compile(rf'^\s*id\s*=\s*"{re.escape(rule_id)}"')
    return next((n for n, line in enumerate(text.splitlines(), 1) if pattern.match(line)), 1)


def load_rules(path: Path) -> list[Rule]:
    """Every rule in the file, or ``RulesError`` naming file, line, rule and field."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        raw = tomllib.loads(text)
    except OSError as error:
        raise RulesError([Problem(path, 1, f"can't be read: {error.strerror}")]) from None
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        line = int(match.group(1)) if match else 1
        raise RulesError([Problem(path, line, f"is not valid TOML: {error}")]) from None
    try:
        loaded = msgspec.convert(raw, RulesFile)
    except msgspec.ValidationError as error:
        match = re.search(r"`(\$[^`]*)`", str(error))
        where = match.group(1) if match else "$"
        line = locate(text, where)
        number = re.match(r"\$\.rule\[(\d+)\]", where)
        rules = raw.get("rule") if isinstance(raw, dict) else None
        name = ""
        if number and isinstance(rules, list) and int(number.group(1)) < len(rules):
            entry = rules[int(number.group(1))]
            name = f"rule “{entry.get('id', '?')}”: " if isinstance(entry, dict) else ""
        field = where.split("]", 1)[-1].lstrip(".") if number else where.lstrip("$.")
        prefix = f"{name}{field}: " if field else name
        raise RulesError([Problem(path, line, f"{prefix}{_readable(str(error))}")]) from None
    problems: list[Problem] = []
    seen: set[str] = set()
    for rule in loaded.rules:
        line = _rule_line(text, rule.id)
        if rule.id in seen:
            problems.append(Problem(path, line, f"rule “{rule.id}”: id: used twice"))
        seen.add(rule.id)
        problems += [Problem(path, line, f"rule “{rule.id}”: {message}")
                     for message in rule_problems(rule)]
    if problems:
        raise RulesError(problems)
    return list(loaded.rules)
