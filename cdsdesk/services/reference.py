"""Reference data every province shares: the 3 pillars and the 8 areas of work (editable)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..paths import resource
from ..store.models import Area, Pillar


def ensure_reference_data(session: Session) -> int:
    """Add the pillars and areas that are missing (by code). Returns how many rows were added."""
    doc = json.loads(resource("demo", "province.json").read_text(encoding="utf-8"))
    added = 0
    pillars = {c: i for c, i in session.execute(select(Pillar.code, Pillar.id))}
    for n, p in enumerate(doc["pillars"], start=1):
        if p["code"] not in pillars:
            row = Pillar(code=p["code"], name=p["name"], sort_order=n)
            session.add(row)
            session.flush()
            pillars[p["code"]] = row.id
            added += 1
    areas = set(session.scalars(select(Area.code)))
    for n, a in enumerate(doc["areas"], start=1):
        if a["code"] not in areas:
            session.add(Area(code=a["code"], name=a["name"], sort_order=n,
                             pillar_id=pillars.get(a["pillar"]) if a.get("pillar") else None))
            added += 1
    return added
