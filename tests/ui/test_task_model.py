"""The task table model: Qt's model checks, Vietnamese ordering, filtering on precomputed keys."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from cdsdesk.services import tasks as task_service
from cdsdesk.services.changes import Changes
from cdsdesk.ui.models.tasks import (
    COL_CODE,
    COL_DEADLINE,
    COL_STATUS,
    COL_TITLE,
    SortRole,
    TaskFilter,
    TaskTableModel,
)


def _titles(model):
    return [model.index(r, COL_TITLE).data() for r in range(model.rowCount())]


def _codes(model):
    return [model.index(r, COL_CODE).data() for r in range(model.rowCount())]


def test_model_passes_qt_model_checks(qtmodeltester, db, small_province, vi):
    model = TaskTableModel(db)
    model.reload()
    qtmodeltester.check(model, force_py=True)
    model.set_filter(TaskFilter(search="so"))
    model.sort(COL_TITLE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_title_sorts_in_vietnamese_order_not_code_points(db, small_province, vi):
    with db.session() as s:
        task_service.create_task(s, {"code": "X-1", "title": "Giám sát an toàn", "start_date": dt.date(2024, 1, 1)})
        task_service.create_task(s, {"code": "X-2", "title": "Đào tạo chuyên gia", "start_date": dt.date(2024, 1, 1)})
        task_service.create_task(s, {"code": "X-3", "title": "Dữ liệu mở", "start_date": dt.date(2024, 1, 1)})
    model = TaskTableModel(db)
    model.reload()
    model.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    titles = _titles(model)
    # d < đ < g in Vietnamese; by code points Đ (U+0110) would come after every Latin letter.
    assert titles.index("Dữ liệu mở") < titles.index("Đào tạo chuyên gia") < titles.index("Giám sát an toàn")
    assert titles[0] == "Báo cáo an toàn thông tin"
    assert titles[-1] == "Ứng dụng định danh điện tử"
    assert sorted(titles) != titles  # plain code-point order would differ
    model.sort(COL_TITLE, Qt.SortOrder.DescendingOrder)
    assert _titles(model) == list(reversed(titles))


def test_title_ranks_read_from_the_database_give_the_same_vietnamese_order(db, small_province, vi):
    """The ranks read in the background (the database sorts the collation keys) order the titles
    exactly as the keys do, ties (one title twice) in code order."""
    from cdsdesk.ui.models.tasks import title_ranks

    with db.session() as s:
        for code, title in (("X-10", "Đào tạo chuyên gia"), ("X-2", "Đào tạo chuyên gia"), ("X-3", "Dữ liệu mở"),
                            ("X-4", "Ấn định lộ trình"), ("X-5", "an toàn thông tin")):
            task_service.create_task(s, {"code": code, "title": title, "start_date": dt.date(2024, 1, 1)})
    model = TaskTableModel(db)
    model.reload()
    model.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    by_keys = _codes(model)
    with db.session() as s:
        ranks = title_ranks(s.connection())
    if db.engine.dialect.name != "sqlite":
        assert ranks is None
        return
    assert ranks is not None and len(ranks) == model.total_count()
    model._data_changed()
    model._title_ranks = ranks
    model.sort(COL_CODE, Qt.SortOrder.AscendingOrder)
    model.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert _codes(model) == by_keys
    assert by_keys.index("X-2") + 1 == by_keys.index("X-10")  # equal titles: code order
    model.sort(COL_TITLE, Qt.SortOrder.DescendingOrder)
    assert _codes(model) == list(reversed(by_keys))


def test_codes_sort_naturally_and_deadlines_put_empty_last(db, small_province, vi):
    model = TaskTableModel(db)
    model.reload()
    model.sort(COL_CODE, Qt.SortOrder.AscendingOrder)
    assert _codes(model) == ["DA06-01", "DA06-02", "KH-01", "KH-02", "KH-10"]
    model.sort(COL_DEADLINE, Qt.SortOrder.AscendingOrder)
    assert _codes(model)[0] == "KH-01"  # 31/3/2024
    assert _codes(model)[-1] == "DA06-02"  # no deadline
    assert model.index(0, COL_DEADLINE).data() == "31/3/2024"
    assert model.index(0, COL_DEADLINE).data(SortRole) == dt.date(2024, 3, 31)


def test_search_ignores_diacritics_case_and_tone_placement(db, small_province, vi):
    model = TaskTableModel(db)
    model.reload()
    for query, expected in [
        ("chuyen doi so", ["KH-01"]),
        ("CHUYỂN ĐỔI SỐ", ["KH-01"]),
        ("dinh danh", ["DA06-02"]),  # d matches đ
        ("hoà mạng", ["DA06-01"]),  # old tone placement finds "Hòa"
        ("hòa mạng", ["DA06-01"]),
        ("so noi vu", ["KH-02", "KH-10"]),  # the lead agency's name is searched too
        ("tap huan can bo", ["KH-02"]),  # every word, in any place
        ("không có", []),
    ]:
        model.set_filter(TaskFilter(search=query))
        assert _codes(model) == expected, query


def test_status_overdue_agency_and_plan_filters(db, small_province, vi):
    model = TaskTableModel(db)
    model.reload()
    model.set_filter(TaskFilter(status="blocked"))
    assert _codes(model) == ["DA06-01"]
    assert model.index(0, COL_STATUS).data() == "Chờ hướng dẫn / vướng mắc"
    model.set_filter(TaskFilter(status="completed"))
    assert _codes(model) == ["KH-02"]
    model.set_filter(TaskFilter(overdue_only=True))
    assert _codes(model) == ["DA06-01", "KH-01"]
    model.set_filter(TaskFilter(due_soon_only=True))
    assert _codes(model) == ["KH-10"]
    # The small_province's filter takes in the agencies under it.
    model.set_filter(TaskFilter(agency_id=small_province["prov"]))
    assert len(_codes(model)) == 5
    model.set_filter(TaskFilter(agency_id=small_province["stt"], plan_id=small_province["da"]))
    assert _codes(model) == ["DA06-02"]


def test_as_of_shows_status_as_it_stood(db, small_province, vi):
    model = TaskTableModel(db)
    model.as_of = dt.date(2024, 3, 15)
    model.reload()
    statuses = {model.index(r, COL_CODE).data(): model.index(r, COL_STATUS).data() for r in range(model.rowCount())}
    assert statuses["KH-02"] == "Chưa triển khai"  # completed only on 15/4/2024
    assert statuses["DA06-01"] == "Chờ hướng dẫn / vướng mắc"
    assert statuses["KH-01"] == "Đang triển khai"
    # The last update is the last one made by that day, not today's.
    last = {model.index(r, COL_CODE).data(): model.index(r, 6).data() for r in range(model.rowCount())}
    assert last["KH-02"] == ""
    assert last["DA06-01"] == "1/3/2024"


def test_refresh_touches_only_changed_rows(qtbot, db, small_province, vi):
    model = TaskTableModel(db)
    model.reload()
    with db.session() as s:
        task_service.edit_task(s, small_province["t1"], {"title": "Số hoá hồ sơ"})
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.refresh_tasks(Changes(tasks={small_province["t1"]}))
    row = model.row_of(small_province["t1"])
    assert blocker.args[0].row() == row
    assert model.index(row, COL_TITLE).data() == "Số hoá hồ sơ"


def test_open_status_and_deadline_windows(db, small_province, vi):
    model = TaskTableModel(db)
    model.reload()
    model.set_filter(TaskFilter(status="open"))
    assert _codes(model) == ["DA06-01", "DA06-02", "KH-01", "KH-10"]
    model.set_filter(TaskFilter(no_deadline=True))
    assert _codes(model) == ["DA06-02"]
    model.set_filter(TaskFilter(deadline_from=dt.date(2024, 1, 1), deadline_to=dt.date(2024, 6, 30)))
    assert _codes(model) == ["DA06-01", "KH-01"]


def test_typing_narrows_and_backspace_widens_the_search(db, small_province, vi):
    """Each keystroke's result, whether it narrows the last one or goes back to an earlier one,
    is what a fresh search for that text finds."""
    model = TaskTableModel(db)
    model.reload()
    typed = "so noi vu"
    seen = {}
    for text in [typed[:i] for i in range(1, len(typed) + 1)] + [typed[:i] for i in range(len(typed) - 1, -1, -1)]:
        model.set_filter(TaskFilter(search=text))
        seen[text] = _codes(model)
        fresh = TaskTableModel(db)
        fresh.reload()
        fresh.set_filter(TaskFilter(search=text))
        assert _codes(model) == _codes(fresh), text
    assert seen["so noi vu"] == ["KH-02", "KH-10"] and len(seen[""]) == 5
    model.sort(COL_CODE, Qt.SortOrder.DescendingOrder)  # a new order: the results follow it
    assert _codes(model) == ["KH-10", "KH-02", "KH-01", "DA06-02", "DA06-01"]
    model.set_filter(TaskFilter(search="so noi vu"))
    assert _codes(model) == ["KH-10", "KH-02"]


def test_a_renamed_task_sorts_by_its_new_title(db, small_province, vi):
    model = TaskTableModel(db)
    model.reload()
    model.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    with db.session() as s:
        task_service.edit_task(s, small_province["t1"], {"title": "Ấn định lộ trình"})  # ấ sorts after a, before b
    model.refresh_tasks(Changes(tasks={small_province["t1"]}))
    model.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    titles = _titles(model)
    assert titles[0] == "Ấn định lộ trình" and titles[1] == "Báo cáo an toàn thông tin"
    model.sort(COL_CODE, Qt.SortOrder.AscendingOrder)
    assert _codes(model) == ["DA06-01", "DA06-02", "KH-01", "KH-02", "KH-10"]
