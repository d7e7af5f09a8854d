"""``cdsdesk package -o FILE.cdsx [--agency CODE] [--since DATE]``: an exchange package for another
installation (a district's data for the province, the province's for the national level)."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import UsageError
from ..domain.numbers import parse_date
from .output import open_db, print_json


def register(sub):  # noqa: ANN001
    p = sub.add_parser("package", help="đóng gói dữ liệu gửi cấp trên (.cdsx) / write an exchange package")
    p.add_argument("-o", "--output", required=True, metavar="FILE.cdsx", help="tệp gói / package file")
    p.add_argument("--agency", metavar="CODE", help="chỉ cơ quan này và các đơn vị trực thuộc / only this agency and its units")
    p.add_argument("--since", metavar="DATE", help="chỉ những gì thay đổi từ ngày này (dd/mm/yyyy hoặc yyyy-mm-dd) "
                                                   "/ only what changed since this date")
    return p


def run(args) -> int:  # noqa: ANN001
    from ..exchange.package import write_package

    since = None
    if args.since:
        try:
            since = parse_date(args.since)
        except ValueError:
            raise UsageError(f"--since: '{args.since}' không phải là ngày (dd/mm/yyyy)",
                             f"--since: '{args.since}' is not a date (dd/mm/yyyy or yyyy-mm-dd)") from None
    out = Path(args.output)
    if out.suffix.lower() != ".cdsx":
        out = out.with_name(out.name + ".cdsx")
    db = open_db(args)
    try:
        with db.session() as s:
            info = write_package(s, out, agency_code=args.agency, since=since)
    finally:
        db.dispose()
    if args.json:
        print_json({"file": str(info.path), "source_database_id": info.source_database_id, "counts": info.counts})
    else:
        print(info.text(getattr(args, "lang", None) or "vi"))
    return 0
