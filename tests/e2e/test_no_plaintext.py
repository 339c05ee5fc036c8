"""ENC-4 (no plaintext anywhere the app writes) and AUD-2 (the audit holds IDs only).

A scripted workflow runs in a child process whose HOME, XDG_* and TMPDIR point at a fresh temp
tree: create a vault, open a case, autosave drafts, save, finalise, amend, search, back up,
change the passphrase, lock, reopen, and finally get killed with the vault open. Every file in
the tree is grepped for the marker strings (UTF-8, UTF-16-LE, UTF-16-BE) while the vault is
open (live -wal/-shm), after the crash, and after a clean lock.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from msp_desktop.services import search as search_service
from msp_desktop.services.session import Session
from msp_desktop.storage.vault import SQLITE_PLAIN_HEADER
from tests.e2e.conftest import NEW_PASS, PASS, Sandbox, make_sandbox

MARKERS = {
    "family": "MARKER-Gwenllian-ŵŷ-7731",
    "given": "MARKER-Ffion-ŷŵ-2291",
    "address": "MARKER-Heol-ŵ-3301 Aberystwyth",
    "conversation": "MARKER-Sgwrs-ŵŷ-4410 she talked about her son and the money",
    "own_words": "MARKER-Geiriau-ŷ-5520 dw i eisiau aros adref",
    "draft_only": "MARKER-Drafft-ŵ-6630 half-written thought",
    "pending_draft": "MARKER-Aros-ŷ-6640 unsaved draft text",
    "amended": "MARKER-Diwygio-ŵ-8840 corrected account",
    "amend_reason": "MARKER-Rheswm-ŷ-8850 wrong date",
    "outcome": "MARKER-Canlyniad-ŵ-9910 to feel safe at home",
    "late": "MARKER-Hwyr-ŷ-9920 written after reopening",
}
# What the worker typed into search: must not be in the audit log either.
SEARCH_TERMS = ["Gwenllian ŵŷ", "Diwygio corrected", "Trefdraeth"]

WORKFLOW = r"""
import json, sys
from pathlib import Path
from msp_desktop.services import cases, records, search
from msp_desktop.services.session import Session
from msp_desktop.storage.keyslots import KdfParams
from msp_desktop.sync.cards import generate_office_keys

vault, backup, office, pw, new_pw = map(str, sys.argv[1:6])
M = json.loads(sys.argv[6])
terms = json.loads(sys.argv[7])
fast = KdfParams.fast()

def sync(tag):
    sys.stdout.write(tag + "\n")
    sys.stdout.flush()
    assert sys.stdin.readline().strip() == "go"

card = generate_office_keys(Path(office), "Test office").card
s = Session.create(vault, pw, kdf=fast, author="worker", device_name="Laptop",
                   recovery_card=card)
case = cases.open_case(
    s, {"family_name": M["family"], "given_names": M["given"], "jurisdiction": "WAL",
        "preferred_language": "Cymraeg", "address": M["address"]},
    {"status": "enquiry_in_progress", "opened_at": "2026-01-05"}).state
cid = case.record_id
note = {"case_id": cid, "note_type": "HOME_VISIT", "event_start": "2026-01-06T10:00:00+00:00",
        "adult_present": True, "seen_alone": True, "purpose": "Home visit"}
d1 = records.new_draft_id()
records.save_draft(s, d1, kind="contact_note", case_id=cid,
                   payload={**note, "facts": M["draft_only"]})
records.save_draft(s, d1, kind="contact_note", case_id=cid,
                   payload={**note, "facts": M["draft_only"] + " more", "adult_own_words": "x"})
saved = records.create(s, "contact_note", {**note, "facts": M["conversation"],
                                           "adult_own_words": M["own_words"]}, draft_id=d1).state
assert s.drafts.get(d1) is None
final = records.finalise(s, saved.record_id).state
records.amend(s, final.record_id, {**final.payload, "facts": M["amended"]},
              reason=M["amend_reason"], amendment_type="CORRECTION")
records.create(s, "desired_outcome", {"case_id": cid, "statement": M["outcome"],
                                      "expressed_by": "ADULT",
                                      "first_expressed_at": "2026-01-06", "status": "ACTIVE"})
d2 = records.new_draft_id()
records.save_draft(s, d2, kind="contact_note", case_id=cid,
                   payload={**note, "facts": M["pending_draft"]})
cases.overview(s, cid)
hits = {t: len(search.search(s, t)) for t in terms}
sys.stdout.write(json.dumps({"hits": hits, "case_id": cid, "note_id": saved.record_id}) + "\n")
sync("OPEN")

s.vault.backup(Path(backup))
with s.write():
    s.log("backup")
s.change_passphrase(new_pw, kdf=fast)
s.close()
s = Session.open(vault, new_pw)
records.create(s, "contact_note", {**note, "event_start": "2026-01-09T10:00:00+00:00",
                                   "facts": M["late"]})
