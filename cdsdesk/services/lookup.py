"""Finding records by the codes people type, with a clear error when nothing matches."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import NotFound
from ..store.models import Agency, Area, Indicator, Plan, Task


def plan_by_code(session: Session, code: str) -> Plan:
    obj = session.scalar(select(Plan).where(Plan.code == code))
    if obj is None:
        raise NotFound(f"Không tìm thấy kế hoạch '{code}'", f"Plan '{code}' not found")
    return obj


def agency_by_code(session: Session, code: str) -> Agency:
    obj = session.scalar(select(Agency).where(Agency.code == code))
    if obj is None:
        raise NotFound(f"Không tìm thấy cơ quan '{code}'", f"Agency '{code}' not found")
    return obj


def area_by_code(session: Session, code: str) -> Area:
    obj = session.scalar(select(Area).where(Area.code == code))
    if obj is None:
        raise NotFound(f"Không tìm thấy lĩnh vực '{code}'", f"Area '{code}' not found")
    return obj


def task_by_code(session: Session, code: str) -> Task:
    obj = session.scalar(select(Task).where(Task.code == code, Task.deleted_at.is_(None)))
    if obj is None:
        raise NotFound(f"Không tìm thấy nhiệm vụ '{code}'", f"Task '{code}' not found")
    return obj


def task_by_id(session: Session, task_id: int) -> Task:
    obj = session.get(Task, task_id)
    if obj is None:
        raise NotFound(f"Không tìm thấy nhiệm vụ #{task_id}", f"Task #{task_id} not found")
    return obj


def indicator_by_code(session: Session, code: str) -> Indicator:
    obj = session.scalar(select(Indicator).where(Indicator.code == code))
    if obj is None:
        raise NotFound(f"Không tìm thấy chỉ tiêu '{code}'", f"Indicator '{code}' not found")
    return obj


def province(session: Session) -> Agency | None:
    """The root agency of kind ``province`` (the province's own figures are stored against it)."""
    return session.scalar(
        select(Agency).where(Agency.kind == "province", Agency.parent_id.is_(None)).order_by(Agency.id)
    )
