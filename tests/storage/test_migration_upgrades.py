"""Every past revision upgrades to head with every row intact.

For each revision this version ships (0001 … head) a database is built at that revision, a few
rows are written into *every* table that exists there, and the vault is unlocked, which
migrates it to head. Every row must still be there with the same values. A new table without
seed rows below fails this test loudly, so each new migration is covered as soon as it lands.
"""

from __future__ import annotations

import secrets

import pytest
from sqlalchemy import inspect, text

from app.storage import schema, vault
from app.storage.backups import list_backups, verify_backup
from app.storage.data_folder import DataFolder
from app.storage.engine import open_engine
from app.storage.journal_fts import is_index_table
from app.storage.key_file import KeyFile
from tests.conftest import FAST_KDF, PASSPHRASE, RECOVERY

T = "2026-01-04 18:00:00.000000"

# Parents before children: rows are inserted in this order.
SEEDS: dict[str, list[dict[str, object]]] = {
    "settings": [{"key": "country", "value": "GB"}, {"key": "theme", "value": "dark"}],
    "children": [
        {"id": 1, "name": "Ada", "birth_year": 2015, "birth_month": 3, "archived_at": None,
         "created_at": T, "updated_at": T},
        {"id": 2, "name": "Ben", "birth_year": 2018, "birth_month": 11, "archived_at": T,
         "created_at": T, "updated_at": T},
    ],
    "evidence_entries": [
        {"id": 1, "child_id": 1, "platform": "Snapchat", "username": "x", "profile_link": "",
         "happened_at": "yesterday", "demanded": "money", "payment_handles": "", "notes": "n",
         "created_at": T, "updated_at": T},
        {"id": 2, "child_id": None, "platform": "", "username": "", "profile_link": "",
         "happened_at": "", "demanded": "", "payment_handles": "", "notes": "family",
         "created_at": T, "updated_at": T},
    ],
    "checkin_schedules": [
        {"id": 1, "weekday": 6, "at_minute": 1080, "zone": "Europe/London", "every_weeks": 1,
         "first_date": "2026-01-04", "caregiver": "", "reminders": "evening-before,15",
         "paused": 0, "covered_until": T, "created_at": T, "updated_at": T},
        {"id": 2, "weekday": 2, "at_minute": 1200, "zone": "Europe/London", "every_weeks": 2,
         "first_date": "2026-01-07", "caregiver": "Grandma", "reminders": "",
         "paused": 1, "covered_until": T, "created_at": T, "updated_at": T},
    ],
    # From 0007 the caregivers are a list; the schedules above name them (0007 fills it).
    "caregivers": [{"id": 1, "name": "Grandma", "created_at": T}],
    "checkin_schedule_children": [{"schedule_id": 1, "child_id": 1},
                                  {"schedule_id": 1, "child_id": 2}],
    "checkin_occurrences": [
        {"id": 1, "schedule_id": 1, "slot_at": T, "due_at": T, "zone": "Europe/London",
         "status": "done", "rescheduled": 0, "snoozed_until": None, "reason": "",
         "note": "went well", "missed_noticed": 0, "resolved_at": T},
    ],
    "checkin_occurrence_children": [{"occurrence_id": 1, "child_id": 1},
                                    {"occurrence_id": 1, "child_id": 2}],
    "checkin_notices": [{"occurrence_id": 1, "kind": "evening-before", "sent_at": T}],
    "talks": [
        {"id": 1, "occurrence_id": 1, "band": "9-11", "started_at": T, "finished_at": T,
         "rating": 4, "mood": "calm", "notes": "talked", "come_back_to": "", "refusal_id": "r1",
         "practised": 1, "reassurance_id": "a1"},
        # Before 0006 the coach stored the English word; it becomes the key (see CONVERTED).
        {"id": 2, "occurrence_id": None, "band": "6-8", "started_at": T, "finished_at": T,
         "rating": None, "mood": "Worried", "notes": "", "come_back_to": "", "refusal_id": "",
         "practised": 0, "reassurance_id": ""},
    ],
    "talk_children": [{"talk_id": 1, "child_id": 1}, {"talk_id": 1, "child_id": 2}],
    "talk_items": [{"id": 1, "talk_id": 1, "starter_id": "s1", "topic_id": "t1",
                    "outcome": "talked", "note": ""}],
    "drafts": [{"id": 1, "kind": "evidence", "payload": '{"notes": "half"}', "saved_at": T}],
    # From 0008: the warning-signs journal (the search indexes are not tables to seed).
    "journal_entries": [
        {"id": 1, "child_id": 1, "noted_at": T, "strength": 2, "come_back": 1, "created_at": T,
         "updated_at": T, "deleted_at": None, "current_revision": 2, "locked_note_id": None},
        {"id": 2, "child_id": None, "noted_at": T, "strength": None, "come_back": 0,
         "created_at": T, "updated_at": T, "deleted_at": T, "current_revision": 1,
         "locked_note_id": "0f1e2d3c"},
    ],
    "journal_revisions": [
        {"id": 1, "entry_id": 1, "number": 1, "saved_at": T, "restored_from": None,
         "child_id": 1, "noted_at": T, "signs": '["sign.hides-screen"]', "tags": "[]",
         "saw": "phone face down", "think": "", "strength": 1, "place": "", "did": "",
         "come_back": 0},
        {"id": 2, "entry_id": 1, "number": 2, "saved_at": T, "restored_from": None,
         "child_id": 1, "noted_at": T, "signs": '["sign.hides-screen"]', "tags": '["bus"]',
         "saw": "phone face down", "think": "new friend?", "strength": 2, "place": "home",
         "did": "asked", "come_back": 1},
        {"id": 3, "entry_id": 2, "number": 1, "saved_at": T, "restored_from": None,
         "child_id": None, "noted_at": T, "signs": "[]", "tags": '["gift"]', "saw": "",
         "think": "", "strength": None, "place": "", "did": "", "come_back": 0},
    ],
    "journal_entry_signs": [{"entry_id": 1, "sign_id": "sign.hides-screen", "position": 0}],
    "journal_entry_tags": [{"entry_id": 1, "tag": "bus", "position": 0},
                           {"entry_id": 2, "tag": "gift", "position": 0}],
    "journal_rule_settings": [{"rule_id": "secrecy-cluster", "enabled": 0,
                               "params": '{"min_signs": 4}'}],
    "journal_rule_firings": [
        {"id": 1, "rule_id": "secrecy-cluster", "child_id": 1, "fired_on": "2026-01-04",
         "entry_ids": "[1]", "dismissed_at": None},
        {"id": 2, "rule_id": "gifts", "child_id": None, "fired_on": "2026-01-04",
         "entry_ids": "[2]", "dismissed_at": T},
    ],
    "journal_inbox_key": [{"id": 1, "private_key": b"\x01" * 32, "public_key": b"\x02" * 32,
                           "created_at": T}],
    # From 0009: counsellor homework (plans and reports are the model's JSON; any text will do).
    "plans_imported": [
        {"id": 1, "child_id": 1, "plan_uid": "p-old", "plan_version": 1,
         "plan_json": '{"v":1,"id":"p-old"}', "imported_at": T, "ended_at": T},
        {"id": 2, "child_id": 1, "plan_uid": "p-new", "plan_version": 3,
         "plan_json": '{"v":1,"id":"p-new"}', "imported_at": T, "ended_at": None},
        {"id": 3, "child_id": 2, "plan_uid": "p-ben", "plan_version": 1,
         "plan_json": '{"v":1,"id":"p-ben"}', "imported_at": T, "ended_at": None},
    ],
    "plan_task_records": [
        {"id": 1, "plan_row_id": 2, "task_id": "w1.talk", "times_done": 2, "how_it_went": 4,
         "how_hard": None, "got_in_the_way": "busy week", "helped": "", "question_for_next": "",
         "updated_at": T},
    ],
    "plan_answers": [{"id": 1, "plan_row_id": 2, "question_id": "w1.q1", "value": "yes",
                      "answered_at": T}],
    "plan_templates": [{"id": 1, "name": "Gaming, 4 weeks", "plan_json": '{"v":1}',
                        "saved_at": T}],
    "plans_built": [{"plan_uid": "p-built", "plan_json": '{"v":1}', "saved_at": T}],
    "reports_received": [{"id": 1, "report_json": '{"v":1}', "received_at": T}],
}


