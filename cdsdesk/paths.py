"""Where the shipped migrations and resources are: inside the wheel, or beside the source tree."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _find(installed: str, source: str) -> Path:
    inside = _PKG / installed
    if inside.is_dir():
        return inside
    return _PKG.parent / source


def migrations_dir() -> Path:
    """The Alembic script directory (``db/`` in the repository, ``cdsdesk/_db`` in the wheel)."""
    return _find("_db", "db")


def resources_dir() -> Path:
    return _find("_resources", "resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
