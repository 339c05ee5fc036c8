"""DUR-2 (saved means committed) and DUR-7 (a crash leaves no stale lock), with kill -9.

A child process opens the vault and writes case notes through the services in a loop, printing
each record id only after the service call has returned (committed = acknowledged). The parent
SIGKILLs it at a random moment, reopens the vault and checks that every acknowledged note is
there and readable, the pages and HMACs are sound, the audit chain verifies and the projections
match the revisions.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from msp_desktop.services import cases
from msp_desktop.services.maintenance import check_vault
from msp_desktop.services.session import Session
from tests.e2e.conftest import FAST, PASS, make_sandbox

ROUNDS = 24
FILLER = "She said the carers come late and she feels rushed. " * 12

CHILD = r"""
import os, sys
from msp_desktop.services import records
from msp_desktop.services.session import Session

path, case_ids, n = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3])
filler = os.environ["CRASH_FILLER"]
session = Session.open(path, os.environ["MSP_PASSPHRASE"])
sys.stdout.write("READY\n")
sys.stdout.flush()
while True:
    payload = {
        "case_id": case_ids[n % len(case_ids)], "note_type": "PHONE",
        "event_start": "2026-03-%02dT10:00:00+00:00" % (1 + n % 28),
        "adult_present": True, "seen_alone": True, "purpose": "Call %d" % n,
        "facts": "crash-note %d. %s" % (n, filler),
    }
    if n % 7 == 3:
        state = records.create_and_finalise(session, "contact_note", payload).state
    else:
        state = records.create(session, "contact_note", payload).state
        if n % 11 == 5:
            payload["facts"] += " (edited)"
            state = records.edit(session, state.record_id, payload,
                                 expected_heads=state.heads).state
    # Acknowledge only now: the service call returned, so its transaction committed.
    sys.stdout.write("%d %s\n" % (n, state.record_id))
    sys.stdout.flush()
    n += 1
"""


@dataclass
class Totals:
    rounds: int = 0
    acknowledged: int = 0
    lost: int = 0
    committed_not_acknowledged: int = 0
    killed_before_ready: int = 0
    seconds: float = 0.0
    notes_in_vault: int = 0
    notes_per_round: list[int] = field(default_factory=list)


def _expected(n: int) -> tuple[str, bool]:
    """(status, edited) of the note written as number n."""
    if n % 7 == 3:
        return "final", False
    return "saved", n % 11 == 5


def _run_round(
    path: Path, case_ids: list[str], start: int, env: dict[str, str], rng: random.Random,
    early: bool,
) -> tuple[list[tuple[int, str]], bool]:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), ",".join(case_ids), str(start)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    lines: list[bytes] = []
    ready = threading.Event()

    def reader() -> None:
        assert proc.stdout is not None
        for line in iter(proc.stdout.readline, b""):
            if line == b"READY\n":
                ready.set()
            else:
                lines.append(line)

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    if early:
        # Sometimes kill during start-up and unlock (the unlock itself is an audited write).
        time.sleep(rng.uniform(0.0, 0.3))
    else:
        deadline = time.monotonic() + 30
        while not ready.wait(0.05):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"writer did not start: {proc.stderr.read().decode()[-2000:]}")
        time.sleep(rng.uniform(0.2, 0.8))
    assert proc.poll() is None, f"writer died on its own: {proc.stderr.read().decode()[-2000:]}"
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL
    thread.join(timeout=30)
    proc.stdout.close()
    proc.stderr.close()
    acked: list[tuple[int, str]] = []
    for raw in lines:
        if not raw.endswith(b"\n"):
            continue  # cut off mid-line by the kill: never acknowledged
        n, rid = raw.decode().split()
        acked.append((int(n), rid))
    return acked, ready.is_set()


def _verify(path: Path, acknowledged: dict[str, int]) -> tuple[int, int]:
    """Reopen (no stale lock) and check everything; returns (notes in vault, device revisions)."""
    session = Session.open(path, PASS)  # VaultInUse here would mean a stale lock
    try:
        store = session.store
        for rid, n in acknowledged.items():
            state = store.get(rid)
            assert state is not None, f"acknowledged note {n} ({rid}) was lost"
            status, edited = _expected(n)
            assert state.kind == "contact_note"
            assert state.status == status, (n, state.status)
            assert state.payload["facts"].startswith(f"crash-note {n}. ")
            assert state.payload["facts"].endswith(" (edited)") == edited, n
            assert state.payload["purpose"] == f"Call {n}"
            assert len(state.heads) == 1

        report = session.vault.full_check()  # raises VaultDamaged on a bad page
        assert report.quick_check == ["ok"]
        assert report.cipher_integrity_check == []
        assert session.audit.verify() == []
        health = check_vault(session)
        assert health.ok, health.lines()

        # Each note and its audit entry were committed together, or not at all.
        notes = session.conn.execute(
            "SELECT count(*) FROM records WHERE kind = 'contact_note'").fetchone()[0]
        audited = session.conn.execute(
            "SELECT count(*) FROM audit WHERE action = 'record.create'"
            " AND entity_kind = 'contact_note'").fetchone()[0]
        assert notes == audited
        seqs = [r[0] for r in session.conn.execute(
            "SELECT device_seq FROM revisions WHERE device_id = ? ORDER BY device_seq",
            (session.device.device_id,))]
        assert seqs == list(range(1, len(seqs) + 1))  # gap-free after every crash
        return int(notes), len(seqs)
    finally:
        session.close()


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_kill_9_loses_no_acknowledged_note(tmp_path: Path) -> None:
    sandbox = make_sandbox(tmp_path / "sandbox")
    path = sandbox.work / "vault"
    session = Session.create(path, PASS, kdf=FAST, author="crash.worker", device_name="Crash")
    try:
        case_ids = [
            cases.open_case(
                session, {"family_name": f"Crash{i}", "given_names": "Test",
                          "jurisdiction": "ENG"},
                {"status": "enquiry_in_progress", "opened_at": "2026-02-01"},
            ).state.record_id
            for i in range(6)
        ]
    finally:
        session.close()

    env = dict(sandbox.env, MSP_PASSPHRASE=PASS, CRASH_FILLER=FILLER)
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    acknowledged: dict[str, int] = {}
    totals = Totals()
    started = time.monotonic()
    for rnd in range(ROUNDS):
        acked, ready = _run_round(path, case_ids, (rnd + 1) * 1_000_000, env, rng,
                                  early=rnd % 6 == 5)
        totals.rounds += 1
        totals.killed_before_ready += not ready
        totals.notes_per_round.append(len(acked))
        for n, rid in acked:
            assert rid not in acknowledged
            acknowledged[rid] = n
        notes, _revisions = _verify(path, acknowledged)
        assert notes >= len(acknowledged)
        totals.notes_in_vault = notes
    totals.seconds = time.monotonic() - started
    totals.acknowledged = len(acknowledged)
    totals.committed_not_acknowledged = totals.notes_in_vault - totals.acknowledged
    print(f"\nDUR-2 crash loop: {totals}")
    assert totals.rounds >= 20
    assert totals.acknowledged >= 20 * 10, "the writer barely ran; the test proved little"
    assert sum(1 for k in totals.notes_per_round if k > 0) >= 15
