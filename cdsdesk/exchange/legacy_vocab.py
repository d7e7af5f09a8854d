"""How people write a tracking table: headings, statuses, deadlines, areas and agency names.

Pure functions, no database: each takes what a cell holds and says what it means, or ``None``
(or ``CellError``) when it cannot tell, so the importer can ask the user in the mapping step.
Everything is compared folded (``domain.text.fold``: no diacritics, no case, spaces collapsed).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..domain.status import AgencyKind, TaskStatus
from ..domain.text import fold
from .values import CellError

# --- column headings ----------------------------------------------------------------------------

#: Fields a legacy table may hold, with their Vietnamese names for the mapping step.
FIELDS: dict[str, str] = {
    "stt": "STT",
    "code": "Mã nhiệm vụ",
    "title": "Nội dung / Tên nhiệm vụ",
    "lead": "Cơ quan chủ trì",
    "cooperators": "Cơ quan phối hợp",
    "deadline": "Thời hạn hoàn thành",
    "product": "Sản phẩm",
    "status": "Trạng thái / Tình hình thực hiện",
    "result": "Kết quả cụ thể",
    "progress": "Tiến độ (%)",
    "note": "Ghi chú",
    "ignore": "(bỏ qua cột này)",
}


def _clean(text: object) -> str:
    """Folded, with punctuation other than ``%`` and ``&`` turned into spaces."""
    t = fold(str(text or ""))
    t = re.sub(r"[^\w%&]+", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def heading_field(text: object) -> str | None:
    """The field a column heading stands for (``Thời gian hoàn thành`` → ``deadline``)."""
    t = _clean(text)
    if not t:
        return None
    if t in ("stt", "tt", "so tt", "so thu tu", "thu tu"):
        return "stt"
    if t.startswith("ma ") and ("nhiem vu" in t or t in ("ma so", "ma nv")) or t == "ma":
        return "code"
    if "phoi hop" in t:
        return "cooperators"
    if "chu tri" in t or t in ("co quan thuc hien", "don vi thuc hien", "don vi", "co quan"):
        return "lead"
    if "ghi chu" in t:
        return "note"
    if "san pham" in t or "ket qua dau ra" in t:
        return "product"
    if "%" in t or "ty le hoan thanh" in t or t.startswith("tien do ("):
        return "progress"
    if re.search(r"\b(thoi gian|thoi han|han hoan thanh|tien do hoan thanh|moc thoi gian)\b", t):
        return "deadline"
    if re.search(r"\b(trang thai|tinh hinh|muc do hoan thanh|tien do thuc hien|danh gia)\b", t):
        return "status"
    if t.startswith("ket qua"):
        # "Kết quả" alone is the status column; under a status heading it is the result text.
        return "result" if ("cu the" in t or "dat duoc" in t) else "status"
    if t.startswith("noi dung") or "nhiem vu" in t or t.startswith("ten ") or t in ("cong viec", "giai phap"):
        return "title"
    return None


# --- statuses -----------------------------------------------------------------------------------

_STATUS_EXACT: dict[str, TaskStatus] = {}
for _s, _words in {
    TaskStatus.DONE_ROUTINE: [
        "hoan thanh thuc hien thuong xuyen", "da hoan thanh thuc hien thuong xuyen",
        "hoan thanh va thuc hien thuong xuyen", "da hoan thanh va thuc hien thuong xuyen",
        "hoan thanh va duy tri thuong xuyen", "thuc hien thuong xuyen", "thuong xuyen",
        "hoan thanh duy tri", "da hoan thanh duy tri", "done routine", "done_routine",
    ],
    TaskStatus.DONE: [
        "hoan thanh", "da hoan thanh", "xong", "da xong", "da thuc hien", "hoan thanh dung han",
        "da hoan thanh dung han", "hoan thanh cham", "da hoan thanh cham", "hoan thanh truoc han",
        "dat", "da ban hanh", "completed", "done",
    ],
    TaskStatus.IN_PROGRESS: [
        "dang thuc hien", "dang trien khai", "dang tien hanh", "dang xay dung", "dang lam",
        "chua hoan thanh", "dang trien khai thuc hien", "dang hoan thien", "in progress", "in_progress",
    ],
    TaskStatus.NOT_STARTED: [
        "chua thuc hien", "chua trien khai", "chua bat dau", "chua lam", "chua", "not started",
        "not_started",
    ],
    TaskStatus.BLOCKED: [
        "cho huong dan", "cho huong dan vuong mac", "vuong mac", "kho khan vuong mac", "tam dung",
        "tam dung thuc hien", "dang vuong mac", "cho y kien", "blocked",
    ],
}.items():
    for _w in _words:
        _STATUS_EXACT[_w] = _s


def status_key(text: object) -> TaskStatus | None:
    """A status from the many ways people write one; ``None`` when it cannot tell.

    An exact phrase wins; otherwise the opening words of the first clause decide, so that
    "Đã hoàn thành. Kế hoạch số 28/KH-UBND" reads as completed and the rest is the note.
    """
    t = _clean(text)
    if not t:
        return None
    if t in _STATUS_EXACT:
        return _STATUS_EXACT[t]
    first = _clean(re.split(r"[.;:\n(]", fold(str(text)), maxsplit=1)[0])
    for candidate in (first, t):
        if candidate in _STATUS_EXACT:
            return _STATUS_EXACT[candidate]
    head = first
    if re.match(r"^(da )?hoan thanh\b", head) and "thuong xuyen" in t:
        return TaskStatus.DONE_ROUTINE
    if re.match(r"^chua hoan thanh\b", head):
        return TaskStatus.IN_PROGRESS
    if re.match(r"^(cho|vuong mac|tam dung|tam hoan|tam ngung|kho khan|dang vuong)\b", head):
        return TaskStatus.BLOCKED
    if re.match(r"^chua\b", head):
        return TaskStatus.NOT_STARTED
    if re.match(r"^dang\b", head):
        return TaskStatus.IN_PROGRESS
    if re.match(r"^(da )?(hoan thanh|xong)\b", head):
        return TaskStatus.DONE
    return None


# --- deadlines ----------------------------------------------------------------------------------

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12}
_RECURRING = re.compile(r"\b(thuong xuyen|hang nam|hang quy|hang thang|lien tuc|dinh ky)\b")
EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str | None, default_year: int | None) -> int | None:
    if text:
        y = int(text)
        return y if 1990 <= y <= 2100 else None
    return default_year


def parse_deadline(value: object, *, default_year: int | None = None) -> tuple[dt.date | None, bool]:
    """(deadline, recurring) from what a deadline cell holds.

    ``30/6/2024`` and real dates are that day; ``Quý II/2024``, ``Tháng 9/2024``, ``6 tháng đầu
    năm 2024`` and ``Năm 2024`` are the last day of that quarter, month, half or year;
    ``Thường xuyên`` (and ``hằng năm``, ``định kỳ`` …) is recurring work with no fixed deadline —
    a year-end date would make routine work look overdue every January. Raises ``CellError``.
    """
    if value is None:
        return None, False
    if isinstance(value, dt.datetime):
        return value.date(), False
    if isinstance(value, dt.date):
        return value, False
    if isinstance(value, bool):
        raise CellError(f"'{value}' không phải là thời hạn", f"'{value}' is not a deadline")
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 1990 <= value <= 2100:
            return dt.date(int(value), 12, 31), False
        if 30_000 <= value <= 80_000:  # an Excel serial whose date format was lost
            return (EXCEL_EPOCH + dt.timedelta(days=int(value))).date(), False
        raise CellError(f"'{value}' không phải là thời hạn", f"'{value}' is not a deadline")
    raw = str(value).strip()
    t = fold(raw)
    if not t:
        return None, False
    recurring = bool(_RECURRING.search(t))
    try:
        day = _find_date(t, default_year)
    except ValueError:
        day = None
        if not recurring:
            raise CellError(
                f"'{raw}' không phải là ngày hợp lệ", f"'{raw}' is not a valid date"
            ) from None
    if day is None and not recurring:
        raise CellError(
            f"'{raw}' không đọc được thành thời hạn (ví dụ: 30/6/2024, Quý II/2024, Tháng 9/2024, "
            "Năm 2024, Thường xuyên)",
            f"'{raw}' cannot be read as a deadline (e.g. 30/6/2024, Quý II/2024, Tháng 9/2024, "
            "Năm 2024, Thường xuyên)",
        )
    return day, recurring


def _find_date(t: str, default_year: int | None) -> dt.date | None:
    m = re.search(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b", t)
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"\bquy\s+([ivx]+|[1-4])\b(?:\s*(?:/|nam|-)\s*(\d{4}))?", t)
    if m:
        g = m.group(1)
        q = int(g) if g.isdigit() else _ROMAN.get(g, 0)
        year = _year(m.group(2), default_year)
        if year and 1 <= q <= 4:
            return _month_end(year, q * 3)
        return None
    m = re.search(r"\b6 thang (dau|cuoi)\b(?:\s*(?:nam)?\s*(\d{4}))?", t)
    if m:
        year = _year(m.group(2), default_year)
        return _month_end(year, 6 if m.group(1) == "dau" else 12) if year else None
    m = re.search(r"\b(?:thang|t)\s*(\d{1,2})\s*(?:/|nam|-)\s*(\d{4})\b", t) or re.search(
        r"^(?:truoc\s+)?(\d{1,2})/(\d{4})$", t
    )
    if m:
        month = int(m.group(1))
        return _month_end(int(m.group(2)), month) if 1 <= month <= 12 else None
    m = re.search(r"\bthang\s*(\d{1,2})\b", t)
    if m and default_year:
        month = int(m.group(1))
        return _month_end(default_year, month) if 1 <= month <= 12 else None
    m = re.search(r"\b(\d{4})\s*-\s*(\d{4})\b", t)  # "giai đoạn 2021-2025": the end of the span
    if m:
        return dt.date(int(m.group(2)), 12, 31)
    m = re.search(r"\b(?:nam|ca nam)?\s*(\d{4})\b", t)
    if m and 1990 <= int(m.group(1)) <= 2100:
        return dt.date(int(m.group(1)), 12, 31)
    return None


# --- areas --------------------------------------------------------------------------------------

#: The 8 areas of work (seed 000), with their pillar where they belong to one.
AREAS: list[tuple[str, str, str | None]] = [
    ("NTS", "Nhận thức số", None),
    ("TCS", "Thể chế số", None),
    ("HTS", "Hạ tầng số", None),
    ("NLS", "Nhân lực số", None),
    ("ATTT", "An toàn, an ninh mạng", None),
    ("CQS", "Chính quyền số", "CQS"),
    ("KTS", "Kinh tế số", "KTS"),
    ("XHS", "Xã hội số", "XHS"),
]
PILLARS: list[tuple[str, str]] = [("CQS", "Chính quyền số"), ("KTS", "Kinh tế số"), ("XHS", "Xã hội số")]

_AREA_WORDS = [
    ("NTS", r"nhan thuc"),
    ("TCS", r"the che"),
    ("HTS", r"ha tang"),
    ("NLS", r"nhan luc|nguon nhan luc|ky nang so"),
    ("ATTT", r"an toan|an ninh mang|bao mat"),
    ("CQS", r"chinh quyen so|chinh phu so|chinh phu dien tu|chinh quyen dien tu|dich vu cong"),
    ("KTS", r"kinh te so"),
    ("XHS", r"xa hoi so"),
]
_GROUP_NUMBER = re.compile(r"^\s*(?:phan\s+)?([ivxlc]+|[a-h])\s*[.)\-:]?\s+|^\s*(?:phan|linh vuc)\s+\S+\s*[.:\-]\s*")


def roman_or_letter(text: object) -> bool:
    """``I``, ``II.``, ``VIII`` or ``A``: the numbering of a group row."""
    t = _clean(text)
    return bool(t) and (t in _ROMAN or bool(re.fullmatch(r"[ivxlc]+", t)) or bool(re.fullmatch(r"[a-h]", t)))


def area_code(text: object) -> str | None:
    """The area a group heading names (``I. HẠ TẦNG SỐ`` → ``HTS``; ``AN TOÀN THÔNG TIN MẠNG`` →
    ``ATTT``); ``None`` when it names none of the 8."""
    t = fold(str(text or ""))
    t = _GROUP_NUMBER.sub("", t)
    t = re.sub(r"^(linh vuc|ve|tru cot)\s+", "", _clean(t))
    for code, words in _AREA_WORDS:
        if re.search(rf"\b({words})\b", t):
            return code
    return None


# --- agencies -----------------------------------------------------------------------------------

_ABBREVIATIONS = [
    (r"\bubnd\b", "uy ban nhan dan"),
    (r"\bhdnd\b", "hoi dong nhan dan"),
    (r"\bvp\b", "van phong"),
    (r"\btt ?& ?tt\b|\btttt\b", "thong tin va truyen thong"),
    (r"\bpt ?[-&] ?th\b|\bptth\b", "phat thanh va truyen hinh"),
    (r"\bkh ?& ?cn\b|\bkhcn\b", "khoa hoc va cong nghe"),
    (r"\bkh ?& ?dt\b|\bkhdt\b", "ke hoach va dau tu"),
    (r"\bgd ?& ?dt\b|\bgddt\b", "giao duc va dao tao"),
    (r"\bnn ?& ?ptnt\b|\bnnptnt\b", "nong nghiep va phat trien nong thon"),
    (r"\btn ?& ?mt\b|\btnmt\b", "tai nguyen va moi truong"),
    (r"\bld ?- ?tb ?& ?xh\b|\bldtbxh\b", "lao dong thuong binh va xa hoi"),
    (r"\bvh ?, ?tt ?& ?dl\b|\bvhttdl\b", "van hoa the thao va du lich"),
    (r"\bgtvt\b", "giao thong van tai"),
    (r"\bbchqs\b", "bo chi huy quan su"),
    (r"\bnhnn\b", "ngan hang nha nuoc"),
    (r"\btp\b", "thanh pho"),
]


def agency_key(name: object) -> str:
    """A matching key for an agency name: folded, abbreviations written out, punctuation gone."""
    t = fold(str(name or ""))
    for pattern, full in _ABBREVIATIONS:
        t = re.sub(pattern, full, t)
    t = t.replace("&", " va ")
    t = re.sub(r"[^\w]+", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def agency_key_loose(name: object) -> str:
    """The key without a trailing place name (``… tỉnh Tuyên Quang``) for a second try."""
    return re.sub(r"\s+tinh(\s+\w+){0,3}$", "", agency_key(name)).strip()


_COLLECTIVE = re.compile(
    r"^(cac|toan bo|tat ca)\b|^(uy ban nhan dan|ubnd) cac\b|^(so|ban|nganh)\s*,|\bcac (huyen|so|xa|don vi|co quan)\b"
)


def is_collective(name: object) -> bool:
    """``Các sở, ban, ngành``, ``UBND các huyện, thành phố``, ``Các doanh nghiệp viễn thông``: a
    group of agencies written as one, not an agency of its own."""
    t = fold(str(name or ""))
    return bool(_COLLECTIVE.search(t))


_PREFIXES = r"(?:Sở|UBND|Ủy ban|Uỷ ban|Công an|Văn phòng|Ban|Báo|Đài|Bộ|Ngân hàng|Viettel|VNPT|" \
            r"Trung tâm|Cục|Chi cục|Liên đoàn|Hội|Tỉnh đoàn|Đoàn|Bưu điện|Mobifone|Trường|Bệnh viện|" \
            r"Các|Kho bạc|Thanh tra|Bảo hiểm|Tòa án|Viện)"
_SPLIT = re.compile(rf"\s*[;\n+]\s*|\s*,\s*(?={_PREFIXES}\b)|\s+và\s+(?={_PREFIXES}\b)")


def split_agencies(text: object) -> list[str]:
    """Names in a cooperating-agencies cell: ``;``, new lines, ``+``, or a comma/``và`` before a
    capitalised agency word; commas inside ``Các sở, ban, ngành`` stay."""
    s = str(text or "").strip()
    if not s:
        return []
    parts = [p.strip(" -–•.") for p in _SPLIT.split(s)]
    return [p for p in parts if p]


def guess_kind(name: object) -> str:
    """The kind of a new agency from its name (a department when nothing says otherwise)."""
    t = agency_key(name)
    if re.match(r"^uy ban nhan dan (huyen|thanh pho|thi xa)\b", t):
        return AgencyKind.DISTRICT.value
    if re.match(r"^uy ban nhan dan (xa|phuong|thi tran)\b", t):
        return AgencyKind.COMMUNE.value
    if re.match(r"^uy ban nhan dan tinh\b", t):
        return AgencyKind.PROVINCE.value
    if re.match(r"^bo\b", t) and not t.startswith("bo chi huy"):
        return AgencyKind.MINISTRY.value
    if re.search(r"\b(viettel|vnpt|mobifone|fpt|cong ty|tap doan|doanh nghiep|buu dien)\b", t):
        return AgencyKind.ENTERPRISE.value
    return AgencyKind.DEPARTMENT.value


def code_for(name: object) -> str:
    """A short code from a name's initials (``Sở Thông tin và Truyền thông`` → ``STTTT``)."""
    words = [w for w in agency_key(name).split() if w not in ("va", "cac")]
    initials = "".join(w[0] for w in words if w[0].isalnum()).upper()
    return (initials or "CQ")[:12]
