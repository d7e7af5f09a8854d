"""``cdsdesk agencies``: the agencies with kind and parent."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import aliased

from ..domain.text import sort_key
from ..store.models import Agency
from .output import open_db, print_json, print_table


def register(sub):  # noqa: ANN001
    p = sub.add_parser("agencies", help="danh sách cơ quan, đơn vị / list agencies")
    p.add_argument("--kind", help="province|department|district|commune|ministry|enterprise")
    return p


def run(args) -> int:  # noqa: ANN001
    db = open_db(args)
    try:
        with db.session() as s:
            parent = aliased(Agency)
            q = select(Agency.code, Agency.name, Agency.kind, parent.code).outerjoin(
                parent, parent.id == Agency.parent_id)
            if args.kind:
                q = q.where(Agency.kind == args.kind)
            rows = sorted(s.execute(q).all(), key=lambda r: (r[3] is not None, sort_key(r[1])))
    finally:
        db.dispose()
    if args.json:
        print_json([{"code": c, "name": n, "kind": k, "parent": p} for c, n, k, p in rows])
        return 0
    print_table(["Mã", "Tên", "Loại", "Trực thuộc"], rows)
    return 0
