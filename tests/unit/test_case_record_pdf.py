"""The case record PDF (services.exports.case_record_pdf), read back with poppler's tools:
section order, the marking, page numbers and export id on every page, metadata, amendments,
the content hash against the audit log, the atomic write, right-to-left text and the
subject-access profile."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from msp_desktop.domain.disclosure import WITHHELD
from msp_desktop.domain.lifecycle import RecordError
from msp_desktop.export.pdf_text import OneLine
from msp_desktop.services import cases, exports, records
from msp_desktop.services.session import Session
from msp_desktop.storage.keyslots import KdfParams
from tests.unit._case_record_helpers import (
    AMEND_REASON,
    AMENDED_FACTS,
    ORIGINAL_FACTS,
    THIRD_PARTY_WORDS,
    Built,
    build_case,
    flat,
    need_poppler,
    pdf_info,
    pdf_text,
)
from tests.unit.conftest import FakeClock

PASS = "case-record-test-passphrase"
T0 = int(dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC).timestamp() * 1000)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    need_poppler()
    s = Session.create(tmp_path / "vault", PASS, kdf=KdfParams.fast(), author="t.worker",
                       device_name="Test laptop", clock=FakeClock(T0))
    yield s
    s.close()


@pytest.fixture
def built(session: Session) -> Built:
    return build_case(session)


def export_entries(s: Session, case_id: str) -> list[Any]:
    return [e for e in s.audit.entries(case_id=case_id) if e.action == "export"]


def test_sections_come_in_the_order_of_the_record(session: Session, built: Built,
                                                  tmp_path: Path) -> None:
    out = exports.case_record_pdf(session, built.case_id, tmp_path / "r.pdf").path
    text = flat(pdf_text(out))
    headings = ["The adult", "What the adult wants to happen (desired outcomes)", "The case",
                "Chronology", "Conversations (case notes)", "Consent decisions",
                "Mental capacity and best interests", "Risk assessments",
                "Safeguarding plan, actions and reviews", "Concern, decision and enquiry",
                "Risks (allegations)", "Related people", "Closure", "About this export"]
    where = [text.find(h) for h in headings]
    assert -1 not in where, dict(zip(headings, where, strict=True))
    assert where == sorted(where)
    # The app's words: field labels and choice labels, not codes.
    assert "How far was it achieved? Partly achieved" in text
    assert "Type of abuse or neglect: Financial" in text
    assert "PARTIALLY" not in text and "S42_ENQUIRY" not in text


def test_every_page_is_marked_numbered_and_names_the_export(session: Session, built: Built,
                                                            tmp_path: Path) -> None:
    for i in range(6):  # enough notes for several pages
        records.create(session, "contact_note", {
            "case_id": built.case_id, "note_type": "PHONE",
            "event_start": f"2026-02-{i + 1:02d}T09:00:00+00:00", "purpose": f"Call {i}",
            "facts": "Spoke about the plan and what happens next. " * 40})
    result = exports.case_record_pdf(session, built.case_id, tmp_path / "r.pdf")
    info = pdf_info(result.path)
    pages = int(info["Pages"])
    assert pages >= 3
    for page in range(1, pages + 1):
        text = pdf_text(result.path, page)
        assert text.count("OFFICIAL-SENSITIVE") == 2, page  # top and bottom
        assert f"Page {page} of {pages}" in text
        assert f"Export {result.export_id}" in text
        assert "exported by t.worker" in text
    assert info["Title"] == "Safeguarding case record"
    assert info["Author"] == "t.worker"
    assert "Pritchard" not in json.dumps(info)  # no personal data in the metadata


def test_the_hash_on_the_last_page_is_the_one_in_the_audit_log(session: Session, built: Built,
                                                               tmp_path: Path) -> None:
    result = exports.case_record_pdf(session, built.case_id, tmp_path / "r.pdf")
    pages = int(pdf_info(result.path)["Pages"])
    last = flat(pdf_text(result.path, pages))
    m = re.search(r"Content hash \(SHA-256\): ([0-9a-f]{64})", last)
    assert m, last
    [entry] = export_entries(session, built.case_id)
    d = entry.detail
    assert d["content_hash"] == m.group(1)
    assert d["sha256"] == hashlib.sha256(result.path.read_bytes()).hexdigest() == result.sha256
    assert d["export_id"] == result.export_id and d["kind"] == "pdf"
    assert d["profile"] == "full"
    assert built.case_id in d["record_ids"] and built.note_id in d["record_ids"]
    assert built.person_id in d["record_ids"]
    # Ids and hashes only: never case text.
    assert not any(w in json.dumps(d) for w in ("Gareth", "Pritchard", "pension"))


def test_the_content_hash_follows_the_content_not_the_export(session: Session, built: Built,
                                                             tmp_path: Path) -> None:
    def content_hash(name: str, profile: str = "full") -> str:
        exports.case_record_pdf(session, built.case_id, tmp_path / name, profile=profile)
        return str(export_entries(session, built.case_id)[-1].detail["content_hash"])

    first, again = content_hash("a.pdf"), content_hash("b.pdf")
    assert first == again  # a new export id and time, the same records
    assert content_hash("c.pdf", "sar") != first
    records.create(session, "contact_note", {
        "case_id": built.case_id, "note_type": "PHONE",
        "event_start": "2026-02-01T09:00:00+00:00", "facts": "Rang to check in."})
    assert content_hash("d.pdf") != first


def test_an_amendment_is_shown_with_its_type_reason_and_the_original(
    session: Session, built: Built, tmp_path: Path,
) -> None:
    out = exports.case_record_pdf(session, built.case_id, tmp_path / "r.pdf").path
    text = flat(pdf_text(out))
    note = text[text.find("Conversations (case notes)"):text.find("Consent decisions")]
    assert "Amended: Correction" in note
    assert f"Reason: {AMEND_REASON}" in note
    original = note.find(f"What happened and what you saw, original: {ORIGINAL_FACTS}")
    amended = note.find(f"What happened and what you saw, amended to: {AMENDED_FACTS}")
    assert -1 < original < amended
    assert "Amended" in note[:200]  # the note's status in its heading line


def test_facts_own_words_and_analysis_are_kept_apart(session: Session, built: Built,
                                                     tmp_path: Path) -> None:
    out = exports.case_record_pdf(session, built.case_id, tmp_path / "r.pdf").path
    text = flat(pdf_text(out))
    facts = text.find("What happened and what you saw")
    words = text.find("The adult's own words")
    analysis = text.find("Professional analysis Eirlys seems afraid")
    assert -1 < facts < words < analysis


def test_a_failed_render_leaves_no_file_and_no_audit_entry(
    session: Session, built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    dest = tmp_path / "out" / "record.pdf"
    dest.parent.mkdir()
    dest.write_bytes(b"an earlier export")

    def broken(self: Any) -> None:
        raise RuntimeError("drawing failed")

    with monkeypatch.context() as m:  # fails half way through laying out the pages
        m.setattr(OneLine, "draw", broken)
        with pytest.raises(RuntimeError):
            exports.case_record_pdf(session, built.case_id, dest, overwrite=True)
    assert dest.read_bytes() == b"an earlier export"
    assert [p.name for p in dest.parent.iterdir()] == ["record.pdf"]  # no temp file left
    assert export_entries(session, built.case_id) == []


def test_a_write_that_fails_leaves_the_earlier_file(
    session: Session, built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    dest = tmp_path / "out" / "record.pdf"
    dest.parent.mkdir()
    dest.write_bytes(b"an earlier export")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:  # the bytes are written, then the disk is full
        m.setattr(os, "fsync", disk_full)
        with pytest.raises(OSError):
            exports.case_record_pdf(session, built.case_id, dest, overwrite=True)
    assert dest.read_bytes() == b"an earlier export"
    assert [p.name for p in dest.parent.iterdir()] == ["record.pdf"]
    assert export_entries(session, built.case_id) == []


def test_unknown_case_and_profile_are_refused(session: Session, built: Built,
                                              tmp_path: Path) -> None:
    with pytest.raises(RecordError):
        exports.case_record_pdf(session, "0" * 32, tmp_path / "x.pdf")
    with pytest.raises(ValueError):
        exports.case_record_pdf(session, built.case_id, tmp_path / "x.pdf", profile="all")
    assert not (tmp_path / "x.pdf").exists()


def test_welsh_polish_urdu_and_arabic_render_in_embedded_fonts(session: Session, built: Built,
                                                               tmp_path: Path) -> None:
    out = exports.case_record_pdf(session, built.case_id, tmp_path / "r.pdf").path
    text = pdf_text(out)
    assert "dŵr mewn tŷ" in text
    assert "dziękuję, łóżko, ręka" in text
    # Shaped: Urdu and Arabic letters come out as their joined presentation forms
    # (U+FB50-U+FDFF, U+FE70-U+FEFF), not as the isolated letters that were stored.
    forms = [c for c in text if "\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff"]
    assert len(forms) > 40
    assert "ﻣﯿﮟ" in text  # میں: initial meem, medial yeh, final noon ghunna
    assert "\u06cc\u06ba" not in text  # the stored, unshaped letters are not drawn as is
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    embedded = {line.split()[0].partition("+")[2] for line in fonts.splitlines()[2:]
                if " yes yes yes " in line}
    assert {"DejaVuSans", "NotoNaskhArabic-Regular"} <= embedded


def test_the_subject_access_copy_withholds_every_third_party(session: Session, built: Built,
                                                             tmp_path: Path) -> None:
    result = exports.case_record_pdf(session, built.case_id, tmp_path / "sar.pdf",
                                     profile="sar")
    raw = pdf_text(result.path)
    text = flat(raw)
    for word in THIRD_PARTY_WORDS:
        assert word.casefold() not in text.casefold(), word
        assert word.casefold() not in raw.casefold(), word
    # The adult's own data stays: their name, their words, the facts about them.
    assert "Case record: Eirlys Pritchard" in text
    assert "I want to stay in my home" in text
    assert "takes Eirlys's pension each week" in text
    assert "was in the hallway when I arrived" in text
    assert "Sam Worker" in text  # the worker is not a third party
    assert WITHHELD in text
    # The list an information-governance officer checks: record, field, reason.
    listed = text[text.find("What was withheld and why"):text.find("About this export")]
    assert "Referrer's name The person who raised the concern (a third party)" in listed
    assert "Person or organisation alleged to have caused harm" in listed
    assert "Who was there: Name" in listed
    assert "A third party named in the text" in listed
    [entry] = export_entries(session, built.case_id)
    assert entry.detail["profile"] == "sar" and entry.detail["withheld"] > 5


def test_the_full_record_keeps_what_the_subject_access_copy_withholds(
    session: Session, built: Built, tmp_path: Path,
) -> None:
    text = flat(pdf_text(exports.case_record_pdf(session, built.case_id,
                                                 tmp_path / "r.pdf").path))
    for word in THIRD_PARTY_WORDS:
        assert word in text, word
    assert WITHHELD not in text and "What was withheld and why" not in text


def test_a_name_only_in_an_amendments_original_is_withheld(session: Session, built: Built,
                                                           tmp_path: Path) -> None:
    note = records.create_and_finalise(session, "contact_note", {
        "case_id": built.case_id, "note_type": "HOME_VISIT",
        "event_start": "2026-01-20T10:00:00+00:00", "adult_present": True, "seen_alone": True,
        "purpose": "Visit with Kevin Doyle",
        "attendees": [{"name": "Kevin Doyle", "role": "Lodger"}],
        "facts": "Kevin Doyle shouted at Eirlys. Kevin left."}).state
    records.amend(session, note.record_id, {
        **note.payload, "purpose": "Home visit", "attendees": [],
        "facts": "A visitor shouted at Eirlys."},
        reason="Wrong person recorded: it was not Kevin Doyle", amendment_type="CORRECTION")
    raw = pdf_text(exports.case_record_pdf(session, built.case_id, tmp_path / "sar.pdf",
                                           profile="sar").path)
    assert "A visitor shouted at Eirlys" in flat(raw)
    assert "Kevin" not in raw and "Doyle" not in raw
    assert "shouted at Eirlys" in flat(raw).partition("original:")[2]


def test_no_file_is_left_when_the_audit_entry_cannot_be_written(
    session: Session, built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    dest = tmp_path / "out" / "record.pdf"
    dest.parent.mkdir()

    def audit_fails(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("audit write failed")

    with monkeypatch.context() as m:
        m.setattr(session, "log", audit_fails)
        with pytest.raises(RuntimeError, match="audit write failed"):
            exports.case_record_pdf(session, built.case_id, dest)
    assert list(dest.parent.iterdir()) == []
    # Nor when the transaction holding the entry fails to commit after the file was written.
    with monkeypatch.context() as m:
        m.setattr(session.heads, "stage", audit_fails)
        with pytest.raises(RuntimeError, match="audit write failed"):
            exports.case_record_pdf(session, built.case_id, dest, profile="sar")
    assert list(dest.parent.iterdir()) == []
    assert export_entries(session, built.case_id) == []


def test_the_self_test_summary_shapes_urdu_and_is_audited_before_it_is_written(
    session: Session, built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    result = exports.case_summary_pdf(session, built.case_id, tmp_path / "summary.pdf")
    text = pdf_text(result.path)
    assert "ﻣﯿﮟ" in text and "\u06cc\u06ba" not in text  # joined forms, as in the record
    assert "Case summary: Eirlys Pritchard" in text
    with monkeypatch.context() as m:
        m.setattr(session, "log", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("no")))
        with pytest.raises(RuntimeError):
            exports.case_summary_pdf(session, built.case_id, tmp_path / "again.pdf")
    assert not (tmp_path / "again.pdf").exists()


def test_a_payload_saved_before_a_field_was_coded_reads_as_the_app_shows_it(
    session: Session, built: Built, tmp_path: Path,
) -> None:
    with session.write():  # as an earlier version saved it: a tick box, not a choice
        session.store.create("enquiry", {
            "case_id": built.case_id, "enquiry_type": "S42", "started_at": "2026-02-01",
            "enquiry_lead": "Sam Worker", "sac_lacked_capacity": "LACKED",
            "sac_capacity_support": True})
    text = flat(pdf_text(exports.case_record_pdf(session, built.case_id,
                                                 tmp_path / "r.pdf").path))
    assert "Was the adult supported by an advocate, family or friend? Yes" in text
    assert "friend? True" not in text


def test_a_label_is_never_left_at_the_foot_of_a_page(tmp_path: Path) -> None:
    from reportlab.platypus import Spacer

    from msp_desktop.export.meta import ExportMeta
    from msp_desktop.export.pdf_base import build, styles
    from msp_desktop.export.pdf_text import label_line, text_flowable

    need_poppler()
    s = styles()
    meta = ExportMeta("ABC123DEF456", "t.worker", dt.datetime(2026, 3, 10, tzinfo=dt.UTC))
    for height in range(670, 712, 3):  # the label fits on the page, its value may not
        out = build(tmp_path / "k.pdf", [
            Spacer(1, height), label_line("Facts label", s["label"]),
            text_flowable("The value under the label. " * 3, s["body"])],
            title="t", meta=meta)
        first = pdf_text(out, 1)
        assert "Facts label" not in first or "The value under" in first, height


def test_indic_scripts_are_embedded_and_characters_no_font_has_are_listed(
    session: Session, built: Built, tmp_path: Path,
) -> None:
    records.create(session, "desired_outcome", {
        "case_id": built.case_id, "expressed_by": "ADULT", "status": "ACTIVE",
        "first_expressed_at": "2026-01-15",
        "statement": "আমি বাড়িতে থাকতে চাই। ਮੈਂ ਘਰ ਰਹਿਣਾ ਚਾਹੁੰਦੀ ਹਾਂ। હું ઘરે રહેવા માંગુ છું."})
    records.create(session, "contact_note", {
        "case_id": built.case_id, "note_type": "PHONE",
        "event_start": "2026-02-01T09:00:00+00:00", "language_used": "Amharic: ሰላም"})
    out = exports.case_record_pdf(session, built.case_id, tmp_path / "r.pdf").path
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    embedded = {line.split()[0].partition("+")[2] for line in fonts.splitlines()[2:]
                if " yes yes yes " in line}
    assert {"NotoSansBengali-Regular", "NotoSansGurmukhi-Regular",
            "NotoSansGujarati-Regular"} <= embedded
    about = flat(pdf_text(out)).partition("About this export")[2]
    assert "Some characters cannot be shown" in about
    assert "Case note: Language used: " in about
    assert "(U+1230), " in about and "(U+121D)" in about
    assert "U+09" not in about and "U+0A" not in about  # Bengali, Gurmukhi, Gujarati shown


def test_the_chronology_marks_significant_events_and_only_the_full_record_says_why(
    session: Session, built: Built, tmp_path: Path,
) -> None:
    cases.mark_event(session, built.case_id, built.note_id, True,
                     "First disclosure, made in front of Zbigniew Quarrington")
    full = flat(pdf_text(exports.case_record_pdf(session, built.case_id,
                                                 tmp_path / "full.pdf").path))
    sar = flat(pdf_text(exports.case_record_pdf(session, built.case_id, tmp_path / "sar.pdf",
                                                profile="sar").path))
    for text in (full, sar):
        chronology = text[text.find("Chronology"):text.find("Conversations (case notes)")]
        assert "Significant" in chronology  # the column, and the marked event
        assert chronology.count("Significant") == 2  # header + the one marked event
    assert "First disclosure, made in front of Zbigniew Quarrington" in full
    assert "Zbigniew" not in sar and "First disclosure, made" not in sar

    cases.mark_event(session, built.case_id, built.note_id, False)  # unmarked: blank again
    again = flat(pdf_text(exports.case_record_pdf(session, built.case_id,
                                                  tmp_path / "again.pdf").path))
    chronology = again[again.find("Chronology"):again.find("Conversations (case notes)")]
    assert chronology.count("Significant") == 1  # the header only
