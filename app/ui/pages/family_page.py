"""The home page: each child with their age band, and adding, editing, archiving or deleting.

Archiving hides a child but keeps everything noted about them; deleting asks first and is
final. Bands are recomputed from the injected clock each time the page is drawn, so a child
moves band on their birthday with nothing for the parent to do.

Every read and write goes through the session's database worker (``app.ui.ops``): one read
fetches the children and their next check-ins together, and each change is a write that says it
touched the family (deleting also touches check-ins). The page follows those ``Changes`` — a
child added from anywhere shows up here — instead of hand-wired refresh signals. Countdowns are
reworded every minute from the moments already read; once one of them has passed, it reads again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.checkins import next_for_child
from app.core.clock import Clock, local_today
from app.core.family import Child, ChildDetails, check_details
from app.storage.services import Services
from app.ui.age_words import describe_age
from app.ui.dates import city_of, short_moment, zone_differs
from app.ui.dialogs.child_dialog import ChildDialog
from app.ui.ops import Ops, follow_changes
from app.ui.widgets.common import body_label, button, card, clear_layout, title_label

COUNTDOWN_MS = 60_000


@dataclass(frozen=True)
class NextCheckin:
    """A child's next check-in and the zone its schedule keeps (None: the computer's)."""

    moment: dt.datetime | None
    zone: str | None = None


@dataclass(frozen=True)
class FamilyView:
    """Everything the page shows, read in one go on the database worker."""

    children: list[Child]
    archived_count: int
    next_checkins: dict[int, NextCheckin]


def read_family(services: Services, include_archived: bool, now: dt.datetime) -> FamilyView:
    """On the worker: the children to list, how many are archived, each one's next check-in."""
    everyone = services.family.children(include_archived=True)
    active = [child for child in everyone if not child.archived]
    shown = everyone if include_archived else active
    # Only what can hold a next check-in: pending ones, and those whose slot is not long past
    # (they stop a slot being counted twice). Years of done check-ins are never needed here.
    checkins = services.checkins
    schedules = checkins.schedules()
    pending = checkins.occurrences(status="pending")
    recent = checkins.occurrences(slot_after=now - dt.timedelta(days=2))
    occurrences = list({o.id: o for o in [*pending, *recent]}.values())  # each once
    nexts: dict[int, NextCheckin] = {}
    for child in active:
        zones = {s.spec.zone for s in schedules if child.id in s.child_ids and not s.paused}
        zone = zones.pop() if len(zones) == 1 else None
        nexts[child.id] = NextCheckin(next_for_child(child.id, schedules, occurrences, now), zone)
    return FamilyView(shown, len(everyone) - len(active), nexts)


