"""covering indexes for province-scale data: indicator aggregates, dashboard counts, status as of a day

Revision ID: 0003_scale_indexes
Revises: 0002_safety
Create Date: 2026-12-07 05:00:00

Measured on the benchmarks' large database (50,000 tasks, 500,000 status updates, 1.7 million
indicator values; EXPLAIN QUERY PLAN before and after):

* ``indicator_values (indicator_id, period, period_end, agency_id, value)`` replaces
  ``(indicator_id, period_end, agency_id, value)``: the province's aggregate over the units
  (``services.indicators.series``) groups by period, which the old index did not hold, so every
  one of an indicator's 5,760 values was also read from the table (11.5 → 0.95 ms per indicator,
  ×300 on the overview); the comparison chart and the value grid read it by (indicator, period).
* ``status_updates (task_id, entry_date, id, retracted_at, status, progress)`` replaces
  ``(task_id, entry_date, id)``: the status of a task as of a past day is answered from the index
  alone (the dashboard for a past period: 1.2 s → 0.5 s).
* ``tasks (lead_agency_id, plan_id, status, deleted_at, start_date, deadline)``: the dashboard's
  counts by agency, plan and status scan this index instead of the wide task rows (230 → 37 ms).
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0003_scale_indexes"
down_revision: Union[str, None] = "0002_safety"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.drop_index("ix_indicator_values_cover", table_name="indicator_values")
    op.create_index("ix_indicator_values_period_cover", "indicator_values",
                    ["indicator_id", "period", "period_end", "agency_id", "value"])
    op.drop_index("ix_status_updates_task_date", table_name="status_updates")
    op.create_index("ix_status_updates_task_cover", "status_updates",
                    ["task_id", "entry_date", "id", "retracted_at", "status", "progress"])
    op.create_index("ix_tasks_counts_cover", "tasks",
                    ["lead_agency_id", "plan_id", "status", "deleted_at", "start_date", "deadline"])


def downgrade() -> None:
    op.drop_index("ix_tasks_counts_cover", table_name="tasks")
    op.drop_index("ix_status_updates_task_cover", table_name="status_updates")
    op.create_index("ix_status_updates_task_date", "status_updates", ["task_id", "entry_date", "id"])
    op.drop_index("ix_indicator_values_period_cover", table_name="indicator_values")
    op.create_index("ix_indicator_values_cover", "indicator_values",
                    ["indicator_id", "period_end", "agency_id", "value"])
