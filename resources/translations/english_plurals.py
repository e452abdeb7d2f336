"""Fill porchlight_en.ts with English singular forms, so "1 years old" reads "1 year old".

Qt's plural forms need a translation even for the language the source is written in. ``make
i18n`` writes the English file with the plural messages only; this script fills each one from
the table below (singular, plural) and marks it finished. A source not in the table is left for
a person to add here — the test suite fails until every English plural has its two forms.
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.etree import ElementTree

SINGULAR = {
    '%n years old': '%n year old',
    '%n minutes before': '%n minute before',
    'in %n minutes': 'in %n minute',
    'in %n hours': 'in %n hour',
    'in %n days': 'in %n day',
    'Talked at {done} of the last %n check-ins': 'Talked at {done} of the last check-in',
    (
        '%n weekly check-ins with {names} were missed — start one now?'
    ): (
        'A weekly check-in with {names} was missed — start one now?'
    ),
    (
        '%n weekly check-ins with {names} were missed. Start one now?'
    ): (
        'A weekly check-in with {names} was missed. Start one now?'
    ),
    (
        '%n weekly check-ins were missed. Start one now?'
    ): (
        'A weekly check-in was missed. Start one now?'
    ),
    '%n week': '%n week',
    '%n weeks': '%n week',
    'not talked about for a week': 'not talked about for a week',
    'not talked about for %n weeks': 'not talked about for %n week',
    'a core topic, every %n weeks': 'a core topic, every week',
    'Show archived children (%n)': 'Show archived children (%n)',
    '{name} · check-ins led: %n': '{name} · check-ins led: %n',
    (
        'Check-ins led by {name}: %n. They stay as they are, with nobody named '
        'to lead them.'
    ): (
        'Check-ins led by {name}: %n. They stay as they are, with nobody named '
        'to lead them.'
    ),
    '%n conversation starter': '%n conversation starter',
    '%n conversation starters': '%n conversation starter',
    'you noted a sign of this %n days ago': 'you noted a sign of this %n day ago',
    'you noted a sign of “{category}” %n days ago': 'you noted a sign of “{category}” %n day ago',
    (
        'With these numbers it would have fired %n times in the last {weeks} '
        'weeks for {name}'
    ): (
        'With these numbers it would have fired once in the last {weeks} weeks '
        'for {name}'
    ),
    '%n entries, on {date}': '%n entry, on {date}',
    '%n entries, from {first} to {last}': '%n entry, from {first} to {last}',
    '%n recently deleted': '%n recently deleted',
    '%n entries match': '%n entry matches',
    '%n entries': '%n entry',
    (
        'Nothing recently deleted. Entries you delete wait here for %n days, so '
        'you can bring them back.'
    ): (
        'Nothing recently deleted. Entries you delete wait here for %n day, so '
        'you can bring them back.'
    ),
    '%n check-ins done': '%n check-in done',
    '%n talks': '%n talk',
    'Changed %n times since it was first noted.': 'Changed once since it was first noted.',
    '%n of {listed} entries ticked.': '%n of {listed} entries ticked.',
    (
        '%n notes written while locked — review them and choose the child.'
    ): (
        '%n note written while locked — review it and choose the child.'
    ),
    (
        'Moved to Recently deleted. You can bring it back for %n days.'
    ): (
        'Moved to Recently deleted. You can bring it back for %n day.'
    ),
    '%n patterns worth a calm talk: show them': '%n pattern worth a calm talk: show it',
    'Show %n more patterns': 'Show %n more pattern',
    '%n ticked': '%n ticked',
    'Last %n weeks': 'Last %n week',
    '%n talk held': '%n talk held',
    '%n talks held': '%n talk held',
    'refusal line practised in %n week': 'refusal line practised in %n week',
    'refusal line practised in %n weeks': 'refusal line practised in %n week',
    'Done %n time': 'Done %n time',
    'Done %n times': 'Done %n time',
    'Week of {day}: %n sign': 'Week of {day}: %n sign',
    'Week of {day}: %n signs': 'Week of {day}: %n sign',
    'Show ended plans (%n)': 'Show ended plans (%n)',
}


def fill(ts_file: Path) -> list[str]:
    """Fill every plural message; return the sources the table does not know."""
    tree = ElementTree.parse(ts_file)
    unknown = []
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or source not in SINGULAR:
            unknown.append(source)
            continue
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        for form in (SINGULAR[source], source):
            ElementTree.SubElement(translation, "numerusform").text = form
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return unknown


if __name__ == "__main__":
    missing = fill(Path(sys.argv[1]))
    for source in missing:
        print(f"english_plurals.py: no singular for {source!r}", file=sys.stderr)
    sys.exit(1 if missing else 0)
