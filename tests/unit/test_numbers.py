import datetime as dt

import pytest

from cdsdesk.domain.numbers import (format_date, format_date_long, format_number, format_percent, format_size, parse_date,
                                    parse_number)


def test_format_numbers_vietnamese_style():
    assert format_number(1928311) == "1.928.311"
    assert format_number(42.5) == "42,5"
    assert format_number(26.92) == "26,92"
    assert format_number(-1234.5) == "-1.234,5"
    assert format_percent(42.5) == "42,5%"
    assert format_number(None) == ""


@pytest.mark.parametrize("text,value", [
    ("42,5", 42.5), ("42.5", 42.5), ("1.928.311", 1928311), ("1.928.311,5", 1928311.5),
    ("42,5%", 42.5), (" 17 ", 17), (7, 7.0), ("-3,25", -3.25), ("1 250", 1250),
])
def test_parse_numbers_as_people_type_them(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("bad", ["", "abc", "4,2,5", "12a", None, "=1+1", float("nan"), True])
def test_parse_refuses_what_is_not_a_number(bad):
    with pytest.raises(ValueError):
        parse_number(bad)


def test_dates():
    d = dt.date(2024, 7, 10)
    assert format_date(d) == "10/7/2024"
    assert format_date_long(d) == "ngày 10 tháng 7 năm 2024"
    assert format_date_long(dt.date(2024, 1, 5)) == "ngày 05 tháng 01 năm 2024"
    assert parse_date("30/6/2024") == dt.date(2024, 6, 30)
    assert parse_date("2024-06-30") == dt.date(2024, 6, 30)
    with pytest.raises(ValueError):
        parse_date("Quý II")


@pytest.mark.parametrize("n_bytes, text", [
    (0, "1 KB"), (500, "1 KB"), (812 * 1024, "812 KB"), (1536 * 1024, "1,5 MB"),
    (664_268_800, "633 MB"), (int(2.1 * 1024 ** 3), "2,1 GB"),
])
def test_file_sizes_read_as_people_read_them(n_bytes, text):
    assert format_size(n_bytes) == text
