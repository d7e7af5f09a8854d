"""Agencies and their hierarchy."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..domain.status import AgencyKind
from ..domain.text import fold, nfc
from ..store.models import Agency
from . import audit


def create_agency(session: Session, *, code: str, name: str, kind: str, parent_id: int | None = None,
                  short_name: str = "", who: str | None = None, uuid: str | None = None) -> Agency:
    try:
        AgencyKind(kind)
    except ValueError:
        raise ValidationError(f"Loại cơ quan không hợp lệ: {kind}", f"Invalid agency kind: {kind}") from None
    code, name = nfc(code), nfc(name)
    if not code or not name:
        raise ValidationError("Mã và tên cơ quan không được để trống", "Agency code and name are required")
    if session.scalar(select(Agency.id).where(Agency.code == code)) is not None:
        raise ValidationError(f"Mã cơ quan '{code}' đã tồn tại", f"Agency code '{code}' already exists")
    a = Agency(code=code, name=name, kind=kind, parent_id=parent_id, short_name=nfc(short_name),
               name_fold=fold(name))
    if uuid:
        a.uuid = uuid
    session.add(a)
    session.flush()
    audit.log(session, entity="agency", uuid=a.uuid, label=code, action="create", new=name, who=who)
    return a


def edit_agency(session: Session, agency_id: int, changes: dict[str, Any], *, who: str | None = None) -> dict:
    a = session.get(Agency, agency_id)
    old = {}
    for k, v in changes.items():
        if k not in ("name", "short_name", "kind", "parent_id", "active", "sort_order"):
            continue
        if isinstance(v, str):
            v = nfc(v)
        if getattr(a, k) != v:
            old[k] = getattr(a, k)
            audit.log(session, entity="agency", uuid=a.uuid, label=a.code, field=k, old=old[k], new=v, who=who)
            setattr(a, k, v)
    if old:
        a.name_fold = fold(a.name)
        a.revision += 1
    return old


def find_by_name(session: Session, name: str) -> Agency | None:
    """An agency whose name or short name matches, ignoring diacritics and case."""
    key = fold(name)
    for a in session.scalars(select(Agency)):
        if key in (a.name_fold or fold(a.name), fold(a.short_name)) and key:
            return a
    return None


def tree(session: Session) -> list[Agency]:
    """All agencies, parents before children."""
    return list(session.scalars(select(Agency).order_by(Agency.parent_id.is_not(None), Agency.sort_order, Agency.code)))
