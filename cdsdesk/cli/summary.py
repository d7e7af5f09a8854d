"""``cdsdesk summary --plan CODE [--agency CODE] [--as-of DATE]``: counts by status."""

from __future__ import annotations

from ..domain.status import STATUS_LABELS_VI, TaskStatus
from ..services.lookup import agency_by_code, plan_by_code
from ..services.queries import completion_rate, status_counts
from .output import open_db, parse_day, print_json


def register(sub):  # noqa: ANN001
    p = sub.add_parser("summary", help="số nhiệm vụ theo trạng thái / counts by status")
    p.add_argument("--plan", help="mã kế hoạch / plan code")
    p.add_argument("--agency", help="mã cơ quan chủ trì / lead agency code")
    p.add_argument("--as-of", help="tính đến ngày YYYY-MM-DD / as of YYYY-MM-DD")
    return p


def run(args) -> int:  # noqa: ANN001
    as_of = parse_day(args.as_of)
    db = open_db(args)
    try:
        with db.session() as s:
            plan = plan_by_code(s, args.plan) if args.plan else None
            agency = agency_by_code(s, args.agency) if args.agency else None
            counts = status_counts(s, plan_id=plan.id if plan else None,
                                   agency_id=agency.id if agency else None, as_of=as_of)
    finally:
        db.dispose()
    if args.json:
        print_json({"plan": args.plan, "agency": args.agency, "as_of": as_of, **counts,
                    "completion_rate": completion_rate(counts)})
        return 0
    print(f"Tổng số {counts['total']} nhiệm vụ, trong đó:")
    for st in TaskStatus:
        print(f"  {STATUS_LABELS_VI[st]}: {counts[st.value]}")
    print(f"  Quá hạn: {counts['overdue']}")
    return 0
