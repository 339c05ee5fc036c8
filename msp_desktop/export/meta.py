"""What every export carries about itself: an id, who made it and when."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class ExportMeta:
    export_id: str
    exported_by: str
    exported_at: dt.datetime  # timezone-aware

    @classmethod
    def new(cls, exported_by: str, exported_at: dt.datetime) -> ExportMeta:
        return cls(uuid.uuid4().hex[:12].upper(), exported_by, exported_at)

    @property
    def when_text(self) -> str:
        return f"{self.exported_at.astimezone():%Y-%m-%d %H:%M}"
