"""The export dialog driven as a user would: preview, options, export, open the file, cancel."""

import datetime as dt

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from cdsdesk.domain.periods import Period  # noqa: E402
from cdsdesk.reports.settings import load_settings  # noqa: E402
from cdsdesk.ui.context import AppContext  # noqa: E402
from cdsdesk.ui.dialogs.export_dialog import ExportDialog  # noqa: E402


@pytest.fixture
def dialog(qtbot, db, province):
    ctx = AppContext(db)
    ctx.set_period(Period.parse("2024Q2"), dt.date(2024, 6, 30))
    dlg = ExportDialog(ctx)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: "Tổng số" in dlg.preview.toPlainText(), timeout=5000)
    opened = []
    dlg.open_url = opened.append
    dlg.opened = opened
    return dlg


def test_preview_follows_the_options(dialog, qtbot):
    text = dialog.preview.toPlainText()
    assert "Kết quả thực hiện nhiệm vụ chuyển đổi số quý II/2024" in text
    assert "Tổng số 6 nhiệm vụ" in text and "chưa gửi: Sở Nội vụ" in text
    dialog.plan_combo.setCurrentIndex(dialog.plan_combo.findData("DA06"))
    qtbot.waitUntil(lambda: "Tổng số 3 nhiệm vụ" in dialog.preview.toPlainText(), timeout=3000)
    dialog.period_edit.setText("2024X")
    qtbot.waitUntil(lambda: "2024X" in dialog.preview.toPlainText(), timeout=3000)
    assert not dialog.export_button.isEnabled()


def test_export_then_open_the_file(dialog, qtbot, tmp_path):
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    dialog.path_edit.setText(str(tmp_path / "Báo cáo quý II.xlsx"))
    dialog.setting_edits["signer_name"].setText("Lê Văn An")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_path is not None, timeout=20000)
    assert (tmp_path / "Báo cáo quý II.xlsx").stat().st_size > 0
    assert "Báo cáo quý II.xlsx" in dialog.status.text()
    with dialog.ctx.db.session() as s:
        assert load_settings(s).signer_name == "Lê Văn An"  # kept for the next report
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert [u.toLocalFile() for u in dialog.opened] == [str(tmp_path / "Báo cáo quý II.xlsx")]


def test_docx_from_the_dialog_has_its_charts(dialog, qtbot, tmp_path):
    from docx import Document

    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("docx"))
    dialog.path_edit.setText(str(tmp_path / "r.docx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_path is not None, timeout=30000)
    assert len(Document(str(tmp_path / "r.docx")).inline_shapes) == 2


def test_cancel_writes_nothing(dialog, qtbot, tmp_path):
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    dialog.path_edit.setText(str(tmp_path / "r.pdf"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    dialog._progress.cancel()  # the progress dialog's Cancel button
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30000)
    assert "cancelled" in dialog.status.text().lower() or "hủy" in dialog.status.text().lower()
    assert not (tmp_path / "r.pdf").exists() and not dialog.open_button.isEnabled()
