"""Agencies: the hierarchy with open, overdue and completed counts as of the day."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from cdsdesk.domain.periods import Period

pytest_plugins = ["conftest_views"]


@pytest.fixture
def view(view_ctx, qtbot):
    from cdsdesk.ui.views.agencies import AgenciesView

    v = AgenciesView(view_ctx)
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def _row(model, code):
    idx = model.find(code)
    assert idx.isValid(), code
    return [model.index(idx.row(), c, idx.parent()).data() for c in range(model.columnCount())]


def test_hierarchy_with_rolled_up_counts(view, qtmodeltester):
    m = view.model
    assert m.rowCount() == 1
    root = m.index(0, 0)
    assert root.data() == "UBND tỉnh Tuyên Quang"
    # children in Vietnamese order: Sở Nội vụ, Sở Thông tin…, UBND huyện Chiêm Hóa
    assert [m.index(r, 0, root).data() for r in range(m.rowCount(root))] == [
        "Sở Nội vụ", "Sở Thông tin và Truyền thông", "UBND huyện Chiêm Hóa"]
    #          name, code, kind, open, overdue, completed, total
    assert _row(m, "STTTT")[3:] == ["2", "0", "1", "3"]
    assert _row(m, "SNV")[3:] == ["1", "1", "0", "1"]
    assert _row(m, "CH-VQ")[3:] == ["1", "0", "0", "1"]
    assert _row(m, "CH")[2:] == ["Huyện, thành phố", "2", "1", "1", "3"]  # T5, T7 and the commune's T6
    assert _row(m, "TQ")[3:] == ["5", "2", "2", "7"]
    idx = m.find("CH")
    tip = m.index(idx.row(), m.COL_TOTAL, idx.parent()).data(Qt.ItemDataRole.ToolTipRole)
    assert "Riêng UBND huyện Chiêm Hóa: 2" in tip and "cả cấp dưới: 3" in tip
    qtmodeltester.check(m)


def test_search_keeps_matches_and_their_parents(view, qtbot):
    qtbot.keyClicks(view.search, "vinh quang")
    m = view.model
    root = m.index(0, 0)
    ch = m.index(0, 0, root)
    assert ch.data() == "UBND huyện Chiêm Hóa" and m.rowCount(root) == 1
    assert m.index(0, 0, ch).data() == "UBND xã Vinh Quang"
    assert view.tree.isExpanded(ch)


def test_counts_follow_the_as_of_date(view, view_ctx):
    view_ctx.set_period(Period.parse("2024Q1"), as_of=dt.date(2024, 3, 31))
    # 31/3: T1 done; nothing overdue yet (T7 due 30/4, T2 31/5)
    assert _row(view.model, "TQ")[3:] == ["6", "0", "1", "7"]
    assert "31/3/2024" in view.caption.text()


def test_double_click_on_overdue_asks_for_that_agencys_overdue_tasks(view, view_ctx, qtbot):
    idx = view.model.find("SNV")
    cell = view.model.index(idx.row(), view.model.COL_OVERDUE, idx.parent())
    with qtbot.waitSignal(view_ctx.tasks_filter_requested) as sig:
        view.open_tasks(cell)
    assert sig.args[0] == {"status": None, "overdue": True, "plan_code": None, "agency_code": "SNV"}
    rect = view.tree.visualRect(view.model.index(idx.row(), view.model.COL_COMPLETED, idx.parent()))
    with qtbot.waitSignal(view_ctx.tasks_filter_requested) as sig:
        qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args[0]["status"] == "completed" and sig.args[0]["agency_code"] == "SNV"
