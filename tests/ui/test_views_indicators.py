"""The indicator view: the class badges, the chart of values against the target, the agency
comparison, and the entry grid that reads Vietnamese numbers, refuses what cannot be held and
undoes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from sqlalchemy import func, select

from cdsdesk.store.models import AuditEntry, IndicatorValue

pytest_plugins = ["conftest_views"]


@pytest.fixture
def view(view_ctx, qtbot):
    from cdsdesk.ui.views.indicators import IndicatorsView

    v = IndicatorsView(view_ctx)
    qtbot.addWidget(v)
    v.resize(1300, 800)
    v.show()
    qtbot.waitExposed(v)
    return v


def _stored(province_db, indicator_id, agency_id, period):
    with province_db.session() as s:
        return s.scalar(select(IndicatorValue.value).where(
            IndicatorValue.indicator_id == indicator_id, IndicatorValue.agency_id == agency_id,
            IndicatorValue.period == period))


def _count_values(province_db):
    with province_db.session() as s:
        return s.scalar(select(func.count()).select_from(IndicatorValue))


def _type_into(qtbot, grid, index, text):
    """Select the cell, type as a user does (the editor opens on the first key), press Enter."""
    grid.setCurrentIndex(index)
    grid.setFocus()
    grid.edit(index)
    editor = grid.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:  # QTest cannot synthesise keys outside Latin-1: paste it, as an input method would
        editor.insert(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: grid.state() != QAbstractItemView.State.EditingState)


def test_list_shows_each_target_class_as_a_badge(view):
    m = view.list_model
    got = {m.index(r, m.COL_CODE).data(): m.index(r, m.COL_CLASS).data() for r in range(m.rowCount())}
    assert got == {"CAP-QUANG": "Đã hoàn thành", "CSDL": "Cần nỗ lực tập trung", "DVC-TT": "Cần nỗ lực tập trung"}
    from cdsdesk.ui.widgets.badge import BadgeColorRole

    row = m.row_of(view.indicator_id)
    assert m.index(row, m.COL_CLASS).data(BadgeColorRole) == "#2e7d32"  # CAP-QUANG first, green
    assert "1 đã hoàn thành" in view.summary.text() and "2 cần nỗ lực" in view.summary.text()


def test_search_ignores_diacritics(view, qtbot):
    qtbot.keyClicks(view.search, "ho so truc tuyen")
    m = view.list_model
    assert [m.index(r, m.COL_CODE).data() for r in range(m.rowCount())] == ["DVC-TT"]


def test_series_chart_has_values_baseline_target_and_projection(view, province_ids, qtbot):
    view.select_indicator(province_ids["pct"])
    data = view.series_chart.data
    assert [(p.label, p.value) for p in data.points] == [
        ("6 tháng đầu năm 2023", 12.0), ("6 tháng cuối năm 2023", 17.0), ("6 tháng đầu năm 2024", 42.0)]
    assert (data.baseline.label, data.baseline.value) == ("Năm 2022", 9.0)
    assert data.target_value == 80.0 and data.target_class == "needs_effort"
    assert round(data.projection[-1][1], 1) == 66.9 and data.projection[-1][0] == data.target_date
    chart = view.series_chart.ensure_drawn()
    assert "Cần nỗ lực tập trung" in chart.title_item.text


def test_comparison_of_agencies_for_the_period(view, province_ids, qtbot):
    view.select_indicator(province_ids["pct"])
    assert view.compare_period.currentData() == "2024S1"
    data = view.compare_chart.data
    assert list(zip(data.agencies, data.values)) == [
        ("Sở Thông tin và Truyền thông", 61.0), ("Sở Nội vụ", 38.5), ("UBND huyện Chiêm Hóa", 17.0)]
    assert data.target_value == 80.0


def test_grid_model_passes_the_model_tester(view, province_ids, qtmodeltester):
    view.select_indicator(province_ids["pct"])
    qtmodeltester.check(view.grid_model)
    qtmodeltester.check(view.list_model)


def test_typing_a_decimal_comma_stores_the_number_and_undo_restores(view, view_ctx, province_db, province_ids, qtbot):
    view.select_indicator(province_ids["pct"])
    view.tabs.setCurrentWidget(view.grid_page)
    g = view.grid_model
    idx = g.index(g.row_of("2024S1"), g.column_of("SNV"))
    assert idx.data() == "38,5"
    _type_into(qtbot, view.grid, idx, "42,5")
    assert _stored(province_db, province_ids["pct"], province_ids["snv"], "2024S1") == 42.5
    assert g.index(idx.row(), idx.column()).data() == "42,5"
    assert view.grid_error.isHidden()
    # the comparison chart followed the write
    assert dict(zip(view.compare_chart.data.agencies, view.compare_chart.data.values))["Sở Nội vụ"] == 42.5
    view_ctx.undo_stack.undo()
    assert _stored(province_db, province_ids["pct"], province_ids["snv"], "2024S1") == 38.5
    assert g.index(idx.row(), idx.column()).data() == "38,5"
    view_ctx.undo_stack.redo()
    assert _stored(province_db, province_ids["pct"], province_ids["snv"], "2024S1") == 42.5


def test_a_new_value_in_an_empty_cell_is_removed_again_by_undo(view, view_ctx, province_db, province_ids, qtbot):
    view.select_indicator(province_ids["pct"])
    g = view.grid_model
    idx = g.index(g.row_of("2023S2"), g.column_of("STTTT"))
    assert idx.data() == ""
    before = _count_values(province_db)
    _type_into(qtbot, view.grid, idx, "1.250")  # not a percentage: refused
    assert _count_values(province_db) == before
    _type_into(qtbot, view.grid, idx, "55")
    assert _stored(province_db, province_ids["pct"], province_ids["stt"], "2023S2") == 55.0
    view_ctx.undo_stack.undo()
    assert _stored(province_db, province_ids["pct"], province_ids["stt"], "2023S2") is None
    assert _count_values(province_db) == before


def test_a_percentage_over_100_is_refused_with_the_reason_and_nothing_stored(view, province_db, province_ids, qtbot):
    view.select_indicator(province_ids["pct"])
    g = view.grid_model
    idx = g.index(g.row_of("2024S1"), g.column_of("SNV"))
    with province_db.session() as s:
        audit_before = s.scalar(select(func.count()).select_from(AuditEntry))
    _type_into(qtbot, view.grid, idx, "120")
    assert _stored(province_db, province_ids["pct"], province_ids["snv"], "2024S1") == 38.5
    assert g.index(idx.row(), idx.column()).data() == "38,5"
    assert not view.grid_error.isHidden()
    assert "Tỷ lệ phần trăm phải từ 0 đến 100" in view.grid_error.text()
    assert "120" in view.grid_error.text()
    with province_db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audit_before
    assert view.ctx.undo_stack.count() == 0


@pytest.mark.parametrize("text,reason", [
    ("bốn mươi", "không phải là số"),
    ("-5", "Tỷ lệ phần trăm phải từ 0 đến 100"),
    ("42,5,1", "không phải là số"),
])
def test_text_and_negative_percentages_are_refused(view, province_db, province_ids, qtbot, text, reason):
    view.select_indicator(province_ids["pct"])
    g = view.grid_model
    idx = g.index(g.row_of("2024S1"), g.column_of("SNV"))
    _type_into(qtbot, view.grid, idx, text)
    assert reason in view.grid_error.text()
    assert _stored(province_db, province_ids["pct"], province_ids["snv"], "2024S1") == 38.5


def test_a_count_must_be_a_whole_number(view, view_ctx, province_db, province_ids, qtbot):
    view.select_indicator(province_ids["cnt"])
    g = view.grid_model
    idx = g.index(g.row_of("2024S1"), g.column_of("TQ"))
    assert idx.data() == "2.087"
    _type_into(qtbot, view.grid, idx, "2100,5")
    assert "Số lượng phải là số nguyên" in view.grid_error.text()
    assert _stored(province_db, province_ids["cnt"], province_ids["prov"], "2024S1") == 2087
    _type_into(qtbot, view.grid, idx, "2.150")  # Vietnamese thousands separator
    assert _stored(province_db, province_ids["cnt"], province_ids["prov"], "2024S1") == 2150
    assert view.grid_error.isHidden()
    # the list follows: the province's latest value
    m = view.list_model
    assert m.index(m.row_of(province_ids["cnt"]), m.COL_LATEST).data().startswith("2.150")


def test_clearing_a_cell_removes_the_value_undoably(view, view_ctx, province_db, province_ids, qtbot):
    view.select_indicator(province_ids["pct"])
    g = view.grid_model
    idx = g.index(g.row_of("2024S1"), g.column_of("CH"))
    view.grid.setCurrentIndex(idx)
    qtbot.keyClick(view.grid, Qt.Key.Key_Delete)
    assert _stored(province_db, province_ids["pct"], province_ids["ch"], "2024S1") is None
    view_ctx.undo_stack.undo()
    assert _stored(province_db, province_ids["pct"], province_ids["ch"], "2024S1") == 17.0
    assert "Nhập số liệu" in view_ctx.undo_stack.undoText() or view_ctx.undo_stack.redoText().startswith("Nhập số liệu")
