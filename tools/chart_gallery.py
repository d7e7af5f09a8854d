"""Render the four charts from the demo province into PNG files, to look at them.

    python tools/chart_gallery.py OUT_DIR [--db PATH] [--as-of 2024-06-30] [--lang vi|en]

Without --db the demo is loaded into a temporary database. Runs headless (offscreen Qt).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from sqlalchemy import func, select


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--db")
    ap.add_argument("--as-of", default="2024-06-30")
    ap.add_argument("--lang", default="vi", choices=["vi", "en"])
    args = ap.parse_args(argv)

    from cdsdesk.domain.periods import Period
    from cdsdesk.store.models import Indicator, IndicatorValue
    from cdsdesk.store.session import open_database
    from cdsdesk.ui.charts import build
    from cdsdesk.ui.charts.render import render_png

    as_of = dt.date.fromisoformat(args.as_of)
    period = Period.containing(as_of, "S")
    if args.db:
        db = open_database(args.db, create=False)
    else:
        from cdsdesk.services.demo import load_demo

        db = open_database(Path(tempfile.mkdtemp()) / "demo.db")
        load_demo(db)
    out: Path = args.out
    with db.session() as s:
        ind = s.scalar(
            select(IndicatorValue.indicator_id).join(Indicator, Indicator.id == IndicatorValue.indicator_id)
            .where(IndicatorValue.period == period.code, Indicator.value_type == "percent")
            .group_by(IndicatorValue.indicator_id).order_by(func.count().desc(), IndicatorValue.indicator_id).limit(1)
        )  # the percentage reported by most agencies in the period
        charts = {
            "status_by_agency": build.status_by_agency(s, as_of=as_of, period=period, lang=args.lang),
            "completion_by_plan": build.completion_by_plan(s, as_of=as_of, period=period, lang=args.lang),
        }
        if ind is not None:
            charts["indicator_series"] = build.indicator_series(s, ind, as_of=as_of, lang=args.lang)
            charts["agency_comparison"] = build.agency_comparison(s, ind, period.code, lang=args.lang)
    for kind, data in charts.items():
        print(render_png(kind, data, out / f"{kind}.png", lang=args.lang))
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
