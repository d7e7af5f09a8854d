"""Reading one cell's value the way colleagues type it, whatever program saved the file.

Dates arrive as real dates, Excel serial numbers (a re-save may drop the date format) or text
``dd/mm/yyyy``; numbers with a decimal comma; statuses by label or key, any case, with or without
diacritics. A formula where a value belongs is an error: nothing is ever evaluated.
"""

from __future__ import annotations

import datetime as dt
import math

from ..domain import numbers
from ..domain.status import STATUS_LABELS_VI, TaskStatus, parse_status
from ..domain.text import nfc
from .safety import Cell

EXCEL_EPOCH_1900 = dt.datetime(1899, 12, 30)


class CellError(ValueError):
    """Why a cell's content is not acceptable, in Vietnamese and English."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en


def _no_formula(cell: Cell) -> None:
    if cell.is_formula:
        raise CellError(
            f"ô chứa công thức ({cell.value}); hãy nhập giá trị, không nhập công thức",
            f"the cell holds a formula ({cell.value}); enter a value, not a formula",
        )


def text(cell: Cell) -> str:
    """The cell as text (NFC, trimmed); numbers as typed (``12`` not ``12.0``)."""
    _no_formula(cell)
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime):
        return numbers.format_date(v.date()) if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return numbers.format_date(v)
    return nfc(str(v))


def number(cell: Cell, *, low: float | None = None, high: float | None = None) -> float | None:
    """A number (``42,5``, ``1.928.311``, ``42.5``, ``42,5%``) or None for an empty cell."""
    _no_formula(cell)
    v = cell.value
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, (dt.date, dt.time, dt.timedelta)):
        raise CellError("ô chứa ngày tháng, không phải số", "the cell holds a date, not a number")
    try:
        x = numbers.parse_number(v)
    except ValueError:
        raise CellError(f"'{nfc(str(v))}' không phải là số", f"'{nfc(str(v))}' is not a number") from None
    if math.isnan(x) or math.isinf(x):
        raise CellError(f"'{v}' không phải là số", f"'{v}' is not a number")
    if low is not None and x < low or high is not None and x > high:
        lo, hi = numbers.format_number(low), numbers.format_number(high)
        raise CellError(
            f"{numbers.format_number(x)} nằm ngoài khoảng cho phép {lo}–{hi}",
            f"{numbers.format_number(x)} is outside the allowed range {lo}–{hi}",
        )
    return x


def date(cell: Cell, *, epoch: dt.datetime | None = None) -> dt.date | None:
    """A date from a real date, an Excel serial (1900 or 1904 system) or ``dd/mm/yyyy`` text."""
    _no_formula(cell)
    v = cell.value
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, bool):
        raise CellError(f"'{v}' không phải là ngày", f"'{v}' is not a date")
    if isinstance(v, (int, float)):
        if not (1 <= v < 2_958_466):  # 1/1/1900 … 31/12/9999
            raise CellError(f"'{v}' không phải là ngày hợp lệ", f"'{v}' is not a valid date")
        base = EXCEL_EPOCH_1900 if epoch is None or epoch.year < 1904 else dt.datetime(1904, 1, 1)
        return (base + dt.timedelta(days=int(v))).date()
    s = nfc(str(v))
    try:
        return numbers.parse_date(s)
    except ValueError:
        raise CellError(
            f"'{s}' không phải là ngày (nhập theo dạng ngày/tháng/năm, ví dụ 10/7/2024)",
            f"'{s}' is not a date (write day/month/year, e.g. 10/7/2024)",
        ) from None


def status(cell: Cell) -> TaskStatus | None:
    """A task status from its Vietnamese label, English label or key; None when empty."""
    _no_formula(cell)
    v = cell.value
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    s = nfc(str(v))
    known = _STATUS_SEEN.get(s)
    if known is not None:
        return known
    try:
        found = parse_status(s)
    except ValueError:
        choices = "; ".join(STATUS_LABELS_VI.values())
        raise CellError(
            f"'{s}' không phải là trạng thái hợp lệ; chọn một trong: {choices}",
            f"'{s}' is not a valid status; choose one of: "
            + "; ".join(t.label_en for t in TaskStatus),
        ) from None
    if len(_STATUS_SEEN) < 1000:
        _STATUS_SEEN[s] = found
    return found


#: Texts already read as a status: a form repeats the same few labels hundreds of times.
_STATUS_SEEN: dict[str, TaskStatus] = {}
