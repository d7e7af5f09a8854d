"""``cdsdesk check``: the full ``integrity_check`` and ``foreign_key_check``, read-only, with a report."""

from __future__ import annotations

from ..domain.errors import UserError
from .output import print_json


class DamagedExit(UserError):
    exit_code = 3


def register(sub):  # noqa: ANN001
    return sub.add_parser("check", help="kiểm tra toàn vẹn cơ sở dữ liệu / check the database's integrity")


def run(args) -> int:  # noqa: ANN001
    from ..store.backup import list_backups, newest_good_backup
    from ..store.integrity import check_file
    from ..store.migrate import head_revision, known_revisions
    from .backup import _sqlite_file

    from ..store.engine import resolve_db_url, sqlite_path

    if sqlite_path(resolve_db_url(args.db)) is None:
        return _check_server(args)
    path = _sqlite_file(args)
    report = check_file(path, full=True)
    newer = report.revision is not None and report.revision not in known_revisions()
    info = {
        "database": path,
        "ok": report.ok and not newer,
        "integrity": report.problems or ["ok"],
        "foreign_key_violations": len(report.foreign_key_violations),
        "revision": report.revision,
        "app_revision": head_revision(),
        "backups": len(list_backups(path)),
    }
    if not report.ok:
        good = newest_good_backup(path)
        info["newest_good_backup"] = good
    if args.json:
        print_json(info)
    else:
        print(f"Cơ sở dữ liệu / database: {path}")
        print(f"Cấu trúc / schema: {report.revision or '-'} (ứng dụng / app: {info['app_revision']})")
        print(f"Số bản sao lưu / backups: {info['backups']}")
        if report.ok:
            print("Toàn vẹn: tốt / integrity: ok")
        else:
            print("TỆP BỊ HỎNG / THE FILE IS DAMAGED:")
            for line in report.summary().splitlines():
                print(f"  {line}")
            good = info.get("newest_good_backup")
            print(f"Khôi phục / restore: cdsdesk --db \"{path}\" restore \"{good}\"" if good
                  else "Không có bản sao lưu tốt / no good backup")
        if newer:
            print("Cấu trúc mới hơn ứng dụng; hãy cập nhật cdsdesk / schema newer than this app; update cdsdesk")
    if not report.ok:
        raise DamagedExit("Cơ sở dữ liệu bị hỏng (xem báo cáo ở trên)", "The database is damaged (see the report above)")
    return 0 if not newer else 1


def _check_server(args) -> int:  # noqa: ANN001
    """PostgreSQL checks its own pages; what the app can say is whether the schema is one it knows."""
    from ..store.engine import make_engine, resolve_db_url
    from ..store.migrate import current_revision, head_revision, known_revisions

    db = make_engine(resolve_db_url(args.db))
    try:
        revision = current_revision(db)
    finally:
        db.dispose()
    known = revision is None or revision in known_revisions()
    info = {"database": db.display_name(), "ok": known, "revision": revision, "app_revision": head_revision()}
    if args.json:
        print_json(info)
    else:
        print(f"Cơ sở dữ liệu / database: {info['database']} (PostgreSQL)")
        print(f"Cấu trúc / schema: {revision or '-'} (ứng dụng / app: {info['app_revision']})")
        print("Toàn vẹn trang dữ liệu do máy chủ PostgreSQL kiểm tra / page integrity is the PostgreSQL server's job")
    return 0 if known else 1