class FamilyPage(QWidget):
    note_requested = Signal(int)  # "Note something" on a child's card: a quick journal entry

    def __init__(self, ops: Ops, clock: Clock,
                 start_talk: Callable[[int], object] | None = None) -> None:
        super().__init__()
        self.setObjectName("familyPage")
        self.title = self.tr("Family")
        self._ops, self._clock = ops, clock
        self._start_talk = start_talk
        self._next_labels: dict[int, QLabel] = {}
        self._next: dict[int, NextCheckin] = {}
        self._read_at: dt.datetime | None = None  # the moment the shown check-ins were read for
        self.view: FamilyView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        header = QHBoxLayout()
        header.addWidget(title_label(self.tr("Your family")), 1)
        self.add_button = button(self.tr("Add a child"), "addChild", primary=True)
        self.add_button.clicked.connect(self.add_child)
        header.addWidget(self.add_button)
        layout.addLayout(header)
        layout.addWidget(body_label(self.tr(
            "Each child's age band decides which conversations Porchlight suggests. Bands "
            "change on their birthday by themselves."), muted=True))
        self.show_archived = QCheckBox(self.tr("Show archived children"))
        self.show_archived.setObjectName("showArchived")
        self.show_archived.toggled.connect(self.refresh)
        self.show_archived.hide()
        layout.addWidget(self.show_archived)

        self.list_host = QWidget()
        self.list_layout = QVBoxLayout(self.list_host)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # The journal's pattern card (when the shell gives one) scrolls with the children, so
        # a small window never squeezes either of them.
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(10)
        self._top = QVBoxLayout()
        self._top.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(self._top)
        content_layout.addWidget(self.list_host, 1)
        scroll.setWidget(content)
        layout.addWidget(scroll, 1)
        self._countdown = QTimer(self)
        self._countdown.setInterval(COUNTDOWN_MS)
        self._countdown.timeout.connect(self._reword_countdowns)
        self._countdown.start()
        follow_changes(self, ops, lambda c: c.touches("family", "checkins"), self.refresh)
        self.refresh()

    # --- listing ---------------------------------------------------------------------------


    def show_on_top(self, widget: QWidget) -> None:
        """A calm card above the children (the journal's patterns); it hides when empty."""
        self._top.addWidget(widget)
    def refresh(self) -> None:
        """Read the family on the worker; the page is redrawn when it arrives."""
        include_archived = self.show_archived.isChecked()
        now = self._clock.now()
        self._ops.read(lambda s: read_family(s, include_archived, now),
                       lambda view: self._show(view, now), owner=self)

    def _show(self, view: FamilyView, read_at: dt.datetime | None = None) -> None:
        self.view = view
        self._read_at = read_at
        self._next_labels = {}
        self._next = view.next_checkins
        clear_layout(self.list_layout)
        self.show_archived.setText(
            self.tr("Show archived children (%n)", "", view.archived_count))
        self.show_archived.setVisible(view.archived_count > 0 or self.show_archived.isChecked())
        if not view.children:
            self.list_layout.addWidget(body_label(self.tr(
                "No children here yet. Add a child to get conversation ideas that fit their "
                "age."), name="emptyFamily"))
        today = local_today(self._clock)
        for child in view.children:
            self.list_layout.addWidget(self._child_card(child, today))
        self.list_layout.addStretch(1)
        self._reword_labels()

    def _child_card(self, child: Child, today: dt.date) -> QWidget:
        words = describe_age(child.birth, today)
        frame, layout = card(self.tr("Child {name}").format(name=child.name))
        frame.setProperty("childId", child.id)
        top = QHBoxLayout()
        shown_name = (self.tr("{name} (archived)").format(name=child.name) if child.archived
                      else child.name)
        top.addWidget(title_label(shown_name, "sectionTitle"))
        badge = QLabel(words.badge)
        badge.setObjectName("bandBadge")
        badge.setAccessibleName(self.tr("Age band of {name}: {band}").format(
            name=child.name, band=words.badge))
        top.addWidget(badge)
        top.addStretch(1)
        if not child.archived:  # a worry about this child, noted in the journal
            note = button(self.tr("Note something"), f"noteChild{child.id}",
                          accessible=self.tr("Note something about {name}").format(
                              name=child.name))
            note.setToolTip(self.tr("Write down a worry in the journal"))
            note.clicked.connect(lambda: self.note_requested.emit(child.id))
            top.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(body_label(self.tr("{born} · {age}").format(born=words.born,
                                                                     age=words.age), muted=True))
        if words.note:
            layout.addWidget(body_label(words.note, name="ageNote"))
        if child.id in self._next:
            label = body_label("", name=f"nextCheckin{child.id}")
            self._next_labels[child.id] = label
            layout.addWidget(label)
        layout.addLayout(self._buttons(child))
        return frame

    def _buttons(self, child: Child) -> QHBoxLayout:
        name = child.name
        edit = button(self.tr("Edit"), f"editChild{child.id}",
                      accessible=self.tr("Edit {name}").format(name=name))
        edit.clicked.connect(lambda: self.edit_child(child))
        if child.archived:
            archive = button(self.tr("Restore"), f"archiveChild{child.id}",
                             accessible=self.tr("Restore {name}").format(name=name))
            archive.setToolTip(self.tr("Show them in the lists again"))
        else:
            archive = button(self.tr("Archive"), f"archiveChild{child.id}",
                             accessible=self.tr("Archive {name}").format(name=name))
            archive.setToolTip(self.tr("Hide from the lists but keep everything noted about "
                                       "them"))
        archive.clicked.connect(lambda: self.toggle_archive(child))
        delete = button(self.tr("Delete…"), f"deleteChild{child.id}", danger=True,
                        accessible=self.tr("Delete {name}…").format(name=name))
        delete.clicked.connect(lambda: self.delete_child(child))
        widgets = [edit, archive, delete]
        if self._start_talk is not None and not child.archived:
            start_talk = self._start_talk
            talk = button(self.tr("Talk with {name}").format(name=name), f"startTalk{child.id}",
                          primary=True)
            talk.setToolTip(self.tr("Start a guided talk now, outside the schedule"))
            talk.clicked.connect(lambda: start_talk(child.id))
            widgets.insert(0, talk)
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _reword_countdowns(self) -> None:
        """Every minute: reword the countdowns; read again once a check-in read as still to come
        has come (which one is next has changed). One due already when read stays "due now"."""
        if not self._next_labels:
            return
        now, read_at = self._clock.now(), self._read_at
        if read_at is not None and self.isVisible() and any(
                n.moment is not None and read_at < n.moment <= now for n in self._next.values()):
            self.refresh()
            return
        self._reword_labels()

    def _reword_labels(self) -> None:
        now = self._clock.now()
        for child_id, label in self._next_labels.items():
            label.setText(self.next_words(self._next.get(child_id, NextCheckin(None)), now))

    def next_words(self, upcoming: NextCheckin, now: dt.datetime) -> str:
        moment = upcoming.moment
        if moment is None:
            return self.tr("No weekly check-in yet — set one up on the Check-ins page.")
        if moment <= now:
            return self.tr("A check-in is due now.")
        when = _moment_in_zone(moment, upcoming.zone)
        return self.tr("Next check-in: {when} ({countdown})").format(
            when=when, countdown=self.countdown(now, moment))

    def countdown(self, now: dt.datetime, moment: dt.datetime) -> str:
        """"in 3 days", "in 5 hours", "in 20 minutes"."""
        minutes = int((moment - now).total_seconds() // 60)
        if minutes < 1:
            return self.tr("now")
        if minutes < 60:
            return self.tr("in %n minutes", "", minutes)
        hours = minutes // 60
        if hours < 36:
            return self.tr("in %n hours", "", hours)
        return self.tr("in %n days", "", round(hours / 24))

    # --- actions ---------------------------------------------------------------------------

    def _open_dialog(self, child: Child | None,
                     write: Callable[[Services, ChildDetails], object]) -> None:
        today = local_today(self._clock)

        def check(name: str, year: int, month: int) -> ChildDetails:
            return check_details(name, year, month, today)

        def commit(details: ChildDetails, done: Callable[[], None],
                   failed: Callable[[Exception], None]) -> None:
            self._ops.write(lambda s: write(s, details), touches=Changes(family=True),
                            done=lambda _result: done(), failed=failed, owner=dialog)

        dialog = ChildDialog(check, commit, today, child, self)
        dialog.exec()

    def add_child(self) -> None:
        self._open_dialog(None, lambda s, d: s.family.add(d.name, d.birth.year, d.birth.month))

    def edit_child(self, child: Child) -> None:
        self._open_dialog(child, lambda s, d: s.family.update(child.id, d.name, d.birth.year,
                                                              d.birth.month))

    def toggle_archive(self, child: Child) -> None:
        archived = not child.archived
        # Archiving also withdraws the child's pending check-ins.
        self._ops.write(lambda s: s.family.set_archived(child.id, archived),
                        touches=Changes(family=True, checkins=True), owner=self)

    def delete_child(self, child: Child) -> None:
        answer = QMessageBox.question(
            self, self.tr("Delete {name}?").format(name=child.name),
            self.tr("Delete {name} and everything noted about them? This can't be undone.\n\n"
                    "To hide them but keep their notes, choose Archive instead.")
            .format(name=child.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._ops.write(lambda s: s.family.delete(child.id),
                        touches=Changes(family=True, checkins=True), done=self._deleted,
                        owner=self)

    def _deleted(self, _result: object) -> None:
        from app.ui.backup_offer import offer_to_drop_backups

        offer_to_drop_backups(self, self._ops)


def _moment_in_zone(moment: dt.datetime, zone_name: str | None) -> str:
    """The moment on its schedule's clock, named when that is not the computer's."""
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QCoreApplication

    zone = ZoneInfo(zone_name) if zone_name else None
    when = short_moment(moment, zone)
    if zone is not None and zone_name and zone_differs(zone, moment):
        return QCoreApplication.translate("FamilyPage", "{when}, {city} time").format(
            when=when, city=city_of(zone_name))
    return when
