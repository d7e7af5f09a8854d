"""One door to every report format: ``RENDERERS[fmt](report, path, progress=…, cancel=…)``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ..domain.errors import UsageError
from .jobs import CancelFn, ProgressFn, quiet_gc
from .model import Report

Renderer = Callable[..., Path]


def _lazy(module: str, name: str) -> Renderer:
    """The renderer ``name`` of ``module``, imported on first use: a CSV export need not load
    python-docx or reportlab."""

    def run(*args, **kwargs) -> Path:  # noqa: ANN002, ANN003
        from importlib import import_module

        return getattr(import_module(module, __package__), name)(*args, **kwargs)

    run.__name__ = name
    return run


#: Format name → renderer. Each takes (report, path, *, progress, cancel).
RENDERERS: dict[str, Renderer] = {
    "docx": _lazy(".docx_render", "render_docx"),
    "pdf": _lazy(".pdf_render", "render_pdf"),
    "xlsx": _lazy(".tabular", "render_xlsx"),
    "csv": _lazy(".tabular", "render_csv"),
}


def format_from_path(path: str | os.PathLike[str]) -> str:
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in RENDERERS:
        raise UsageError(
            f"Không nhận ra định dạng từ tên tệp '{Path(path).name}' (docx, pdf, xlsx, csv)",
            f"Cannot tell the format from the file name '{Path(path).name}' (docx, pdf, xlsx, csv)",
        )
    return fmt


def render(report: Report, fmt: str, path: str | os.PathLike[str], *, progress: ProgressFn | None = None,
           cancel: CancelFn | None = None, images: dict[str, Path] | None = None) -> Path:
    """Write ``report`` as ``fmt``. ``images`` (kind → PNG, from ``charts.render_charts``) lets a
    worker thread place charts drawn on the GUI thread; without it, docx/pdf draw them here."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise UsageError(f"Định dạng không hỗ trợ: {fmt}", f"Unsupported format: {fmt}") from None
    with quiet_gc():  # the report's objects all live to the end: nothing for the collector to find
        if fmt in ("docx", "pdf"):
            return renderer(report, path, progress=progress, cancel=cancel, images=images)
        return renderer(report, path, progress=progress, cancel=cancel)
