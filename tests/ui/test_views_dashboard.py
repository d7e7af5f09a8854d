"""The dashboard: the tiles show the counts as of the day, a click asks for the filtered task list,
the charts and lists follow the period and the writes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from cdsdesk.domain.periods import Period

pytest_plugins = ["conftest_views"]


@pytest.fixture
def dash(view_ctx, qtbot):
    from cdsdesk.ui.views.dashboard import DashboardView

    view = DashboardView(view_ctx)
    qtbot.addWidget(view)
    view.resize(1300, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


def _tile(view, key):
    return view.tiles[key].value_label.text()


def test_tiles_show_the_counts_as_of_30_june(dash):
    # 7 tasks: T1 done, T5 done routinely, T2 T3 T7 in progress, T4 blocked, T6 not started;
    # overdue on 30/6: T2 (31/5) and T7 (30/4).
    assert {k: _tile(dash, k) for k in dash.tiles} == {
        "total": "7", "completed": "2", "in_progress": "3", "not_started": "1", "blocked": "1", "overdue": "2",
    }
    assert dash.tiles["completed"].detail.text().startswith("28,6%")
    assert "6 tháng đầu năm 2024" in dash.heading.text() and "30/6/2024" in dash.heading.text()


def test_clicking_a_tile_requests_the_filtered_task_list(dash, view_ctx, qtbot):
    with qtbot.waitSignal(view_ctx.tasks_filter_requested) as sig:
        qtbot.mouseClick(dash.tiles["overdue"], Qt.MouseButton.LeftButton)
    assert sig.args[0] == {"status": None, "overdue": True, "plan_code": None, "agency_code": None}
    with qtbot.waitSignal(view_ctx.tasks_filter_requested) as sig:
        qtbot.mouseClick(dash.tiles["completed"], Qt.MouseButton.LeftButton)
    assert sig.args[0]["status"] == "completed" and sig.args[0]["overdue"] is False


def test_narrowing_to_a_plan_changes_the_counts_and_the_filter(dash, view_ctx, qtbot):
    dash.plan_box.setCurrentIndex(dash.plan_box.findData("DA06"))
    assert _tile(dash, "total") == "3" and _tile(dash, "blocked") == "1" and _tile(dash, "overdue") == "0"
    with qtbot.waitSignal(view_ctx.tasks_filter_requested) as sig:
        qtbot.mouseClick(dash.tiles["blocked"], Qt.MouseButton.LeftButton)
    assert sig.args[0] == {"status": "blocked", "overdue": False, "plan_code": "DA06", "agency_code": None}


def test_agency_scope_counts_its_sub_agencies(dash):
    dash.set_scope(agency_code="CH")  # the district and its commune
    assert _tile(dash, "total") == "3"  # T5, T7 (district), T6 (commune)
    assert _tile(dash, "overdue") == "1"


def test_an_earlier_as_of_date_reads_the_history(dash, view_ctx):
    view_ctx.set_period(Period.parse("2024Q1"), as_of=dt.date(2024, 3, 31))
    # On 31/3 T1 was done (20/3), T2 T7 in progress, T4 T5 not yet updated, T3 not started.
    assert _tile(dash, "completed") == "1"
    assert _tile(dash, "in_progress") == "2"
    assert _tile(dash, "not_started") == "4"
    assert "Quý I/2024" in dash.heading.text()


def test_due_soon_and_focus_lists(dash):
    m = dash.due_model
    assert [m.index(r, m.COL_CODE).data() for r in range(m.rowCount())] == ["T3", "T6"]  # 15/7 and 20/7
    assert m.index(0, m.COL_DEADLINE).data() == "15/7/2024"
    assert m.index(1, m.COL_STATUS).data() == "Chưa triển khai"
    f = dash.focus_model
    codes = [f.index(r, f.COL_CODE).data() for r in range(f.rowCount())]
    # CSDL: 2.087 of 5.000 due 31/12/2024; DVC-TT: the line through 9, 12, 17, 42 reads 66,9% at
    # 31/12/2025, short of 80%. CAP-QUANG (82,2% of 80%) is achieved and not listed.
    assert codes == ["CSDL", "DVC-TT"]
    assert f.index(0, f.COL_LATEST).data() == "2.087"
    assert f.index(1, f.COL_PROJECTED).data() == "66,9%"
    assert f.index(1, f.COL_TARGET).data() == "80% (2025)"


def test_models_pass_the_model_tester(dash, qtmodeltester):
    qtmodeltester.check(dash.due_model)
    qtmodeltester.check(dash.focus_model)


def test_charts_are_drawn_with_the_agencies_and_plans(dash, qtbot):
    qtbot.waitUntil(lambda: dash.agency_chart.chart is not None and dash.plan_chart.chart is not None)
    data = dash.agency_chart.data
    assert data.agencies[0] == "Sở Thông tin và Truyền thông"  # most tasks first (T1, T3, T4)
    assert data.counts["done"][0] == 1 and data.counts["blocked"][0] == 1
    plans = dash.plan_chart.data
    assert dict(zip(plans.plans, zip(plans.completed, plans.total))) == {
        "Kế hoạch chuyển đổi số năm 2024": (1, 4), "Đề án 06 năm 2024": (1, 3),
    }


def test_chart_exports_as_png(dash, qtbot, tmp_path):
    from PySide6.QtGui import QImage

    qtbot.waitUntil(lambda: dash.agency_chart.chart is not None)
    out = dash.agency_chart.export_png(tmp_path / "nhiệm vụ theo cơ quan.png")
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1600, 900)


def test_a_status_update_refreshes_the_tiles(dash, view_ctx, province_db):
    from cdsdesk.services import tasks
    from cdsdesk.services.changes import Changes

    with province_db.session() as s:
        from cdsdesk.services.lookup import task_by_code

        tid = task_by_code(s, "T6").id
        tasks.record_status_update(s, tid, status="done", progress=100, entry_date=dt.date(2024, 6, 20))
    view_ctx.notify(Changes(tasks={tid}))
    assert _tile(dash, "completed") == "3"
    assert _tile(dash, "not_started") == "0"


def test_counts_from_the_task_snapshot_match_and_a_write_drops_it(dash, view_ctx, province_db, qtbot):
    """Once the snapshot has been read in the background, the tiles come from it: the same
    numbers as from SQL, on any day; a status update drops it, so the tiles never show a stale
    count, and the next one read holds the update."""
    from cdsdesk.services import tasks
    from cdsdesk.services.changes import Changes
    from cdsdesk.services.lookup import task_by_code

    def tiles():
        return {k: _tile(dash, k) for k in dash.tiles}

    sql = {}
    for day in (dt.date(2024, 3, 31), dt.date(2024, 6, 30)):
        view_ctx.set_period(Period.containing(day, "Q"), as_of=day)
        sql[day] = tiles()
    dash.refresh()
    qtbot.waitUntil(lambda: view_ctx.task_snapshot.snapshot is not None, timeout=5000)
    for day, want in sql.items():
        view_ctx.set_period(Period.containing(day, "Q"), as_of=day)
        assert tiles() == want
    with province_db.session() as s:
        tid = task_by_code(s, "T6").id
        tasks.record_status_update(s, tid, status="done", progress=100, entry_date=dt.date(2024, 6, 20))
    view_ctx.notify(Changes(tasks={tid}))
    assert view_ctx.task_snapshot.snapshot is None
    assert _tile(dash, "completed") == "3" and _tile(dash, "not_started") == "0"
    qtbot.waitUntil(lambda: view_ctx.task_snapshot.snapshot is not None, timeout=5000)
    dash.refresh()
    assert _tile(dash, "completed") == "3" and _tile(dash, "not_started") == "0"
