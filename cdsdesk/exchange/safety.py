"""Reading files from outside safely: every limit checked before parsing, every parser error turned
into one clear ``ImportRejected`` message in Vietnamese and English.

A file a colleague e-mails back is untrusted. Before openpyxl sees it we check its size, and for a
zip archive (xlsx) the member count, the declared uncompressed size in total and per member, the
compression ratio (zip bombs) and member names (``..``, absolute paths). XML goes through
defusedxml (openpyxl uses it when installed). Formulas are never evaluated: a cell holding one is
reported as such (``Cell.is_formula``). Whatever a broken file makes zipfile, openpyxl or csv raise
— ``BadZipFile``, ``NotImplementedError``, ``UnicodeDecodeError``, ``KeyError``, XML parse errors —
is caught here, at the boundary, and never reaches the user as a traceback.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..domain.errors import UserError
from ..domain.text import nfc

EXCEL_MAX_ROWS = 1_048_576


class ImportRejected(UserError):
    """A file that cannot be imported: unreadable, unsafe, or with errors. Nothing was changed."""

    exit_code = 1

    def __init__(self, vi: str, en: str | None = None, *, source: str = "") -> None:
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__(prefix + vi, prefix + (en or vi))


@dataclass(frozen=True)
class Limits:
    """What an imported file may hold. Generous for a real form, far below what hurts the machine."""

    max_file_bytes: int = 25 * 1024 * 1024
    max_zip_members: int = 500
    max_uncompressed_bytes: int = 200 * 1024 * 1024
    max_member_bytes: int = 120 * 1024 * 1024
    #: Ratio limit applies to members bigger than ``ratio_floor_bytes`` (tiny members compress wildly).
    max_ratio: float = 150.0
    ratio_floor_bytes: int = 1024 * 1024
    max_rows: int = 100_000
    max_cols: int = 200
    max_cell_chars: int = 32_767  # Excel's own limit


DEFAULT_LIMITS = Limits()


# --- files and hashes ---------------------------------------------------------------------------


def read_bytes(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, refusing a missing file, a folder or one over the size limit."""
    name = Path(path).name
    try:
        p = Path(path)
        if p.is_dir():
            raise ImportRejected("đây là một thư mục, không phải tệp", "this is a folder, not a file", source=name)
        size = p.stat().st_size
        if size > limits.max_file_bytes:
            raise ImportRejected(
                f"tệp quá lớn ({size // 1024 // 1024} MB; tối đa {limits.max_file_bytes // 1024 // 1024} MB)",
                f"file too large ({size // 1024 // 1024} MB; at most {limits.max_file_bytes // 1024 // 1024} MB)",
                source=name,
            )
        with p.open("rb") as fh:
            data = fh.read(limits.max_file_bytes + 1)
    except ImportRejected:
        raise
    except FileNotFoundError:
        raise ImportRejected("không tìm thấy tệp", "file not found", source=name) from None
    except OSError as exc:
        raise ImportRejected(
            f"không đọc được tệp ({exc.strerror or exc})", f"cannot read the file ({exc.strerror or exc})", source=name
        ) from None
    if len(data) > limits.max_file_bytes:
        raise ImportRejected("tệp quá lớn", "file too large", source=name)
    if not data:
        raise ImportRejected("tệp rỗng", "the file is empty", source=name)
    return data


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- zip archives -------------------------------------------------------------------------------

_DRIVE = re.compile(r"^[A-Za-z]:")


def _unsafe_member_name(name: str) -> bool:
    n = name.replace("\\", "/")
    if n.startswith("/") or _DRIVE.match(n):
        return True
    return ".." in n.split("/") or posixpath.normpath(n).startswith("..")


