import datetime as dt

import pytest

from cdsdesk.domain.errors import UsageError
from cdsdesk.domain.periods import DateWindow, Period, parse_window


@pytest.mark.parametrize("code,kind,start,end", [
    ("2024", "Y", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    ("2024S1", "S", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
    ("2024S2", "S", dt.date(2024, 7, 1), dt.date(2024, 12, 31)),
    ("2024Q3", "Q", dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
    ("202402", "M", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("2023Q1", "Q", dt.date(2023, 1, 1), dt.date(2023, 3, 31)),
])
def test_parse_gives_the_date_window(code, kind, start, end):
    p = Period.parse(code)
    assert (p.kind, p.start, p.end, p.code) == (kind, start, end, code)


@pytest.mark.parametrize("bad", ["", "24", "2024S3", "2024Q5", "202413", "202400", "2024-07", "abc", "2024 Q1"])
def test_bad_codes_are_refused_in_both_languages(bad):
    with pytest.raises(UsageError) as e:
        Period.parse(bad)
    assert "mã kỳ" in e.value.vi and "period code" in e.value.en


def test_lower_case_codes_are_accepted():
    assert Period.parse("2024s1").code == "2024S1"
    assert Period.parse("2024q2").code == "2024Q2"


def test_order_by_end_then_longer_first():
    codes = ["202412", "2024Q4", "2024", "2024S1", "2023", "2024S2", "2024Q1"]
    assert [p.code for p in sorted(map(Period.parse, codes))] == [
        "2023", "2024Q1", "2024S1", "2024", "2024S2", "2024Q4", "202412"]


def test_previous_and_next_cross_years():
    assert Period.parse("2024S1").previous().code == "2023S2"
    assert Period.parse("2024Q1").previous().code == "2023Q4"
    assert Period.parse("202401").previous().code == "202312"
    assert Period.parse("2024").previous().code == "2023"
    assert Period.parse("2024Q4").next().code == "2025Q1"


def test_vietnamese_labels():
    assert Period.parse("2024S1").label_vi() == "6 tháng đầu năm 2024"
    assert Period.parse("2024Q2").label_vi() == "Quý II/2024"
    assert Period.parse("202407").label_vi() == "Tháng 7/2024"
    assert Period.parse("2024").label_vi() == "Năm 2024"


def test_containing_and_contains():
    p = Period.containing(dt.date(2024, 8, 15), "Q")
    assert p.code == "2024Q3" and p.contains(dt.date(2024, 9, 30)) and not p.contains(dt.date(2024, 10, 1))


def test_nine_months_is_a_window_not_a_period():
    w = parse_window("2024-9M")
    assert (w.start, w.end) == (dt.date(2024, 1, 1), dt.date(2024, 9, 30))
    w2 = parse_window("2024-02-01..2024-03-15")
    assert w2.contains(dt.date(2024, 3, 15)) and not w2.contains(dt.date(2024, 3, 16))
    with pytest.raises(UsageError):
        DateWindow(dt.date(2024, 2, 1), dt.date(2024, 1, 1))
