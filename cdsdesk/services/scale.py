"""A province-scale data set for the benchmarks: 241 agencies, 50,000 tasks with 500,000 status
updates, 300 indicators × 24 quarters × 240 units ≈ 1.7 million values.

Deterministic: the same seed (and scale) gives the same rows, UUIDs included, whatever the day it
runs (everything is dated up to :data:`AS_OF`); :func:`content_hash` proves it. Loading is seeding,
as for the demo: derived columns are set as the services set them (current status from the latest
history entry, search and sort keys, folded names), without an audit entry per row.

Fast because it writes through the SQLite driver's ``executemany`` with prepared tuples in one
transaction, with no journal and no sync, and builds the secondary indexes after the rows are in
(the same ``CREATE INDEX`` statements the migrations made). SQLite only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import func, select

from ..domain.errors import UserError
from ..domain.text import fold, sort_key
from ..store.engine import Database
from ..store.models import Agency, Area, Plan, Task
from .reference import ensure_reference_data

#: Everything generated is dated on or before this day, so the data does not depend on today.
AS_OF = dt.date(2026, 10, 31)
#: 24 quarters, 2020Q4 … 2026Q3: the last quarter that ended before AS_OF and the 23 before it.
QUARTERS = [(2020, 4)] + [(y, q) for y in range(2021, 2026) for q in range(1, 5)] + [(2026, 1), (2026, 2), (2026, 3)]
SECRETARIAT = "Văn phòng Ban Chỉ đạo"
FULL = dict(departments=30, districts=10, communes=200, tasks=50_000, updates_per_task=10, indicators=300)

_DEPARTMENTS = [
    ("SKHCN", "Sở Khoa học và Công nghệ"), ("SNV", "Sở Nội vụ"), ("STC", "Sở Tài chính"),
    ("STP", "Sở Tư pháp"), ("SCT", "Sở Công Thương"), ("SXD", "Sở Xây dựng"), ("SYT", "Sở Y tế"),
    ("SGDDT", "Sở Giáo dục và Đào tạo"), ("SNNMT", "Sở Nông nghiệp và Môi trường"),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"), ("SDTTG", "Sở Dân tộc và Tôn giáo"),
    ("VPUB", "Văn phòng UBND tỉnh"), ("TTT", "Thanh tra tỉnh"), ("CA", "Công an tỉnh"),
    ("BCHQS", "Bộ Chỉ huy Quân sự tỉnh"), ("BHXH", "Bảo hiểm xã hội tỉnh"), ("CT", "Thuế tỉnh"),
    ("KBNN", "Kho bạc Nhà nước khu vực"), ("NHNN", "Ngân hàng Nhà nước chi nhánh tỉnh"),
    ("BQLKCN", "Ban Quản lý các khu công nghiệp tỉnh"), ("DPTTH", "Đài Phát thanh và Truyền hình tỉnh"),
    ("BD", "Bưu điện tỉnh"), ("VNPT", "Viễn thông tỉnh (VNPT)"), ("VTL", "Viettel tỉnh"),
    ("HQ", "Hải quan tỉnh"), ("TKE", "Thống kê tỉnh"), ("TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh"),
    ("BQLDA", "Ban Quản lý dự án đầu tư xây dựng tỉnh"), ("TDT", "Tỉnh Đoàn"), ("HND", "Hội Nông dân tỉnh"),
]
_PLACE_A = ["An", "Bình", "Hòa", "Phú", "Tân", "Thành", "Yên", "Minh", "Đức", "Hưng", "Trung", "Kim",
            "Vĩnh", "Long", "Phúc", "Quang", "Thái", "Hồng", "Lạc", "Xuân"]
_PLACE_B = ["Sơn", "Lâm", "Thịnh", "Khánh", "Lợi", "Hà", "Tiến", "Phong", "Nguyên", "Hải", "Lộc", "Thuận",
            "Đông", "Tây", "Ninh", "Mỹ", "Trường", "Châu", "Vinh", "Điền"]
_VERBS = ["Triển khai", "Xây dựng", "Nâng cấp", "Rà soát, cập nhật", "Hoàn thiện", "Tổ chức vận hành",
          "Đẩy mạnh sử dụng", "Số hóa", "Kết nối, chia sẻ", "Tuyên truyền về", "Đào tạo, bồi dưỡng về",
          "Đánh giá hiệu quả", "Ban hành quy chế quản lý", "Phát triển", "Chuẩn hóa", "Tích hợp",
          "Bảo đảm an toàn thông tin cho", "Làm sạch dữ liệu"]
_OBJECTS = ["hệ thống thông tin giải quyết thủ tục hành chính", "cơ sở dữ liệu dân cư",
            "nền tảng tích hợp, chia sẻ dữ liệu (LGSP)", "dịch vụ công trực tuyến toàn trình",
            "hồ sơ sức khỏe điện tử", "chữ ký số cá nhân", "thanh toán không dùng tiền mặt",
            "sàn thương mại điện tử", "camera giám sát an ninh trật tự", "mạng truyền số liệu chuyên dùng",
            "Trung tâm giám sát, điều hành đô thị thông minh (IOC)", "kho dữ liệu dùng chung", "bản đồ số",
            "học bạ số", "tài khoản định danh điện tử VNeID", "cơ sở dữ liệu đất đai",
            "hệ thống quản lý văn bản và điều hành", "hệ thống hội nghị trực tuyến", "Tổ công nghệ số cộng đồng",
            "hạ tầng cáp quang đến thôn, bản", "sóng di động 4G/5G", "dữ liệu mở", "cổng thông tin điện tử",
            "hệ thống thư điện tử công vụ", "kỹ năng số cho người dân", "hộ kinh doanh trên nền tảng số"]
_SCOPES = ["tại {commune}", "của {department}", "trên địa bàn {district}", "năm {year}",
           "giai đoạn {year}–{year2}", "cho cán bộ, công chức cấp xã", "phục vụ người dân và doanh nghiệp",
           "theo Đề án 06", "bảo đảm kết nối liên thông", ""]
_PRODUCTS = ["Kế hoạch triển khai được ban hành", "Hệ thống được đưa vào vận hành", "Báo cáo kết quả thực hiện",
             "Dữ liệu được cập nhật đầy đủ", "Quy chế được ban hành", "Hội nghị, lớp tập huấn được tổ chức"]
_NOTES = ["Đã ban hành kế hoạch triển khai của đơn vị", "Đang phối hợp với doanh nghiệp viễn thông",
          "Đã hoàn thành khảo sát hiện trạng", "Đang lựa chọn nhà thầu", "Đã tổ chức tập huấn cho cán bộ",
          "Đang chạy thử nghiệm", "Đã nghiệm thu giai đoạn 1", "Chờ bố trí kinh phí",
          "Đang chờ hướng dẫn của bộ, ngành Trung ương", "Đã báo cáo Ban Chỉ đạo"]
_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ma", "Hà", "Nông", "Triệu"]
_MIDDLE = ["Văn", "Thị", "Thanh", "Minh", "Hải", "Quốc", "Thu", "Đức", "Ngọc", "Xuân"]
_GIVEN = ["An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hạnh", "Hùng", "Khánh", "Lan", "Linh", "Long",
          "Mai", "Nam", "Ngân", "Phương", "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Vân", "Yến"]
_IND_HEAD = [("Tỷ lệ", "percent", "%"), ("Số lượng", "count", "hồ sơ"), ("Số", "count", "tài khoản"),
             ("Tỷ lệ", "percent", "%"), ("Giá trị", "number", "triệu đồng"), ("Tỷ lệ", "percent", "%")]


def _sql_date(d: dt.date) -> str:
    return d.isoformat()


def _sql_ts(d: dt.date, hour: int, minute: int = 0) -> str:
    """A DateTime as SQLAlchemy's SQLite dialect writes it."""
    return f"{d.isoformat()} {hour:02d}:{minute:02d}:00.000000"


