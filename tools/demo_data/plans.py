"""Turns the catalogues into plans and tasks with histories (the content of tasks.json)."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from . import catalogue_2023, catalogue_2024, catalogue_da06
from .histories import (BL, BLOCKED_NOTES, MINISTRY_FOR_AREA, NS, Writer, between, completed, day,
                        month_end, person, spread)

ILLUSTRATIVE = ("Dữ liệu mẫu của tỉnh mô phỏng theo Tuyên Quang: tên nhiệm vụ, số văn bản, tên người và "
                "diễn biến tiến độ mang tính minh họa; số lượng nhiệm vụ theo trạng thái khớp với số liệu "
                "công bố.")

PLANS = [
    dict(code="DA06-2024", kind="project", year=2024,
         name="Đề án 06 năm 2024 - Nhiệm vụ trọng tâm phát triển ứng dụng dữ liệu về dân cư, định danh và "
              "xác thực điện tử",
         source_document="Kế hoạch số 18/KH-UBND ngày 26/01/2024 của UBND tỉnh (số hiệu minh họa)",
         note=ILLUSTRATIVE + " Đến 30/6/2024: 73 nhiệm vụ, hoàn thành và thực hiện thường xuyên 32, đang "
              "triển khai 38, chưa triển khai 3 (chờ hướng dẫn của bộ, ngành Trung ương)."),
    dict(code="KH-CDS-2024", kind="plan", year=2024, name="Kế hoạch chuyển đổi số năm 2024",
         source_document="Kế hoạch số 28/KH-UBND ngày 05/3/2024 của UBND tỉnh",
         note=ILLUSTRATIVE + " Các nhiệm vụ đầu tiên lấy theo bảng theo dõi nhiệm vụ 6 tháng đầu năm 2024 "
              "của Ban Chỉ đạo; các nhiệm vụ KH24-41 đến KH24-44 do Hội nghị sơ kết ngày 10/7/2024 giao."),
    dict(code="KH-CDS-2023", kind="plan", year=2023, name="Kế hoạch chuyển đổi số năm 2023",
         source_document="Kế hoạch số 25/KH-UBND ngày 10/02/2023 của UBND tỉnh (số hiệu minh họa)",
         note=ILLUSTRATIVE + " Kết quả năm 2023: 126 nhiệm vụ, 102 nhiệm vụ đã hoàn thành (81%)."),
    dict(code="CT-CDSQG", kind="programme", year=None,
         name="Chương trình Chuyển đổi số quốc gia và các Chiến lược quốc gia phát triển Chính phủ số, "
              "kinh tế số và xã hội số",
         source_document="Quyết định số 749/QĐ-TTg ngày 03/6/2020; Quyết định số 942/QĐ-TTg ngày 15/6/2021; "
                         "Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ",
         note="62 mục tiêu theo dõi ở cấp tỉnh. Giá trị có ghi nguồn là số liệu công bố (phần lớn là số liệu "
              "cả nước); các giá trị khác là minh họa. Phân loại theo quy tắc của ứng dụng: 18 đã hoàn thành, "
              "27 khả năng hoàn thành cao, 17 cần nỗ lực tập trung."),
]


def _short(agencies: dict, code: str) -> str:
    return agencies[code]["short"]


def _reporter(agencies: dict, code: str) -> str:
    return f"{person(code)} - {_short(agencies, code)}"


def _task(code, plan, spec, *, start, deadline, recurring, rows, agencies, priority="normal",
          description="", directive=None) -> dict:
    return dict(code=code, plan=plan, title=spec["title"], description=description, area=spec["area"],
                lead=spec["lead"], cooperators=spec["coop"], focal_person=person(spec["lead"]),
                start_date=start.isoformat(), deadline=deadline.isoformat(), recurring=recurring,
                expected_product=spec["product"], priority=priority, directive=directive, history=rows)


def _late_deadline(start: dt.date, done: dt.date) -> dt.date:
    """A deadline the task missed: the last month end (or the 15th) after work began and before done."""
    for d in (month_end(done.replace(day=1) - dt.timedelta(days=1)), done.replace(day=15)):
        if start < d < done:
            return d
    return start + (done - start) // 2


def _handout(w: Writer, d: dt.date, note: str, secretariat: str) -> None:
    w.add(d, "not_started", 0, note, secretariat)


def build_da06(agencies: dict) -> list[dict]:
    rng = random.Random(606)
    issued = day("2024-01-26")
    handout = "Giao nhiệm vụ theo Kế hoạch số 18/KH-UBND ngày 26/01/2024 của UBND tỉnh"
    secretariat = f"{person('VPBCD')} - Văn phòng BCĐ"
    specs = catalogue_da06.tasks()
    plain = [i for i, s in enumerate(specs) if not s["kind"]]
    rng.shuffle(plain)
    done_ids, ip_ids = plain[:20], plain[20:]
    routine_ids = [i for i, s in enumerate(specs) if s["kind"] == "routine"]
    done_days = (spread(rng, 7, day("2024-02-26"), day("2024-03-29"))
                 + spread(rng, 13, day("2024-04-03"), day("2024-06-27")))
    routine_days = (spread(rng, 5, day("2024-02-20"), day("2024-03-28"))
                    + spread(rng, 7, day("2024-04-05"), day("2024-06-25")))
    ip_starts = (spread(rng, 30, day("2024-02-01"), day("2024-03-28"))
                 + spread(rng, 8, day("2024-04-02"), day("2024-05-24")))
    # Earlier starts go with earlier deadlines: no task starts after it is due.
    ip_deadlines = ([day(x) for x in ("2024-03-31", "2024-04-30", "2024-05-15", "2024-05-31", "2024-06-15",
                                      "2024-06-20", "2024-06-28")]
                    + [day(x) for x in ("2024-07-10", "2024-07-15", "2024-07-20", "2024-07-31", "2024-07-31")]
                    + [day(x) for x in ["2024-08-31"] * 3 + ["2024-09-30"] * 8 + ["2024-10-31"] * 4
                       + ["2024-11-30"] * 3 + ["2024-12-31"] * 8])
    assert len(ip_deadlines) == 38
    late_done = set(done_ids[:3])
    plan: dict[int, tuple] = {}
    for i, d in zip(done_ids, done_days):
        plan[i] = ("done", d)
    for i, d in zip(routine_ids, routine_days):
        plan[i] = ("routine", d)
    for i, (s, dl) in enumerate(zip(ip_starts, ip_deadlines)):
        plan[ip_ids[i]] = ("in_progress", s, dl)
    out = []
    for i, spec in enumerate(specs):
        w = Writer(rng, _reporter(agencies, spec["lead"]))
        _handout(w, issued, handout, secretariat)
        recurring, priority = False, "normal"
        if spec["kind"].startswith("waiting"):
            ministry = agencies[spec["kind"].split(":")[1]]["name"]
            w.add(day("2024-04-15"), NS, 0, f"Chưa triển khai, đang chờ hướng dẫn của {ministry}")
            w.add(day("2024-06-25"), NS, 0, f"Tiếp tục chờ hướng dẫn, chỉ đạo của {ministry}")
            deadline = day("2024-09-30") if i % 2 else day("2024-12-31")
        elif plan[i][0] == "routine":
            done = plan[i][1]
            start = between(rng, issued + dt.timedelta(days=7), done - dt.timedelta(days=10))
            completed(w, start=start, done=done, routine=True, late=False, product=spec["product"],
                      confirm_on=day("2024-06-26") if rng.random() < 0.5 else None)
            deadline, recurring = day("2024-12-31"), True
        elif plan[i][0] == "done":
            done = plan[i][1]
            start = between(rng, issued + dt.timedelta(days=7), done - dt.timedelta(days=10))
            late = i in late_done
            deadline = (_late_deadline(start, done) if late
                        else month_end(done + dt.timedelta(days=rng.choice([0, 0, 20, 45]))))
            completed(w, start=start, done=done, routine=False, late=late, product=spec["product"])
        else:
            _, start, deadline = plan[i]
            p = w.start(start)
            # Status stays "in progress" after the review of 30 June; only progress moves on.
            w.progress_until(start, p, day("2024-09-30"), late_after=deadline, cap=90)
            priority = "high" if deadline <= day("2024-07-31") else "normal"
        out.append(_task(f"DA06-{i + 1:02d}", "DA06-2024", spec, start=issued, deadline=deadline,
                         recurring=recurring, rows=w.rows, agencies=agencies, priority=priority))
    return out


def build_2023(agencies: dict) -> list[dict]:
    rng = random.Random(2023)
    issued = day("2023-02-10")
    handout = "Giao nhiệm vụ theo Kế hoạch số 25/KH-UBND ngày 10/02/2023 của UBND tỉnh"
    secretariat = f"{person('VPBCD')} - Văn phòng BCĐ"
    year_end = day("2023-12-29")
    specs = catalogue_2023.tasks()
    plain = [i for i, s in enumerate(specs) if not s["kind"]]
    rng.shuffle(plain)
    groups = {"done": plain[:80], "in_progress": plain[80:94], "not_started": plain[94:100],
              "blocked": plain[100:104]}
    kind_of = {i: k for k, ids in groups.items() for i in ids}
    late_done = set(groups["done"][:10])
    out = []
    for i, spec in enumerate(specs):
        w = Writer(rng, _reporter(agencies, spec["lead"]))
        _handout(w, issued, handout, secretariat)
        recurring = False
        kind = "routine" if spec["kind"] == "routine" else kind_of[i]
        if kind == "routine":
            done = between(rng, day("2023-03-10"), day("2023-09-30"))
            start = between(rng, issued + dt.timedelta(days=7), done - dt.timedelta(days=10))
            completed(w, start=start, done=done, routine=True, late=False, product=spec["product"],
                      confirm_on=day("2023-12-15") if rng.random() < 0.5 else None)
            deadline, recurring = day("2023-12-31"), True
        elif kind == "done":
            done = between(rng, day("2023-03-15"), day("2023-12-28"))
            start = between(rng, issued + dt.timedelta(days=7), done - dt.timedelta(days=10))
            late = i in late_done
            deadline = (_late_deadline(start, done) if late
                        else month_end(done + dt.timedelta(days=rng.choice([0, 10, 30]))))
            if deadline.year > 2023:
                deadline = day("2023-12-31")
            completed(w, start=start, done=done, routine=False, late=late, product=spec["product"])
        elif kind == "in_progress":
            start = between(rng, day("2023-03-01"), day("2023-09-30"))
            deadline = month_end(between(rng, max(start + dt.timedelta(days=45), day("2023-06-01")),
                                         day("2023-12-01")))
            p = w.start(start)
            w.progress_until(start, p, year_end, late_after=deadline, cap=80)
        elif kind == "not_started":
            deadline = month_end(between(rng, day("2023-06-01"), day("2023-12-01")))
            reason = rng.choice(["Chưa triển khai do chưa được bố trí kinh phí",
                                 f"Chưa triển khai, chờ hướng dẫn của {MINISTRY_FOR_AREA[spec['area']]}"])
            w.add(between(rng, day("2023-06-15"), day("2023-10-31")), NS, 0, reason)
        else:  # blocked
            start = between(rng, day("2023-03-01"), day("2023-06-30"))
            deadline = month_end(between(rng, max(start + dt.timedelta(days=45), day("2023-07-01")),
                                         day("2023-12-01")))
            p = w.start(start)
            stop = between(rng, start + dt.timedelta(days=30), day("2023-11-30"))
            w.add(stop, BL, p, rng.choice(BLOCKED_NOTES).format(ministry=MINISTRY_FOR_AREA[spec["area"]]))
        out.append(_task(f"KH23-{i + 1:03d}", "KH-CDS-2023", spec, start=issued, deadline=deadline,
                         recurring=recurring, rows=w.rows, agencies=agencies))
    return out


def build_2024(agencies: dict) -> list[dict]:
    rng = random.Random(2024)
    handout = "Giao nhiệm vụ theo Kế hoạch số 28/KH-UBND ngày 05/3/2024 của UBND tỉnh"
    secretariat = f"{person('VPBCD')} - Văn phòng BCĐ"
    out = []
    for i, spec in enumerate(catalogue_2024.tasks()):
        start = day(spec["start"])
        w = Writer(rng, _reporter(agencies, spec["lead"]))
        if spec["directive"]:
            d, n = spec["directive"]
            note = f"Giao nhiệm vụ theo kết luận số {n} của phiên họp ngày {day(d).day}/{day(d).month}/{day(d).year}"
        else:
            note = handout
        _handout(w, start, note, secretariat)
        for d, status, progress, text in spec["events"]:
            w.add(day(d), status, progress, text)
        desc = "; ".join(x for x in (f"Cơ quan phối hợp: {spec['coop_text']}" if spec["coop_text"] else "",
                                     spec["note"]) if x)
        s = dict(spec, product=spec["product"])
        out.append(_task(f"KH24-{i + 1:02d}", "KH-CDS-2024", s, start=start, deadline=day(spec["deadline"]),
                         recurring=spec["recurring"], rows=w.rows, agencies=agencies, description=desc,
                         directive=list(spec["directive"]) if spec["directive"] else None))
    return out


def meetings() -> list[dict]:
    out = []
    for d, kind, title, chair, notes, directives in catalogue_2024.MEETINGS:
        out.append(dict(date=d, kind=kind, title=title, chair=chair, notes=notes, directives=[
            dict(number=n, text=text, agency=agency, deadline=deadline)
            for n, (text, agency, deadline) in enumerate(directives, start=1)]))
    return out


def load_agencies(resources: Path) -> dict:
    data = json.loads((resources / "province.json").read_text(encoding="utf-8"))
    return {a["code"]: a for a in data["agencies"]}
