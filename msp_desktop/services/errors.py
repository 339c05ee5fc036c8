"""Errors the services raise for the UI and CLI to show."""

from __future__ import annotations

from msp_desktop.domain.fields import Problem


class ValidationFailed(Exception):
    """The record does not meet the rules; each problem names its field."""

    def __init__(self, problems: list[Problem], action: str = "save") -> None:
        self.problems = problems
        lines = "\n".join(f"- {p.message}" for p in problems)
        super().__init__(f"This record cannot be {action}d yet:\n{lines}")
