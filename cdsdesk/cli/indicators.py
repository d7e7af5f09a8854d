"""``cdsdesk indicators [--plan CODE]``: indicators with latest value, target and class."""

from __future__ import annotations

from ..domain.numbers import format_number
from ..domain.status import TargetClass
from ..services.indicators import class_counts, overview
from ..services.lookup import plan_by_code
from .output import open_db, parse_day, print_json, print_table


def register(sub):  # noqa: ANN001
    p = sub.add_parser("indicators", help="chỉ tiêu, mục tiêu và đánh giá / indicators with targets and class")
    p.add_argument("--plan", help="mã chương trình, kế hoạch / programme or plan code")
    p.add_argument("--as-of", help="tính đến ngày YYYY-MM-DD / as of YYYY-MM-DD")
    return p


def run(args) -> int:  # noqa: ANN001
    as_of = parse_day(args.as_of)
    db = open_db(args)
    try:
        with db.session() as s:
            plan = plan_by_code(s, args.plan) if args.plan else None
            rows = overview(s, plan_id=plan.id if plan else None, as_of=as_of)
            by_plan: dict[str, list] = {}
            for r in rows:
                by_plan.setdefault(r.plan_code, []).append(r)
    finally:
        db.dispose()
    if args.json:
        print_json({
            "indicators": [r.as_dict() for r in rows],
            "programmes": [{"code": code, "counts": class_counts(rs)} for code, rs in by_plan.items()],
            "counts": class_counts(rows),
        })
        return 0
    print_table(
        ["Mã", "Chỉ tiêu", "Giá trị", "Kỳ", "Mục tiêu", "Đánh giá"],
        [[r.code, r.name[:60], format_number(r.latest_value), r.latest_period or "",
          format_number(r.target_value), TargetClass(r.klass).label_vi if r.klass else ""] for r in rows],
    )
    c = class_counts(rows)
    print(f"\nĐã hoàn thành {c['achieved']}; khả năng hoàn thành cao {c['likely']}; "
          f"cần nỗ lực tập trung {c['needs_effort']} (tổng {c['total']} mục tiêu)")
    return 0
