"""The mapping step of a legacy-sheet import: for each heading, status, group heading or agency the
importer could not recognise, the user picks what it means; the answers become the
``legacy_mapping`` the import runs again with.

The dialog knows no database: it is given the questions (``exchange.legacy.mapping_questions``)
and returns the mapping (``exchange.legacy.mapping_from_answers``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from ...exchange.legacy import Question, mapping_from_answers
from ...exchange.legacy_parse import Mapping

def kind_label(kind: str) -> str:
    labels = {
        "heading": QCoreApplication.translate("MappingDialog", "Column heading"),
        "status": QCoreApplication.translate("MappingDialog", "Status"),
        "agency": QCoreApplication.translate("MappingDialog", "Agency"),
        "area": QCoreApplication.translate("MappingDialog", "Group / area"),
    }
    return labels.get(kind, kind)


def _choice_label(kind: str, key: str, label: str) -> str:
    """The status choices in the interface language (the other labels are the file's or the database's)."""
    if kind == "status" and key:
        from ...domain.status import TaskStatus
        from ..messages import current_lang

        try:
            status = TaskStatus(key)
        except ValueError:
            return label
        return status.label(current_lang()) if current_lang() == "en" else label
    if kind == "agency" and not key:
        return QCoreApplication.translate("MappingDialog", "Create a new agency with this name")
    if kind == "area" and not key:
        return QCoreApplication.translate("MappingDialog", "(no area)")
    return label
COL_KIND, COL_TEXT, COL_CELLS, COL_CHOICE = range(4)


class MappingDialog(QDialog):
    """One row per question: what the file says, where, and a choice."""

    def __init__(self, questions: list[Question], *, file_name: str = "", base: Mapping | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.questions = questions
        self.base = base
        self.setWindowTitle(self.tr("Match what was not recognised"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"<b>{file_name}</b><br>" if file_name else ""
        )
        intro.setText(intro.text() + self.tr(
            "cdsdesk did not recognise some of the sheet's contents. Choose what each one means, "
            "then press <i>Import with these choices</i>. Agencies not in the database are created, "
            "unless you choose an existing one."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(questions), 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Text in the file"), self.tr("Cell"),
                                              self.tr("Meaning")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_CELLS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CHOICE, QHeaderView.ResizeMode.Interactive)
        self.combos: list[QComboBox] = []
        for i, q in enumerate(questions):
            self.table.setItem(i, COL_KIND, QTableWidgetItem(kind_label(q.kind)))
            item = QTableWidgetItem(q.text)
            item.setToolTip(q.text)
            self.table.setItem(i, COL_TEXT, item)
            cells = ", ".join(c.split("!")[-1] for c in q.cells[:4]) + (" …" if len(q.cells) > 4 else "")
            cell_item = QTableWidgetItem(cells)
            cell_item.setToolTip("\n".join(q.cells))
            self.table.setItem(i, COL_CELLS, cell_item)
            combo = QComboBox(self.table)
            if q.kind == "status":
                combo.addItem(self.tr("— choose a status —"), "")
            for key, label in q.choices:
                combo.addItem(_choice_label(q.kind, key, label), key)
            combo.setCurrentIndex(max(0, combo.findData(q.default)))
            combo.setAccessibleName(f"{kind_label(q.kind)}: {q.text}")
            combo.currentIndexChanged.connect(self._update_ok)
            self.table.setCellWidget(i, COL_CHOICE, combo)
            self.combos.append(combo)
        self.table.setColumnWidth(COL_CHOICE, 320)
        layout.addWidget(self.table)
        self.hint = QLabel("")
        self.hint.setStyleSheet("color: #a33;")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import with these choices"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(920, min(640, 200 + 34 * max(3, len(questions))))
        self._update_ok()

    def answers(self) -> dict[int, str]:
        return {i: combo.currentData() or "" for i, combo in enumerate(self.combos)}

    def unanswered_statuses(self) -> list[str]:
        return [q.text for q, combo in zip(self.questions, self.combos) if q.kind == "status" and not combo.currentData()]

    def _update_ok(self) -> None:
        missing = self.unanswered_statuses()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)
        self.hint.setText(self.tr("%n status(es) still to choose.", "", len(missing)) if missing else "")

    def mapping(self) -> dict:
        """The ``legacy_mapping`` import parameter from the choices made."""
        return mapping_from_answers(self.questions, self.answers(), self.base)

    def choose(self, index: int, key: str) -> None:
        """Select the choice ``key`` for question ``index`` (tests and keyboard-less use)."""
        combo = self.combos[index]
        combo.setCurrentIndex(combo.findData(key))


def ask_mapping(questions: list[Question], *, file_name: str = "", base: Mapping | None = None,
                parent: QWidget | None = None) -> dict | None:
    """Show the dialog; the mapping when the user confirms, None when they cancel."""
    if not questions:
        return base.to_dict() if base else {}
    dlg = MappingDialog(questions, file_name=file_name, base=base, parent=parent)
    if dlg.exec() == QDialog.DialogCode.Accepted:
        return dlg.mapping()
    return None


__all__ = ["MappingDialog", "ask_mapping", "Qt"]
