"""Long work off the GUI thread, and failures shown as messages, never as tracebacks."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget

from cdsdesk.domain.errors import UserError
from cdsdesk.ui.jobs import JobCancelled, run_job
from cdsdesk.ui.messages import install_excepthook


def test_job_runs_off_the_gui_thread_and_returns_its_result(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = {}

    def work(progress, cancelled):
        seen["thread"] = threading.current_thread()
        progress(1, 2, "nửa chừng")
        return 42

    assert run_job(parent, work, title="Thử") == 42
    assert seen["thread"] is not threading.main_thread()
    assert parent.findChild(QProgressDialog) is None  # fast work shows no dialog


def test_job_error_is_raised_in_the_gui_thread(qtbot):
    def work(progress, cancelled):
        raise UserError("Tệp hỏng", "Broken file")

    with pytest.raises(UserError) as info:
        run_job(None, work, title="Thử")
    assert info.value.vi == "Tệp hỏng"


def test_slow_job_shows_progress_and_can_be_cancelled(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    steps, labels = [], []

    def work(progress, cancelled):
        for i in range(400):
            if cancelled():
                return None
            progress(i, 400, f"Bước {i}")
            steps.append(i)
            time.sleep(0.01)
        return "xong"

    def press_cancel():
        dlg = parent.findChild(QProgressDialog)
        if dlg is None or not dlg.isVisible():
            QTimer.singleShot(50, press_cancel)
            return
        labels.append(dlg.labelText())
        dlg.findChild(QPushButton).click()

    QTimer.singleShot(100, press_cancel)
    with pytest.raises(JobCancelled):
        run_job(parent, work, title="Nhập dữ liệu", show_after_ms=50)
    assert 0 < len(steps) < 400
    assert labels and labels[0].startswith(("Bước", "Nhập dữ liệu"))


def test_excepthook_shows_a_user_error_as_one_line(qtbot, monkeypatch, vi):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    win = QWidget()
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    install_excepthook()
    try:
        raise UserError("Không đọc được tệp biểu mẫu", "Cannot read the form")
    except UserError:
        sys.excepthook(*sys.exc_info())
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert [b.text() for b in boxes] == ["Không đọc được tệp biểu mẫu"]
    for b in boxes:
        b.close()


def test_excepthook_logs_an_unexpected_error_and_shows_no_traceback(qtbot, monkeypatch, tmp_path, vi):
    import cdsdesk.ui.messages as messages

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(messages, "log_file", lambda: tmp_path / "cdsdesk.log")
    install_excepthook()
    try:
        {}["không-có"]
    except KeyError:
        sys.excepthook(*sys.exc_info())
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1
    text = boxes[0].text()
    assert text.startswith("Đã xảy ra lỗi ngoài dự kiến")
    assert "Traceback" not in text and str(tmp_path / "cdsdesk.log") in text
    boxes[0].close()
