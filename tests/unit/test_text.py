import unicodedata

from cdsdesk.domain.text import fold, natural_code_key, nfc, sort_key


def test_fold_ignores_diacritics_case_and_d():
    assert fold("Chuyển đổi số") == "chuyen doi so"
    assert fold("ĐỀ ÁN 06") == "de an 06"
    assert "chuyen doi so" in fold("Kế hoạch Chuyển   đổi số năm 2024")


def test_old_and_new_tone_placement_fold_alike():
    assert fold("hoà") == fold("hòa") == "hoa"
    assert fold("thuỷ") == fold("thủy")


def test_decomposed_input_folds_and_normalises():
    decomposed = unicodedata.normalize("NFD", "Tuyên Quang")
    assert decomposed != "Tuyên Quang"
    assert nfc(decomposed) == "Tuyên Quang"
    assert fold(decomposed) == "tuyen quang"


def test_vietnamese_alphabet_order():
    words = ["đường", "dân", "ăn", "an", "ân", "bò", "ê", "em", "ơn", "ôm", "ong", "ưa", "uống", "Đà"]
    assert sorted(words, key=sort_key) == [
        "an", "ăn", "ân", "bò", "dân", "Đà", "đường", "em", "ê", "ong", "ôm", "ơn", "uống", "ưa"]


def test_tones_are_a_secondary_difference():
    # Tone order: ngang, huyền, hỏi, ngã, sắc, nặng — but letters decide first.
    assert sorted(["má", "mạ", "ma", "mà", "mả", "mã"], key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(["mát", "man"], key=sort_key) == ["man", "mát"]


def test_code_points_would_sort_wrongly():
    words = ["Đà Nẵng", "Yên Sơn", "Hàm Yên"]
    assert sorted(words) != sorted(words, key=sort_key)
    assert sorted(words, key=sort_key) == ["Đà Nẵng", "Hàm Yên", "Yên Sơn"]


def test_natural_code_order():
    assert sorted(["DA06-10", "DA06-2", "DA06-1"], key=natural_code_key) == ["DA06-1", "DA06-2", "DA06-10"]
