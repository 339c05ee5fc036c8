"""Record editors and the per-case record tabs, generated from the domain record kinds."""

from msp_desktop.ui.records.tabs import RecordTab, make_case_tabs

__all__ = ["RecordTab", "make_case_tabs"]
