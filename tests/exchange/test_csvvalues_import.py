"""Values typed in Excel and saved as CSV: encodings, separators, decimal commas, headers or none."""

from __future__ import annotations

import unicodedata

import pytest

from cdsdesk.exchange.csv_values import parse_period
from cdsdesk.exchange.detect import Probe, detect

from .xhelpers import run_import, seed_indicators, snapshot, value_table

EXPECTED = [
    ("CSDL", "HYS", "2024S1", 14.0, ""),
    ("DVC-TT", "STTTT", "2024Q2", 38.5, "Số liệu ước tính, chờ xác nhận"),
    ("DVC-TT", "TQ", "2024S1", 42.5, "Cổng dịch vụ công tỉnh"),
]


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _windows_1258(text: str) -> str:
    """Text as Windows-1258 holds it: letters with their vowel marks precomposed, tones combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tones)
    return "".join(out)


def _write(path, text: str, encoding: str, *, bom: bool = False, nfd: bool = False):
    if nfd:
        text = _windows_1258(text)
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


@pytest.mark.parametrize("variant", ["utf8-bom-semicolon", "utf8-comma-point", "cp1258-decomposed", "no-header"])
def test_csvvalues_variants(db, tmp_path, variant):
    seed_indicators(db, with_values=False)
    if variant == "utf8-bom-semicolon":
        text = ("Mã chỉ tiêu;Mã cơ quan;Kỳ;Giá trị;Ghi chú\r\n"
                "DVC-TT;TQ;2024S1;42,5;Cổng dịch vụ công tỉnh\r\n"
                "DVC-TT;STTTT;Quý II/2024;38,5;Số liệu ước tính, chờ xác nhận\r\n"
                "CSDL;HYS;6 tháng đầu năm 2024;14;\r\n")
        path = _write(tmp_path / "giá trị.csv", text, "utf-8", bom=True)
    elif variant == "utf8-comma-point":
        text = ("indicator,agency,period,value,note\n"
                "DVC-TT,TQ,2024S1,42.5,Cổng dịch vụ công tỉnh\n"
                "DVC-TT,STTTT,2024Q2,38.5,\"Số liệu ước tính, chờ xác nhận\"\n"
                "CSDL,UBND huyện Yên Sơn,2024S1,14,\n")
        path = _write(tmp_path / "values.csv", text, "utf-8")
    elif variant == "cp1258-decomposed":
        # Windows-1258 stores Vietnamese tones as combining marks: the text must come out NFC.
        text = ("Mã chỉ tiêu;Cơ quan;Kỳ báo cáo;Giá trị;Ghi chú\r\n"
                "DVC-TT;TQ;2024S1;42,5;Cổng dịch vụ công tỉnh\r\n"
                "DVC-TT;STTTT;2024Q2;38,5;Số liệu ước tính, chờ xác nhận\r\n"
                "CSDL;HYS;2024S1;14;\r\n")
        path = _write(tmp_path / "ansi.csv", text, "cp1258", nfd=True)
        raw = path.read_bytes()
        assert b"\xec" in raw and b"\xf2" in raw  # combining acute and dot below, as Windows-1258 stores them
    else:
        text = ("DVC-TT;TQ;2024S1;42,5;Cổng dịch vụ công tỉnh\n"
                "DVC-TT;STTTT;2024Q2;38,5;Số liệu ước tính, chờ xác nhận\n"
                "CSDL;HYS;2024S1;14\n")
        path = _write(tmp_path / "trần.csv", text, "utf-8")
    assert detect(Probe(path, path.read_bytes())).kind == "csv"
    fp = run_import(db, path)
    assert fp.outcome.value == "applied", [e.text() for e in fp.errors]
    table = value_table(db)
    assert table == EXPECTED
    assert all(unicodedata.is_normalized("NFC", c) for *_, c in table)


def test_csvvalues_errors_name_the_cell_and_change_nothing(db, tmp_path):
    seed_indicators(db, with_values=False)
    path = _write(tmp_path / "lỗi.csv", "Mã chỉ tiêu;Mã cơ quan;Kỳ;Giá trị;Ghi chú\n"
                                         "DVC-TT;TQ;2024S1;142;\n"
                                         "CSDL;TQ;quý năm;3;\n"
                                         "CSDL;TQ;2024;ba;\n"
                                         "CSDL;TQ;2024;2,5;\n", "utf-8")
    before = snapshot(db)
    fp = run_import(db, path)
    assert fp.outcome.value == "rejected"
    assert sorted(e.cell for e in fp.errors) == ["lỗi.csv!C3", "lỗi.csv!D2", "lỗi.csv!D4", "lỗi.csv!D5"]
    assert "phần trăm" in [e for e in fp.errors if e.cell == "lỗi.csv!D2"][0].vi
    assert snapshot(db) == before


def test_csvvalues_comment_never_overwritten_and_reimport(db, tmp_path):
    seed_indicators(db)
    path = _write(tmp_path / "v.csv", "indicator;agency;period;value;note\nCSDL;TQ;2024S1;2100;Số liệu chốt quý III\n",
                  "utf-8")
    fp = run_import(db, path)
    assert fp.outcome.value == "applied"
    assert ("CSDL", "TQ", "2024S1", 2100.0, "Tăng 38,5%\nSố liệu chốt quý III") in value_table(db)
    assert run_import(db, path).outcome.value == "duplicate"


@pytest.mark.parametrize("text,code", [("2024S1", "2024S1"), ("Quý IV/2024", "2024Q4"), ("quý 3 năm 2024", "2024Q3"),
                                       ("6 tháng cuối năm 2024", "2024S2"), ("Tháng 7/2024", "202407"),
                                       ("Năm 2024", "2024"), ("202412", "202412")])
def test_csvvalues_periods_as_people_write_them(text, code):
    assert parse_period(text) == code
