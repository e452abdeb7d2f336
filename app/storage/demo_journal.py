"""A year of the demo family's journal: about 150 calm, plausible entries a newcomer can explore.

Most of the year is ordinary: a tired morning, a sulk after a lost game, a late night online,
noted now and then, many with only a sign and no words. Then, in the last fortnight, Sam's
entries gather into a pattern the rules are there to notice — several secrecy signs within a
few days and an unexplained gift beside them — and Maya is offered free game currency for her
password. So the home card, "Why am I seeing this?", the chart and the timeline all have
something true-looking to show. No self-harm sign is used: the demo never opens Help now.

The words are our own; the family is made up. Entries are generated from a fixed seed, so every
demo is the same year, counted back from the demo's "today".
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from app.core.journal.model import EntryFields

BACKGROUND = {"Sam": 62, "Maya": 48, "Robin": 22, None: 10}  # entries before the last fortnight
QUIET_DAYS = 15  # background entries stay older than this, so the fortnight's story is clear
SEED = 20261123

# sign id -> things a parent might write under "what I saw or heard" (our own words)
SAW: Mapping[str, Sequence[str]] = {
    "sign.hides-screen": ("Flipped the phone face down when I came into the kitchen.",
                          "Closed the laptop lid as soon as I walked past."),
    "sign.secret-friend": ("Talked about a new friend from a game but changed the subject when "
                           "I asked who.",),
    "sign.clears-chats": ("The chat history on the tablet was empty again.",),
    "sign.hidden-account": ("Saw a second profile logged in on the family computer.",),
    "sign.sudden-sadness": ("Quiet and teary at dinner, said nothing was wrong.",
                            "Sat in the car for a long time after school without speaking."),
    "sign.withdraws": ("Skipped football practice again and stayed in the bedroom.",
                       "Did not want to come to Grandma's for lunch, which is unusual."),
    "sign.short-temper": ("Shouted at a sibling over the remote, then slammed the door.",
                          "Big meltdown when screen time ended.",
                          "Snapped at me when I asked about the weekend."),
    "sign.blames-self": ("Said 'I ruin everything' after a small mistake with homework.",),
    "sign.jumpy-at-messages": ("Jumped when the phone buzzed and went to another room to "
                               "read it.",),
    "sign.avoids-phone": ("Left the phone downstairs all evening, which never happens.",),
    "sign.must-reply-now": ("Kept answering messages during the film, said it could not wait.",),
    "sign.shaken-after-chat": ("Came off a voice chat looking upset; said the game was "
                               "annoying.",),
    "sign.much-more-online": ("On the tablet most of Saturday.",
                              "Gaming well past the usual time on a school night."),
    "sign.sudden-stop": ("Deleted a favourite game and would not say why.",),
    "sign.unknown-contacts": ("A friend request from someone we do not know, who says they "
                              "are at a different school.",
                              "Several new names in the game's friend list."),
    "sign.switching-apps": ("Asked to install a new messaging app because 'everyone uses it'.",),
    "sign.unexplained-gifts": ("A new game skin appeared that we did not buy.",),
    "sign.urgent-money": ("Asked for a gift card straight away, would not say what for.",),
    "sign.missing-money": ("An app store charge on my card that nobody remembers.",),
    "sign.too-good-offer": ("Mentioned someone online offering free game credits.",),
    "sign.up-late": ("Heard the phone buzzing after midnight.",
                     "Light under the bedroom door at 1 am."),
    "sign.exhausted": ("Very hard to wake for school; fell asleep after dinner.",),
    "sign.school-slide": ("Teacher emailed about missing homework for two weeks.",),
}
THINK = ("Probably tiredness, but worth keeping an eye on.",
         "Could just be a hard week at school.",
         "Might be nothing; I want to see if it happens again.",
         "Feels like more than the usual mood swings.")
DID = ("Asked gently how things were going; got a shrug.",
       "Made a hot chocolate and sat together for a while.",
       "Said they can always tell me anything, and left it there.",
       "Talked about it calmly at bedtime.")
PLACES = ("home", "kitchen", "car", "school run", "bedroom door", "living room")
TAGS = ("Discord", "Roblox", "Minecraft", "group chat", "tablet", "bedtime", "football",
        "new phone", "school trip", "bus stop")

# What each child's ordinary year tends to bring (weights by sign).
POOLS: Mapping[str | None, Mapping[str, int]] = {
    "Sam": {"sign.short-temper": 5, "sign.up-late": 6, "sign.exhausted": 4,
            "sign.much-more-online": 6, "sign.withdraws": 3, "sign.sudden-sadness": 2,
            "sign.must-reply-now": 2, "sign.school-slide": 2, "sign.hides-screen": 1,
            "sign.switching-apps": 1, "sign.avoids-phone": 1, "sign.unknown-contacts": 1},
    "Maya": {"sign.much-more-online": 5, "sign.unknown-contacts": 4, "sign.short-temper": 4,
             "sign.up-late": 2, "sign.exhausted": 2, "sign.sudden-sadness": 1,
             "sign.shaken-after-chat": 1, "sign.switching-apps": 1, "sign.sudden-stop": 1},
    "Robin": {"sign.short-temper": 5, "sign.exhausted": 3, "sign.much-more-online": 3,
              "sign.withdraws": 1, "sign.up-late": 1},
    None: {"sign.much-more-online": 3, "sign.missing-money": 1, "sign.up-late": 1},
}


@dataclass(frozen=True)
class Scripted:
    """One hand-written entry of the last fortnight."""

    who: str
    days_ago: int
    hour: int
    signs: tuple[str, ...]
    saw: str
    think: str = ""
    strength: int | None = None
    place: str = ""
    did: str = ""
    tags: tuple[str, ...] = ()
    come_back: bool = False


RECENT = (
    Scripted("Sam", 12, 21, ("sign.hides-screen",),
             "Closed the laptop as soon as I walked in, twice in one evening.",
             strength=1, place="living room", tags=("Discord",)),
    Scripted("Sam", 9, 19, ("sign.secret-friend", "sign.much-more-online"),
             "Mentioned a new friend from a game server but would not say who. Online until "
             "late again.", think="Could be a new friend they feel shy about.", strength=2,
             come_back=True),
    Scripted("Sam", 6, 22, ("sign.clears-chats",),
             "Chat history on the tablet was empty; it was full yesterday.", strength=2,
             place="home"),
    Scripted("Sam", 4, 18, ("sign.unexplained-gifts", "sign.hides-screen"),
             "New headphones came in the post. Said a friend online sent a gift card for them.",
             think="Might be a school friend. Worth asking calmly who sent it.", strength=2,
             did="Said the headphones look great and asked who the friend is. Kept it light.",
             tags=("new headphones",), come_back=True),
    Scripted("Sam", 2, 20, ("sign.jumpy-at-messages",),
             "Jumped when the phone buzzed at dinner and left the table to read it.",
             strength=2, place="kitchen"),
    Scripted("Sam", 1, 8, ("sign.up-late", "sign.exhausted"),
             "Light under the door after midnight; very tired this morning.", strength=1),
    Scripted("Maya", 8, 17, ("sign.unknown-contacts",),
             "Friend request in the game from someone who says they are 11 and at her school.",
             place="Roblox", did="Looked at the profile together; she decided not to accept.",
             tags=("Roblox",)),
    Scripted("Maya", 3, 18, ("sign.too-good-offer", "sign.unknown-contacts"),
             "Said a player offered free game currency if she shared her password.",
             think="Sounds like a scam aimed at children. She did the right thing telling me.",
             strength=2, place="Roblox",
             did="Thanked her for telling me. We reported the player together.",
             tags=("Roblox",), come_back=True),
    Scripted("Robin", 5, 19, ("sign.short-temper",),
             "Cross and tearful at bedtime after a long day.", strength=1),
)


def demo_entries(children: Mapping[str, int], today: dt.date, zone: dt.tzinfo
                 ) -> list[EntryFields]:
    """The year's entries, oldest first, for the children named in ``children`` (name → id)."""
    rng = random.Random(SEED)
    entries = [_background(rng, who, children, today, zone)
               for who, count in BACKGROUND.items() for _ in range(count)
               if who is None or who in children]
    entries += [_scripted(item, children, today, zone) for item in RECENT
                if item.who in children]
    return sorted(entries, key=lambda fields: fields.noted_at)


