"""Choosing the signs of one note: the catalogue grouped by category, found by typing.

A worried parent should not have to read thirty sentences. Typing a word or two narrows the
list (case and accents ignored) and the first match is ready: Enter ticks it. Space or a click
anywhere on a row ticks it too, so one interaction picks a sign by mouse or by keyboard. The
parent's own words ("bus stop", "Discord") sit in their own group under the catalogue.

Signs of an urgent category (talk of self-harm) are marked: saving such a note opens Help now,
and the picker says so before the parent saves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QMargins,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.journal.entry_words import matches
from app.ui.widgets.common import body_label, button

KIND_ROLE = Qt.ItemDataRole.UserRole  # ("sign", id) or ("tag", word); headers hold None
MAX_TAG_LENGTH = 60
ROW_PADDING = 3  # pixels above and below each sentence: rows that read apart


def urgent_sign_ids(library: Any) -> frozenset[str]:
    """Signs that open Help now when saved: urgent themselves or in an urgent category."""
    if library is None:
        return frozenset()
    urgent_categories = {c.id for c in library.sign_categories if c.urgent}
    return frozenset(s.id for s in library.signs
                     if s.urgent or s.category in urgent_categories)


class _WrappingRows(QStyledItemDelegate):
    """Row heights for wrapped sentences: QTreeView alone sizes every row as one line."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                 ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        check = self._tree.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        width = self._tree.viewport().width() - depth * self._tree.indentation() - check - 8
        opt.rect = QRect(0, 0, max(width, 80), 10_000)
        opt.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        size = self._tree.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt,
                                                   QSize(), self._tree)
        return size.grownBy(QMargins(0, ROW_PADDING, 0, ROW_PADDING))


