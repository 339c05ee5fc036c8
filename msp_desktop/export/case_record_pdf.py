"""The full case record as a PDF, for case-management systems and subject-access requests.

A pure renderer: handed the case's records (and the revisions of amended ones), it lays out
the PDF in memory (render_case_record); the service writes it (pdf_base.write, one atomic
write) only once the export is in the audit log. What a profile withholds is decided by
domain/disclosure.py; this module only lays it out, in the words the app uses (field labels,
choice labels), the adult and their desired outcomes first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from msp_desktop.domain.canonical import encode, sha256_hex
from msp_desktop.domain.chronology import Mark, current_marks
from msp_desktop.domain.days import day_time_text
from msp_desktop.domain.disclosure import SAR, WITHHELD, Disclosure
from msp_desktop.domain.enums import AMENDMENT_TYPE
from msp_desktop.domain.fields import Field, FieldType, RecordKind, is_empty
from msp_desktop.domain.kinds import KINDS, display_name, kind_label
from msp_desktop.domain.revisions import RecordState, Revision
from msp_desktop.domain.status import RecordStatus
from msp_desktop.export.meta import ExportMeta
from msp_desktop.export.pdf_base import render, styles, unprintable, when_text
from msp_desktop.export.pdf_text import (
    field_line,
    has_complex,
    label_line,
    quoted,
    text_flowable,
)

FORMAT = "msp-case-record/1"  # part of the content hash: a new layout gets a new hash

# The record sections after the adult, the outcomes and the chronology, in order.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Conversations (case notes)", ("contact_note",)),
    ("Consent decisions", ("consent_decision",)),
    ("Mental capacity and best interests", ("capacity_assessment", "best_interests_decision")),
    ("Risk assessments", ("risk_assessment",)),
    ("Safeguarding plan, actions and reviews",
     ("safeguarding_plan", "plan_action", "plan_review")),
    ("Concern, decision and enquiry", ("concern", "concern_decision", "enquiry")),
    ("Risks (allegations)", ("risk_item",)),
    ("Related people", ("related_person",)),
    ("Closure", ("closure",)),
)
# Fields shown in a record's heading line rather than in its body.
_HEADING_ONLY = {"case_id"}
# The professional's opinion is set apart from the facts.
_ANALYSIS = {("contact_note", "analysis")}


@dataclass(frozen=True)
class CaseRecord:
    """What the service gathered: the case, its adult, its records, and the revisions of
    records that were amended after they were finalised."""

    case: RecordState
    person: RecordState | None
    records: Sequence[RecordState]
    histories: Mapping[str, Sequence[Revision]] = field(default_factory=dict)
    profile: str = "full"


@dataclass(frozen=True)
class Rendered:
    data: bytes  # the whole PDF
    content_hash: str
    record_ids: tuple[str, ...]
    withheld: int


def render_case_record(record: CaseRecord, meta: ExportMeta) -> Rendered:
    """The PDF in memory: the service writes it once the export is in the audit log."""
    r = _Renderer(record, meta)
    story = r.story()
    # No personal data in the metadata: file managers and mail previews show it.
    title = "Safeguarding case record" + (" (subject access copy)"
                                          if record.profile == SAR else "")
    data = render(story, title=title, meta=meta,
                  subject=f"MSP Desktop case record, profile {record.profile}, "
                          f"export {meta.export_id}")
    return Rendered(data, r.content_hash, r.record_ids, len(r.disclosure.withheld))


def content_hash(profile: str, case_id: str, shown: Sequence[RecordState],
                 amendments: Sequence[str], withheld: Sequence[Any]) -> str:
    """SHA-256 over a canonical list of exactly what was rendered: each record at its
    revision(s), the amendment revisions shown, the profile and what it withheld. The export
    id and time are not in it, so two exports of the same content have the same hash."""
    body = {
        "format": FORMAT, "profile": profile, "case_id": case_id,
        "records": sorted([r.record_id, r.kind, sorted(r.heads)] for r in shown),
        "amendments": sorted(amendments),
        "withheld": sorted([w.record_id, w.field, w.reason] for w in withheld),
    }
    return sha256_hex(encode(body))


def _hlc_when(hlc: str) -> str:
    try:
        moment = dt.datetime.fromtimestamp(int(hlc.partition(".")[0]) / 1000, dt.UTC)
    except ValueError:
        return hlc
    return day_time_text(moment.astimezone())


class _Renderer:
    def __init__(self, record: CaseRecord, meta: ExportMeta) -> None:
        self.rec = record
        self.meta = meta
        self.s = styles()
        person = record.person
        everyone = [r for r in (person, record.case, *record.records) if r is not None]
        authors = {r.created_by for r in everyone} | {r.updated_by for r in everyone}
        revisions = [rev for revs in record.histories.values() for rev in revs]
        authors |= {rev.author for rev in revisions}
        # Every revision: a name may survive only in an amendment's original.
        self.disclosure = Disclosure(record.profile, person.payload if person else None,
                                     everyone, authors=authors, revisions=revisions)
        self.shown = everyone
        self.record_ids = tuple(r.record_id for r in everyone)
        self._by_id = {r.record_id: r for r in everyone}
        self.name = display_name(person.payload) if person else "Unnamed adult"
        self._payloads = {r.record_id: self.disclosure.payload(r.record_id, r.kind, r.payload)
                          for r in everyone}
        self._amendments: list[str] = []
        self.content_hash = ""

    # ----- the document -------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        s, rec = self.s, self.rec
        out: list[Flowable] = [text_flowable(f"Case record: {self.name}", s["h1"])]
        if rec.profile == SAR:
            out.append(Paragraph(
                "Subject access copy: details of other people are withheld; the list at the "
                "end says what was withheld and why.", s["body"]))
        out.append(Paragraph(escape(
            f"Exported {self.meta.when_text} by {self.meta.exported_by}. "
            f"Export {self.meta.export_id}."), s["small"]))

        out.append(Paragraph("The adult", s["h2"]))
        if rec.person is not None:
            out += self._fields(rec.person, skip=set())
        out.append(Paragraph("What the adult wants to happen (desired outcomes)", s["h2"]))
        outcomes = self._of("desired_outcome")
        if not outcomes:
            out.append(Paragraph("No desired outcomes recorded.", s["body"]))
        for r in outcomes:
            out += self._record(r)
        out.append(Paragraph("The case", s["h2"]))
        out += self._fields(rec.case, skip={"person_id"})
        out += self._chronology()
        for heading, kinds in SECTIONS:
            out.append(CondPageBreak(30 * mm))
            out.append(Paragraph(escape(heading), s["h2"]))
            records = [r for k in kinds for r in self._of(k)]
            if not records:
                out.append(Paragraph("None recorded.", s["body"]))
            for r in records:
                out += self._record(r)
        withheld = self.disclosure.withheld  # complete now: every payload has been shown
        if rec.profile == SAR:
            out += self._withheld_list(withheld)
        self.content_hash = content_hash(rec.profile, rec.case.record_id, self.shown,
                                         self._amendments, withheld)
        out += self._about(len(withheld))
        return out

    def _of(self, kind: str) -> list[RecordState]:
        rs = [r for r in self.rec.records if r.kind == kind]
        return sorted(rs, key=lambda r: (r.sort_date or "", r.created_hlc, r.record_id))

    def _title(self, r: RecordState) -> str:
        kind = KINDS.get(r.kind)
        return kind.title(self._payloads[r.record_id]) if kind else r.kind

    # ----- one record ---------------------------------------------------------------------

    def _record(self, r: RecordState) -> list[Flowable]:
        s = self.s
        kind = KINDS.get(r.kind)
        label = kind_label(r.kind)
        when = when_text(r.sort_date) if r.sort_date else "undated"
        head = f"{label} · {when} · {self._title(r)}"
        out: list[Flowable] = [CondPageBreak(25 * mm), label_line(head, s["h3"])]
        status = RecordStatus(r.status).label if r.status in set(RecordStatus) else r.status
        line = f"Recorded by {r.created_by}"
        if r.updated_by != r.created_by:
            line += f"; last changed by {r.updated_by}"
        if kind is not None and kind.finalisable:
            line += f" · {status}"
        if r.in_conflict:
            line += " · has versions that disagree (not yet resolved): the merged text is shown"
        out.append(label_line(line, s["small"]))
        if r.status == RecordStatus.ENTERED_IN_ERROR:
            out.append(Paragraph("This record was marked as entered in error; it is kept "
                                 "for the audit trail.", s["label"]))
        out += self._fields(r, skip=_HEADING_ONLY)
        out += self._amendment_block(r)
        out.append(Spacer(1, 5))
        return out

    def _fields(self, r: RecordState, skip: set[str]) -> list[Flowable]:
        kind = KINDS.get(r.kind)
        if kind is None:
            return []
        return self._payload_fields(kind, self._payloads[r.record_id], skip)

    def _payload_fields(self, kind: RecordKind, payload: Mapping[str, Any],
                        skip: set[str]) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = []
        for f in kind.fields:
            value: Any = payload.get(f.name)
            if f.name in skip or is_empty(value) or not kind.is_visible(f, payload):
                continue
            if f.type is FieldType.QUOTE:
                out.append(label_line(f.label, s["label"]))
                out.append(text_flowable(
                    value if value == WITHHELD else quoted(str(value)), s["quote"]))
            elif f.type is FieldType.LONGTEXT:
                style = s["analysis"] if (kind.name, f.name) in _ANALYSIS else s["body"]
                out.append(label_line(f.label, s["label"]))
                out.append(text_flowable(str(value), style))
            elif f.type is FieldType.LIST:
                out.append(label_line(f.label, s["label"]))
                for i, row in enumerate(value, 1):
                    if isinstance(row, dict):
                        out.append(text_flowable(f"{i}. {self._row_text(f, row)}", s["small"]))
            else:
                out += self._short(f, self._value_text(f, value))
        return out

    def _short(self, f: Field, text: str) -> list[Flowable]:
        s = self.s
        if has_complex(text):
            return [label_line(f.label, s["label"]), text_flowable(text, s["body"])]
        label = f.label if f.label[-1:] in "?:" else f"{f.label}:"
        return [field_line(label, text, s["body"], "DejaVuSans-Bold")]

    def _row_text(self, f: Field, row: Mapping[str, Any]) -> str:
        parts = []
        for sub in f.subfields:
            value = row.get(sub.name)
            if is_empty(value):
                continue
            parts.append(f"{sub.label}: {self._value_text(sub, value)}")
        return " · ".join(parts)

    def _value_text(self, f: Field, value: Any) -> str:
        if value == WITHHELD:
            return WITHHELD
        t = f.type
        if t is FieldType.BOOL:
            return "Yes" if value else "No"
        if t is FieldType.CHOICE and f.choices is not None:
            return f.choices.label(str(value))
        if t is FieldType.MULTI and f.choices is not None and isinstance(value, list):
            return "; ".join(f.choices.label(str(v)) for v in value)
        if t in (FieldType.DATE, FieldType.DATETIME):
            return when_text(str(value))
        if t is FieldType.REF:
            return self._ref_text(str(value), f.label)
        if t is FieldType.QUOTE:
            return quoted(str(value))
        return str(value)

    def _ref_text(self, record_id: str, field_label: str) -> str:
        target = self._by_id.get(record_id)
        if target is None:
            return "a record outside this case"
        label = kind_label(target.kind)
        when = f" ({when_text(target.sort_date)})" if target.sort_date else ""
        if label.casefold() in field_label.casefold():  # "Related person: Related person: .."
            return f"{self._title(target)}{when}"
        return f"{label}: {self._title(target)}{when}"

    # ----- amendments ---------------------------------------------------------------------

    def _amendment_block(self, r: RecordState) -> list[Flowable]:
        """Each amendment next to what it changed: type, reason, who and when, and every
        changed field as it was before and as it is after."""
        history = list(self.rec.histories.get(r.record_id, ()))
        amends = [rev for rev in history if rev.op == "amend"]
        kind = KINDS.get(r.kind)
        if not amends or kind is None:
            return []
        s = self.s
        by_id = {rev.revision_id: rev for rev in history}
        out: list[Flowable] = [Paragraph("Amendments (the original is kept)", s["label"])]
        for rev in amends:
            self._amendments.append(rev.revision_id)
            before_rev = next((by_id[p] for p in rev.parents if p in by_id), None)
            type_label = AMENDMENT_TYPE.label(rev.amendment_type or "")
            reason = self.disclosure.text(r.record_id, r.kind, "Reason for the amendment",
                                          rev.reason or "")
            out.append(text_flowable(
                f"Amended: {type_label} · {_hlc_when(rev.hlc)} by {rev.author}. "
                f"Reason: {reason}", s["body"]))
            if before_rev is None:
                continue
            before = self.disclosure.payload(r.record_id, r.kind, before_rev.payload)
            after = self.disclosure.payload(r.record_id, r.kind, rev.payload)
            for f in kind.fields:
                if f.name in _HEADING_ONLY or before.get(f.name) == after.get(f.name):
                    continue
                out.append(Paragraph(escape(f"{f.label}, original:"), s["label"]))
                out.append(text_flowable(self._any_text(f, before.get(f.name)), s["analysis"]))
                out.append(Paragraph(escape(f"{f.label}, amended to:"), s["label"]))
                out.append(text_flowable(self._any_text(f, after.get(f.name)), s["body"]))
        return out

    def _any_text(self, f: Field, value: Any) -> str:
        if is_empty(value):
            return "(blank)"
        if f.type is FieldType.LIST and isinstance(value, list):
            return "\n".join(self._row_text(f, row) for row in value if isinstance(row, dict))
        return self._value_text(f, value)

    # ----- chronology, withheld list, about ----------------------------------------------

    def _chronology(self) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [CondPageBreak(30 * mm), Paragraph("Chronology", s["h2"])]
        dated = sorted((r for r in self.rec.records if r.sort_date),
                       key=lambda r: (r.sort_date or "", r.kind, r.record_id))
        if not dated:
            return [*out, Paragraph("No dated events recorded.", s["body"])]
        marks = current_marks(self.rec.records)
        rows: list[list[Any]] = [["Date", "Record", "What", "Significant"]]
        for r in dated:
            rows.append([when_text(r.sort_date), kind_label(r.kind),
                         text_flowable(self._title(r), s["small"]),
                         self._significant(marks.get(r.record_id))])
        table = Table(rows, colWidths=[30 * mm, 40 * mm, None, 36 * mm], repeatRows=1)
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, 0), "DejaVuSans-Bold", 8.5),
            ("FONT", (0, 1), (-1, -1), "DejaVuSans", 8.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
        ]))
        return [*out, table]

    def _significant(self, mark: Mark | None) -> Any:
        """'Significant' for an event marked so (blank otherwise); the worker's reason for
        the mark only in the full record: it is the worker's view, not the adult's data,
        and may name other people, so the subject access copy never shows it."""
        if mark is None or not mark.significant:
            return ""
        if self.disclosure.redacts or not mark.reason:
            return "Significant"
        return text_flowable(f"Significant: {mark.reason}", self.s["small"])

    def _withheld_list(self, withheld: Sequence[Any]) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [CondPageBreak(40 * mm),
                               Paragraph("What was withheld and why", s["h2"])]
        if not withheld:
            return [*out, Paragraph("Nothing was withheld.", s["body"])]
        out.append(Paragraph(
            f"Each place below shows “{WITHHELD}” in this copy. The reasons follow the "
            "subject access rules: information about other people is not the adult's data.",
            s["small"]))
        labels = {r.record_id: self._short_ref(r) for r in self.shown}
        rows: list[list[Any]] = [["Record", "Field", "Why"]]
        for w in withheld:
            rows.append([Paragraph(escape(labels.get(w.record_id, w.record_id)), s["small"]),
                         Paragraph(escape(w.field), s["small"]),
                         Paragraph(escape(w.reason), s["small"])])
        table = Table(rows, colWidths=[60 * mm, 50 * mm, None], repeatRows=1)
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, 0), "DejaVuSans-Bold", 8.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
        ]))
        return [*out, table]

    def _unprintable(self) -> dict[str, str]:
        """Field (as "Record kind: field label") -> the characters in it no embedded font
        has, over every record shown."""
        found: dict[str, str] = {}

        def check(where: str, value: Any) -> None:
            chars = unprintable(value) if isinstance(value, str) else ""
            if chars:
                found[where] = "".join(dict.fromkeys(found.get(where, "") + chars))

        for r in self.shown:
            kind = KINDS.get(r.kind)
            if kind is None:
                continue
            payload = self._payloads[r.record_id]
            for f in kind.fields:
                value = payload.get(f.name)
                check(f"{kind.label}: {f.label}", value)
                if f.type is FieldType.LIST and isinstance(value, list):
                    for row in value:
                        for sub in f.subfields:
                            if isinstance(row, dict):
                                check(f"{kind.label}: {f.label}: {sub.label}", row.get(sub.name))
        return found

    def _short_ref(self, r: RecordState) -> str:
        """A record named without its content (the title could hold what was withheld)."""
        label = kind_label(r.kind)
        when = f", {when_text(r.sort_date)}" if r.sort_date else ""
        return f"{label}{when} (id {r.record_id[:8]})"

    def _about(self, withheld: int) -> list[Flowable]:
        s = self.s
        profile = ("subject access (third parties withheld)" if self.rec.profile == SAR
                   else "full case record")
        lines = [
            f"Export id: {self.meta.export_id}",
            f"Exported by {self.meta.exported_by} on {self.meta.when_text}",
            f"Profile: {profile}",
            f"Records: {len(self.shown)}; amendments shown: {len(self._amendments)}; "
            f"items withheld: {withheld}",
            f"Content hash (SHA-256): {self.content_hash}",
        ]
        out: list[Flowable] = [CondPageBreak(45 * mm), Paragraph("About this export", s["h2"])]
        out += [Paragraph(escape(line), s["small"]) for line in lines]
        missing = self._unprintable()
        if missing:
            out.append(Paragraph(escape(
                "Some characters cannot be shown: no font in this document has them, so they "
                "print as empty boxes. Read these fields in MSP Desktop:"), s["small"]))
            out += [Paragraph(escape(f"{where}: " + ", ".join(
                        f"{c} (U+{ord(c):04X})" for c in chars)), s["small"])
                    for where, chars in missing.items()]
        out.append(Paragraph(
            "The content hash identifies exactly which records, at which versions, this "
            "document shows; the vault's audit log records it with this export id.", s["small"]))
        return out
