"""Turns the indicator catalogues into the content of indicators.json."""

from __future__ import annotations

from .programme import PROGRAMME
from .provincial import PROVINCIAL, district_values

ILLUSTRATIVE = "Số liệu minh họa"


def _target_note(date: str) -> str:
    return f"Mục tiêu đến năm {date[:4]}"


def build() -> list[dict]:
    out = []
    for n, row in enumerate(PROGRAMME, start=1):
        code, area, name, unit, vtype, direction, agg, source, values, published, target, _klass = row
        tv, td, bp, bv = target
        out.append(dict(
            code=code, plan="CT-CDSQG", area=area, name=name, unit=unit, value_type=vtype,
            direction=direction, aggregation=agg, data_source=source, verifying_agency="BTTTT",
            sort_order=n,
            values=[["TQ", p, v, published.get(p, ILLUSTRATIVE)] for p, v in values.items()],
            targets=[dict(agency=None, baseline_period=bp, baseline_value=bv, target_value=tv,
                          target_date=td, note=_target_note(td))],
        ))
    for n, ind in enumerate(PROVINCIAL, start=len(PROGRAMME) + 1):
        tv, td, bp, bv = ind["target"]
        values = [["TQ", p, v, ind["published"].get(p, ILLUSTRATIVE)] for p, v in ind["values"].items()]
        for agency, per in district_values(ind).items():
            values += [[agency, p, v, ILLUSTRATIVE] for p, v in per.items()]
        targets = [dict(agency=None, baseline_period=bp, baseline_value=bv, target_value=tv, target_date=td,
                        note=_target_note(td))]
        if ind["district_target"]:
            dv, dd = ind["district_target"]
            for agency in district_values(ind):
                targets.append(dict(agency=agency, baseline_period=None, baseline_value=None, target_value=dv,
                                    target_date=dd, note="Chỉ tiêu giao cho từng huyện, thành phố"))
        out.append(dict(
            code=ind["code"], plan=ind["plan"], area=ind["area"], name=ind["name"], unit=ind["unit"],
            value_type=ind["type"], direction=ind["dir"], aggregation=ind["agg"], data_source=ind["source"],
            verifying_agency=ind["verifier"], sort_order=n, values=values, targets=targets,
        ))
    return out
