"""The performance suite: ``make bench`` (or ``python benchmarks/run.py``).

Every scenario is a whole process (``benchmarks/scenarios/*.py``) on the province-scale database
(generated once per seed and schema into ``benchmarks/.cache/``). Figures are medians of several
runs (p50/p95 for keystrokes), each beside its floor measured in the same run. Results go to
``benchmarks/results/latest.json`` and a timestamped copy (a run of part of the suite, ``--only``,
writes only the copy); any figure more than 20% worse than in the last committed ``latest.json``
is printed."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCEN = HERE / "scenarios"
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))

from largedb import CACHE, built_seconds, large_db  # noqa: E402
from trend import worse  # noqa: E402

PY = sys.executable


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def pct(xs: list[float], p: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(p * (len(s) - 1))))]


class Runner:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.cpu: dict[str, float] = {}

    def run(self, script: str, *args: str, timeout: float = 300) -> dict[str, Any] | None:
        """Run a scenario; its JSON (with ``wall_s`` and ``cpu_s`` of the process), or None when it
        ran past ``timeout`` or failed."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cmd = [PY, str(SCEN / f"{script}.py"), *args, "--spawned-at", repr(time.time())]
        t = time.perf_counter()
        try:
            p = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
        except subprocess.TimeoutExpired:
            print(f"  {script}: stopped after {timeout:.0f} s", flush=True)
            return None
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if p.returncode != 0:
            print(f"  {script} failed ({p.returncode}):\n{p.stderr[-2000:]}", flush=True)
            return None
        out = json.loads(p.stdout.strip().splitlines()[-1])
        out["wall_s"] = wall
        out["cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return out


def fig(label: str, value: float | None, unit: str, target: str, ok: bool | None, *, floor: float | None = None,
        ratio: float | None = None, **extra: Any) -> dict[str, Any]:
    r = lambda x: None if x is None else round(x, 4)  # noqa: E731
    return {"label": label, "value": r(value), "unit": unit, "floor": r(floor), "ratio": r(ratio),
            "target": target, "ok": ok, **extra}


def bench(args: argparse.Namespace) -> dict[str, Any]:
    figures: dict[str, dict[str, Any]] = {}
    t_all = time.perf_counter()
    db, gen_s = large_db(args.seed)
    built = gen_s if gen_s is not None else built_seconds(db)
    figures["generate"] = fig("generate the large database", gen_s, "s", "well under a minute",
                              None if gen_s is None else gen_s < 60, cached=gen_s is None,
                              built_s=None if built is None else round(built, 1))
    cfg = Path(tempfile.mkdtemp(prefix="cdsdesk-bench-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(cfg / "config"),
               XDG_DATA_HOME=str(cfg / "data"))
    # An installed app starts from compiled bytecode (pip compiles a wheel's modules); an editable
    # checkout gets the same once compiled here, so no run pays for compiling sources.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "cdsdesk")], check=False)
    runner = Runner(env)
    D = str(db)
    n = args.repeat
    want = lambda name: not args.only or name in args.only  # noqa: E731

    if want("startup"):
        print("start-up …", flush=True)
        runner.run("app_start", "--db", D)  # warm-up: the day's backup, the file in the page cache
        apps, floors = [], []
        for _ in range(n):
            f = runner.run("startup_floor", "--db", D)
            a = runner.run("app_start", "--db", D)
            if f and a and a.get("first_paint_s"):
                floors.append(f["first_paint_s"])
                apps.append(a["first_paint_s"])
        if apps:
            v, fl = median(apps), median(floors)
            figures["startup"] = fig("start to first painted main window with data", v, "s", "≤ 1.5× floor",
                                     v <= 1.5 * fl, floor=fl, ratio=v / fl, runs=len(apps))
    if want("memory"):
        print("memory …", flush=True)
        m = runner.run("app_start", "--db", D, "--visit")
        if m:
            figures["memory"] = fig("peak memory, app open on the large database (dashboard, tasks, indicators)",
                                    m["maxrss_mb"], "MB", "< 400 MB", m["maxrss_mb"] < 400)
    if want("tasks"):
        print("task list: search and sort …", flush=True)
        t = runner.run("tasks_view", "--db", D, "--repeat", str(n))
        if t:
            k = t["keystrokes_s"]
            figures["search_p50"] = fig("search keystroke over 50,000 tasks, p50", pct(k, 0.5) * 1000, "ms",
                                        "—", None, samples=len(k))
            figures["search_p95"] = fig("search keystroke over 50,000 tasks, p95", pct(k, 0.95) * 1000, "ms",
                                        "< 50 ms", pct(k, 0.95) < 0.050, samples=len(k))
            per_col = {name: median(v) * 1000 for name, v in t["sorts_s"].items()}
            worst = max(per_col, key=per_col.get)
            figures["sort"] = fig("sort 50,000 tasks by any column (slowest column, median)", per_col[worst], "ms",
                                  "< 150 ms", per_col[worst] < 150, column=worst,
                                  columns={c: round(v, 1) for c, v in per_col.items()})
    if want("dashboard"):
        print("dashboard …", flush=True)
        d = runner.run("dashboard", "--db", D, "--repeat", str(n))
        if d:
            for label, p in d["periods"].items():
                v, fl = median(p["refresh_s"]) * 1000, median(p["floor_s"]) * 1000
                figures[f"dashboard_{label}"] = fig(
                    f"dashboard refresh, {p['period']} (as of {p['as_of']})", v, "ms", "< 200 ms", v < 200,
                    floor=fl, ratio=v / fl)
    if want("chart"):
        print("indicator chart …", flush=True)
        c = runner.run("indicator_chart", "--db", D, "--repeat", str(max(n, 7)))
        if c:
            v = median(c["series_s"]) * 1000
            figures["chart_series"] = fig(f"indicator chart, province series ({c['points']} periods × 240 units)",
                                          v, "ms", "< 100 ms", v < 100)
            v = median(c["comparison_s"]) * 1000
            figures["chart_comparison"] = fig(f"indicator chart, {c['bars']} units for one period", v, "ms",
                                              "< 100 ms", v < 100)
    if want("import"):
        print("form import …", flush=True)
        i = runner.run("form_import", "--db", D, "--cache", str(CACHE), "--repeat", str(n),
                       timeout=900)
        if i:
            v, fl = median(i["import_s"]), median(i["floor_s"])
            figures["import"] = fig(f"import of {i['files']} returned forms ({i['filled_rows']} filled rows)", v, "s",
                                    "≤ 1.5× floor", v <= 1.5 * fl and i.get("exit_code") == 0, floor=fl,
                                    ratio=v / fl, exit_code=i.get("exit_code"), summary=i.get("summary"))
    if want("report"):
        for fmt in ("docx", "xlsx", "pdf"):
            print(f"six-month report, {fmt} …", flush=True)
            r = runner.run("report", "--db", D, "--repeat", "1", "--format", fmt, timeout=args.report_timeout)
            if r:
                f = r["formats"][fmt]
                v = median([x["total_s"] for x in f["runs"]])
                figures[f"report_{fmt}"] = fig(f"six-month report, {fmt}", v, "s", "< 10 s, with progress",
                                               v < 10 and f["progress_calls"] > 1, progress_calls=f["progress_calls"],
                                               build_s=round(median([x["build_s"] for x in f["runs"]]), 2),
                                               table_rows=f["table_rows"])
            else:
                figures[f"report_{fmt}"] = fig(f"six-month report, {fmt}", None, "s", "< 10 s, with progress", False,
                                               note=f"stopped after {args.report_timeout:.0f} s")
    if want("install") and not args.no_install:
        print("cold install …", flush=True)
        figures["install"] = fig("cold install from the README on a fresh venv (venv + pip install .)",
                                 cold_install(), "s", "recorded", None)
    shutil.rmtree(cfg, ignore_errors=True)
    backups = Path(str(db) + ".backups")
    shutil.rmtree(backups, ignore_errors=True)  # the app's daily backups of the cached file
    return {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
                    "load_avg_at_end": os.getloadavg()},
        "database": db.name,
        "seconds": round(time.perf_counter() - t_all, 1),
        "figures": figures,
    }


def cold_install() -> float | None:
    with tempfile.TemporaryDirectory(prefix="cdsdesk-install-") as tmp:
        t = time.perf_counter()
        venv = Path(tmp) / "venv"
        try:
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=300)
            src = Path(tmp) / "src"  # a clean copy: no .venv, no caches
            shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", ".git", "benchmarks", "__pycache__",
                                                                      "*.egg-info", "build", "dist", "tests"))
            subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(src)], check=True, capture_output=True,
                           timeout=600)
        except (subprocess.SubprocessError, OSError) as exc:
            print(f"  cold install failed: {exc}", flush=True)
            return None
        return time.perf_counter() - t


