"""What plan and report files share: the FHIR R4 data types we use, and the guard on reading.

A ``.porchplan`` file comes from outside (a USB stick, an email), so reading it is defensive:
the size and the nesting depth are checked on the raw bytes before any parser sees them (a
nesting bomb never recurses), msgspec then decodes into the small R4 subset below, and every
problem is reported as ``(field path, message)`` with the path in FHIR's own spelling
(``entry[0].resource.activity[2].detail.code``), so a counsellor can find it in the file.

Text taken from a file is plain text: control characters (and the invisible bidi overrides that
can disguise words) are stripped, markup is never interpreted, narratives are written escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from typing import Annotated, Any, Literal

import msgspec

MAX_BYTES = 1024 * 1024  # a 12-week plan is about 40 KB; a full report a little more
MAX_DEPTH = 16  # the deepest the format goes is 11 (an answer option inside a week's group)
WHOLE_FILE = "(file)"  # the field named by problems about the file as a whole

BASE = "https://porchlight.app/fhir"
PLAN_SYSTEM = f"{BASE}/plan-id"  # Identifier.system of the plan's own id
FAMILY_SYSTEM = f"{BASE}/family-of-plan"  # the family a plan is for, named by the plan id
BAND_SYSTEM = f"{BASE}/CodeSystem/age-band"
TOPIC_SYSTEM = f"{BASE}/CodeSystem/library-topic"
STARTER_SYSTEM = f"{BASE}/CodeSystem/library-starter"
REFUSAL_SYSTEM = f"{BASE}/CodeSystem/library-refusal"
SIGN_SYSTEM = f"{BASE}/CodeSystem/warning-sign"
ACTIVITY_SYSTEM = f"{BASE}/CodeSystem/plan-activity"
XHTML = "http://www.w3.org/1999/xhtml"

# FHIR's id type; plan ids are also used in references and canonical URLs, so they stay plain.
PlanId = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9\-.]{1,64}$")]
ShortText = Annotated[str, msgspec.Meta(max_length=500)]
LongText = Annotated[str, msgspec.Meta(max_length=8000)]

Problem = tuple[str, str]  # (field path, what is wrong)


class PlanFileError(ValueError):
    """A plan or report file that cannot be read; ``problems`` says where and why, each one."""

    def __init__(self, problems: Iterable[Problem], source: str = "") -> None:
        self.problems: list[Problem] = list(problems) or [(WHOLE_FILE, "cannot be read")]
        self.source = source
        super().__init__(self.__str__())

    def lines(self) -> list[str]:
        """One line per problem, as ``porchlight plan check`` prints them."""
        return [f"{self.source}: {path}: {message}" for path, message in self.problems]

    def __str__(self) -> str:
        return "\n".join(self.lines())


class Fhir(msgspec.Struct, kw_only=True, rename="camel", omit_defaults=True, frozen=True):
    """The base of every element: camelCase names, empty parts left out when written."""


class Resource(Fhir, tag_field="resourceType", kw_only=True, frozen=True):
    id: PlanId | None = None
    meta: Meta | None = None
    text: Narrative | None = None


class Meta(Fhir, kw_only=True, frozen=True):
    version_id: Annotated[str, msgspec.Meta(max_length=16)] | None = None


class Narrative(Fhir, kw_only=True, frozen=True):
    status: Literal["generated", "extensions", "additional", "empty"]
    div: Annotated[str, msgspec.Meta(max_length=200_000)]


class Coding(Fhir, kw_only=True, frozen=True):
    system: ShortText | None = None
    code: ShortText | None = None
    display: ShortText | None = None


class CodeableConcept(Fhir, kw_only=True, frozen=True):
    coding: tuple[Coding, ...] = ()
    text: LongText | None = None


class Identifier(Fhir, kw_only=True, frozen=True):
    system: ShortText | None = None
    value: ShortText | None = None


class Reference(Fhir, kw_only=True, frozen=True):
    reference: ShortText | None = None
    identifier: Identifier | None = None
    display: ShortText | None = None


class Period(Fhir, kw_only=True, frozen=True):
    """Dates only: a plan's weeks and a report's period are whole days."""

    start: dt.date | None = None
    end: dt.date | None = None


class Annotation(Fhir, kw_only=True, frozen=True):
    text: LongText


def clean(text: str) -> str:
    """Plain text from a file: no control characters (tabs and line breaks stay), no bidi tricks."""
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """A title or a report line: clean, on one line."""
    return " ".join(clean(text).split())


def line_or_none(text: str) -> str | None:
    """For writing: FHIR strings are never empty (an empty one is left out instead)."""
    return one_line(text) or None


def text_or_none(text: str) -> str | None:
    """For writing a note: clean, line breaks kept, left out when empty."""
    return clean(text).strip() or None


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")


def narrative(paragraphs: Iterable[str], items: Iterable[str] = ()) -> Narrative:
    """A human-readable ``text`` for a resource: the plain words, escaped, never markup."""
    body = "".join(f"<p>{html.escape(clean(p))}</p>" for p in paragraphs if p)
    listed = [f"<li>{html.escape(one_line(i))}</li>" for i in items]
    if listed:
        body += "<ul>" + "".join(listed) + "</ul>"
    return Narrative(status="generated", div=f'<div xmlns="{XHTML}">{body or "<p>-</p>"}</div>')


def listed_items(div: str) -> tuple[str, ...]:
    """The ``<li>`` lines of a narrative Porchlight wrote, as plain text (markup never kept)."""
    return tuple(one_line(html.unescape(item)) for item in _ITEM.findall(div))


_ITEM = re.compile(r"<li>([^<]*)</li>")


# ---------------------------------------------------------------- reading


_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def guard(data: bytes) -> Problem | None:
    """Refuse, before parsing, what no plan or report needs: too many bytes, too deep nesting.

    Strings are blanked first (a bracket inside a title is not nesting); what remains is only
    the brackets, walked once without recursion."""
    if len(data) > MAX_BYTES:
        return WHOLE_FILE, f"is {len(data):,} bytes; plan and report files are at most 1 MiB"
    depth = 0
    for byte in _STRING.sub(b'""', data).translate(None, _NOT_BRACKETS):
        if byte in b"[{":
            depth += 1
            if depth > MAX_DEPTH:
                return WHOLE_FILE, f"is nested deeper than {MAX_DEPTH} levels (no plan needs that)"
        else:
            depth -= 1
    return None


def decode(data: bytes, kind: type[Any]) -> Any:
    """Decode into ``kind`` after the guard; any failure becomes a ``(path, message)`` problem."""
    refused = guard(data)
    if refused:
        raise _Refused(refused)
    try:
        return msgspec.json.decode(data, type=kind)
    except msgspec.ValidationError as error:
        raise _Refused(_problem(str(error))) from None
    except UnicodeDecodeError as error:
        raise _Refused((WHOLE_FILE, f"is not UTF-8 text (byte {error.start})")) from None
    except msgspec.DecodeError as error:
        message = str(error).removeprefix("JSON is malformed: ")
        raise _Refused((WHOLE_FILE, f"is not JSON ({_lower_first(message)})")) from None


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem)
        self.problem = problem


def _problem(message: str) -> Problem:
    """msgspec's "Expected `str`, got `int` - at `$.entry[0].title`" as (path, message)."""
    text, _, where = message.partition(" - at `")
    path = where.rstrip("`").removeprefix("$").removeprefix(".")
    missing = _MISSING.match(text)
    if missing:
        path = f"{path}.{missing.group(1)}" if path else missing.group(1)
        return path, "is missing"
    if text.startswith("Invalid enum value") or text.startswith("Invalid value"):
        text = text.replace("Invalid enum value", "is not allowed:", 1)
        text = text.replace("Invalid value", "is not a known type:", 1)
    text = _FRIENDLY.get(text, text)
    if len(text) > 160:  # msgspec quotes the bad value; a 1 MB value is not a message
        text = text[:157] + "…"
    return path or WHOLE_FILE, _lower_first(text)


