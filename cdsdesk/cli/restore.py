"""``cdsdesk restore FILE``: put a backup in place of the database, after backing up what it replaces."""

from __future__ import annotations

from pathlib import Path

from .backup import _sqlite_file
from .output import print_json


def register(sub):  # noqa: ANN001
    p = sub.add_parser("restore", help="khôi phục từ bản sao lưu / restore a backup")
    p.add_argument("file", metavar="FILE", help="bản sao lưu / the backup file")
    return p


def run(args) -> int:  # noqa: ANN001
    from ..store.backup import restore

    path = _sqlite_file(args, must_exist=False)  # restoring onto a file that is gone is fine
    result = restore(path, Path(args.file).expanduser())
    info = {"database": path, "restored_from": result.restored_from, "previous_backup": result.previous_backup,
            "damaged_aside": result.damaged_aside}
    if args.json:
        print_json(info)
    else:
        print(f"Đã khôi phục / restored {path} ← {result.restored_from}")
        if result.previous_backup:
            print(f"Bản cũ được sao lưu tại / the replaced data was backed up to: {result.previous_backup}")
        if result.damaged_aside:
            print(f"Tệp hỏng được giữ lại tại / the damaged file was kept as: {result.damaged_aside}")
    return 0
