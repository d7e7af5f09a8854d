"""What a write changed, so that each screen knows whether to refresh (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Changes:
    tasks: set[int] = field(default_factory=set)
    indicators: set[int] = field(default_factory=set)  # indicator ids whose values/targets changed
    agencies: bool = False
    plans: bool = False
    meetings: bool = False
    audit: bool = True
    batch_id: int | None = None

    def merge(self, other: "Changes") -> "Changes":
        self.tasks |= other.tasks
        self.indicators |= other.indicators
        self.agencies |= other.agencies
        self.plans |= other.plans
        self.meetings |= other.meetings
        self.audit |= other.audit
        self.batch_id = other.batch_id or self.batch_id
        return self

    @property
    def any(self) -> bool:
        return bool(self.tasks or self.indicators or self.agencies or self.plans or self.meetings)

    @classmethod
    def everything(cls) -> "Changes":
        c = cls(agencies=True, plans=True, meetings=True)
        c.tasks.add(-1)  # -1: "all tasks"
        c.indicators.add(-1)
        return c
