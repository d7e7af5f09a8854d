"""One door to every report format: ``RENDERERS[fmt](report, path, progress=…, cancel=…)``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ..domain.errors import UsageError
from .docx_render import render_docx
from .jobs import CancelFn, ProgressFn
from .model import Report
from .pdf_render import render_pdf
from .tabular import render_csv, render_xlsx

Renderer = Callable[..., Path]

#: Format name → renderer. Each takes (report, path, *, progress, cancel).
RENDERERS: dict[str, Renderer] = {
    "docx": render_docx,
    "pdf": render_pdf,
    "xlsx": render_xlsx,
    "csv": render_csv,
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
           cancel: CancelFn | None = None) -> Path:
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise UsageError(f"Định dạng không hỗ trợ: {fmt}", f"Unsupported format: {fmt}") from None
    return renderer(report, path, progress=progress, cancel=cancel)