def write_demo_entries(add: Callable[[EntryFields], object], children: Mapping[str, int],
                       today: dt.date, zone: dt.tzinfo) -> int:
    """Add the year through ``add`` (the store's own ``add``); returns how many were written."""
    entries = demo_entries(children, today, zone)
    for fields in entries:
        add(fields)
    return len(entries)


def _at(today: dt.date, days_ago: int, hour: int, minute: int, zone: dt.tzinfo) -> dt.datetime:
    day = today - dt.timedelta(days=days_ago)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone).astimezone(dt.UTC)


def _background(rng: random.Random, who: str | None, children: Mapping[str, int],
                today: dt.date, zone: dt.tzinfo) -> EntryFields:
    pool = POOLS[who]
    signs = rng.choices(list(pool), weights=list(pool.values()), k=rng.choice((1, 1, 1, 2)))
    signs = list(dict.fromkeys(signs))
    detail = rng.random()
    return EntryFields(
        child_id=children[who] if who else None,
        noted_at=_at(today, rng.randint(QUIET_DAYS, 364), rng.randint(7, 22),
                     rng.choice((0, 10, 25, 40, 55)), zone),
        signs=tuple(signs),
        tags=(rng.choice(TAGS),) if rng.random() < 0.25 else (),
        saw=rng.choice(SAW[signs[0]]) if detail < 0.6 else "",
        think=rng.choice(THINK) if detail < 0.2 else "",
        strength=rng.choice((None, 1, 1, 2)),
        place=rng.choice(PLACES) if detail < 0.3 else "",
        did=rng.choice(DID) if detail < 0.15 else "",
        come_back=rng.random() < 0.06,
    )


def _scripted(item: Scripted, children: Mapping[str, int], today: dt.date,
              zone: dt.tzinfo) -> EntryFields:
    return EntryFields(child_id=children[item.who], noted_at=_at(today, item.days_ago,
                                                                 item.hour, 15, zone),
                       signs=item.signs, tags=item.tags, saw=item.saw, think=item.think,
                       strength=item.strength, place=item.place, did=item.did,
                       come_back=item.come_back)
