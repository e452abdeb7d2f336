"""The journal store on a real vault: revisions, history, delete and purge, lists and rules."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from app.core.journal.model import RESTORE_DAYS, EntryFields, EntryFilter, RuleSetting
from app.storage.journal_fts import include_name
from app.storage.models import Base

NOW = dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC)


def _fields(child_id: int | None, **changes: object) -> EntryFields:
    base = EntryFields(child_id=child_id, noted_at=NOW - dt.timedelta(hours=2),
                       signs=("sign.hides-screen",), saw="Phone face down at dinner")
    return base.with_changes(**changes)


@pytest.fixture
def maya(services) -> int:
    return services.family.add("Maya", 2015, 3).id


@pytest.fixture
def journal(services):
    return services.journal


def test_migrations_match_the_models_apart_from_the_search_indexes(open_vault):
    with open_vault.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        assert compare_metadata(context, Base.metadata) == []


def test_an_entry_reads_back_as_saved(journal, maya, clock):
    fields = _fields(maya, tags=("bus stop", "Discord"), think="a new friend?", strength=2,
                     place="home", did="asked gently", come_back=True)
    entry = journal.add(fields)
    assert entry.revision == 1 and entry.created_at == clock.now()
    assert journal.entry(entry.id).fields == fields
    assert journal.entry(entry.id) == entry


def test_a_local_time_is_kept_as_the_same_moment(journal, maya):
    paris = dt.timezone(dt.timedelta(hours=1))
    entry = journal.add(_fields(maya, noted_at=dt.datetime(2026, 11, 20, 19, 30, tzinfo=paris)))
    assert journal.entry(entry.id).fields.noted_at == dt.datetime(2026, 11, 20, 18, 30,
                                                                  tzinfo=dt.UTC)


def test_an_entry_without_a_sign_or_tag_is_refused(journal, maya):
    with pytest.raises(ValueError, match="no-sign"):
        journal.add(_fields(maya, signs=()))


def test_every_save_is_a_new_revision_and_the_first_is_kept(journal, maya, clock):
    first = _fields(maya)
    entry = journal.add(first)
    clock.advance(dt.timedelta(minutes=5))
    second = journal.revise(entry.id, first.with_changes(saw="Phone hidden under the pillow"))
    assert second.revision == 2 and second.updated_at == clock.now()
    clock.advance(dt.timedelta(minutes=5))
    unchanged = journal.revise(entry.id, second.fields)
    assert unchanged.revision == 2
    history = journal.history(entry.id)
    assert [r.number for r in history] == [1, 2]
    assert history[0].fields == first and history[0].saved_at == NOW
    assert history[1].fields.saw == "Phone hidden under the pillow"


def test_restoring_adds_a_revision_that_says_where_it_came_from(journal, maya):
    entry = journal.add(_fields(maya))
    journal.revise(entry.id, _fields(maya, saw="changed my mind", strength=3))
    restored = journal.restore_revision(entry.id, 1)
    assert restored.revision == 3
    assert restored.fields == _fields(maya)
    assert [r.restored_from for r in journal.history(entry.id)] == [None, None, 1]
    assert journal.page(EntryFilter(), 0, 10)[0].strength is None
    with pytest.raises(KeyError):
        journal.restore_revision(entry.id, 9)


def test_unknown_entries_raise_key_error(journal):
    for call in (journal.entry, journal.history, journal.delete, journal.purge):
        with pytest.raises(KeyError):
            call(404)


def test_delete_hides_and_undelete_brings_back(journal, maya, clock):
    entry = journal.add(_fields(maya))
    journal.delete(entry.id)
    assert journal.count(EntryFilter()) == 0
    assert journal.count(EntryFilter(deleted=True)) == 1
    assert journal.entry(entry.id).deleted_at == clock.now()
    assert journal.events() == []
    [hidden] = journal.page(EntryFilter(deleted=True), 0, 10)
    assert hidden.deleted_at == clock.now()
    journal.undelete(entry.id)
    assert journal.count(EntryFilter()) == 1 and journal.entry(entry.id).deleted_at is None


def test_purge_removes_the_entry_and_every_revision(journal, maya, open_vault):
    entry = journal.add(_fields(maya, tags=("gift",)))
    journal.revise(entry.id, _fields(maya, saw="again"))
    journal.purge(entry.id)
    with pytest.raises(KeyError):
        journal.entry(entry.id)
    with open_vault.engine.connect() as connection:
        for table in ("journal_entries", "journal_revisions", "journal_entry_signs",
                      "journal_entry_tags", "journal_fts", "journal_fts_trigram"):
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0


def test_purge_expired_takes_only_entries_hidden_long_enough(journal, maya, clock):
    old, recent, live = (journal.add(_fields(maya)) for _ in range(3))
    journal.delete(old.id)
    clock.advance(dt.timedelta(days=RESTORE_DAYS - 2))
    journal.delete(recent.id)
    clock.advance(dt.timedelta(days=3))
    assert journal.purge_expired() == 1
    with pytest.raises(KeyError):
        journal.entry(old.id)
    assert journal.entry(recent.id).deleted_at is not None
    assert journal.entry(live.id).deleted_at is None
    assert journal.purge_expired() == 0


def test_page_is_newest_first_and_pages_do_not_overlap(journal, maya):
    for day in range(7):
        journal.add(_fields(maya, noted_at=NOW - dt.timedelta(days=day), saw=f"day {day}"))
    first, second = journal.page(EntryFilter(), 0, 4), journal.page(EntryFilter(), 4, 4)
    assert [s.preview for s in first + second] == [f"day {d}" for d in range(7)]
    assert journal.count(EntryFilter()) == 7


def test_summary_preview_falls_back_to_the_first_filled_field(journal, maya):
    journal.add(_fields(maya, saw="", think="", place="  the   bus\nstop ", did="talked"))
    [summary] = journal.page(EntryFilter(), 0, 10)
    assert summary.preview == "the bus stop"
    assert summary.signs == ("sign.hides-screen",) and summary.snippet == ()


def test_filters_combine(journal, services, maya):
    leo = services.family.add("Leo", 2017, 8).id
    journal.add(_fields(maya, signs=("sign.hides-screen",), strength=3, come_back=True))
    journal.add(_fields(maya, signs=("sign.unexplained-gifts", "sign.hides-screen"),
                        strength=1, noted_at=NOW - dt.timedelta(days=40)))
    journal.add(_fields(leo, signs=(), tags=("gift card",), strength=2))
    journal.add(_fields(None, signs=("sign.hides-screen",)))

    def count(**kwargs: object) -> int:
        return journal.count(EntryFilter(**kwargs))  # type: ignore[arg-type]

    assert count() == 4
    assert count(children=(maya,)) == 2
    assert count(children=(None,)) == 1
    assert count(children=(leo, None)) == 2
    assert count(categories=("secrecy",)) == 3
    assert count(categories=("no-such-category",)) == 0
    assert count(signs=("sign.unexplained-gifts",)) == 1
    assert count(min_strength=2) == 2
    assert count(come_back_only=True) == 1
    assert count(since=NOW - dt.timedelta(days=1)) == 3
    assert count(until=NOW - dt.timedelta(days=1)) == 1
    assert count(children=(maya,), min_strength=2, categories=("secrecy",)) == 1
    for kwargs in ({"children": (maya,)}, {"min_strength": 2}, {"come_back_only": True}):
        flt = EntryFilter(**kwargs)  # type: ignore[arg-type]
        assert len(journal.page(flt, 0, 100)) == journal.count(flt)


def test_events_list_signs_and_tags_of_live_entries(journal, services, maya):
    leo = services.family.add("Leo", 2017, 8).id
    first = journal.add(_fields(maya, signs=("sign.hides-screen", "sign.unexplained-gifts"),
                                tags=("bus",), strength=2, noted_at=NOW - dt.timedelta(days=3)))
    journal.add(_fields(leo, noted_at=NOW - dt.timedelta(days=1)))
    gone = journal.add(_fields(maya))
    journal.delete(gone.id)
    events = journal.events(child_id=maya)
    assert [(e.entry_id, e.sign_id, e.category, e.strength) for e in events] == [
        (first.id, "sign.hides-screen", "secrecy", 2),
        (first.id, "sign.unexplained-gifts", "money-and-gifts", 2),
        (first.id, "bus", "", 2),
    ]
    assert len(journal.events()) == 4
    assert journal.events(child_id=None) == []
    assert [e.child_id for e in journal.events(since=NOW - dt.timedelta(days=2))] == [leo]
    assert len(journal.events(until=NOW - dt.timedelta(days=2))) == 3


def test_a_revision_moves_signs_and_tags_with_it(journal, maya):
    entry = journal.add(_fields(maya, tags=("bus",)))
    journal.revise(entry.id, _fields(maya, signs=(), tags=("school",)))
    assert journal.count(EntryFilter(signs=("sign.hides-screen",))) == 0
    assert [e.sign_id for e in journal.events()] == ["school"]


def test_come_back_lists_and_clears_with_a_new_revision(journal, services, maya):
    first = journal.add(_fields(maya, come_back=True, noted_at=NOW - dt.timedelta(days=2)))
    second = journal.add(_fields(maya, come_back=True))
    journal.add(_fields(maya))
    family = journal.add(_fields(None, come_back=True))
    assert [e.id for e in journal.come_back(maya)] == [second.id, first.id]
    assert [e.id for e in journal.come_back(None)] == [family.id]
    journal.clear_come_back([first.id, second.id, first.id])
    assert journal.come_back(maya) == []
    assert journal.entry(first.id).revision == 2
    assert journal.history(first.id)[0].fields.come_back is True


def test_a_removed_child_leaves_the_entry_to_the_family(journal, services, maya, open_vault):
    entry = journal.add(_fields(maya))
    with open_vault.sessions.begin() as session:
        session.execute(text("DELETE FROM children WHERE id = :id"), {"id": maya})
    assert journal.entry(entry.id).fields.child_id is None
    assert journal.count(EntryFilter(children=(None,))) == 1


def test_rule_settings_round_trip(journal):
    assert journal.rule_settings() == {}
    journal.set_rule(RuleSetting("secrecy-cluster", enabled=False, params={"min_signs": 4}))
    journal.set_rule(RuleSetting("secrecy-cluster", enabled=True, params={"days": 7}))
    assert journal.rule_settings() == {
        "secrecy-cluster": RuleSetting("secrecy-cluster", True, {"days": 7})}


def test_firings_are_recorded_once_and_can_be_dismissed(journal, maya):
    day = dt.date(2026, 11, 23)
    firings = [("secrecy-cluster", maya, day, (1, 2)), ("gifts", None, day, (3,))]
    journal.record_firings(firings)
    journal.record_firings(firings)
    kept = journal.firings()
    assert sorted((f[1], f[2], f[3], f[4]) for f in kept) == sorted(
        (rule, child, on, ids) for rule, child, on, ids in firings)
    gifts = next(f[0] for f in kept if f[1] == "gifts")
    journal.dismiss_firing(gifts)
    assert [f[1] for f in journal.firings()] == ["secrecy-cluster"]
    assert len(journal.firings(include_dismissed=True)) == 2
    journal.record_firings(firings)
    assert [f[1] for f in journal.firings()] == ["secrecy-cluster"]
    journal.record_firings([("secrecy-cluster", maya, day + dt.timedelta(days=1), (4,))])
    assert [f[3] for f in journal.firings()] == [day + dt.timedelta(days=1), day]


def test_the_services_know_the_catalogue_categories(journal):
    assert journal._categories["sign.hides-screen"] == "secrecy"


# ---------------------------------------------------------------- purge leaves no words behind

PURGED_WORDS = ("zebracorn", "quibblefish", "marmalodon")
KEPT_WORD = "livelyotter"  # a live entry's word: proves the scans can see words at all
PAGE = 4096
RESERVE = 80  # SQLCipher 4: 16-byte IV + 64-byte HMAC at the end of every page


def _decrypted_pages(data: bytes, key: bytes, first_page_salted: bool) -> bytes:
    """Every page of an SQLCipher 4 file decrypted in place: free pages and slack included."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    out = []
    for start in range(0, len(data) - PAGE + 1, PAGE):
        page = data[start:start + PAGE]
        skip = 16 if first_page_salted and start == 0 else 0
        iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out.append(decryptor.update(page[skip:PAGE - RESERVE]) + decryptor.finalize())
    return b"".join(out)


