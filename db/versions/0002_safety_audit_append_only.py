"""audit log append-only: triggers forbid UPDATE and DELETE on audit_log

Revision ID: 0002_safety
Revises: 0001
Create Date: 2026-11-23 19:15:00

The audit log is the record of who changed what; a row once written is never changed or removed,
not by the app, not by an import, not by an undo (which appends its own entries). SQLite gets two
BEFORE triggers that abort the statement; PostgreSQL one trigger function.

The one sanctioned exception is replacing the whole of the committee's data (``demo --force``,
after a backup): ``cdsdesk.store.session.reset_audit_log`` deletes every row while a marker row
in ``settings`` exists inside the same transaction. Rows are never updated.
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0002_safety"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

MESSAGE = "audit_log is append-only"
RESET_KEY = "audit_log_reset"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            f"WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = '{RESET_KEY}') "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )
    else:
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM settings WHERE key = '{RESET_KEY}') THEN "
            f"RETURN OLD; END IF; RAISE EXCEPTION '{MESSAGE}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
