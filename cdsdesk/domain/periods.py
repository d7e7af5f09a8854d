"""Reporting periods in DHIS2 codes: ``2024`` (year), ``2024S1`` (six months), ``2024Q3``
(quarter), ``202407`` (month); and date windows such as "9 tháng" for reports."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .errors import UsageError

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_KIND_ORDER = {"Y": 0, "S": 1, "Q": 2, "M": 3}
_MONTHS_PER = {"Y": 12, "S": 6, "Q": 3, "M": 1}
_RE = re.compile(r"^\s*(\d{4})(?:(S)([12])|(Q)([1-4])|(0[1-9]|1[0-2]))?\s*$", re.IGNORECASE)


@dataclass(frozen=True, order=False)
class Period:
    """A stored reporting period. ``kind`` is Y, S, Q or M; ``index`` counts from 1 in the year."""

    kind: str
    year: int
    index: int = 1

    # --- parsing and formatting -------------------------------------------------------------
    @classmethod
    def parse(cls, code: str) -> "Period":
        m = _RE.match(str(code))
        if not m:
            raise UsageError(
                f"'{code}' không phải là mã kỳ hợp lệ (ví dụ: 2024, 2024S1, 2024Q3, 202407)",
                f"'{code}' is not a valid period code (e.g. 2024, 2024S1, 2024Q3, 202407)",
            )
        year = int(m.group(1))
        if m.group(2):
            return cls("S", year, int(m.group(3)))
        if m.group(4):
            return cls("Q", year, int(m.group(5)))
        if m.group(6):
            return cls("M", year, int(m.group(6)))
        return cls("Y", year, 1)

    @property
    def code(self) -> str:
        if self.kind == "Y":
            return f"{self.year}"
        if self.kind == "M":
            return f"{self.year}{self.index:02d}"
        return f"{self.year}{self.kind}{self.index}"

    def __str__(self) -> str:
        return self.code

    def label_vi(self) -> str:
        if self.kind == "Y":
            return f"Năm {self.year}"
        if self.kind == "S":
            return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
        if self.kind == "Q":
            return f"Quý {_ROMAN[self.index]}/{self.year}"
        return f"Tháng {self.index}/{self.year}"

    def label_en(self) -> str:
        if self.kind == "Y":
            return f"Year {self.year}"
        if self.kind == "S":
            return f"{'First' if self.index == 1 else 'Second'} half of {self.year}"
        if self.kind == "Q":
            return f"Q{self.index} {self.year}"
        return f"{calendar.month_name[self.index]} {self.year}"

    def label(self, lang: str = "vi") -> str:
        return self.label_en() if lang == "en" else self.label_vi()

    # --- dates ------------------------------------------------------------------------------
    @property
    def start(self) -> dt.date:
        months = _MONTHS_PER[self.kind]
        return dt.date(self.year, (self.index - 1) * months + 1, 1)

    @property
    def end(self) -> dt.date:
        months = _MONTHS_PER[self.kind]
        last_month = self.index * months
        return dt.date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    @property
    def window(self) -> "DateWindow":
        return DateWindow(self.start, self.end, self.label_vi())

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    # --- order ------------------------------------------------------------------------------
    @property
    def sort_key(self) -> tuple[dt.date, int]:
        """Order by end date; at the same end, the longer period first (2024 before 2024Q4)."""
        return (self.end, _KIND_ORDER[self.kind])

    def __lt__(self, other: "Period") -> bool:
        return self.sort_key < other.sort_key

    def __le__(self, other: "Period") -> bool:
        return self.sort_key <= other.sort_key

    def __gt__(self, other: "Period") -> bool:
        return self.sort_key > other.sort_key

    def __ge__(self, other: "Period") -> bool:
        return self.sort_key >= other.sort_key

    def previous(self) -> "Period":
        """The period of the same kind just before this one (2024S1 → 2023S2)."""
        per_year = 12 // _MONTHS_PER[self.kind]
        if self.index > 1:
            return Period(self.kind, self.year, self.index - 1)
        return Period(self.kind, self.year - 1, per_year)

    def next(self) -> "Period":
        per_year = 12 // _MONTHS_PER[self.kind]
        if self.index < per_year:
            return Period(self.kind, self.year, self.index + 1)
        return Period(self.kind, self.year + 1, 1)

    def same_period_last_year(self) -> "Period":
        return Period(self.kind, self.year - 1, self.index)

    @classmethod
    def containing(cls, day: dt.date, kind: str) -> "Period":
        if kind == "Y":
            return cls("Y", day.year, 1)
        months = _MONTHS_PER[kind]
        return cls(kind, day.year, (day.month - 1) // months + 1)


@dataclass(frozen=True)
class DateWindow:
    """A reporting window: a stored period's dates or a custom range such as 9 months."""

    start: dt.date
    end: dt.date
    label: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise UsageError(
                f"Khoảng thời gian không hợp lệ: {self.start} sau {self.end}",
                f"Invalid window: {self.start} is after {self.end}",
            )

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @classmethod
    def nine_months(cls, year: int) -> "DateWindow":
        return cls(dt.date(year, 1, 1), dt.date(year, 9, 30), f"9 tháng năm {year}")


def parse_window(text: str) -> DateWindow:
    """A period code, ``2024M9`` style "9 months" (``2024-9M``), or ``YYYY-MM-DD..YYYY-MM-DD``."""
    s = str(text).strip()
    m = re.fullmatch(r"(\d{4})(?:-?9M|N9)", s, re.IGNORECASE)
    if m:
        return DateWindow.nine_months(int(m.group(1)))
    if ".." in s:
        a, b = s.split("..", 1)
        try:
            return DateWindow(dt.date.fromisoformat(a.strip()), dt.date.fromisoformat(b.strip()))
        except ValueError:
            pass
        raise UsageError(f"'{text}' không phải khoảng ngày hợp lệ", f"'{text}' is not a valid date range")
    return Period.parse(s).window


def period_sort_key(code: str) -> tuple[dt.date, int]:
    return Period.parse(code).sort_key