def _num(x: float) -> str:
    return f"{x:.3g}" if x < 100 else f"{x:.0f}"


def table(res: dict[str, Any]) -> str:
    lines = [f"{'what':<66} {'value':>10} {'floor':>9} {'ratio':>6}  {'target':<24} ok"]
    for f in res["figures"].values():
        val = "—" if f["value"] is None else f"{_num(f['value'])} {f['unit']}"
        flo = "" if f["floor"] is None else _num(f["floor"])
        rat = "" if f["ratio"] is None else f"{f['ratio']:.2f}×"
        ok = {True: "yes", False: "NO", None: ""}[f["ok"]]
        lines.append(f"{f['label'][:66]:<66} {val:>10} {flo:>9} {rat:>6}  {f['target']:<24} {ok}")
    return "\n".join(lines)


def _md_num(x: float, unit: str) -> str:
    if unit == "ms":
        return f"{x:.1f} ms"
    if unit == "MB":
        return f"{x:.0f} MB"
    return f"{x:.2f} {unit}" if x < 10 else f"{x:.1f} {unit}"


def markdown(res: dict[str, Any]) -> str:
    """The figures as the README's table (``--markdown``)."""
    lines = ["| what | figure | floor in the same run | target |", "|---|---|---|---|"]
    for f in res["figures"].values():
        if f["value"] is None:
            built = f.get("built_s")
            val = (f"cached (built in {built:.1f} s)" if f.get("cached") and built is not None
                   else "cached" if f.get("cached") else "— " + f.get("note", "not measured"))
        else:
            val = _md_num(f["value"], f["unit"]) + {True: " ✔", False: " ✘", None: ""}[f["ok"]]
        floor = "" if f["floor"] is None else f"{_md_num(f['floor'], f['unit'])} → {f['ratio']:.2f}×"
        lines.append(f"| {f['label']} | {val} | {floor} | {f['target']} |")
    return "\n".join(lines)


