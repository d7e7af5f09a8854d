"""``cdsdesk init``: create an empty database (or upgrade an existing one to the current schema)."""

from __future__ import annotations

from .output import open_db, print_json


def register(sub):  # noqa: ANN001
    return sub.add_parser("init", help="tạo cơ sở dữ liệu trống / create an empty database")


def run(args) -> int:  # noqa: ANN001
    db = open_db(args, create=True)
    try:
        from ..services.reference import ensure_reference_data
        from ..store.migrate import current_revision

        with db.session() as s:
            ensure_reference_data(s)

        info = {"database": db.display_name(), "revision": current_revision(db), "journal_mode": db.journal_mode}
        if args.json:
            print_json(info)
        else:
            print(f"Đã sẵn sàng / ready: {info['database']} (schema {info['revision']})")
            for n in db.notices:
                print(n)
    finally:
        db.dispose()
    return 0
