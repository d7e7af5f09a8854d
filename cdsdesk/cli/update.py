"""``cdsdesk update TASK_CODE --status KEY [--progress N] [--note TEXT] [--date YYYY-MM-DD]``."""

from __future__ import annotations

from ..domain.status import TaskStatus
from ..services.lookup import task_by_code
from ..services.tasks import record_status_update
from .output import open_db, parse_day, print_json


def register(sub):  # noqa: ANN001
    p = sub.add_parser("update", help="cập nhật trạng thái nhiệm vụ / record a status update")
    p.add_argument("task", metavar="TASK_CODE")
    p.add_argument("--status", required=True, help=", ".join(s.value for s in TaskStatus))
    p.add_argument("--progress", help="0–100")
    p.add_argument("--note", default="", help="kết quả, ghi chú / result, note")
    p.add_argument("--date", help="ngày cập nhật YYYY-MM-DD (mặc định hôm nay) / entry date")
    p.add_argument("--reporter", help="người báo cáo / reporter")
    return p


def run(args) -> int:  # noqa: ANN001
    day = parse_day(args.date, "--date")
    db = open_db(args)
    try:
        with db.session() as s:
            task = task_by_code(s, args.task)
            entry = record_status_update(s, task.id, status=args.status, progress=args.progress,
                                         note=args.note, entry_date=day, reporter=args.reporter)
            result = {"code": task.code, "status": task.status, "progress": task.progress,
                      "revision": task.revision, "entry_date": entry.entry_date, "update_id": entry.id}
    finally:
        db.dispose()
    if args.json:
        print_json(result)
    else:
        print(f"{result['code']}: {TaskStatus(result['status']).label_vi}, {result['progress']}% "
              f"(phiên bản / revision {result['revision']})")
    return 0
