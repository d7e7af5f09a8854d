"""The committee's data as SQLAlchemy 2.0 typed models.

Stored statuses are the five of DOMAIN.md; "overdue" and "completed late" are derived. Every
record that travels between installations carries a UUID and a revision bumped on each change.
The status history and the audit log are append-only: an undo retracts an entry, never deletes it.
"""

from __future__ import annotations

import datetime as dt
import uuid as _uuid

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(_uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Key/value settings kept with the data: database id, report letterhead, signer …"""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Agency(Base):
    __tablename__ = "agencies"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(120), default="")
    kind: Mapped[str] = mapped_column(String(20))  # domain.status.AgencyKind
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), index=True)
    name_fold: Mapped[str] = mapped_column(String(300), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)

    parent: Mapped[Agency | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Agency]] = relationship(back_populates="parent")


class Plan(Base):
    """A plan, project or programme that hands out tasks (Kế hoạch năm, Đề án 06, Chương trình)."""

    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(400))
    kind: Mapped[str] = mapped_column(String(20), default="plan")  # plan | project | programme
    source_document: Mapped[str] = mapped_column(String(300), default="")
    year: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)


class Pillar(Base):
    """The 3 pillars: digital government, economy, society."""

    __tablename__ = "pillars"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Area(Base):
    """The 8 areas of work (nhận thức số … xã hội số); a pillar where the area belongs to one."""

    __tablename__ = "areas"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    pillar_id: Mapped[int | None] = mapped_column(ForeignKey("pillars.id"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    pillar: Mapped[Pillar | None] = relationship()


class Meeting(Base):
    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20), default="quarterly")  # quarterly|six_month|yearly|ad_hoc
    title: Mapped[str] = mapped_column(String(400))
    chair: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)

    directives: Mapped[list[Directive]] = relationship(
        back_populates="meeting", order_by="Directive.number", cascade="all, delete-orphan"
    )


class Directive(Base):
    """A conclusion or directive of a meeting; it may create tasks."""

    __tablename__ = "directives"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    number: Mapped[int] = mapped_column(Integer, default=1)
    text: Mapped[str] = mapped_column(Text)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    revision: Mapped[int] = mapped_column(Integer, default=1)

    meeting: Mapped[Meeting] = relationship(back_populates="directives")
    agency: Mapped[Agency | None] = relationship()
    tasks: Mapped[list[Task]] = relationship(back_populates="directive")


task_cooperators = Table(
    "task_cooperators",
    Base.metadata,
    Column("task_id", ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True),
    Column("agency_id", ForeignKey("agencies.id"), primary_key=True),
)


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (
        # Covering: the dashboard's counts by agency, plan and status scan only this (migration 0003).
        Index("ix_tasks_counts_cover", "lead_agency_id", "plan_id", "status", "deleted_at", "start_date", "deadline"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id"), index=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id"), index=True)
    lead_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), index=True)
    directive_id: Mapped[int | None] = mapped_column(ForeignKey("directives.id"), index=True)
    focal_person: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    deadline: Mapped[dt.date | None] = mapped_column(Date, index=True)
    recurring: Mapped[bool] = mapped_column(Boolean, default=False)  # "Thường xuyên"
    expected_product: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    # Current state, kept equal to the latest non-retracted history entry.
    status: Mapped[str] = mapped_column(String(20), default="not_started", index=True)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    last_update_on: Mapped[dt.date | None] = mapped_column(Date)
    completed_on: Mapped[dt.date | None] = mapped_column(Date)
    # Precomputed keys for search and Vietnamese ordering (see domain.text).
    search_text: Mapped[str] = mapped_column(Text, default="")
    title_sort: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # recoverable deletion
    # Every UPDATE of the row is conditional on the revision this session read:
    # ``… SET revision = :new WHERE id = :id AND revision = :read``. Two clients that both passed
    # the revision check cannot both write; the second finds no row and changes nothing.
    __mapper_args__ = {"version_id_col": revision, "version_id_generator": False}

    plan: Mapped[Plan | None] = relationship()
    area: Mapped[Area | None] = relationship()
    lead_agency: Mapped[Agency | None] = relationship(foreign_keys=[lead_agency_id])
    cooperators: Mapped[list[Agency]] = relationship(secondary=task_cooperators)
    directive: Mapped[Directive | None] = relationship(back_populates="tasks")
    history: Mapped[list[StatusUpdate]] = relationship(
        back_populates="task", order_by="(StatusUpdate.entry_date, StatusUpdate.id)"
    )


class ImportBatch(Base):
    """One import (or other bulk change): the unit of undo, named in the audit log."""

    __tablename__ = "import_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    kind: Mapped[str] = mapped_column(String(30))  # form | legacy | package | dhis2 | csv | bulk
    source_name: Mapped[str] = mapped_column(String(500), default="")
    source_sha256: Mapped[str] = mapped_column(String(64), default="", index=True)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    period: Mapped[str | None] = mapped_column(String(10))
    source_db_id: Mapped[str] = mapped_column(String(36), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(120), default="")
    summary_json: Mapped[str] = mapped_column(Text, default="{}")
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    undone_by: Mapped[str] = mapped_column(String(120), default="")


class StatusUpdate(Base):
    """Append-only status history of a task."""

    __tablename__ = "status_updates"
    __table_args__ = (
        # Covering: a task's status as of a day comes from the index alone (migration 0003).
        Index("ix_status_updates_task_cover", "task_id", "entry_date", "id", "retracted_at", "status", "progress"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"))
    entry_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    progress: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    reporter: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(300), default="manual")  # manual | import:<file>
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"), index=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    retracted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    task: Mapped[Task] = relationship(back_populates="history")


class Indicator(Base):
    __tablename__ = "indicators"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(60), default="%")
    value_type: Mapped[str] = mapped_column(String(10), default="percent")  # percent|number|count
    direction: Mapped[str] = mapped_column(String(10), default="higher")  # higher|lower
    aggregation: Mapped[str] = mapped_column(String(10), default="none")  # sum|mean|max|min|none
    data_source: Mapped[str] = mapped_column(String(300), default="")
    verifying_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id"), index=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    plan: Mapped[Plan | None] = relationship()
    area: Mapped[Area | None] = relationship()
    verifying_agency: Mapped[Agency | None] = relationship()
    targets: Mapped[list[Target]] = relationship(back_populates="indicator")


class Target(Base):
    """A target for an indicator, province-wide (agency None) or for one agency."""

    __tablename__ = "targets"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"), index=True)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    baseline_value: Mapped[float | None] = mapped_column(Float)
    baseline_period: Mapped[str | None] = mapped_column(String(10))
    target_value: Mapped[float] = mapped_column(Float)
    target_date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)

    indicator: Mapped[Indicator] = relationship(back_populates="targets")
    agency: Mapped[Agency | None] = relationship()


class IndicatorValue(Base):
    """The value of an indicator for one agency and one period. The province's own figure is
    stored against the province agency (kind ``province``)."""

    __tablename__ = "indicator_values"
    __table_args__ = (
        UniqueConstraint("indicator_id", "agency_id", "period", name="uq_indicator_values_key"),
        # Covering index: aggregates over millions of values read only the index (migration 0003).
        Index("ix_indicator_values_period_cover", "indicator_id", "period", "period_end", "agency_id", "value"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    period: Mapped[str] = mapped_column(String(10))
    period_end: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    comment: Mapped[str] = mapped_column(Text, default="")
    stored_by: Mapped[str] = mapped_column(String(120), default="")
    stored_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    # Conditional writes by revision, as for tasks.
    __mapper_args__ = {"version_id_col": revision, "version_id_generator": False}

    indicator: Mapped[Indicator] = relationship()
    agency: Mapped[Agency] = relationship()


class FormIssue(Base):
    """An update form sent to an agency for a period (what was sent, for conflict checks)."""

    __tablename__ = "form_issues"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    period: Mapped[str] = mapped_column(String(10))
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(120), default="")
    file_name: Mapped[str] = mapped_column(String(500), default="")


class AuditEntry(Base):
    """Append-only log of every change: by hand, by import or by undo."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_uuid"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    who: Mapped[str] = mapped_column(String(120), default="")
    entity: Mapped[str] = mapped_column(String(30))  # task | status_update | indicator_value | …
    entity_uuid: Mapped[str] = mapped_column(String(36))
    entity_label: Mapped[str] = mapped_column(String(120), default="")  # task code, indicator code …
    action: Mapped[str] = mapped_column(String(20), default="update")  # create|update|delete|restore|retract
    field: Mapped[str] = mapped_column(String(60), default="")
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"), index=True)
    source: Mapped[str] = mapped_column(String(300), default="manual")