def committed_results() -> dict[str, Any] | None:
    p = subprocess.run(["git", "show", "HEAD:benchmarks/results/latest.json"], cwd=ROOT, capture_output=True, text=True)
    if p.returncode == 0:
        return json.loads(p.stdout)
    return None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--repeat", type=int, default=5, help="runs per figure (default 5)")
    p.add_argument("--only", nargs="*", help="startup memory tasks dashboard chart import report install")
    p.add_argument("--no-install", action="store_true", help="skip the cold install")
    p.add_argument("--report-timeout", type=float, default=60, help="seconds before a report format is stopped")
    p.add_argument("--markdown", action="store_true",
                   help="print benchmarks/results/latest.json as the README's table and stop")
    args = p.parse_args(argv)
    if args.markdown:
        print(markdown(json.loads((RESULTS / "latest.json").read_text(encoding="utf-8"))))
        return 0
    old = committed_results()
    res = bench(args)
    print()
    print(table(res))
    print(f"\n{res['seconds']:.0f} s in all; load average {res['machine']['load_avg_at_end'][0]:.1f} on "
          f"{res['machine']['cpus']} CPUs")
    RESULTS.mkdir(exist_ok=True)
    text = json.dumps(res, ensure_ascii=False, indent=1)
    stamped = RESULTS / f"{res['when'].replace(':', '')}.json"
    stamped.write_text(text + "\n", encoding="utf-8")
    if args.only:  # a part of the suite: the full run's latest.json stays as it was
        print(f"\nResults of this partial run: {stamped.relative_to(ROOT)} (latest.json is left as it was).")
    else:
        (RESULTS / "latest.json").write_text(text + "\n", encoding="utf-8")
    if old is not None:
        bad = worse(old, res)
        print("\nMore than 20% worse than the committed results:" if bad else "\nNo figure is more than 20% worse "
              "than the committed results.")
        for line in bad:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