def open_zip(data: bytes, *, source: str = "", limits: Limits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """An archive whose members passed the limits (names, count, sizes, ratio)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception as exc:  # BadZipFile, NotImplementedError, UnicodeDecodeError, ValueError, OSError …
        raise ImportRejected(
            f"tệp nén hỏng hoặc không phải tệp Excel/zip ({type(exc).__name__})",
            f"corrupt archive or not an Excel/zip file ({type(exc).__name__})",
            source=source,
        ) from None
    if len(infos) > limits.max_zip_members:
        raise ImportRejected(
            f"tệp nén có quá nhiều thành phần ({len(infos)}; tối đa {limits.max_zip_members})",
            f"archive has too many members ({len(infos)}; at most {limits.max_zip_members})",
            source=source,
        )
    total = 0
    for info in infos:
        if _unsafe_member_name(info.filename):
            raise ImportRejected(
                f"tệp nén chứa đường dẫn không an toàn: {info.filename!r}",
                f"archive holds an unsafe path: {info.filename!r}",
                source=source,
            )
        if info.flag_bits & 0x1:
            raise ImportRejected("tệp nén có mật khẩu", "the archive is password-protected", source=source)
        size = info.file_size
        total += size
        too_big = size > limits.max_member_bytes or total > limits.max_uncompressed_bytes
        ratio = size / max(info.compress_size, 1)
        if too_big or (size > limits.ratio_floor_bytes and ratio > limits.max_ratio):
            raise ImportRejected(
                "tệp nén giải nén ra quá lớn (nghi là bom nén - zip bomb)",
                "the archive unpacks to too much data (suspected zip bomb)",
                source=source,
            )
    return zf


def zip_text(zf: zipfile.ZipFile, name: str, *, source: str = "") -> str | None:
    """A member as text (None when absent); errors become ``ImportRejected``."""
    try:
        if name not in zf.namelist():
            return None
        return zf.read(name).decode("utf-8")
    except Exception as exc:
        raise ImportRejected(
            f"không đọc được thành phần {name} của tệp nén ({type(exc).__name__})",
            f"cannot read archive member {name} ({type(exc).__name__})",
            source=source,
        ) from None


# --- workbooks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One cell's raw value. ``value`` is what the file stores; a formula is kept as its text."""

    value: Any
    is_formula: bool = False

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


EMPTY = Cell(None)


def column_letter(col: int) -> str:
    """1 → A, 28 → AB (as openpyxl's get_column_letter, without importing openpyxl)."""
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class Sheet:
    name: str
    state: str = "visible"  # visible | hidden | veryHidden
    rows: list[list[Cell]] = field(default_factory=list)

    def cell(self, row: int, col: int) -> Cell:
        """1-based row and column, as Excel counts; EMPTY outside the data."""
        if 1 <= row <= len(self.rows):
            r = self.rows[row - 1]
            if 1 <= col <= len(r):
                return r[col - 1]
        return EMPTY

    def ref(self, row: int, col: int) -> str:
        """``Nhiệm vụ!D12``: how an error names a cell."""
        return f"{self.name}!{column_letter(col)}{row}"

    @property
    def max_row(self) -> int:
        return len(self.rows)


@dataclass
class Book:
    """A workbook read into plain cells: what every xlsx importer works from."""

    sheets: dict[str, Sheet]
    epoch: dt.datetime
    source: str = ""

    def sheet(self, name: str) -> Sheet | None:
        if name in self.sheets:
            return self.sheets[name]
        want = nfc(name).casefold()
        for n, s in self.sheets.items():
            if nfc(n).casefold() == want:
                return s
        return None


def _cell(c: Any, limits: Limits) -> Cell:
    value = getattr(c, "value", None)
    if value is None:
        return EMPTY
    dtype = getattr(c, "data_type", None)
    if dtype == "f" or type(value).__name__ in ("ArrayFormula", "DataTableFormula"):
        text = getattr(value, "text", None) or str(value)
        return Cell(text, is_formula=True)
    if isinstance(value, str):
        if len(value) > limits.max_cell_chars:
            value = value[: limits.max_cell_chars]
        return Cell(value)
    if isinstance(value, (int, float, dt.datetime, dt.date, dt.time, bool)):
        return Cell(value)
    if isinstance(value, dt.timedelta):
        return Cell(value)
    return Cell(str(value))


def _convert(limits: Limits):  # noqa: ANN202
    cap = limits.max_cell_chars

    def convert(value: Any, is_formula: bool) -> Cell:
        if value is None:
            return EMPTY
        if is_formula:
            return Cell(value, is_formula=True)
        if isinstance(value, str) and len(value) > cap:
            value = value[:cap]
        return Cell(value)

    return convert


def _blank(cell: Cell) -> bool:
    return cell.empty and not cell.is_formula


def read_xlsx(data: bytes, *, source: str = "", limits: Limits = DEFAULT_LIMITS) -> Book:
    """Every sheet's cells (up to ``max_cols`` columns); formulas kept as text, never evaluated.

    Read by ``xlsx_read`` (a lean reader giving the cells openpyxl gives, at a third of the cost);
    whatever a damaged file makes it raise becomes one ``ImportRejected``."""
    from .xlsx_read import RawBook, RowLimit, XlsxError

    zf = open_zip(data, source=source, limits=limits)
    try:
        _refuse_dtd(zf, source)
        book = RawBook(zf)
        convert = _convert(limits)
        sheets: dict[str, Sheet] = {}
        for raw in book.sheets:
            name = nfc(raw.name)
            rows = book.rows(raw, max_cols=limits.max_cols, max_rows=limits.max_rows, convert=convert, blank=_blank)
            sheets[name] = Sheet(name=name, state=raw.state, rows=rows)
        return Book(sheets=sheets, epoch=book.epoch, source=source)
    except ImportRejected:
        raise
    except RowLimit as exc:
        name = nfc(exc.sheet)
        raise ImportRejected(
            f"trang '{name}' có quá nhiều dòng (tối đa {limits.max_rows})",
            f"sheet '{name}' has too many rows (at most {limits.max_rows})",
            source=source,
        ) from None
    except XlsxError as exc:
        if exc.unsafe:
            raise ImportRejected(
                f"tệp chứa khai báo DTD/ENTITY trong {exc.member} (không an toàn)",
                f"the file declares a DTD/ENTITY in {exc.member} (unsafe)",
                source=source,
            ) from None
        raise ImportRejected(
            f"không đọc được tệp Excel ({_reason(exc)})", f"cannot read the Excel file ({_reason(exc)})", source=source
        ) from None
    except Exception as exc:  # XML errors, bad numbers, missing members, RecursionError …
        raise ImportRejected(
            f"tệp Excel bị hỏng ({_reason(exc)})", f"the Excel file is corrupt ({_reason(exc)})", source=source
        ) from None
    finally:
        zf.close()


def _refuse_dtd(zf: zipfile.ZipFile, source: str) -> None:
    """Office XML never declares a DTD; one that does is an entity-expansion or XXE attempt.

    Checked here whatever parser openpyxl picks (lxml without entity resolution, or defusedxml)."""
    for info in zf.infolist():
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        try:
            with zf.open(info) as fh:
                head = fh.read(4096)
        except Exception as exc:
            raise ImportRejected(
                f"tệp Excel bị hỏng ({_reason(exc)})", f"the Excel file is corrupt ({_reason(exc)})", source=source
            ) from None
        if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
            raise ImportRejected(
                f"tệp chứa khai báo DTD/ENTITY trong {info.filename} (không an toàn)",
                f"the file declares a DTD/ENTITY in {info.filename} (unsafe)",
                source=source,
            )


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0][:160] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# --- CSV ----------------------------------------------------------------------------------------


