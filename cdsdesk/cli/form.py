"""``cdsdesk form --agency CODE --period 2024S1 -o FILE.xlsx`` or ``--all-agencies --out-dir DIR``:
update forms for agencies to fill in and send back."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import UsageError
from ..domain.periods import Period
from .output import open_db, print_json


def register(sub):  # noqa: ANN001
    p = sub.add_parser("form", help="tạo phiếu cập nhật cho cơ quan / create update forms for agencies")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--agency", metavar="CODE", help="mã cơ quan / agency code")
    who.add_argument("--all-agencies", action="store_true",
                     help="một phiếu cho mỗi cơ quan có nhiệm vụ hoặc chỉ tiêu / one form per agency")
    p.add_argument("--period", required=True, help="kỳ báo cáo, ví dụ 2024S1 / reporting period, e.g. 2024S1")
    p.add_argument("-o", "--output", metavar="FILE.xlsx", help="tệp kết quả (với --agency) / output file")
    p.add_argument("--out-dir", metavar="DIR", help="thư mục kết quả (với --all-agencies) / output folder")
    return p


def run(args) -> int:  # noqa: ANN001
    # Imported here, not at the top: openpyxl would otherwise load with every command's parser.
    from ..exchange.forms import form_file_name, write_all_forms, write_form

    period = Period.parse(args.period)
    if args.all_agencies and not args.out_dir:
        raise UsageError("--all-agencies cần --out-dir THƯ_MỤC", "--all-agencies needs --out-dir DIR")
    if args.all_agencies and args.output:
        raise UsageError("dùng --out-dir với --all-agencies, không dùng -o", "use --out-dir with --all-agencies, not -o")
    db = open_db(args)
    try:
        if args.agency:
            if args.output:
                out = Path(args.output)
            else:
                from ..services.lookup import agency_by_code

                with db.session() as s:
                    out = Path(args.out_dir or ".") / form_file_name(agency_by_code(s, args.agency), period)
            infos = [write_form(db, args.agency, period, out)]
        else:
            infos = write_all_forms(db, period, Path(args.out_dir))
    finally:
        db.dispose()
    if args.json:
        print_json([{"file": str(i.path), "agency": i.agency_code, "agency_name": i.agency_name, "period": i.period,
                     "tasks": i.tasks, "indicators": i.indicators, "issue_uuid": i.issue_uuid} for i in infos])
    else:
        for i in infos:
            print(f"{i.path}  ({i.agency_code}: {i.tasks} nhiệm vụ / tasks, {i.indicators} chỉ tiêu / indicators)")
        if not infos:
            print("Không có cơ quan nào có nhiệm vụ hoặc chỉ tiêu trong kỳ / No agency has tasks or indicators")
    return 0