_FRIENDLY = {
    "Invalid RFC3339 encoded date": "is not a date like 2026-03-02",
    "Invalid RFC3339 encoded datetime": "is not a date and time like 2026-03-02T18:30:00Z",
    "Invalid RFC3339 encoded time": "is not a time like 18:30:00",
}


_MISSING = re.compile(r"Object missing required field `([^`]*)`")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


class _Peek(msgspec.Struct, rename="camel"):
    resource_type: str | None = None
    type: str | None = None


def _short(value: str | None) -> str:
    return repr(value if value is None or len(value) <= 40 else value[:40] + "…")


def read_guarded(data: bytes, kind: type[Any], bundle_type: str, source: str) -> Any:
    """``decode`` with its problem turned into a ``PlanFileError`` naming ``source``.

    The bundle's ``resourceType`` and ``type`` are looked at first, so a report handed to the
    plan reader (or a FHIR file of another kind) is named as such rather than as a wrong field.
    """
    try:
        peek = decode(data, _Peek)
        if peek.resource_type != "Bundle":
            raise _Refused(("resourceType",
                               f"is {_short(peek.resource_type)}; expected 'Bundle'"))
        if peek.type != bundle_type:
            wanted = {"collection": "a plan", "document": "a report"}[bundle_type]
            found = {"collection": "a plan", "document": "a report"}.get(peek.type)
            said = f"this file is {found}, not {wanted}" if found else f"is {_short(peek.type)}"
            raise _Refused(("type", f"{said} (expected {bundle_type!r})"))
        return decode(data, kind)
    except _Refused as refused:
        raise PlanFileError([refused.problem], source) from None


def bundle_kind(data: bytes) -> str | None:
    """What ``plan check`` is looking at: "plan", "report", or None (not a Porchlight bundle)."""
    try:
        peek = decode(data, _Peek)
    except _Refused:
        return None
    if peek.resource_type != "Bundle":
        return None
    return {"collection": "plan", "document": "report"}.get(peek.type)
