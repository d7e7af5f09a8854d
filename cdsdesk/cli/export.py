"""``cdsdesk export --period 2024S1 [--as-of DATE] [--plan CODE] [--agency CODE]
--format docx|pdf|xlsx|csv -o FILE``: the committee's review report as it stood on a date.

``FORMATS`` maps each ``--format`` to a function of the parsed request; a new format is one
more entry."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..domain.errors import UsageError
from ..domain.periods import DateWindow, Period, parse_window
from ..store.engine import Database
from . import export_values
from .export_values import VALUE_FORMATS
from .output import open_db, parse_day, print_json


@dataclass
class ExportRequest:
    db: Database
    window: DateWindow | Period
    as_of: dt.date | None
    plan_code: str | None
    agency_code: str | None
    path: Path
    issued_on: dt.date | None
    settings_changes: dict[str, str]
    quiet: bool = False

    def progress(self, fraction: float, text: str) -> None:
        if not self.quiet and sys.stderr.isatty():
            sys.stderr.write(f"\r{int(fraction * 100):3d}% {text[:60]:<60}")
            if fraction >= 1.0:
                sys.stderr.write("\n")


def _report_exporter(fmt: str) -> Callable[[ExportRequest], Path]:
    def run(req: ExportRequest) -> Path:
        from ..reports.build import build_report
        from ..reports.export import render
        from ..reports.settings import load_settings, save_settings, with_changes

        with req.db.session() as s:
            settings = load_settings(s)
            if req.settings_changes:
                settings = with_changes(settings, **req.settings_changes)
                save_settings(s, settings)  # edited once, kept with the data
            report = build_report(s, window=req.window, as_of=req.as_of, plan_code=req.plan_code,
                                  agency_code=req.agency_code, settings=settings, issued_on=req.issued_on,
                                  progress=lambda f, text: req.progress(0.3 * f, text))
        return render(report, fmt, req.path, progress=lambda f, text: req.progress(0.3 + 0.7 * f, text))

    return run


FORMATS: dict[str, Callable[[ExportRequest], Path]] = {
    fmt: _report_exporter(fmt) for fmt in ("docx", "pdf", "xlsx", "csv")
}


def _window(text: str) -> DateWindow | Period:
    try:
        return Period.parse(text)
    except UsageError:
        return parse_window(text)  # 2024-9M, or 2024-01-01..2024-09-30


def _settings_pairs(pairs: list[str] | None) -> dict[str, str]:
    out = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise UsageError(f"--set cần dạng KHÓA=GIÁ_TRỊ: '{pair}'", f"--set needs KEY=VALUE: '{pair}'")
        key, value = pair.split("=", 1)
        out[key.strip().replace("-", "_")] = value.replace("\\n", "\n")
    return out


def register(sub):  # noqa: ANN001
    p = sub.add_parser("export", help="xuất báo cáo sơ kết, tổng kết / export the review report")
    p.add_argument("--period",
                   help="kỳ báo cáo: 2024Q1, 2024S1, 2024, 2024-9M hoặc 2024-01-01..2024-09-30 / report period or window")
    p.add_argument("--as-of", help="số liệu tính đến ngày YYYY-MM-DD (mặc định: cuối kỳ) / figures as of YYYY-MM-DD")
    p.add_argument("--plan", help="mã kế hoạch / plan code")
    p.add_argument("--agency", help="mã cơ quan chủ trì / lead agency code")
    p.add_argument("--format", choices=sorted(FORMATS) + list(VALUE_FORMATS), help="định dạng (mặc định: theo đuôi tệp) / format (default: from -o)")
    p.add_argument("-o", "--output", required=True, help="tệp kết quả / output file")
    p.add_argument("--date", dest="issued_on", help="ngày ký báo cáo YYYY-MM-DD (mặc định: hôm nay) / date on the report")
    p.add_argument("--set", action="append", metavar="KEY=VALUE",
                   help="lưu thiết lập văn bản, ví dụ signer_name=…, number=…, province=… / save a report setting")
    p.add_argument("--quiet", action="store_true", help="không hiện tiến độ / no progress")
    return p


def run(args) -> int:  # noqa: ANN001
    if args.format in VALUE_FORMATS:
        return export_values.run(args)
    if not args.period:
        raise UsageError("Cần --period cho báo cáo", "--period is required for the report")
    window = _window(args.period)
    as_of = parse_day(args.as_of)
    issued_on = parse_day(args.issued_on, "--date")
    path = Path(args.output)
    fmt = args.format or path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UsageError(f"Không nhận ra định dạng '{fmt}'; dùng --format {'|'.join(sorted(FORMATS))}",
                         f"Unknown format '{fmt}'; use --format {'|'.join(sorted(FORMATS))}")
    db = open_db(args)
    try:
        req = ExportRequest(db, window, as_of, args.plan, args.agency, path, issued_on,
                            _settings_pairs(args.set), quiet=args.quiet or args.json)
        out = FORMATS[fmt](req)
    finally:
        db.dispose()
    if args.json:
        print_json({"format": fmt, "path": str(out.resolve())})
    else:
        print(f"Đã xuất / exported: {out}")
    return 0
