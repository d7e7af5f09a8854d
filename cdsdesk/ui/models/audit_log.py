"""The audit log as a table read page by page from SQL (newest first): the view asks for more
rows as the user scrolls (canFetchMore/fetchMore), so a log of a million entries opens at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ...domain.numbers import format_date, format_number
from ...domain.status import TaskStatus
from ...services import audit as audit_service
from ...services import dashboard_queries
from ...store.engine import Database
from ..labels import ENTITIES, action_label, entity_label, field_label, heading, source_label, status_label

Index = QModelIndex | QPersistentModelIndex

#: What a record, an action, a field is called, in the interface language (``labels``).
ENTITY_LABELS = ENTITIES


def pretty_source(source: str, batch_id: int | None = None) -> str:
    return source_label(source, batch_id)


def pretty_value(field: str, value: str | None, entity: str = "") -> str:
    """A stored audit value as a person reads it (status labels, dates and numbers the Vietnamese way)."""
    if value is None:
        return ""
    if field == "status":
        try:
            TaskStatus(value)
        except ValueError:
            return value
        return status_label(value)
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if field in ("value", "progress") or (entity == "target" and not field):
        try:
            return format_number(float(value))
        except ValueError:
            return value
    return value


def local_time(at: dt.datetime) -> dt.datetime:
    """Audit times are stored in UTC; people read them in their own time zone."""
    return at.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)


def utc_bound(day: dt.date, *, end: bool = False) -> dt.datetime:
    """The UTC instant a local day starts (or ends) at, to filter the stored times."""
    t = dt.datetime.combine(day, dt.time.max if end else dt.time.min)
    return t.astimezone(dt.timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class AuditFilter:
    entity: str | None = None
    record: tuple[str, str, str] | None = None  # (entity, uuid, label): one record's history
    who: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None
    batch_id: int | None = None


class AuditModel(QAbstractTableModel):
    COL_AT, COL_WHO, COL_ENTITY, COL_LABEL, COL_ACTION, COL_FIELD, COL_OLD, COL_NEW, COL_SOURCE = range(9)
    HEADERS = ("Thời gian", "Người thực hiện", "Đối tượng", "Mã", "Thao tác", "Trường", "Giá trị cũ", "Giá trị mới", "Nguồn")
    PAGE = 200

    def __init__(self, db: Database, parent: QObject | None = None, *, page_size: int | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.page_size = page_size or self.PAGE
        self.filter = AuditFilter()
        self._rows: list[audit_service.AuditRow] = []
        self._exhausted = True

    def set_database(self, db: Database) -> None:
        self.db = db
        self.reload()

    def set_filter(self, flt: AuditFilter) -> None:
        self.filter = flt
        self.reload()

    def update_filter(self, **changes: Any) -> None:
        self.set_filter(replace(self.filter, **changes))

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._page(0)
        self._exhausted = len(self._rows) < self.page_size
        self.endResetModel()

    def _page(self, offset: int) -> list[audit_service.AuditRow]:
        f = self.filter
        with self.db.session() as s:
            return dashboard_queries.audit_page(
                s, entity=f.entity, record=f.record, who=f.who,
                since=utc_bound(f.since) if f.since else None,
                until=utc_bound(f.until, end=True) if f.until else None,
                text=f.text or None, batch_id=f.batch_id, limit=self.page_size, offset=offset,
            )

    def row_at(self, row: int) -> audit_service.AuditRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- lazy fetching -------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted:
            return
        more = self._page(len(self._rows))
        self._exhausted = len(more) < self.page_size
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    # --- Qt API --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return heading(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(r, col)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if col in (self.COL_OLD, self.COL_NEW, self.COL_SOURCE) and text else None
            return text
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_ACTION and r.action in ("delete", "retract"):
            from PySide6.QtGui import QColor

            return QColor("#c62828")
        return None

    def _text(self, r: audit_service.AuditRow, col: int) -> str:
        if col == self.COL_AT:
            t = local_time(r.at)
            return f"{format_date(t.date())} {t:%H:%M:%S}"
        if col == self.COL_WHO:
            return r.who
        if col == self.COL_ENTITY:
            return entity_label(r.entity)
        if col == self.COL_LABEL:
            return r.entity_label
        if col == self.COL_ACTION:
            return action_label(r.action)
        if col == self.COL_FIELD:
            return field_label(r.field)
        if col == self.COL_OLD:
            return pretty_value(r.field, r.old, r.entity)
        if col == self.COL_NEW:
            return pretty_value(r.field, r.new, r.entity)
        if col == self.COL_SOURCE:
            return source_label(r.source, r.batch_id)
        return ""
