import datetime as dt

import pytest
from sqlalchemy import select

from cdsdesk.domain.errors import ValidationError
from cdsdesk.services import meetings
from cdsdesk.store.models import AuditEntry, Directive, Meeting, Task

D = dt.date


def test_edit_delete_and_restore_a_meeting_keep_its_tasks_and_the_audit(db, small):
    with db.session() as s:
        m = meetings.create_meeting(s, date=D(2024, 4, 10), title="Phiên họp quý I/2024")
        d1 = meetings.add_directive(s, m.id, text="Sở Nội vụ tập huấn kỹ năng số", agency_id=small["snv"])
        d2 = meetings.add_directive(s, m.id, text="Sở TT&TT trình đề án", agency_id=small["stt"], deadline=D(2024, 9, 30))
        t = meetings.task_from_directive(s, d2.id, code="KL-1")
        mid, ids, tid = m.id, (d1.id, d2.id), t.id
    with db.session() as s:
        old = meetings.edit_meeting(s, mid, {"title": "Phiên họp quý I/2024 (mở rộng)", "chair": "Chủ tịch"})
        assert old == {"title": "Phiên họp quý I/2024", "chair": ""}
        assert meetings.edit_directive(s, ids[1], {"deadline": D(2024, 10, 31)}) == {"deadline": D(2024, 9, 30)}
        with pytest.raises(ValidationError):
            meetings.edit_meeting(s, mid, {"title": "  "})
    with db.session() as s:
        snap = meetings.delete_meeting(s, mid)
    with db.session() as s:
        assert s.get(Meeting, mid) is None and s.scalars(select(Directive)).all() == []
        assert s.get(Task, tid).directive_id is None
    with db.session() as s:
        meetings.restore_meeting(s, snap)
    with db.session() as s:
        m = s.get(Meeting, mid)
        assert m.title == "Phiên họp quý I/2024 (mở rộng)"
        assert [(d.id, d.number, d.deadline) for d in m.directives] == [(ids[0], 1, None), (ids[1], 2, D(2024, 10, 31))]
        assert s.get(Task, tid).directive_id == ids[1]
        actions = [(e.entity, e.action) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.entity.in_(["meeting", "directive"])).order_by(AuditEntry.id))]
        assert actions[-6:] == [("directive", "delete"), ("directive", "delete"), ("meeting", "delete"),
                                ("meeting", "restore"), ("directive", "restore"), ("directive", "restore")]
        # A new conclusion after the restore gets a fresh id and the next number.
        d3 = meetings.add_directive(s, mid, text="Kết luận bổ sung")
        assert d3.number == 3 and d3.id not in ids