def decode_text(data: bytes, *, source: str = "") -> str:
    """UTF-8 (with or without BOM), else Windows-1258 (Vietnamese ANSI); NFC either way."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise ImportRejected(
            "tệp không phải văn bản (có thể là UTF-16 hoặc tệp nhị phân)",
            "not a text file (maybe UTF-16 or binary)",
            source=source,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1258")
        except UnicodeDecodeError:
            raise ImportRejected(
                "không nhận được bảng mã của tệp (cần UTF-8 hoặc Windows-1258)",
                "unknown text encoding (expected UTF-8 or Windows-1258)",
                source=source,
            ) from None
    import unicodedata

    return unicodedata.normalize("NFC", text)


def read_csv(data: bytes, *, source: str = "", limits: Limits = DEFAULT_LIMITS) -> list[list[str]]:
    """Rows of a CSV file, comma or semicolon separated, in any encoding ``decode_text`` accepts."""
    text = decode_text(data, source=source)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(rows) >= limits.max_rows:
                raise ImportRejected(
                    f"tệp CSV có quá nhiều dòng (tối đa {limits.max_rows})",
                    f"the CSV file has too many rows (at most {limits.max_rows})",
                    source=source,
                )
            rows.append([c.strip() for c in row[: limits.max_cols]])
    except ImportRejected:
        raise
    except Exception as exc:  # csv.Error, field larger than field limit …
        raise ImportRejected(
            f"tệp CSV không hợp lệ ({_reason(exc)})", f"invalid CSV file ({_reason(exc)})", source=source
        ) from None
    return rows


def iter_nonempty(rows: list[list[Cell]]) -> Iterator[tuple[int, list[Cell]]]:
    """(1-based row number, cells) for rows holding anything."""
    for i, r in enumerate(rows, start=1):
        if any(not c.empty or c.is_formula for c in r):
            yield i, r