# Tables the database fills itself, by trigger (0010's change count): no seed rows, since
# seeding the watched tables writes them; ``test_journal_state`` covers them.
KEPT_BY_TRIGGERS = {"journal_state"}

# Values a migration rewrites on purpose: (table, column) → {old value: new value}, from the
# revision that converts them. Everything else must come through the upgrade unchanged.
CONVERTED: dict[tuple[str, str], tuple[str, dict[object, object]]] = {
    ("talks", "mood"): ("0006_mood_keys", {"Worried": "worried"}),
}


def _expected(table: str, row: dict[str, object], revision: str) -> dict[str, object]:
    """The row as it should read at head, for a database built at ``revision``."""
    order = schema.all_revisions()
    row = dict(row)
    for (where, column), (converting, values) in CONVERTED.items():
        if (where == table and column in row
                and order.index(revision) < order.index(converting)):
            row[column] = values.get(row[column], row[column])
    return row


def _build_at(folder: DataFolder, revision: str) -> dict[str, list[dict[str, object]]]:
    """A vault at ``revision`` with seed rows in every table it has; returns what was written."""
    folder.prepare()
    data_key = secrets.token_bytes(32)
    KeyFile.new(data_key, PASSPHRASE, RECOVERY, FAST_KDF).write(folder.key_file)
    engine = open_engine(folder.database, data_key)
    try:
        schema.migrate(engine, revision)
        tables = {name for name in inspect(engine).get_table_names()
                  if name != "alembic_version" and not is_index_table(name)}
        missing = tables - set(SEEDS) - KEPT_BY_TRIGGERS
        assert not missing, (f"table(s) {sorted(missing)} at revision {revision} have no seed "
                             "rows: add some to SEEDS in this file")
        written = {}
        with engine.begin() as connection:
            for table, rows in SEEDS.items():
                if table not in tables:
                    continue
                columns = {c["name"] for c in inspect(connection).get_columns(table)}
                rows = [{k: v for k, v in row.items() if k in columns} for row in rows]
                names = sorted(rows[0])
                connection.execute(text(
                    f"INSERT INTO {table} ({', '.join(names)}) "
                    f"VALUES ({', '.join(':' + n for n in names)})"), rows)
                written[table] = rows
    finally:
        engine.dispose()
    return written