class _Ids:
    """Deterministic, time-ordered UUIDs (RFC 9562 version 7 layout: a 48-bit millisecond clock,
    then random bits). Generated in insertion order they append to the unique index on ``uuid``
    instead of landing all over it, which makes the bulk load several times faster."""

    def __init__(self, rng: random.Random) -> None:
        self._bits = rng.getrandbits
        self._ms = 1_609_459_200_000  # 2021-01-01T00:00Z; one millisecond per record

    def __call__(self) -> str:
        self._ms += 1
        ms, r = self._ms, self._bits(74)
        return "%08x-%04x-7%03x-%04x-%012x" % (ms >> 16, ms & 0xFFFF, r >> 62, 0x8000 | ((r >> 48) & 0x3FFF),
                                              r & 0xFFFFFFFFFFFF)


def _counts(scale: float) -> dict[str, int]:
    n = {k: (v if k in ("departments", "districts", "communes", "updates_per_task") else max(2, round(v * scale)))
         for k, v in FULL.items()}
    n["tasks"] += n["tasks"] % 2  # even: update counts come in pairs that sum to 2 × updates_per_task
    return n


def schema_fingerprint() -> str:
    """Changes when the schema (head revision) or this generator changes: names cached databases."""
    from ..store.migrate import head_revision

    h = hashlib.sha256(head_revision().encode())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:12]


