"""``cdsdesk plans``: each plan with its task counts by status."""

from __future__ import annotations

from ..domain.numbers import format_percent
from ..services.queries import completion_rate, plans_summary
from .output import open_db, parse_day, print_json, print_table


def register(sub):  # noqa: ANN001
    p = sub.add_parser("plans", help="các kế hoạch và số nhiệm vụ theo trạng thái / plans with counts")
    p.add_argument("--as-of", help="tính đến ngày YYYY-MM-DD / as of YYYY-MM-DD")
    return p


def run(args) -> int:  # noqa: ANN001
    as_of = parse_day(args.as_of)
    db = open_db(args)
    try:
        with db.session() as s:
            rows = plans_summary(s, as_of=as_of)
    finally:
        db.dispose()
    if args.json:
        print_json([
            {"code": r.code, "name": r.name, "year": r.year, "kind": r.kind, **r.counts,
             "completion_rate": completion_rate(r.counts)}
            for r in rows
        ])
        return 0
    print_table(
        ["Mã", "Kế hoạch", "Tổng", "HT", "HT-TX", "Đang", "Chưa", "Vướng", "Quá hạn", "Tỷ lệ HT"],
        [[r.code, r.name[:60], r.counts["total"], r.counts["done"], r.counts["done_routine"],
          r.counts["in_progress"], r.counts["not_started"], r.counts["blocked"], r.counts["overdue"],
          format_percent(completion_rate(r.counts))] for r in rows],
    )
    return 0