sync("REOPENED")
sync("NEVER")  # the parent kills us here, vault open
"""


def encodings(text: str) -> list[bytes]:
    forms = [text.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    core = text.split("-ŵ")[0].split("-ŷ")[0]  # the ASCII start, e.g. MARKER-Gwenllian
    forms += [core.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    forms.append(json.dumps(text).encode("ascii"))  # \u-escaped JSON
    return forms


def leaks(root: Path, texts: Iterable[str]) -> list[str]:
    """Every (file, marker, encoding) where a marker appears in plaintext."""
    needles = [(t, form) for t in texts for form in encodings(t)]
    found: list[str] = []
    for p in sorted(root.rglob("*")):
        if not p.is_file():
            continue
        data = p.read_bytes()
        found += [f"{p.relative_to(root)}: {t!r} as {form[:24]!r}"
                  for t, form in needles if form in data]
    return found


def files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_the_grep_finds_plaintext(tmp_path: Path) -> None:
    """Positive control: the grep would see a marker in any of the encodings."""
    for i, enc in enumerate(("utf-8", "utf-16-le", "utf-16-be")):
        (tmp_path / f"f{i}").write_bytes(b"\x00junk" + MARKERS["family"].encode(enc) + b"junk")
    (tmp_path / "j").write_text(json.dumps({"x": MARKERS["given"]}))
    found = leaks(tmp_path, MARKERS.values())
    assert {line.split(":")[0] for line in found} == {"f0", "f1", "f2", "j"}


def _send(proc: subprocess.Popen[str], expect: str) -> None:
    assert proc.stdin is not None
    proc.stdin.write("go\n")
    proc.stdin.flush()
    _wait_for(proc, expect)


def _wait_for(proc: subprocess.Popen[str], tag: str) -> list[str]:
    assert proc.stdout is not None
    seen: list[str] = []
    while True:
        line = proc.stdout.readline()
        if not line:
            err = proc.stderr.read() if proc.stderr else ""
            pytest.fail(f"workflow ended before {tag}: {err[-3000:]}")
        if line.strip() == tag:
            return seen
        seen.append(line.strip())


@pytest.mark.timeout(120)
def test_no_marker_reaches_any_file(tmp_path: Path) -> None:
    sb: Sandbox = make_sandbox(tmp_path / "sandbox")
    vault = sb.work / "vault"
    backup = sb.work / "backups" / "b1"
    office = sb.work / "office"
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKFLOW, str(vault), str(backup), str(office), PASS, NEW_PASS,
         json.dumps(MARKERS), json.dumps(SEARCH_TERMS)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        encoding="utf-8", env=sb.env, cwd=sb.work,
    )
    try:
        out = _wait_for(proc, "OPEN")
        result = json.loads(out[-1])
        # Search found the markers (so the data really is in the vault) ...
        assert result["hits"] == {"Gwenllian ŵŷ": 1, "Diwygio corrected": 1, "Trefdraeth": 0}

        # ... and with the vault open, the live -wal/-shm hold none of it.
        live = files(sb.root)
        assert {"work/vault/vault.db", "work/vault/vault.db-wal", "work/vault/vault.db-shm",
                "work/vault/keyslots.json"} <= live
        assert (vault / "vault.db-wal").stat().st_size > 0
        assert leaks(sb.root, MARKERS.values()) == []

        _send(proc, "REOPENED")
        assert {"work/backups/b1/vault.db", "work/backups/b1/keyslots.json",
                "work/vault/keyslots.json"} <= files(sb.root)
        assert "work/vault/keyslots.json.bak" not in files(sb.root)  # old passphrase revoked
        assert leaks(sb.root, MARKERS.values()) == []

        proc.send_signal(signal.SIGKILL)  # crash with the vault open
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    assert (vault / "vault.db-wal").exists()  # what a crash leaves behind ...
    assert leaks(sb.root, MARKERS.values()) == []  # ... holds no plaintext either

    # The data is all there (decrypted), and the audit holds IDs only (AUD-2).
    session = Session.open(vault, NEW_PASS)
    try:
        audit_rows = session.conn.execute("SELECT * FROM audit").fetchall()
        late = search_service.search(session, "Hwyr", audit=False)
        amended = search_service.search(session, "Diwygio", audit=False)
        drafts = [d.payload.get("facts") for d in session.drafts.all()]
        actions = [e.action for e in session.audit.entries()]
        assert session.audit.verify() == []
    finally:
        session.close()
    assert len(late) == 1 and len(amended) == 1
    assert drafts == [MARKERS["pending_draft"]]  # saved draft discarded, pending one kept
    for action in ("vault.create", "record.create", "record.finalise", "record.amend",
                   "case.view", "search", "backup", "passphrase.change", "lock", "unlock"):
        assert action in actions, action
    audit_text = "\n".join("|".join(str(v) for v in row) for row in audit_rows)
    folded = audit_text.casefold()
    for marker in MARKERS.values():
        for part in marker.split():
            if len(part) >= 5:
                assert part.casefold() not in folded, part
    for term in SEARCH_TERMS:
        assert term.casefold() not in folded, term
        for word in term.split():
            assert word.casefold() not in folded, word

    # After a clean lock: the whole tree once more.
    assert not (vault / "vault.db-wal").exists()
    assert leaks(sb.root, MARKERS.values()) == []

    # The stdlib sqlite3 cannot read the vault or its backup: no plaintext header.
    for db in (vault / "vault.db", backup / "vault.db"):
        assert db.read_bytes()[:16] != SQLITE_PLAIN_HEADER == b"SQLite format 3\x00"
        conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
        try:
            with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    # Nothing at all was written under HOME, the XDG folders or TMPDIR.
    assert [p for p in files(sb.root) if not p.startswith("work/")] == []
