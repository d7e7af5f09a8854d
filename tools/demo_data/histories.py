"""Plausible status histories: who reported what, when, in the words agencies use.

Every choice comes from a ``random.Random`` with a fixed seed, so the build is reproducible."""

from __future__ import annotations

import datetime as dt
import random

IP, DONE, DR, NS, BL = "in_progress", "done", "done_routine", "not_started", "blocked"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Ma", "Hà", "Quan",
          "Nông", "Triệu", "Lý"]
MALE = [("Văn", "Hùng"), ("Đức", "Thắng"), ("Minh", "Tuấn"), ("Quang", "Hải"), ("Xuân", "Long"),
        ("Hữu", "Sơn"), ("Văn", "Bình"), ("Mạnh", "Cường"), ("Duy", "Khánh"), ("Văn", "Toàn"),
        ("Thành", "Trung"), ("Đình", "Dũng")]
FEMALE = [("Thị", "Lan"), ("Thu", "Hương"), ("Thị Thu", "Hà"), ("Hồng", "Nhung"), ("Thanh", "Huyền"),
          ("Phương", "Thảo"), ("Thị", "Mai"), ("Kim", "Oanh"), ("Thị", "Hạnh"), ("Hải", "Yến")]

START_NOTES = [
    "Đã ban hành kế hoạch triển khai của đơn vị",
    "Đã giao phòng chuyên môn chủ trì thực hiện",
    "Đang khảo sát hiện trạng, xây dựng phương án",
    "Đã tổ chức họp triển khai với các đơn vị phối hợp",
    "Đang xây dựng dự toán kinh phí",
]
MID_NOTES = [
    "Đã hoàn thành khoảng {p}% khối lượng công việc",
    "Đang phối hợp với các đơn vị liên quan hoàn thiện",
    "Đang triển khai, đạt {p}% kế hoạch",
    "Đã triển khai tại một số đơn vị, đang nhân rộng",
]
LATE_NOTES = [
    "Chậm tiến độ do chưa bố trí được kinh phí",
    "Chậm tiến độ do phụ thuộc việc nâng cấp hệ thống của bộ, ngành",
    "Chậm so với kế hoạch; đơn vị cam kết hoàn thành trong quý III",
    "Chậm do thiếu nhân lực kỹ thuật",
]
DONE_NOTES = [
    "Đã hoàn thành, gửi báo cáo kết quả về Văn phòng Ban Chỉ đạo",
    "Hoàn thành; sản phẩm: {product}",
    "Đã hoàn thành theo kế hoạch",
]
DONE_LATE_NOTE = "Đã hoàn thành, chậm so với thời hạn được giao"
DR_NOTES = ["Đã hoàn thành, chuyển sang thực hiện thường xuyên", "Hoàn thành, duy trì thực hiện thường xuyên"]
DR_AGAIN = "Tiếp tục duy trì thực hiện thường xuyên"
BLOCKED_NOTES = [
    "Vướng mắc về kinh phí, đề nghị Sở Tài chính tham mưu bố trí",
    "Vướng mắc, chờ hướng dẫn của {ministry}",
]
MINISTRY_FOR_AREA = {"CQS": "Bộ Công an", "XHS": "Bộ Y tế", "KTS": "Bộ Kế hoạch và Đầu tư",
                     "HTS": "Bộ TT&TT", "ATTT": "Bộ TT&TT", "TCS": "Bộ Tư pháp", "NLS": "Bộ Nội vụ",
                     "NTS": "Bộ TT&TT"}


def person(code: str) -> str:
    """The focal person of an agency: a made-up but stable name."""
    rng = random.Random("person:" + code)
    fam = rng.choice(FAMILY)
    mid, given = rng.choice(MALE if rng.random() < 0.5 else FEMALE)
    return f"{fam} {mid} {given}"


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def between(rng: random.Random, a: dt.date, b: dt.date) -> dt.date:
    if b <= a:
        return a
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def month_end(d: dt.date) -> dt.date:
    nxt = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def spread(rng: random.Random, n: int, a: dt.date, b: dt.date) -> list[dt.date]:
    return sorted(between(rng, a, b) for _ in range(n))


def _progress_steps(rng: random.Random, start: dt.date, until: dt.date, p: int, *, cap: int = 90,
                    every=(28, 50)) -> list[tuple[dt.date, int]]:
    out, d = [], start
    while True:
        d = d + dt.timedelta(days=rng.randint(*every))
        if d > until:
            return out
        p = min(cap, p + rng.choice([10, 10, 15, 20]))
        out.append((d, p))


class Writer:
    """Builds the history of one task as [date, status, progress, note, reporter] rows."""

    def __init__(self, rng: random.Random, reporter: str) -> None:
        self.rng, self.reporter, self.rows = rng, reporter, []

    def add(self, d: dt.date, status: str, progress: int, note: str, reporter: str | None = None) -> None:
        if self.rows and d < dt.date.fromisoformat(self.rows[-1][0]):
            raise ValueError(f"history out of order at {d}")
        self.rows.append([d.isoformat(), status, progress, note, reporter or self.reporter])

    def start(self, d: dt.date) -> int:
        p = self.rng.choice([10, 20, 20, 30])
        self.add(d, IP, p, self.rng.choice(START_NOTES))
        return p

    def progress_until(self, d0: dt.date, p: int, until: dt.date, *, late_after: dt.date | None = None,
                       cap: int = 90) -> int:
        for d, p in _progress_steps(self.rng, d0, until, p, cap=cap):
            if late_after is not None and d > late_after:
                note = self.rng.choice(LATE_NOTES)
            else:
                note = self.rng.choice(MID_NOTES).format(p=p)
            self.add(d, IP, p, note)
        return p


def completed(w: Writer, *, start: dt.date, done: dt.date, routine: bool, late: bool, product: str,
              confirm_on: dt.date | None = None) -> None:
    p = w.start(start)
    if (done - start).days > 45:
        mid = between(w.rng, start + dt.timedelta(days=15), done - dt.timedelta(days=10))
        w.add(mid, IP, min(90, p + 30), w.rng.choice(MID_NOTES).format(p=min(90, p + 30)))
    if routine:
        w.add(done, DR, 100, w.rng.choice(DR_NOTES))
        if confirm_on is not None and confirm_on > done:
            w.add(confirm_on, DR, 100, DR_AGAIN)
    else:
        note = DONE_LATE_NOTE if late else w.rng.choice(DONE_NOTES).format(product=product.lower())
        w.add(done, DONE, 100, note)
