"""`msp-desktop --self-test`: write, read, search, print a PDF and sync a bundle, in throwaway
vaults."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

from msp_desktop.domain.status import RecordStatus
from msp_desktop.services import cases, exports, records, search, sync
from msp_desktop.services.session import Session
from msp_desktop.storage.keyslots import KdfParams


class SelfTestFailed(Exception):
    pass


def run_self_test(workdir: Path) -> Iterator[str]:
    passphrase = secrets.token_urlsafe(16)
    vault_path = workdir / "vault"
    session = Session.create(vault_path, passphrase, kdf=KdfParams.fast(),
                             author="self-test", device_name="self-test")
    yield f"vault created (SQLCipher {session.vault.cipher_version})"
    try:
        case = cases.open_case(
            session,
            {"family_name": "Prawf", "given_names": "Gwenllian", "gender_sac": "FEMALE",
             "jurisdiction": "WAL", "preferred_language": "Cymraeg"},
            {"status": "concern_received", "opened_at": "2026-01-05"},
        ).state
        note = records.create_and_finalise(session, "contact_note", {
            "case_id": case.record_id, "note_type": "HOME_VISIT",
            "event_start": "2026-01-06T10:00:00+00:00", "adult_present": True,
            "seen_alone": True, "purpose": "Self-test visit",
            "adult_own_words": "Rydw i eisiau aros adref – I want to stay at home.",
            "facts": "Self-test visit: zażółć gęślą jaźń.",
        }).state
        if records.get(session, note.record_id).status != RecordStatus.FINAL:
            raise SelfTestFailed("the note was not finalised")
        yield "records written and read back"
        hits = search.search(session, "aros adref", audit=False)
        if not any(h.record_id == note.record_id for h in hits):
            raise SelfTestFailed("search did not find the note")
        yield "full-text search works"
        pdf = exports.case_summary_pdf(session, case.record_id, workdir / "self-test.pdf").path
        if pdf.stat().st_size < 1000 or not pdf.read_bytes().startswith(b"%PDF"):
            raise SelfTestFailed("the PDF was not written")
        yield "PDF written"
        yield _bundle_round_trip(session, workdir, passphrase)
    finally:
        session.close()
    session = Session.open(vault_path, passphrase)
    try:
        if session.store.revision_count() < 3:
            raise SelfTestFailed("data did not survive closing and reopening the vault")
    finally:
        session.close()
    yield "vault reopened with its data"


def _bundle_round_trip(session: Session, workdir: Path, passphrase: str) -> str:
    """Encrypt, sign, export, verify and import a bundle into a second vault."""
    other = Session.create(workdir / "peer", passphrase, kdf=KdfParams.fast(),
                           author="self-test", device_name="self-test peer")
    try:
        sync.trust(session, sync.my_card(other))
        sync.trust(other, sync.my_card(session))
        out = workdir / "outbox"
        out.mkdir()
        written = sync.export_bundles(session, out, [sync.my_card(other)])
        for path in written.paths:
            sync.import_bundle(other, path)
        if other.store.state_digest() != session.store.state_digest():
            raise SelfTestFailed("the bundle did not carry every change")
    finally:
        other.close()
    return "bundle exported, verified and imported"
