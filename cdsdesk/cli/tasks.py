"""``cdsdesk tasks [filters]``: the task list."""

from __future__ import annotations

from ..domain.errors import UsageError
from ..domain.numbers import format_date
from ..domain.status import TaskStatus
from ..services.lookup import agency_by_code, area_by_code, plan_by_code
from ..services.queries import list_tasks
from .output import open_db, parse_day, print_json, print_table

_STATUS_CHOICES = [s.value for s in TaskStatus] + ["completed", "overdue"]


def register(sub):  # noqa: ANN001
    p = sub.add_parser("tasks", help="danh sách nhiệm vụ / list tasks")
    p.add_argument("--plan", help="mã kế hoạch / plan code")
    p.add_argument("--agency", help="mã cơ quan chủ trì / lead agency code")
    p.add_argument("--area", help="mã lĩnh vực / area code")
    p.add_argument("--status", help="trạng thái / status: " + ", ".join(_STATUS_CHOICES))
    p.add_argument("--overdue", action="store_true", help="chỉ nhiệm vụ quá hạn / overdue only")
    p.add_argument("--search", help="tìm không dấu / search ignoring diacritics")
    p.add_argument("--due-within", type=int, metavar="DAYS", help="đến hạn trong N ngày / due within N days")
    p.add_argument("--as-of", help="tính đến ngày YYYY-MM-DD / as of YYYY-MM-DD")
    p.add_argument("--limit", type=int)
    return p


def run(args) -> int:  # noqa: ANN001
    as_of = parse_day(args.as_of)
    status, overdue = args.status, args.overdue
    if status == "overdue":
        status, overdue = None, True
    if status is not None and status not in _STATUS_CHOICES:
        raise UsageError(f"Trạng thái không hợp lệ: {status}; chọn một trong: {', '.join(_STATUS_CHOICES)}",
                         f"Invalid status: {status}; choose one of: {', '.join(_STATUS_CHOICES)}")
    db = open_db(args)
    try:
        with db.session() as s:
            rows = list_tasks(
                s, as_of=as_of,
                plan_id=plan_by_code(s, args.plan).id if args.plan else None,
                agency_id=agency_by_code(s, args.agency).id if args.agency else None,
                area_id=area_by_code(s, args.area).id if args.area else None,
                status=status, overdue_only=overdue, search=args.search,
                due_within_days=args.due_within, limit=args.limit,
            )
    finally:
        db.dispose()
    if args.json:
        print_json([r.as_dict() for r in rows])
        return 0
    print_table(
        ["Mã", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Trạng thái", "%"],
        [[r.code, r.title[:70], r.lead_agency_code, format_date(r.deadline),
          TaskStatus(r.status).label_vi + (" (quá hạn)" if r.overdue else ""), r.progress] for r in rows],
    )
    return 0