class SignPicker(QWidget):
    changed = Signal()

    def __init__(self, library: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signPicker")
        self._library = library
        self._urgent = urgent_sign_ids(library)
        self._order: list[tuple[str, str]] = []  # what was ticked, in the order it was ticked
        self._pressed_state: Qt.CheckState | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.filter = QLineEdit()
        self.filter.setObjectName("signFilter")
        self.filter.setAccessibleName(self.tr("Find a sign"))
        self.filter.setPlaceholderText(self.tr("Type to find a sign, then press Enter"))
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        layout.addWidget(self.filter)
        self.tree = QTreeWidget()
        self.tree.setObjectName("signList")
        self.tree.setAccessibleName(self.tr("Signs to tick"))
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)  # a sign is a sentence: it wraps, never ends in "…"
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tree.setMinimumHeight(150)
        self.tree.setItemDelegate(_WrappingRows(self.tree))
        self.tree.viewport().installEventFilter(self)
        self.tree.setUniformRowHeights(False)
        self.tree.setIndentation(14)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.itemPressed.connect(self._pressed)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.installEventFilter(self)
        layout.addWidget(self.tree, 1)
        self._tags_group: QTreeWidgetItem | None = None
        self._fill()
        self.urgent_note = body_label(self.tr(
            "You ticked a sign about self-harm or safety. When you save, Help now opens with "
            "who to call."), name="urgentNote")
        self.urgent_note.hide()
        layout.addWidget(self.urgent_note)
        row = QHBoxLayout()
        self.tag_edit = QLineEdit()
        self.tag_edit.setObjectName("ownTag")
        self.tag_edit.setAccessibleName(self.tr("Add your own word for it"))
        self.tag_edit.setPlaceholderText(self.tr("Add your own word for it"))
        self.tag_edit.setMaxLength(MAX_TAG_LENGTH)
        self.tag_edit.installEventFilter(self)
        row.addWidget(self.tag_edit, 1)
        self.add_tag_button = button(self.tr("Add"), "addOwnTag",
                                     accessible=self.tr("Add this word to the note"))
        self.add_tag_button.setAutoDefault(False)
        self.add_tag_button.clicked.connect(self.add_typed_tag)
        row.addWidget(self.add_tag_button)
        layout.addLayout(row)
        self.count_label = QLabel()
        self.count_label.setObjectName("signCount")
        self.count_label.setProperty("muted", True)
        layout.addWidget(self.count_label)
        self._say_count()

    # --- the list ----------------------------------------------------------------------------

    def _fill(self) -> None:
        library = self._library
        if library is None:
            return
        self.tree.blockSignals(True)
        for category in library.sign_categories:
            signs = [s for s in library.signs if s.category == category.id]
            if not signs:
                continue
            header = QTreeWidgetItem([category.title])
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = header.font(0)
            font.setBold(True)
            header.setFont(0, font)
            self.tree.addTopLevelItem(header)
            for sign in signs:
                item = QTreeWidgetItem([sign.text])
                item.setData(0, KIND_ROLE, ("sign", sign.id))
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, sign.text)
                self._checkable(item)
                if sign.id in self._urgent:
                    item.setToolTip(0, self.tr("Saving a note with this sign opens Help now"))
                header.addChild(item)
            header.setExpanded(True)
        self.tree.blockSignals(False)

    @staticmethod
    def _checkable(item: QTreeWidgetItem) -> None:
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Unchecked)

    def _sign_items(self) -> list[QTreeWidgetItem]:
        found = []
        for top in range(self.tree.topLevelItemCount()):
            header = self.tree.topLevelItem(top)
            found.extend(header.child(i) for i in range(header.childCount()))
        return found

    def _apply_filter(self, query: str) -> None:
        first: QTreeWidgetItem | None = None
        for top in range(self.tree.topLevelItemCount()):
            header = self.tree.topLevelItem(top)
            shown = 0
            for i in range(header.childCount()):
                item = header.child(i)
                hit = matches(query, item.text(0), header.text(0))
                item.setHidden(not hit)
                shown += hit
                if hit and first is None and item.data(0, KIND_ROLE)[0] == "sign":
                    first = item
            header.setHidden(shown == 0)
        if query.strip() and first is not None:
            self.tree.setCurrentItem(first)
            self.tree.scrollToItem(first)

    # --- ticking -----------------------------------------------------------------------------

    def toggle(self, item: QTreeWidgetItem | None) -> None:
        if item is None or item.data(0, KIND_ROLE) is None or item.isHidden():
            return
        checked = item.checkState(0) == Qt.CheckState.Checked
        item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _pressed(self, item: QTreeWidgetItem, _column: int) -> None:
        self._pressed_state = item.checkState(0)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        """A click on the words ticks the row as a click on the box does (never both)."""
        if self._pressed_state is not None and item.checkState(0) == self._pressed_state:
            self.toggle(item)
        self._pressed_state = None

    def _item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        kind = item.data(0, KIND_ROLE)
        if kind is None:
            return
        key = (kind[0], kind[1])
        if item.checkState(0) == Qt.CheckState.Checked:
            if key not in self._order:
                self._order.append(key)
        elif key in self._order:
            self._order.remove(key)
        self._say_count()
        self.changed.emit()

    def _say_count(self) -> None:
        count = len(self._order)
        self.count_label.setText(self.tr("%n ticked", "", count) if count else
                                 self.tr("Nothing ticked yet"))
        self.urgent_note.setVisible(self.urgent_picked())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        tree = getattr(self, "tree", None)  # events arrive while the picker is being built
        if tree is None:
            return False
        if watched is tree.viewport() and event.type() == QEvent.Type.Resize:
            self.tree.doItemsLayout()  # the sentences wrap again at the new width
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, plain = event.key(), not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain
        if watched is self.filter and enter:
            self.toggle(self.tree.currentItem())
            self.filter.clear()
            return True
        if watched is self.filter and key == Qt.Key.Key_Down:
            self.tree.setFocus()
            if self.tree.currentItem() is None:
                self.tree.setCurrentItem(next(iter(self._sign_items()), None))
            return True
        if watched is self.tree and enter:
            self.toggle(self.tree.currentItem())
            return True
        if watched is self.tag_edit and enter:
            self.add_typed_tag()
            return True
        return False

    # --- own words ---------------------------------------------------------------------------

    def set_tag_suggestions(self, tags: list[str]) -> None:
        completer = QCompleter(tags, self.tag_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_edit.setCompleter(completer)

    def add_typed_tag(self) -> None:
        word = " ".join(self.tag_edit.text().split())
        self.tag_edit.clear()
        if word:
            self.add_tag(word)

    def add_tag(self, word: str, *, checked: bool = True) -> None:
        for item in self._tag_items():
            if item.text(0).casefold() == word.casefold():
                item.setCheckState(0, Qt.CheckState.Checked)
                return
        if self._tags_group is None:
            self._tags_group = QTreeWidgetItem([self.tr("Your own words")])
            self._tags_group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = self._tags_group.font(0)
            font.setBold(True)
            self._tags_group.setFont(0, font)
            self.tree.addTopLevelItem(self._tags_group)
            self._tags_group.setExpanded(True)
        item = QTreeWidgetItem([word])
        item.setData(0, KIND_ROLE, ("tag", word))
        self.tree.blockSignals(True)
        self._checkable(item)
        self.tree.blockSignals(False)
        self._tags_group.addChild(item)
        if checked:
            item.setCheckState(0, Qt.CheckState.Checked)

    def _tag_items(self) -> list[QTreeWidgetItem]:
        group = self._tags_group
        return [] if group is None else [group.child(i) for i in range(group.childCount())]

    # --- what was picked ---------------------------------------------------------------------

    def signs(self) -> tuple[str, ...]:
        return tuple(value for kind, value in self._order if kind == "sign")

    def tags(self) -> tuple[str, ...]:
        return tuple(value for kind, value in self._order if kind == "tag")

    def urgent_picked(self) -> bool:
        return any(sign in self._urgent for sign in self.signs())

    def set_picked(self, signs: tuple[str, ...], tags: tuple[str, ...]) -> None:
        """Tick these (an entry being edited, or a draft coming back), in this order."""
        for item in self._sign_items():
            if item.checkState(0) == Qt.CheckState.Checked:
                item.setCheckState(0, Qt.CheckState.Unchecked)
        for item in self._tag_items():
            item.setCheckState(0, Qt.CheckState.Unchecked)
        by_id = {item.data(0, KIND_ROLE)[1]: item for item in self._sign_items()}
        for sign in signs:
            item = by_id.get(sign)
            if item is not None:
                item.setCheckState(0, Qt.CheckState.Checked)
            elif ("sign", sign) not in self._order:  # no longer in the catalogue: kept as is
                self._order.append(("sign", sign))
        for tag in tags:
            self.add_tag(tag)
        self._say_count()
