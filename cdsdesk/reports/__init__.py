"""The committee's review report: one model (``build_report``), several renderers."""

from .build import build_report
from .model import Report, ReportSettings

__all__ = ["build_report", "Report", "ReportSettings"]
