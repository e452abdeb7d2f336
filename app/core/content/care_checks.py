"""The checks that protect a child who is already hurting (CONTENT_GUIDE rules 2, 4, 7, 9, 11).

The schema checker asks whether the library is complete; these ask whether it is safe to read
aloud. A child's line about dying must meet a reply that asks about suicide and names a crisis
line; every starter must leave the child knowing they can come to the parent without being
punished; every "screenshot it" must warn off sexual images; and every phone number, text line
and web address a parent may dial from Help now must be listed in ``sources/contacts/`` with the
page it was copied from, so a wrong digit can be traced to its source and checked again.

Each check returns ``(entry id, message)`` pairs; the checker turns them into ``file:line``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import msgspec

from app.core.content.model import Channel, Country, Library, Never, Starter, Step

# A child's words that talk of dying, vanishing or self-harm (rule 7): taken seriously, always.
DYING_WORDS = re.compile(
    r"\b(die|dying|dead|kill (?:myself|me)|hurt(?:ing)? myself|suicid\w*|disappear\w*|vanish\w*"
    r"|end it all|not (?:be|being) here|better off without me|(?:don't|do not) want to (?:live|be "
    r"here))\b", re.IGNORECASE)
# The direct, calm question crisis services teach, asked as a question.
ASKS_DIRECTLY = re.compile(r"\b(?:kill(?:ing)? yourself|suicide|end(?:ing)? your life)\b[^?]*\?",
                           re.IGNORECASE)
CRISIS_REFERENCE = re.compile(r"\b(?:crisis line|crisis text line|helpline|988|childline)\b",
                              re.IGNORECASE)

# Rule 4 / 11: "you can come to me" and "you will not be punished", in the starter's replies.
COME_TO_ME = re.compile(
    r"\b(?:tell me|come to me|talk to me|ask me|text me|call me|wake me|show me"
    r"|bring (?:it|this|that) to me|come (?:and )?(?:get|find) me|come to us)\b", re.IGNORECASE)
NOT_PUNISHED = re.compile(
    r"\bin trouble\b|\bpunish\w*|\b(?:not|never|won't|won’t|wouldn't)\b[^.!?]{0,25}"
    r"\b(?:angry|mad)\b", re.IGNORECASE)

# Rule 9: a screenshot never holds a sexual image.
# Advice to take one ("screenshot the profile", "take screenshots", "screenshots of their name"),
# not a mention ("a screenshot travels fast") and not a warning ("never screenshot a sexual image").
SCREENSHOT = re.compile(
    r"\b(?:screenshot (?:the|their|his|her|its|every\w*|messages?|profiles?|words?)"
    r"|take (?:a )?screenshots?|screenshots? (?:of|as evidence))\b", re.IGNORECASE)
IMAGE_CAUTION = re.compile(
    r"\bno (?:sexual|nude|naked) (?:image|picture|photo|pic)s?(?: of [\w ]{1,20}?)?"
    r" (?:is|are|gets?) in\b", re.IGNORECASE)

# Rule 2: numbers and addresses found inside a country's sentences, as well as in its fields.
WEB_ADDRESS = re.compile(
    r"\b(?:[a-z0-9-]+\.)+(?:gov\.au|com\.au|org\.au|org\.uk|police\.uk|co\.uk|gov|org|com|ca)"
    r"\b(?:/[\w./-]*[\w/])?", re.IGNORECASE)
PHONE_NUMBER = re.compile(
    r"(?<![\w/-])(?:1-8\d\d-[A-Z0-9]{3,}(?:-[A-Z0-9]+)*|\d{1,4}(?:[ -]\d{1,4}){1,3}|\(\d{3,}\))"
    r"(?![\w/])")
SHORT_CODE = re.compile(r"\b(?:text|call|dial)\s+(?:[A-Z]+\s+to\s+)?(\d{3,6})\b",
                        re.IGNORECASE)


def crisis_replies(library: Library) -> Iterator[tuple[str, str]]:
    """Rule 7: every child line about dying gets a reply that asks and names a crisis line."""
    for starter in library.starters():
        for pair in starter.if_they_say:
            if not DYING_WORDS.search(pair.they_say):
                continue
            if not ASKS_DIRECTLY.search(pair.you_say):
                yield starter.id, (f"“{pair.they_say}” talks of dying: the reply must ask "
                                   "directly and calmly about suicide")
            if not CRISIS_REFERENCE.search(pair.you_say):
                yield starter.id, (f"“{pair.they_say}” talks of dying: the reply must name a "
                                   "crisis line")


def closes_with_reassurance(starter: Starter) -> bool:
    """Rule 11: somewhere in its replies the child hears both halves of the promise."""
    replies = " ".join(pair.you_say for pair in starter.if_they_say)
    return bool(COME_TO_ME.search(replies) and NOT_PUNISHED.search(replies))


def reassurance_endings(library: Library) -> Iterator[tuple[str, str]]:
    for starter in library.starters():
        if not closes_with_reassurance(starter):
            yield starter.id, ("no reply tells the child they can come to you and will not be "
                               "in trouble (CONTENT_GUIDE rule 4)")


def _texts(entry: object) -> list[str]:
    """Every string a person reads in an entry, replies included."""
    found: list[str] = []
    for name in ("text", "why", "explain", "might_mean", "what_to_do", "for_what", "for_whom"):
        value = getattr(entry, name, "")
        if isinstance(value, str) and value:
            found.append(value)
    found += list(getattr(entry, "follow_ups", ()))
    found += [pair.you_say for pair in getattr(entry, "if_they_say", ())]
    return found


def screenshot_cautions(library: Library, entries: list[tuple[str, object]]) -> Iterator[
        tuple[str, str]]:
    """Rule 9: a line that says to screenshot also says no sexual image may be in it."""
    del library
    for entry_id, entry in entries:
        for text in _texts(entry):
            if SCREENSHOT.search(text) and not IMAGE_CAUTION.search(text):
                yield entry_id, ("says to take a screenshot without saying that no sexual image "
                                 "may be in it (CONTENT_GUIDE rule 9)")


class Contact(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    value: str
    sources: tuple[str, ...]
    reviewed: object = None


class _ContactsFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    contact: tuple[Contact, ...] = ()


CONTACTS_FOLDER = Path("sources") / "contacts"
CONTACTS_FILE = CONTACTS_FOLDER / "contacts.toml"  # where a problem with the list is reported


def _normal(value: str) -> str:
    return value.strip().strip("()").rstrip("/.").lower().removeprefix("https://").removeprefix(
        "www.")


def read_contacts(root: Path) -> tuple[dict[str, Contact], list[str]]:
    """The sourced contacts in ``sources/contacts/*.toml``, and any file that would not read."""
    contacts: dict[str, Contact] = {}
    errors: list[str] = []
    for path in sorted((root / CONTACTS_FOLDER).glob("*.toml")):
        try:
            loaded = msgspec.convert(tomllib.loads(path.read_text(encoding="utf-8")),
                                     _ContactsFile)
        except (OSError, tomllib.TOMLDecodeError, msgspec.ValidationError) as error:
            errors.append(f"{path.name}: {error}")
            continue
        for contact in loaded.contact:
            contacts[_normal(contact.value)] = contact
    return contacts, errors


def country_contacts(country: Country) -> Iterator[tuple[str, tuple[str, ...], str]]:
    """(entry id, its sources, contact) for every number and address the country gives."""
    for channel in country.channels:
        for value in (channel.phone, channel.web, channel.text_line):
            if value:
                yield channel.id, channel.sources, value
    entries: list[Step | Channel | Never] = [*country.steps, *country.channels, *country.never,
                                             *country.after]
    for entry in entries:
        for text in _texts(entry):
            for match in WEB_ADDRESS.finditer(text):
                yield entry.id, entry.sources, match.group(0)
            for match in PHONE_NUMBER.finditer(text):
                if sum(c.isdigit() for c in match.group(0)) >= 3:  # not "1-2-1 chat"
                    yield entry.id, entry.sources, match.group(0)
            for match in SHORT_CODE.finditer(text):
                yield entry.id, entry.sources, match.group(1)


def sourced_contacts(library: Library, root: Path) -> Iterator[tuple[str, str]]:
    """Rule 2: each number or address is listed with a source page the entry itself cites."""
    contacts, errors = read_contacts(root)
    for error in errors:
        yield "", f"sources/contacts: {error}"
    for country in library.countries.values():
        for entry_id, cited, value in country_contacts(country):
            contact = contacts.get(_normal(value))
            if contact is None:
                yield entry_id, f"“{value}” is not listed in sources/contacts with its source page"
                continue
            unknown = [s for s in contact.sources if s not in library.sources]
            if unknown:
                yield entry_id, f"“{value}” is listed with an unknown source “{unknown[0]}”"
            elif not set(contact.sources) & set(cited):
                yield entry_id, (f"“{value}” comes from {', '.join(contact.sources)}, which "
                                 f"“{entry_id}” does not cite")
