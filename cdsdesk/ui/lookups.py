"""The short lists every form chooses from (plans, areas, agencies, directives), read once."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from ..domain.numbers import format_date
from ..domain.text import sort_key
from ..store.models import Agency, Area, Directive, Meeting, Plan


@dataclass(frozen=True)
class Choice:
    id: int
    code: str
    label: str


@dataclass
class Lookups:
    plans: list[Choice] = field(default_factory=list)
    areas: list[Choice] = field(default_factory=list)
    agencies: list[Choice] = field(default_factory=list)
    directives: list[Choice] = field(default_factory=list)

    def id_of(self, kind: str, code: str | None) -> int | None:
        if not code:
            return None
        for c in getattr(self, kind):
            if c.code == code:
                return c.id
        return None


def load_lookups(db) -> Lookups:  # noqa: ANN001
    with db.session() as s:
        plans = [Choice(i, c, f"{c} — {n}") for i, c, n in
                 s.execute(select(Plan.id, Plan.code, Plan.name).order_by(Plan.year.desc().nulls_last(), Plan.code))]
        areas = [Choice(i, c, n) for i, c, n in
                 s.execute(select(Area.id, Area.code, Area.name).order_by(Area.sort_order, Area.id))]
        agencies = [Choice(i, c, n) for i, c, n in
                    s.execute(select(Agency.id, Agency.code, Agency.name).where(Agency.active.is_(True)))]
        agencies.sort(key=lambda a: sort_key(a.label))
        directives = [
            Choice(i, str(i), f"{format_date(d)} · {num}. {text[:80]}")
            for i, num, text, d in s.execute(
                select(Directive.id, Directive.number, Directive.text, Meeting.date)
                .join(Meeting, Meeting.id == Directive.meeting_id)
                .order_by(Meeting.date.desc(), Directive.number)
            )
        ]
    return Lookups(plans, areas, agencies, directives)
