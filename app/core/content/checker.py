"""``porchlight content check``: is the library complete, consistent and readable?

Loads the folder, then checks what the schema alone cannot: unique ids across files, references
that resolve, the minimums the product promises per topic and band, and the reading level of
children's lines. Prints ``file:line: message`` per problem and returns 1 if there are any.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TextIO

from app.core.content.loader import LoadResult, Problem, load_library
from app.core.content.model import BAND_ORDER, TONES, Library
from app.core.content.readability import too_hard

TOPIC_IDS = ("body-safety", "privacy", "online-friends", "pictures", "manipulation", "saying-no",
             "moving-apps", "gifts-and-money", "threats-and-blackmail", "fake-images",
             "gaming-and-chat", "always-in-your-corner")
SIGN_CATEGORIES = ("secrecy", "mood", "reactions-to-messages", "online-habits",
                   "money-and-gifts", "sleep-and-school", "self-harm")
URGENT_CATEGORIES = ("self-harm",)
COUNTRY_CODES = ("us", "ca", "gb", "au", "intl")
MIN_STARTERS_PER_TOPIC_BAND = 4
MIN_FOLLOW_UPS = 2
MIN_STARTERS = 200
MIN_STARTERS_PER_BAND = 30
MIN_REFUSALS = 40
MIN_REASSURANCE = 25
MIN_RED_FLAGS = 15
MIN_SIGNS = 20
MIN_RULES = 10
RULES_FILE = "rules.toml"


class _Check:
    def __init__(self, loaded: LoadResult, root: Path) -> None:
        self.loaded = loaded
        self.library: Library = loaded.library
        self.root = root
        self.problems: list[Problem] = list(loaded.problems)

    def where(self, entry_id: str) -> tuple[Path, int]:
        path = self.loaded.files.get(entry_id, self.root)
        text = self.loaded.texts.get(path, "")
        for number, line in enumerate(text.splitlines(), start=1):
            if f'"{entry_id}"' in line and ("id" in line or "code" in line):
                return path, number
        return path, 1

    def add(self, entry_id: str, message: str) -> None:
        path, line = self.where(entry_id)
        self.problems.append(Problem(path, line, message))

    def add_at(self, path: Path, message: str) -> None:
        self.problems.append(Problem(path, 1, message))

    def run(self) -> list[Problem]:
        self.unique_ids()
        self.references()
        self.topics()
        self.catalogues()
        self.countries()
        self.reading_level()
        self.overlays()
        self.sign_topics()
        self.rules()
        self.care()
        return self.problems

    def care(self) -> None:
        """The rules that protect a child in crisis (see ``care_checks``)."""
        from app.core.content import care_checks as care

        found = [*care.crisis_replies(self.library), *care.reassurance_endings(self.library),
                 *care.screenshot_cautions(self.library, self.all_entries()),
                 *care.sourced_contacts(self.library, self.root)]
        for entry_id, message in found:
            if entry_id:
                self.add(entry_id, message)
            else:
                self.add_at(self.root / care.CONTACTS_FILE, message)

    def sign_topics(self) -> None:
        """Every topic a sign points to exists, so the picker can bring it forward."""
        for sign in self.library.signs:
            for topic_id in sign.topics:
                if self.library.topic(topic_id) is None:
                    self.add(sign.id, f"“{sign.id}” points to an unknown topic “{topic_id}”")

    def rules(self) -> None:
        """``rules.toml`` loads and each rule refers to signs, categories, topics and sources
        that exist (the loader has already held it to its own shape and numbers)."""
        path = self.root / RULES_FILE
        if not path.exists():
            return  # a library may ship without pattern rules; the shipped one has them
        from app.core.journal.rules_model import RulesError, load_rules

        try:
            rules = load_rules(path)
        except RulesError as error:
            self.problems += error.problems
            return
        text = path.read_text(encoding="utf-8")
        lib = self.library
        signs = {s.id for s in lib.signs}
        categories = {c.id for c in lib.sign_categories}
        for rule in rules:
            line = next((n for n, row in enumerate(text.splitlines(), 1)
                         if row.strip().startswith("id") and f'"{rule.id}"' in row), 1)

            def problem(message: str, rule_id: str = rule.id, at: int = line) -> None:
                self.problems.append(Problem(path, at, f"rule “{rule_id}”: {message}"))

            condition = rule.condition
            for selector in (condition.of, condition.with_):
                if selector is None:
                    continue
                for sign_id in selector.signs:
                    if sign_id not in signs:
                        problem(f"condition: unknown sign “{sign_id}”")
                for category in (*selector.categories, *selector.except_categories):
                    if category not in categories:
                        problem(f"condition: unknown category “{category}”")
            if rule.topic and lib.topic(rule.topic) is None:
                problem(f"topic: unknown topic “{rule.topic}”")
            for source_id in rule.sources:
                if source_id not in lib.sources:
                    problem(f"sources: unknown source “{source_id}”")
        if len(rules) < MIN_RULES:
            self.add_at(path, f"{len(rules)} pattern rules, at least {MIN_RULES} needed")

    def overlays(self) -> None:
        """Each locale folder: ids that exist in English (error), translations not older than
        the English they translate (warning)."""
        from app.core.content.overlays import overlay_locales, overlay_problems, read_overlay

        for locale in overlay_locales(self.root):
            errors, warnings = overlay_problems(self.library, read_overlay(self.root, locale))
            self.problems += errors + warnings

    def all_entries(self) -> list[tuple[str, object]]:
        lib = self.library
        entries: list[tuple[str, object]] = []
        for topic in lib.topics:
            entries += [(topic.id, topic)] + [(s.id, s) for s in topic.starters]
        for group in (lib.refusals, lib.pressure, lib.reassurance, lib.red_flags,
                      lib.sign_categories, lib.signs):
            entries += [(e.id, e) for e in group]
        for country in lib.countries.values():
            entries += [(e.id, e) for e in country.steps]
            entries += [(e.id, e) for e in country.channels]
            entries += [(e.id, e) for e in country.never]
            entries += [(e.id, e) for e in country.after]
        return entries

    def unique_ids(self) -> None:
        """Ids are counted in the raw text, so a clash between two files is caught too."""
        seen: dict[str, list[tuple[Path, int]]] = {}
        for path, text in self.loaded.texts.items():
            for number, line in enumerate(text.splitlines(), start=1):
                key, _, value = line.partition("=")
                if key.strip() == "id" and value.strip().startswith('"'):
                    seen.setdefault(value.strip().strip('"'), []).append((path, number))
        for entry_id, places in seen.items():
            for path, number in places[1:]:
                first_path, first_line = places[0]
                self.problems.append(Problem(path, number, f"the id “{entry_id}” is already "
                                             f"used at {first_path}:{first_line}"))

    def references(self) -> None:
        lib = self.library
        categories = {c.id: c for c in lib.sign_categories}
        for entry_id, entry in self.all_entries():
            sources = getattr(entry, "sources", ())
            if not sources:
                self.add(entry_id, f"“{entry_id}” names no sources")
            if getattr(entry, "reviewed", None) is None:
                self.add(entry_id, f"“{entry_id}” has no reviewed date")
            for source_id in sources:
                if source_id not in lib.sources:
                    self.add(entry_id, f"“{entry_id}” cites an unknown source “{source_id}”")
        for topic in lib.topics:
            for starter in topic.starters:
                outside = set(starter.bands) - set(topic.bands)
                if outside:
                    self.add(starter.id, f"starter band {', '.join(sorted(outside))} is not one "
                             f"of the topic's bands")
        for sign in lib.signs:
            category = categories.get(sign.category)
            if category is None:
                self.add(sign.id, f"unknown category “{sign.category}”")
            elif category.urgent and not sign.urgent:
                self.add(sign.id, f"signs in the urgent category “{category.id}” must be urgent")

    def topics(self) -> None:
        lib = self.library
        for topic_id in TOPIC_IDS:
            if lib.topic(topic_id) is None:
                self.add_at(self.root / "topics" / f"{topic_id}.toml", f"topic “{topic_id}” is "
                            "missing")
        for topic in lib.topics:
            for topic_band in topic.bands:
                count = len(lib.starters(topic_band, topic.id))
                if count < MIN_STARTERS_PER_TOPIC_BAND:
                    self.add(topic.id, f"{topic_band}: {count} starters, at least "
                             f"{MIN_STARTERS_PER_TOPIC_BAND} needed")
            for starter in topic.starters:
                if len(starter.follow_ups) < MIN_FOLLOW_UPS:
                    self.add(starter.id, f"needs at least {MIN_FOLLOW_UPS} follow-ups")
                if not starter.listen_for:
                    self.add(starter.id, "needs at least one “listen for”")
                if not starter.if_they_say:
                    self.add(starter.id, "needs at least one “if they say”")
        total = len(lib.starters())
        first_topic = self.root / "topics"
        if total < MIN_STARTERS:
            self.add_at(first_topic, f"{total} starters in all, at least {MIN_STARTERS} needed")
        for band in BAND_ORDER:
            count = len(lib.starters(band))
            if count < MIN_STARTERS_PER_BAND:
                self.add_at(first_topic, f"band {band}: {count} starters, at least "
                            f"{MIN_STARTERS_PER_BAND} needed")

    def catalogues(self) -> None:
        lib, root = self.library, self.root
        if len(lib.refusals) < MIN_REFUSALS:
            self.add_at(root / "refusals.toml", f"{len(lib.refusals)} refusal lines, at least "
                        f"{MIN_REFUSALS} needed")
        for band in BAND_ORDER:
            if not lib.refusals_for(band):
                self.add_at(root / "refusals.toml", f"no refusal lines for band {band}")
        for tone in TONES:
            if not lib.refusals_for(None, tone):
                self.add_at(root / "refusals.toml", f"no refusal lines in the tone “{tone}”")
        if len(lib.reassurance) < MIN_REASSURANCE:
            self.add_at(root / "reassurance.toml", f"{len(lib.reassurance)} reassurance lines, "
                        f"at least {MIN_REASSURANCE} needed")
        if len(lib.red_flags) < MIN_RED_FLAGS:
            self.add_at(root / "red_flags.toml", f"{len(lib.red_flags)} red flags, at least "
                        f"{MIN_RED_FLAGS} needed")
        signs_file = root / "warning_signs.toml"
        if len(lib.signs) < MIN_SIGNS:
            self.add_at(signs_file, f"{len(lib.signs)} warning signs, at least {MIN_SIGNS} "
                        "needed")
        present = {c.id: c for c in lib.sign_categories}
        for category_id in SIGN_CATEGORIES:
            if category_id not in present:
                self.add_at(signs_file, f"category “{category_id}” is missing")
            elif (category_id in URGENT_CATEGORIES) != present[category_id].urgent:
                self.add(category_id, f"category “{category_id}” has the wrong urgency")
            elif not any(s.category == category_id for s in lib.signs):
                self.add(category_id, f"category “{category_id}” has no signs")

    def countries(self) -> None:
        for code in COUNTRY_CODES:
            country = self.library.countries.get(code)
            path = self.root / "countries" / f"{code}.toml"
            if country is None:
                self.add_at(path, f"country “{code}” is missing")
                continue
            for part, label in ((country.steps, "step"), (country.channels, "channel"),
                                (country.never, "never")):
                if not part:
                    self.add_at(path, f"needs at least one [[{label}]]")

    def reading_level(self) -> None:
        for starter in self.library.starters():
            verdict = too_hard(starter.child_facing_text(), starter.bands)
            if verdict:
                self.add(starter.id, f"reads at grade {verdict[0]:.1f}; the limit for its band "
                         f"is {verdict[1]:.0f}")
        for refusal in self.library.refusals:
            verdict = too_hard(refusal.text, refusal.bands)
            if verdict:
                self.add(refusal.id, f"reads at grade {verdict[0]:.1f}; the limit for its band "
                         f"is {verdict[1]:.0f}")


def check(directory: Path) -> tuple[Library, list[Problem]]:
    loaded = load_library(directory)
    return loaded.library, _Check(loaded, Path(directory)).run()


def stats_lines(library: Library) -> list[str]:
    width = max((len(t.id) for t in library.topics), default=5)
    lines = ["starters per topic and band:",
             f"  {'topic':{width}} " + " ".join(f"{b:>5}" for b in BAND_ORDER) + "  total"]
    for topic in library.topics:
        counts = [len(library.starters(b, topic.id)) for b in BAND_ORDER]
        cells = " ".join(f"{c if b in topic.bands else '-':>5}"
                         for c, b in zip(counts, BAND_ORDER, strict=True))
        lines.append(f"  {topic.id:{width}} {cells}  {len(topic.starters):>5}")
    per_band = " ".join(f"{len(library.starters(b)):>5}" for b in BAND_ORDER)
    lines.append(f"  {'all':{width}} {per_band}  {len(library.starters()):>5}")
    lines.append(f"refusal lines: {len(library.refusals)}")
    for band in BAND_ORDER:
        tones: Counter[str] = Counter(r.tone for r in library.refusals_for(band))
        lines.append(f"  {band:>5}: " + ", ".join(f"{t} {tones[t]}" for t in TONES))
    lines.append(f"pressure lines for practice: {len(library.pressure)}")
    lines.append(f"reassurance lines: {len(library.reassurance)}")
    lines.append(f"red flags: {len(library.red_flags)}")
    signs = Counter(s.category for s in library.signs)
    lines.append(f"warning signs: {len(library.signs)} ("
                 + ", ".join(f"{c} {signs[c]}" for c in SIGN_CATEGORIES) + ")")
    for code, country in sorted(library.countries.items()):
        lines.append(f"country {code}: {len(country.steps)} steps, {len(country.channels)} "
                     f"channels, {len(country.never)} never, {len(country.after)} after")
    lines.append(f"sources: {len(library.sources)}")
    return lines


def run_check(directory: Path, *, stats: bool, out: TextIO) -> int:
    """Print every problem; exit 1 if any is an error (warnings alone still pass)."""
    library, problems = check(directory)
    for problem in problems:
        print(problem, file=out)
    if stats:
        print("\n".join(stats_lines(library)), file=out)
    errors = [p for p in problems if not p.warning]
    warnings = len(problems) - len(errors)
    if warnings:
        print(f"{warnings} warning(s).", file=out)
    if errors:
        print(f"{len(errors)} problem(s) found.", file=out)
        return 1
    print(f"Content OK: {len(library.starters())} starters in {len(library.topics)} topics.",
          file=out)
    return 0
