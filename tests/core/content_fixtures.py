"""Build small but complete conversation libraries in a temp folder, for checker tests."""

from __future__ import annotations

from pathlib import Path

from app.core.content.checker import COUNTRY_CODES, SIGN_CATEGORIES, TOPIC_IDS
from app.core.content.model import BAND_ORDER, TONES

HEAD = 'sources = ["src-a"]\nreviewed = 2026-11-23\n'


def _starter(topic: str, band: str, n: int) -> str:
    return f'''
[[starter]]
id = "{topic}.{band}.s{n}"
bands = ["{band}"]
text = "Who can you tell if a game chat feels bad?"
follow_ups = ["What would you do?", "Who is safe to ask?"]
listen_for = ["Who they name."]

[[starter.if_they_say]]
they_say = "I don't know."
you_say = "That is OK. You can tell me. You won't be in trouble."
'''


def write_library(root: Path, *, starters_per_band: int = 4) -> Path:
    (root / "sources").mkdir(parents=True)
    (root / "topics").mkdir()
    (root / "countries").mkdir()
    (root / "sources" / "a.toml").write_text(
        '[[source]]\nid = "src-a"\npublisher = "P"\ntitle = "T"\nyear = 2024\nurl = ""\n')
    bands = ", ".join(f'"{b}"' for b in BAND_ORDER)
    for topic in TOPIC_IDS:
        body = (f'id = "{topic}"\ntitle = "T"\nsummary = "S"\nbands = [{bands}]\n{HEAD}'
                + "".join(_starter(topic, band, n) for band in BAND_ORDER
                          for n in range(starters_per_band)))
        (root / "topics" / f"{topic}.toml").write_text(body)
    refusals = HEAD + "".join(
        f'\n[[refusal]]\nid = "refusal.{band}.{tone}.{n}"\nbands = ["{band}"]\n'
        f'tone = "{tone}"\ntext = "No. I am going to tell my mom."\n'
        for band in BAND_ORDER for tone in TONES for n in range(2))
    (root / "refusals.toml").write_text(refusals)
    (root / "reassurance.toml").write_text(HEAD + "".join(
        f'\n[[reassurance]]\nid = "reassure.{n}"\nbands = ["3-5"]\ntext = "You can tell me."\n'
        for n in range(25)))
    (root / "red_flags.toml").write_text(HEAD + "".join(
        f'\n[[red_flag]]\nid = "flag.{n}"\ntext = "T"\nexplain = "E"\n' for n in range(15)))
    signs = HEAD + "".join(
        f'\n[[category]]\nid = "{c}"\ntitle = "T"\nurgent = {str(c == "self-harm").lower()}\n'
        for c in SIGN_CATEGORIES)
    signs += "".join(
        f'\n[[sign]]\nid = "sign.{c}.{n}"\ncategory = "{c}"\ntext = "T"\nmight_mean = "M"\n'
        f'what_to_do = "W"\nurgent = {str(c == "self-harm").lower()}\n'
        for c in SIGN_CATEGORIES for n in range(3))
    (root / "warning_signs.toml").write_text(signs)
    (root / "sources" / "contacts").mkdir()
    (root / "sources" / "contacts" / "contacts.toml").write_text(
        '[[contact]]\nvalue = "1"\nsources = ["src-a"]\n')
    for code in COUNTRY_CODES:
        (root / "countries" / f"{code}.toml").write_text(
            f'code = "{code}"\nname = "N"\nemergency = "112"\n{HEAD}'
            f'\n[[step]]\nid = "{code}.step"\ntext = "Stay calm."\n'
            f'\n[[channel]]\nid = "{code}.channel"\nname = "C"\nphone = "1"\nweb = ""\n'
            f'for_what = "W"\nfor_whom = "All"\n'
            f'\n[[never]]\nid = "{code}.never"\ntext = "Never pay."\n')
    return root
