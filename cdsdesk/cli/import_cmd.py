"""``cdsdesk import FILE... [--dry-run] [--on-conflict fail|skip|mine|theirs] [--json] [--undo BATCH]``.

Exit 0 when applied or nothing to apply, 1 when a file is rejected, 2 for usage errors."""

from __future__ import annotations

import sys
from pathlib import Path

from ..domain.errors import UsageError
from ..exchange.importer import ImportOptions, import_files, undo
from ..exchange.plan import ImportResult, Outcome, RowStatus
from .output import open_db, print_json


def register(sub):  # noqa: ANN001
    p = sub.add_parser("import", help="nhập phiếu cập nhật và tệp dữ liệu / import returned forms and data files")
    p.add_argument("files", nargs="*", metavar="FILE", help="các tệp cần nhập / files to import")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem kế hoạch, không ghi / show the plan, write nothing")
    p.add_argument("--on-conflict", choices=["fail", "skip", "mine", "theirs"], default="fail",
                   help="xử lý xung đột: fail (từ chối tệp), skip (bỏ qua dòng), mine (giữ dữ liệu trong máy), "
                        "theirs (lấy theo tệp) / conflict policy")
    p.add_argument("--undo", metavar="BATCH", help="hoàn tác một lần nhập / undo an import batch")
    p.add_argument("--plan", metavar="CODE",
                   help="bảng theo dõi cũ: đưa nhiệm vụ vào kế hoạch này (tạo nếu chưa có) "
                        "/ legacy sheet: put the tasks under this plan (created if new)")
    p.add_argument("--mapping", metavar="FILE.json",
                   help="bảng theo dõi cũ: đối chiếu tiêu đề/trạng thái/cơ quan/lĩnh vực chưa nhận ra "
                        "/ legacy sheet: mapping of unrecognised headings, statuses, agencies, areas")
    p.add_argument("--verbose", "-v", action="store_true", help="liệt kê cả dòng không đổi / list unchanged rows too")
    return p


def run(args) -> int:  # noqa: ANN001
    if args.undo and args.files:
        raise UsageError("--undo không đi cùng tên tệp", "--undo takes no files")
    if not args.undo and not args.files:
        raise UsageError("cần ít nhất một tệp để nhập (hoặc --undo LÔ)", "at least one file is needed (or --undo BATCH)")
    lang = args.lang or "vi"
    db = open_db(args)
    try:
        if args.undo:
            res = undo(db, args.undo)
            if args.json:
                print_json({"undone": res.batch_id, "file": res.source_name,
                            "tasks": sorted(res.changes.tasks), "indicators": sorted(res.changes.indicators)})
            else:
                print(res.text(lang))
            return 0
        result = import_files(db, [Path(f) for f in args.files],
                              ImportOptions(dry_run=args.dry_run, on_conflict=args.on_conflict,
                                            params=_params(args)))
    finally:
        db.dispose()
    if args.json:
        print_json(result.to_dict())
    else:
        print_result(result, lang=lang, verbose=args.verbose)
    return result.exit_code


def _params(args) -> dict:  # noqa: ANN001
    params: dict = {}
    if getattr(args, "plan", None):
        params["plan"] = args.plan
    if getattr(args, "mapping", None):
        import json

        try:
            params["legacy_mapping"] = json.loads(Path(args.mapping).read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as exc:
            raise UsageError(f"--mapping: không đọc được {args.mapping} ({exc})",
                             f"--mapping: cannot read {args.mapping} ({exc})") from None
        if not isinstance(params["legacy_mapping"], dict):
            raise UsageError("--mapping: tệp phải là một đối tượng JSON", "--mapping: the file must hold a JSON object")
    return params


def print_result(result: ImportResult, *, lang: str = "vi", verbose: bool = False) -> None:
    out = sys.stdout
    for f in result.files:
        print(f.headline(lang), file=out)
        show = f.outcome in (Outcome.APPLIED, Outcome.DRY_RUN, Outcome.REJECTED)
        for row in f.rows if show else []:
            if row.status == RowStatus.UNCHANGED and not verbose:
                continue
            if row.status == RowStatus.ERROR:
                continue  # listed with the errors below
            label = row.status.label_en if lang == "en" else row.status.label_vi
            extra = f" [{row.resolution}]" if row.resolution else ""
            print(f"  {label}{extra}: {row.key} {row.label[:60]}", file=out)
            for c in row.changes:
                mark = " ⚠" if c.conflict else ""
                print(f"      {c.cell}: {c.text(lang)}{mark}", file=out)
        for m in f.errors:
            print(f"  ✗ {m.text(lang)}", file=out)
        for m in f.notices:
            print(f"  • {m.text(lang)}", file=out)
        print(f"  = {f.summary().text(lang)}", file=out)
    if len(result.files) > 1:
        head = "Total" if lang == "en" else "Tổng cộng"
        print(f"{head} ({len(result.files)}): {result.summary().text(lang)}", file=out)
    if result.dry_run:
        print("Chạy thử: chưa ghi gì vào cơ sở dữ liệu." if lang != "en" else "Dry run: nothing was written.", file=out)
