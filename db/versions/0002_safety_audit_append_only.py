"""audit log append-only: triggers forbid UPDATE and DELETE on audit_log

Revision ID: 0002_safety
Revises: 0001
Create Date: 2026-11-23 19:15:00

The audit log is the record of who changed what; a row once written is never changed or removed,
not by the app, not by an import, not by an undo (which appends its own entries). SQLite gets two
BEFORE triggers that abort the statement; PostgreSQL one trigger function.

Two narrow exceptions, both inside the transaction that needs them:

* an import names itself on the entries written for it during its own run: an entry with no
  batch (or already this batch's), written no earlier than the batch was created, may get that
  batch id, its source, and (packages) the record's travelling UUID — nothing else of it;
* replacing the whole of the committee's data (``demo --force``, after a backup):
  ``cdsdesk.store.session.reset_audit_log`` deletes every row while a marker row in ``settings``
  exists inside the same transaction.
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0002_safety"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

MESSAGE = "audit_log is append-only"
RESET_KEY = "audit_log_reset"
# An import claiming an entry a service wrote for it in the same run (see the docstring).
CLAIM = (
    "NEW.batch_id IS NOT NULL AND (OLD.batch_id IS NULL OR OLD.batch_id = NEW.batch_id)"
    " AND (OLD.source = 'manual' OR OLD.source = NEW.source)"
    " AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.who = OLD.who AND NEW.entity = OLD.entity"
    " AND NEW.entity_label = OLD.entity_label AND NEW.action = OLD.action AND NEW.field = OLD.field"
    " AND NEW.old IS NOT DISTINCT FROM OLD.old AND NEW.new IS NOT DISTINCT FROM OLD.new"
    " AND OLD.at >= (SELECT created_at FROM import_batches WHERE id = NEW.batch_id)"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            f"WHEN NOT COALESCE(({CLAIM.replace(' IS NOT DISTINCT FROM ', ' IS ')}), 0) "
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
            "RETURN OLD; END IF; "
            f"IF TG_OP = 'UPDATE' AND COALESCE(({CLAIM}), false) THEN RETURN NEW; END IF; "
            f"RAISE EXCEPTION '{MESSAGE}'; END $$"
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