def _wal_pages(wal: bytes) -> bytes:
    """The page images of a WAL file (32-byte header, then 24-byte frame header + page)."""
    frames, offset = [], 32
    while offset + 24 + PAGE <= len(wal):
        frames.append(wal[offset + 24:offset + 24 + PAGE])
        offset += 24 + PAGE
    return b"".join(frames)


def _needles(word: str) -> list[bytes]:
    return [word.encode(), word.encode("utf-16-le"), word[:6].encode()]


def test_a_purged_entry_leaves_no_word_in_any_file_even_decrypted(services, open_vault, folder,
                                                                 tmp_path):
    import sqlcipher3.dbapi2 as sqlcipher

    journal = services.journal
    journal.add(_fields(None, saw=f"{KEPT_WORD} stays", tags=("kept",)))
    words = " ".join(PURGED_WORDS)
    entry = journal.add(_fields(None, saw=words, tags=(PURGED_WORDS[0],), think=words,
                                place=PURGED_WORDS[2], did=words))
    journal.revise(entry.id, entry.fields.with_changes(saw=f"{words} again", think=""))
    journal.revise(entry.id, entry.fields.with_changes(did=f"{words} once more"))
    assert journal.count(EntryFilter(text="quibble")) == 1
    journal.purge(entry.id)
    key = open_vault._data_key
    open_vault.close()

    raw = {part.name: part.read_bytes() for part in folder.database_parts if part.exists()}
    plain_parts = {name: _decrypted_pages(data, key, first_page_salted=True)
                   for name, data in raw.items() if name.endswith(".db")}
    plain_parts.update({name: _decrypted_pages(_wal_pages(data), key, first_page_salted=False)
                        for name, data in raw.items() if name.endswith("-wal")})
    copy = tmp_path / "decrypted.db"
    connection = sqlcipher.connect(str(folder.database))
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute(f"ATTACH DATABASE '{copy}' AS plain KEY ''")
        connection.execute("SELECT sqlcipher_export('plain')")
        connection.execute("DETACH DATABASE plain")
    finally:
        connection.close()
    plain_parts["export"] = copy.read_bytes()

    assert KEPT_WORD.encode() in plain_parts["export"]
    assert KEPT_WORD.encode() in plain_parts["porchlight.db"]  # the page decryption works
    for word in PURGED_WORDS:
        for needle in _needles(word):
            for name, data in {**raw, **plain_parts}.items():
                assert needle not in data, f"{needle!r} readable in {name}"
