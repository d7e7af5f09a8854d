"""The six-month review report, as ``cdsdesk export --period <S> --format docx|xlsx|pdf`` makes
it: ``reports.build.build_report`` then ``reports.export.render`` with a progress callback.
One format per process, so that run.py can stop one that runs past its time limit."""

import tempfile
import time
from pathlib import Path

import _common

a = _common.args(lambda p: (p.add_argument("--period", default="2026S1"), p.add_argument("--format", default="docx")))
from cdsdesk.domain.periods import Period  # noqa: E402
from cdsdesk.reports.build import build_report  # noqa: E402
from cdsdesk.reports.export import render  # noqa: E402
from cdsdesk.reports.outline import build_outline  # noqa: E402

db = _common.engine(a.db)
res: dict = {"period": a.period, "formats": {}}
with tempfile.TemporaryDirectory() as tmp:
    for fmt in (a.format,):
        runs, steps, size = [], 0, 0
        for _ in range(a.repeat):
            calls: list[float] = []
            t = time.perf_counter()
            with db.session() as s:
                report = build_report(s, window=Period.parse(a.period))
            built = time.perf_counter() - t
            out = Path(tmp) / f"report.{fmt}"
            render(report, fmt, out, progress=lambda f, _text: calls.append(f))
            runs.append({"total_s": time.perf_counter() - t, "build_s": built})
            steps, size = len(calls), out.stat().st_size
        res["formats"][fmt] = {"runs": runs, "progress_calls": steps, "bytes": size,
                               "table_rows": sum(len(getattr(b, "rows", ())) for b in build_outline(report))}
_common.emit(res)
