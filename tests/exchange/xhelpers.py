"""Helpers shared by the exchange tests: import a file the way the CLI does, count what a database holds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from cdsdesk.exchange.importer import ImportOptions, import_files
from cdsdesk.store.models import Agency, IndicatorValue, StatusUpdate, Task

TODAY = dt.date(2024, 7, 10)


def run_import(db, path: Path | str, **options):
    """One file through the whole pipeline; returns its FilePlan."""
    options.setdefault("today", TODAY)
    return import_files(db, [Path(path)], ImportOptions(**options)).files[0]


def counts(db) -> dict[str, object]:
    """What the user would compare between two databases: tasks by status, values, history."""
    with db.session() as s:
        tasks = s.execute(select(Task.status, func.count()).where(Task.deleted_at.is_(None))
                          .group_by(Task.status)).all()
        return {
            "tasks": sum(n for _, n in tasks),
            "by_status": dict(sorted(tasks)),
            "values": s.scalar(select(func.count()).select_from(IndicatorValue)),
            "value_sum": round(s.scalar(select(func.coalesce(func.sum(IndicatorValue.value), 0))), 6),
            "history": s.scalar(select(func.count()).select_from(StatusUpdate)
                                .where(StatusUpdate.retracted_at.is_(None))),
            "agencies": s.scalar(select(func.count()).select_from(Agency)),
        }


def snapshot(db) -> list[tuple]:
    """Every row of every table, to prove a rejected file changed nothing."""
    from cdsdesk.store.models import Base

    out = []
    with db.session() as s:
        for table in Base.metadata.sorted_tables:
            out.append((table.name, sorted(map(tuple, s.execute(table.select()).all()), key=repr)))
    return out


def seed_indicators(db, *, with_values: bool = True) -> None:
    """Agencies and indicators with the same codes in any database; values only when asked."""
    from cdsdesk.services import agencies, indicators

    with db.session() as s:
        prov = agencies.create_agency(s, code="TQ", name="UBND tỉnh Tuyên Quang", kind="province")
        stt = agencies.create_agency(s, code="STTTT", name="Sở Thông tin và Truyền thông", kind="department",
                                     parent_id=prov.id)
        hys = agencies.create_agency(s, code="HYS", name="UBND huyện Yên Sơn", kind="district", parent_id=prov.id)
        dvc = indicators.create_indicator(s, {"code": "DVC-TT", "name": "Tỷ lệ hồ sơ trực tuyến toàn trình",
                                              "value_type": "percent", "aggregation": "mean"})
        csdl = indicators.create_indicator(s, {"code": "CSDL", "name": "Số cơ sở dữ liệu chuyên ngành",
                                               "unit": "cơ sở dữ liệu", "value_type": "count", "aggregation": "sum"})
        gdp = indicators.create_indicator(s, {"code": "KTS-GDP", "name": "Tỷ trọng kinh tế số trong GRDP",
                                              "value_type": "percent"})
        if with_values:
            indicators.set_value(s, dvc.id, prov.id, "2023S2", 17, comment="Cuối năm 2023")
            indicators.set_value(s, dvc.id, prov.id, "2024S1", 42.5)
            indicators.set_value(s, dvc.id, stt.id, "2024S1", 61.25, comment="Sở, ngành; \"toàn trình\"")
            indicators.set_value(s, dvc.id, hys.id, "2024Q2", 17.8)
            indicators.set_value(s, csdl.id, prov.id, "2024S1", 2087, comment="Tăng 38,5%")
            indicators.set_value(s, gdp.id, prov.id, "2024", 18.3)
            indicators.set_value(s, csdl.id, hys.id, "202407", 12)


def value_table(db) -> list[tuple]:
    """(indicator, agency, period, value, comment) of every value, sorted."""
    from cdsdesk.store.models import Agency, Indicator

    with db.session() as s:
        rows = s.execute(select(Indicator.code, Agency.code, IndicatorValue.period, IndicatorValue.value,
                                IndicatorValue.comment)
                         .join(Indicator, Indicator.id == IndicatorValue.indicator_id)
                         .join(Agency, Agency.id == IndicatorValue.agency_id)).all()
        return sorted(tuple(r) for r in rows)
