"""Icons from the SVG files in ``resources/icons``: sharp at any screen scale (high DPI)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from ..paths import resource


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; an empty icon when the file is missing."""
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