def generate(
    target: Database | str | os.PathLike[str],
    *,
    seed: int = 1,
    scale: float = 1.0,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Fill an empty database (an open :class:`Database`, or a path: created and migrated to the
    head revision) with the province-scale data set; returns how many of each thing it made.

    ``scale`` multiplies the tasks (with their history) and the indicators (with their values);
    the agencies stay 1 province, 30 departments, 10 districts and 200 communes."""
    from ..store.session import open_database

    own = not isinstance(target, Database)
    db = open_database(target, create=True, daily_backup=False) if own else target
    try:
        if not db.is_sqlite:
            raise UserError("Bộ sinh dữ liệu lớn chỉ dùng cho SQLite", "The large data generator works on SQLite only")
        with db.session() as s:
            if s.scalar(select(func.count()).select_from(Task)) or s.scalar(select(func.count()).select_from(Agency)):
                raise UserError("Cơ sở dữ liệu đã có dữ liệu; không sinh dữ liệu lớn vào đó.",
                                "The database already holds data; the large data set was not generated.")
            ensure_reference_data(s)
        with db.session() as s:
            area_ids = [i for (i,) in s.execute(select(Area.id).order_by(Area.sort_order))]
        db.engine.dispose()
        return _build(db, seed=seed, scale=scale, area_ids=area_ids, progress=progress or (lambda _m: None))
    finally:
        if own:
            db.dispose()


def _build(db: Database, *, seed: int, scale: float, area_ids: list[int], progress: Callable[[str], None]) -> dict:
    import sqlite3

    n = _counts(scale)
    rng = random.Random(seed)
    new_id = _Ids(random.Random(rng.getrandbits(64)))
    con = sqlite3.connect(str(db.path), isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute("PRAGMA cache_size=-200000")
        con.execute("PRAGMA temp_store=MEMORY")
        con.execute("BEGIN")
        big = ("tasks", "status_updates", "indicator_values", "task_cooperators")
        indexes = con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL AND tbl_name IN (%s)"
            % ",".join("?" * len(big)), big).fetchall()
        for name, _sql in indexes:
            con.execute(f'DROP INDEX "{name}"')

        def put(table: str, cols: tuple[str, ...], rows: list[tuple] | Any) -> None:
            con.executemany(f"INSERT INTO {table} ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})", rows)

        counts: dict[str, Any] = {}
        progress("agencies")
        agencies = _agencies(n, new_id)
        put("agencies", ("id", "uuid", "code", "name", "short_name", "kind", "parent_id", "name_fold", "sort_order",
                         "active", "revision"), agencies)
        counts["agencies"] = len(agencies)
        by_kind: dict[str, list[tuple]] = {}
        for a in agencies:
            by_kind.setdefault(a[5], []).append(a)
        plans = _plans(new_id)
        put("plans", ("id", "uuid", "code", "name", "kind", "source_document", "year", "note", "revision"), plans)
        counts["plans"] = len(plans)
        meetings, directives = _meetings(rng, new_id, by_kind)
        put("meetings", ("id", "uuid", "date", "kind", "title", "chair", "notes", "revision"), meetings)
        put("directives", ("id", "uuid", "meeting_id", "number", "text", "agency_id", "deadline", "revision"),
            directives)
        counts["meetings"], counts["directives"] = len(meetings), len(directives)

        progress("tasks")
        tasks, coops, updates = _tasks(rng, new_id, n, by_kind, plans, area_ids, directives)
        put("tasks", _TASK_COLS, tasks)
        put("task_cooperators", ("task_id", "agency_id"), coops)
        put("status_updates", _UPDATE_COLS, updates)
        counts.update(tasks=len(tasks), task_cooperators=len(coops), status_updates=len(updates))
        del tasks, coops, updates

        progress("indicators")
        indicators, targets = _indicators(rng, new_id, n, by_kind, plans, area_ids)
        put("indicators", ("id", "uuid", "code", "name", "unit", "value_type", "direction", "aggregation",
                           "data_source", "verifying_agency_id", "plan_id", "area_id", "sort_order", "revision"),
            indicators)
        put("targets", ("id", "uuid", "indicator_id", "agency_id", "baseline_value", "baseline_period",
                        "target_value", "target_date", "note", "revision"), targets)
        units = [a[0] for a in agencies if a[5] != "province"]
        put("indicator_values", ("id", "uuid", "indicator_id", "agency_id", "period", "period_end", "value",
                                 "comment", "stored_by", "stored_at", "revision"),
            _values(rng, new_id, indicators, units))
        counts.update(indicators=len(indicators), targets=len(targets),
                      indicator_values=len(indicators) * len(QUARTERS) * len(units))
        con.execute("INSERT INTO audit_log (at, who, entity, entity_uuid, entity_label, action, field, new, source) "
                    "VALUES (?, ?, 'database', ?, 'scale', 'create', 'demo', ?, 'demo')",
                    (_sql_ts(AS_OF, 8), SECRETARIAT, new_id(), f"Dữ liệu cỡ tỉnh (seed {seed}, scale {scale:g})"))

        progress("indexes")
        for _name, sql in indexes:
            con.execute(sql)
        con.execute("COMMIT")
        con.execute("PRAGMA journal_mode=WAL")
    finally:
        con.close()
    return counts


def _agencies(n: dict[str, int], new_id: _Ids) -> list[tuple]:
    rows: list[tuple] = []

    def add(code: str, name: str, short: str, kind: str, parent: int | None) -> int:
        aid = len(rows) + 1
        rows.append((aid, new_id(), code, name, short, kind, parent, fold(name), aid, 1, 1))
        return aid

    province = add("TINH", "UBND tỉnh", "UBND tỉnh", "province", None)
    for i in range(n["departments"]):
        code, name = _DEPARTMENTS[i % len(_DEPARTMENTS)]
        if i >= len(_DEPARTMENTS):
            code, name = f"{code}{i}", f"{name} {i}"
        add(code, name, name.replace(" tỉnh", ""), "department", province)
    places = [f"{a} {b}" for b in _PLACE_B for a in _PLACE_A]  # 400 distinct two-syllable names
    districts = []
    for i in range(n["districts"]):
        place = places[(i * 37) % len(places)]
        kind = "Thành phố" if i == 0 else "Huyện"
        districts.append(add(f"H{i + 1:02d}", f"{kind} {place}", place, "district", province))
    per = max(1, n["communes"] // max(1, n["districts"]))
    for i in range(n["communes"]):
        place = places[(i * 7 + 3) % len(places)]
        kind = "Phường" if i % per == 0 else ("Thị trấn" if i % per == 1 else "Xã")
        add(f"X{i + 1:03d}", f"{kind} {place}", place, "commune", districts[min(i // per, len(districts) - 1)])
    return rows


def _plans(new_id: _Ids) -> list[tuple]:
    rows = []
    for year in range(2021, 2027):
        rows.append((len(rows) + 1, new_id(), f"KH-CDS-{year}", f"Kế hoạch chuyển đổi số năm {year}", "plan",
                     f"Kế hoạch số {year % 100 + 10}/KH-UBND năm {year} của UBND tỉnh", year, "Dữ liệu cỡ tỉnh", 1))
        if year >= 2022:
            rows.append((len(rows) + 1, new_id(), f"DA06-{year}", f"Đề án 06 năm {year}", "project",
                         f"Kế hoạch số {year % 100 + 3}/KH-UBND năm {year}", year, "Dữ liệu cỡ tỉnh", 1))
    rows.append((len(rows) + 1, new_id(), "CT-CDS-2030", "Chương trình chuyển đổi số tỉnh đến năm 2025, định hướng 2030",
                 "programme", "Nghị quyết của Tỉnh ủy", None, "Dữ liệu cỡ tỉnh", 1))
    return rows


def _meetings(rng: random.Random, new_id: _Ids, by_kind: dict[str, list[tuple]]) -> tuple[list[tuple], list[tuple]]:
    meetings, directives = [], []
    for year, q in QUARTERS:
        day = dt.date(year, q * 3, 10) + dt.timedelta(days=25)
        mid = len(meetings) + 1
        meetings.append((mid, new_id(), _sql_date(day), "six_month" if q in (2, 4) else "quarterly",
                         f"Hội nghị Ban Chỉ đạo quý {q}/{year}", "Chủ tịch UBND tỉnh", "", 1))
        for k in range(1, 6):
            agency = rng.choice(by_kind["department"])
            directives.append((len(directives) + 1, new_id(), mid, k,
                               f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)}", agency[0],
                               _sql_date(day + dt.timedelta(days=rng.randrange(60, 240))), 1))
    return meetings, directives


_TASK_COLS = ("id", "uuid", "code", "title", "description", "plan_id", "area_id", "lead_agency_id", "directive_id",
              "focal_person", "start_date", "deadline", "recurring", "expected_product", "priority", "status",
              "progress", "last_update_on", "completed_on", "search_text", "title_sort", "revision", "created_at",
              "updated_at")
_UPDATE_COLS = ("id", "uuid", "task_id", "entry_date", "status", "progress", "note", "reporter", "source",
                "recorded_at")
_PRIORITIES = ["normal"] * 7 + ["high", "high", "urgent", "low"]


def _outcome(rng: random.Random, due_passed: bool) -> str:
    r = rng.random()
    if due_passed:
        return ("done" if r < 0.65 else "done_routine" if r < 0.75 else "in_progress" if r < 0.9
                else "blocked" if r < 0.95 else "not_started")
    return ("done" if r < 0.25 else "done_routine" if r < 0.3 else "in_progress" if r < 0.85
            else "blocked" if r < 0.92 else "not_started")


def _tasks(rng, new_id, n, by_kind, plans, area_ids, directives):  # noqa: ANN001, ANN202
    departments, districts, communes = by_kind["department"], by_kind["district"], by_kind["commune"]
    year_plans: dict[int, list[tuple]] = {}
    for p in plans:
        year_plans.setdefault(p[6], []).append(p)
    people = [f"{f} {m} {g}" for f in _FAMILY for m in _MIDDLE for g in _GIVEN]
    first_day, span = dt.date(2021, 1, 4), (AS_OF - dt.timedelta(days=30) - dt.date(2021, 1, 4)).days
    last_deadline = dt.date(2026, 12, 31)
    keys: dict[str, tuple[str, str]] = {}
    tasks, coops, updates = [], [], []
    per_plan: dict[int, int] = {}
    upd_id = 0
    pair_n = 0
    for tid in range(1, n["tasks"] + 1):
        r = rng.random()
        lead = rng.choice(departments if r < 0.5 else districts if r < 0.7 else communes)
        start = first_day + dt.timedelta(days=rng.randrange(span))
        plan = rng.choice(year_plans.get(start.year) or year_plans[None]) if rng.random() < 0.95 else plans[-1]
        recurring = rng.random() < 0.08
        deadline = None if recurring and rng.random() < 0.5 else min(
            last_deadline, start + dt.timedelta(days=rng.randrange(30, 540)))
        scope = rng.choice(_SCOPES).format(commune=rng.choice(communes)[3], department=rng.choice(departments)[3],
                                           district=rng.choice(districts)[3], year=start.year, year2=start.year + 2)
        title = f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {scope}".strip()
        per_plan[plan[0]] = seq = per_plan.get(plan[0], 0) + 1
        code = f"{plan[2]}-{seq:05d}"
        person = rng.choice(people)
        product = rng.choice(_PRODUCTS)
        # Update counts come in pairs summing to 2 × the mean, so the total is exact.
        if tid % 2:
            pair_n = rng.randint(1, 2 * n["updates_per_task"] - 1)
            count = pair_n
        else:
            count = 2 * n["updates_per_task"] - pair_n
        end = AS_OF if deadline is None else min(AS_OF, max(deadline + dt.timedelta(days=90), start))
        end = max(end, start)
        days = sorted(start + dt.timedelta(days=rng.randrange((end - start).days + 1)) for _ in range(count - 1))
        days.insert(0, start)
        outcome = _outcome(rng, deadline is not None and deadline < AS_OF)
        hist: list[tuple[str, int]] = []
        for k in range(count):
            if k == 0 or outcome == "not_started":
                hist.append(("not_started", 0))
            elif k == count - 1 and outcome != "in_progress":
                hist.append((outcome, 100 if outcome in ("done", "done_routine") else hist[-1][1]))
            else:
                hist.append(("in_progress", min(95, 5 * round(19 * k / count))))
        reporter = f"{person} - {lead[4]}"
        for k, (day, (st, pr)) in enumerate(zip(days, hist)):
            upd_id += 1
            note = "Giao nhiệm vụ" if k == 0 else rng.choice(_NOTES)
            updates.append((upd_id, new_id(), tid, _sql_date(day), st, pr, note, reporter, "manual",
                            _sql_ts(day, 16, 30)))
        status, prog = hist[-1]
        completed_on = None
        if status in ("done", "done_routine"):
            completed_on = days[-1]
            for day, (st, _p) in zip(reversed(days), reversed(hist)):
                if st not in ("done", "done_routine"):
                    break
                completed_on = day
        if title not in keys:
            keys[title] = (fold(title), sort_key(title))
        search_text = " ".join([fold(code), keys[title][0], lead[7], fold(product), fold(person)])
        directive = rng.choice(directives)[0] if rng.random() < 0.05 else None
        tasks.append((tid, new_id(), code, title, "", plan[0], rng.choice(area_ids), lead[0], directive, person,
                      _sql_date(start), _sql_date(deadline) if deadline else None, int(recurring), product,
                      rng.choice(_PRIORITIES), status, prog, _sql_date(days[-1]),
                      _sql_date(completed_on) if completed_on else None, search_text, keys[title][1], count,
                      _sql_ts(start, 8), _sql_ts(days[-1], 16, 30)))
        for c in {rng.choice(departments)[0] for _ in range(rng.randrange(3))} - {lead[0]}:
            coops.append((tid, c))
    coops.sort()
    return tasks, coops, updates


def _indicators(rng, new_id, n, by_kind, plans, area_ids):  # noqa: ANN001, ANN202
    indicators, targets = [], []
    programme = plans[-1][0]
    for i in range(1, n["indicators"] + 1):
        head, vtype, unit = rng.choice(_IND_HEAD)
        name = f"{head} {rng.choice(_OBJECTS)} {rng.choice(['cấp xã', 'cấp huyện', 'toàn tỉnh', 'khu vực nông thôn', 'trong cơ quan nhà nước'])}"
        aggregation = "mean" if vtype == "percent" else "sum"
        indicators.append((i, new_id(), f"CS-{i:03d}", f"{name} ({i})", unit, vtype,
                           "lower" if rng.random() < 0.1 else "higher", aggregation,
                           "Báo cáo của các cơ quan, đơn vị", rng.choice(by_kind["department"])[0],
                           programme if rng.random() < 0.5 else rng.choice(plans)[0], rng.choice(area_ids), i, 1))
        target = 100.0 if vtype == "percent" else float(rng.randrange(1000, 100000))
        targets.append((i, new_id(), i, None, round(target * 0.2, 1), "2020Q4", target, "2030-12-31", "", 1))
    return indicators, targets


def _values(rng, new_id, indicators, units):  # noqa: ANN001, ANN202
    """Rows in id order, generated lazily (1.7 million tuples need not be held at once)."""
    periods = []
    for year, q in QUARTERS:
        end = dt.date(year, 12, 31) if q == 4 else dt.date(year, q * 3 + 1, 1) - dt.timedelta(days=1)
        periods.append((f"{year}Q{q}", _sql_date(end), _sql_ts(min(end + dt.timedelta(days=15), AS_OF), 9)))
    vid = 0
    nq = len(periods)
    rand = rng.random
    for ind in indicators:
        iid, vtype = ind[0], ind[5]
        top = 100.0 if vtype == "percent" else float(rng.randrange(50, 5000))
        for unit in units:
            base = rand() * top * 0.4
            slope = (top * 0.9 - base) / nq * rand()
            for k, (code, end, stored) in enumerate(periods):
                v = base + slope * k + (rand() - 0.5) * top * 0.04
                v = min(top, max(0.0, v)) if vtype == "percent" else max(0.0, v)
                vid += 1
                yield (vid, new_id(), iid, unit, code, end, round(v, 1) if vtype != "count" else float(round(v)),
                       "", SECRETARIAT, stored, 1)


def content_hash(target: Database | str | os.PathLike[str]) -> str:
    """A digest of every row of the committee's data (not the settings, which hold the database's own
    id): the same seed gives the same hash."""
    import sqlite3

    path = target.path if isinstance(target, Database) else Path(target)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        tables = [t for (t,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT IN ('settings', 'alembic_version') ORDER BY name")]
        for table in tables:
            h.update(f"\x00{table}\x00".encode())
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
            order = ",".join(f'"{c}"' for c in cols)
            for row in con.execute(f'SELECT * FROM "{table}" ORDER BY {order}'):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        con.close()
