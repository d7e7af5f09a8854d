"""Numbers and dates the Vietnamese way: ``1.928.311``, ``42,5``, ``10/7/2024``."""

from __future__ import annotations

import datetime as dt
import math
import re

_NUM_RE = re.compile(r"^[+-]?(\d{1,3}([.\s]\d{3})+|\d+)([,.]\d+)?$")


def format_number(value: float | int | None, decimals: int | None = None) -> str:
    """``1928311`` → ``1.928.311``; ``42.5`` → ``42,5``; trailing zeros dropped unless ``decimals``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    strip = decimals is None
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    s = f"{abs(value):,.{decimals}f}"
    integer, _, frac = s.partition(".")
    integer = integer.replace(",", ".")
    if strip:
        frac = frac.rstrip("0")
    out = integer + ("," + frac if frac else "")
    return ("-" if value < 0 and out.strip("0.,") else "") + out


def format_size(n_bytes: int) -> str:
    """A file's size as people read it: ``"812 KB"``, ``"1,4 MB"``, ``"634 MB"``, ``"2,1 GB"``
    (1 KB = 1024 bytes; one decimal below 10 of a unit, none above)."""
    value, unit = max(0, n_bytes) / 1024, "KB"
    for bigger in ("MB", "GB", "TB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    if unit == "KB":
        return f"{format_number(max(1, math.ceil(value)))} KB"
    return f"{format_number(round(value, 1) if value < 10 else round(value))} {unit}"


def format_percent(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return ""
    return format_number(round(value, decimals)) + "%"


def parse_number(text: str | float | int | None) -> float:
    """A number as people type it in Vietnam: ``42,5``, ``1.928.311``, ``42.5``, ``42,5%``.

    Raises ``ValueError`` for anything else (text, empty, two decimal separators).
    """
    if isinstance(text, bool):
        raise ValueError(text)
    if isinstance(text, (int, float)):
        if isinstance(text, float) and (math.isnan(text) or math.isinf(text)):
            raise ValueError(text)
        return float(text)
    if text is None:
        raise ValueError("empty")
    s = str(text).strip().replace("\u00a0", " ").rstrip("%").strip()
    if not s:
        raise ValueError("empty")
    if not _NUM_RE.match(s):
        raise ValueError(text)
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    if "," in s:  # decimal comma; dots or spaces group thousands
        integer, frac = s.rsplit(",", 1)
        integer = integer.replace(".", "").replace(" ", "")
        return sign * float(f"{integer}.{frac}")
    if " " in s:
        return sign * float(s.replace(" ", ""))
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", s):
        # "1.928.311" groups thousands; a single "1.250" is ambiguous: Vietnamese reads it as 1250.
        return sign * float(s.replace(".", ""))
    return sign * float(s)


def format_date(value: dt.date | None) -> str:
    """``10/7/2024`` (day and month without leading zeros, as written in Vietnamese)."""
    if value is None:
        return ""
    return f"{value.day}/{value.month}/{value.year}"


def format_date_long(value: dt.date) -> str:
    """``ngày 10 tháng 7 năm 2024`` as in the place-and-date line of a report."""
    day = f"{value.day:02d}" if value.day < 10 else str(value.day)
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {day} tháng {month} năm {value.year}"


_DATE_RE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_date(text: str | dt.date | dt.datetime | None) -> dt.date:
    """``dd/mm/yyyy``, ``yyyy-mm-dd`` or a date object; ``ValueError`` otherwise."""
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    if text is None:
        raise ValueError("empty")
    s = str(text)
    m = _DATE_RE.match(s)
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = _ISO_RE.match(s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ValueError(text)
