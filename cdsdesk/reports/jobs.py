"""Progress and cancel for long exports as plain callables (no Qt), and writing a file so that a
cancelled or failed export leaves nothing half-written behind."""

from __future__ import annotations

import contextlib
import gc
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterator

from ..domain.errors import UserError

ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]


class Cancelled(UserError):
    """The user cancelled the export; the target file was not written."""

    def __init__(self) -> None:
        super().__init__("Đã hủy xuất báo cáo", "Export cancelled")


class Job:
    """What a renderer reports to: ``step(fraction, text)`` forwards progress and raises
    ``Cancelled`` as soon as ``cancel()`` answers True."""

    def __init__(self, progress: ProgressFn | None = None, cancel: CancelFn | None = None) -> None:
        self._progress = progress
        self._cancel = cancel

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise Cancelled()

    def step(self, fraction: float, text: str = "") -> None:
        if fraction < 1.0:  # at 1.0 the work is done and the file is in place
            self.check()
        if self._progress is not None:
            self._progress(max(0.0, min(1.0, fraction)), text)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only when the block succeeds."""
    target = Path(path)
    if not target.parent.exists():
        raise UserError(
            f"Thư mục không tồn tại: {target.parent}", f"Folder does not exist: {target.parent}"
        )
    fd, tmp = tempfile.mkstemp(prefix=".~" + target.stem[:20], suffix=target.suffix, dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        try:
            os.replace(tmp_path, target)
        except PermissionError as exc:
            raise UserError(
                f"Không ghi được {target.name}: tệp đang mở trong chương trình khác?",
                f"Cannot write {target.name}: is the file open in another program?",
            ) from exc
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


@contextlib.contextmanager
def quiet_gc() -> Iterator[None]:
    """No cyclic garbage collection while a report is built or written.

    A large report allocates hundreds of thousands of small objects that all stay alive until
    the end; the collector would walk them again and again (seconds at 50,000 tasks) and find
    nothing. Reference counting still frees what is dropped; the collector's state is restored
    afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
