"""In English the views name stored keys in English too: audit records and actions, agency and
meeting kinds, statuses, column headings; Vietnamese stays the default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytest_plugins = ["conftest_views"]


@pytest.fixture
def english(qapp, view_ctx):
    """Switch the interface to English for one test, then put back what was there."""
    from cdsdesk.ui import i18n

    before = qapp.property("cdsdesk_lang")
    view_ctx.lang = i18n.install_language(qapp, "en")
    yield view_ctx
    for tr in i18n._installed:
        qapp.removeTranslator(tr)
    i18n._installed.clear()
    qapp.setProperty("cdsdesk_lang", before)


def _show(qtbot, widget):  # noqa: ANN001, ANN202
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _headers(model):  # noqa: ANN001, ANN202
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_audit_view_in_english(english, qtbot):
    from cdsdesk.ui.views.audit import AuditView

    view = _show(qtbot, AuditView(english))
    m = view.model
    assert _headers(m) == ["Time", "By", "Record", "Code", "Action", "Field", "Old value", "New value", "Source"]
    assert m.index(0, m.COL_ENTITY).data() == "Conclusion, directive"  # the fixture's last write
    assert m.index(0, m.COL_ACTION).data() == "Created"
    while m.canFetchMore():
        m.fetchMore()
    entities = {m.index(r, m.COL_ENTITY).data() for r in range(m.rowCount())}
    actions = {m.index(r, m.COL_ACTION).data() for r in range(m.rowCount())}
    assert {"Task", "Status update", "Agency"} <= entities
    assert actions <= {"Created", "Changed", "Deleted", "Restored", "Retracted"}
    statuses = {m.index(r, m.COL_NEW).data() for r in range(m.rowCount()) if m.index(r, m.COL_FIELD).data() == "Status"}
    assert statuses and statuses <= {"Not started", "In progress", "Completed", "Completed, carried out routinely",
                                     "Blocked, waiting for guidance"}
    choices = [view.entity_box.itemText(i) for i in range(view.entity_box.count())]
    assert "Task" in choices and "Nhiệm vụ" not in choices


def test_agencies_view_in_english(english, qtbot):
    from cdsdesk.ui.views.agencies import AgenciesView

    view = _show(qtbot, AgenciesView(english))
    m = view.model
    assert _headers(m) == ["Agency, unit", "Code", "Kind", "Open", "Overdue", "Completed", "Total"]
    kinds = {}
    for code in ("TQ", "STTTT", "CH"):
        idx = m.find(code)
        kinds[code] = m.index(idx.row(), m.COL_KIND, idx.parent()).data()
    assert kinds == {"TQ": "Province", "STTTT": "Department, agency", "CH": "District, city"}


def test_meetings_view_in_english(english, qtbot):
    from cdsdesk.ui.views.meetings import MeetingsView

    view = _show(qtbot, MeetingsView(english))
    kinds = [view.m_kind.itemText(i) for i in range(view.m_kind.count())]
    assert kinds == ["Quarterly meeting", "Six-month review", "Year-end review", "Thematic or ad hoc meeting"]


def test_vietnamese_stays_the_default(view_ctx, qtbot):
    from cdsdesk.ui.views.agencies import AgenciesView

    view = _show(qtbot, AgenciesView(view_ctx))
    idx = view.model.find("CH")
    assert view.model.index(idx.row(), view.model.COL_KIND, idx.parent()).data() == "Huyện, thành phố"
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Cơ quan, đơn vị"
