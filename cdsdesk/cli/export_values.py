"""``cdsdesk export --format dhis2-csv [--period P] -o FILE``: indicator values in DHIS2's
data-value-set CSV layout (the layout ``cdsdesk import`` reads back), of one period or of all.

Kept apart from the review report's exporters: it writes data, not a report, and needs no window."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import UsageError
from ..domain.periods import Period
from .output import open_db, print_json

#: ``--format`` values that export indicator values rather than the report.
VALUE_FORMATS = ("dhis2-csv",)


def run(args) -> int:  # noqa: ANN001
    from ..exchange.dhis2 import export_dhis2_csv

    period = None
    if args.period:
        try:
            period = Period.parse(args.period).code
        except UsageError:
            raise UsageError(
                f"--period của dhis2-csv là một mã kỳ (2024, 2024S1, 2024Q3, 202407), không phải '{args.period}'",
                f"--period for dhis2-csv is a period code (2024, 2024S1, 2024Q3, 202407), not '{args.period}'",
            ) from None
    for flag in ("as_of", "plan", "agency", "issued_on", "set"):
        if getattr(args, flag, None):
            name = "--" + {"issued_on": "date"}.get(flag, flag).replace("_", "-")
            raise UsageError(f"{name} không dùng với --format dhis2-csv", f"{name} does not apply to --format dhis2-csv")
    path = Path(args.output)
    db = open_db(args)
    try:
        with db.session() as s:
            n = export_dhis2_csv(s, path, period=period)
    finally:
        db.dispose()
    if args.json:
        print_json({"format": "dhis2-csv", "path": str(path.resolve()), "period": period, "values": n})
    else:
        which = f"kỳ {period}" if period else "mọi kỳ"
        print(f"Đã xuất {n} giá trị chỉ tiêu ({which}) / exported {n} indicator values: {path}")
    return 0
