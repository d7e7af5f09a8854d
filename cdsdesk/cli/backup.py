"""``cdsdesk backup [-o FILE] [--list]``: a checked copy of the database, or the list of copies."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import UserError
from ..domain.numbers import format_number
from .output import print_json, print_table


def register(sub):  # noqa: ANN001
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu / back up the database")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="tệp đích (mặc định: thư mục <tên>.backups bên cạnh) / destination file "
                        "(default: the <name>.backups folder beside the database)")
    p.add_argument("--list", action="store_true", help="liệt kê các bản sao lưu / list the backups")
    return p


def _sqlite_file(args, *, must_exist: bool = True) -> Path:  # noqa: ANN001
    """The SQLite file ``--db`` names; PostgreSQL has the server's own backups."""
    from ..store.engine import resolve_db_url, sqlite_path

    path = sqlite_path(resolve_db_url(args.db))
    if path is None:
        raise UserError(
            "Cơ sở dữ liệu PostgreSQL được sao lưu trên máy chủ (pg_dump), không bằng lệnh này.",
            "A PostgreSQL database is backed up on the server (pg_dump), not with this command.",
        )
    if must_exist and not path.is_file():
        raise UserError(f"Không tìm thấy cơ sở dữ liệu: {path}", f"Database not found: {path}")
    return path


def run(args) -> int:  # noqa: ANN001
    from ..store import backup as bk
    from ..store.integrity import check_file
    from ..store.session import damaged_error

    path = _sqlite_file(args)
    if args.list:
        rows = bk.list_backups(path)
        if args.json:
            print_json([{"file": b.path, "kind": b.kind, "created": b.created, "size": b.size} for b in rows])
        else:
            print_table(["Thời điểm / when", "Loại / kind", "Cỡ / size (KB)", "Tệp / file"],
                        [(b.created.strftime("%d/%m/%Y %H:%M:%S"), b.label_vi, format_number(b.size // 1024),
                          b.path.name) for b in rows])
        return 0
    report = check_file(path)
    if not report.ok:
        raise damaged_error(report)
    dest = Path(args.output).expanduser().resolve() if args.output else None
    if dest is not None and dest.exists() and dest.resolve() == path.resolve():
        raise UserError("Không thể sao lưu đè lên chính cơ sở dữ liệu.", "Cannot back up onto the database itself.")
    made = bk.make_backup(path, "manual", dest=dest)
    if args.json:
        print_json({"backup": made, "size": made.stat().st_size})
    else:
        print(f"Đã sao lưu và kiểm tra / backed up and checked: {made}")
    return 0