def _rows(engine, table: str, columns: list[str]) -> list[tuple]:
    with engine.connect() as connection:
        return sorted((tuple(row) for row in connection.execute(
            text(f"SELECT {', '.join(columns)} FROM {table}"))), key=repr)


@pytest.mark.parametrize("revision", schema.all_revisions())
def test_every_row_survives_the_upgrade_to_head(revision, tmp_path, clock):
    folder = DataFolder(tmp_path / "data")
    written = _build_at(folder, revision)
    assert written, "every revision has at least one table"

    opened = vault.unlock(folder, PASSPHRASE, clock)
    try:
        assert schema.current_revision(opened.engine) == schema.head_revision()
        for table, rows in written.items():
            columns = sorted(rows[0])
            rows = [_expected(table, row, revision) for row in rows]
            expected = sorted((tuple(row[c] for c in columns) for row in rows), key=repr)
            assert _rows(opened.engine, table, columns) == expected, table
        with opened.engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
    finally:
        opened.close()
    backups = list_backups(folder)
    if revision == schema.head_revision():
        assert backups == []
    else:
        [backup] = backups
        assert backup.reason == f"before-{schema.head_revision()}"
        assert verify_backup(backup.path)["schema_revision"] == revision


def test_the_seeds_cover_every_table_at_head():
    from app.storage.models import Base

    assert set(Base.metadata.tables) <= set(SEEDS) | KEPT_BY_TRIGGERS, (
        "add seed rows for the new table(s)")


def test_0007_moves_the_typed_caregiver_names_into_the_list(tmp_path, clock):
    """One list entry per distinct non-empty name; every schedule keeps its name (the link)."""
    folder = DataFolder(tmp_path / "data")
    folder.prepare()
    data_key = secrets.token_bytes(32)
    KeyFile.new(data_key, PASSPHRASE, RECOVERY, FAST_KDF).write(folder.key_file)
    engine = open_engine(folder.database, data_key)
    names = ["Dad", "", "Mum", "Dad", "   ", "mum"]
    try:
        schema.migrate(engine, "0006_mood_keys")
        base = SEEDS["checkin_schedules"][0]
        with engine.begin() as connection:
            for number, name in enumerate(names, start=1):
                row = dict(base, id=number, caregiver=name)
                columns = sorted(row)
                connection.execute(text(
                    f"INSERT INTO checkin_schedules ({', '.join(columns)}) "
                    f"VALUES ({', '.join(':' + c for c in columns)})"), row)
    finally:
        engine.dispose()

    opened = vault.unlock(folder, PASSPHRASE, clock)
    try:
        from app.storage.services import Services

        services = Services.for_vault(opened)
        listed = {c.name: c.leads for c in services.caregivers.caregivers()}
        assert listed == {"Dad": 2, "Mum": 1, "mum": 1}
        assert [s.caregiver for s in services.checkins.schedules()] == names
    finally:
        opened.close()
