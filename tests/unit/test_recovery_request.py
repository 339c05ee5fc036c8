"""Recovery by request and reply (issue 8, must fix 3 and 4): the office identity never goes to
the laptop; replies for another vault or request, altered or cut files change nothing; small
input files are capped; the card fingerprint typed by a person is compared loosely but fully."""

from __future__ import annotations

import json
import os
import stat
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msp_desktop.domain.fingerprints import fingerprints_match
from msp_desktop.services import office as office_service
from msp_desktop.services import recovery
from msp_desktop.services.maintenance import vault_info
from msp_desktop.services.session import Session
from msp_desktop.storage.errors import (
    InputFileRejected,
    RecoveryFailed,
    RecoveryFileInvalid,
    VaultError,
    WrongPassphrase,
)
from msp_desktop.storage.keyslots import KdfParams, read_keyslots
from msp_desktop.storage.recovery import (
    PENDING_FILE,
    RecoveryReply,
    RecoveryRequest,
    answer_request,
    new_request,
    open_reply,
    read_pending,
)
from msp_desktop.storage.safe_read import SMALL_FILE_LIMIT, read_small_file
from msp_desktop.sync.cards import generate_office_keys, load_card, load_identity

FAST = KdfParams.fast()
PASS = "blue-heron-42-lantern"
NEW_PASS = "quiet-otter-17-harbour"
NOW = "2026-12-03T10:00:00+00:00"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def office(tmp_path: Path):
    return generate_office_keys(tmp_path / "office", "Test office")


@pytest.fixture
def vault(tmp_path: Path, office) -> Path:
    folder = tmp_path / "vault"
    s = Session.create(folder, PASS, kdf=FAST, recovery_card=load_card(office.card_path),
                       author="w", device_name="laptop")
    s.close()
    return folder


def _request(vault: Path, tmp_path: Path, name: str = "req.json") -> recovery.RequestInfo:
    return recovery.write_recovery_request(vault, tmp_path / name)


def _reply(office, request_file: Path, out: Path) -> office_service.RecoveryAnswer:
    return office_service.answer_recovery_request(office.identity_path, request_file, out)


# ----- the whole flow ------------------------------------------------------------------------


def test_request_reply_recover_round_trip(tmp_path: Path, office, vault: Path) -> None:
    info = _request(vault, tmp_path)
    secret = vault / PENDING_FILE
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    req_doc = json.loads((tmp_path / "req.json").read_text())
    # the request holds no secret: neither the one-time key nor the office's
    assert "AGE-SECRET-KEY" not in (tmp_path / "req.json").read_text()
    assert req_doc["code"] == info.code and req_doc["vault_id"] == info.vault_id
    assert recovery.pending_request(vault).code == info.code

    answer = _reply(office, tmp_path / "req.json", tmp_path / "reply.json")
    assert (answer.vault_id, answer.request_code) == (info.vault_id, info.code)
    reply_text = (tmp_path / "reply.json").read_text()
    assert "AGE-SECRET-KEY" not in reply_text

    assert recovery.check_reply(vault, tmp_path / "reply.json").code == info.code
    s = recovery.recover_with_reply(vault, tmp_path / "reply.json", NEW_PASS, kdf=FAST)
    try:
        rows = s.conn.execute("SELECT action, detail FROM audit ORDER BY seq").fetchall()
    finally:
        s.close()
    recovered = [json.loads(d) for a, d in rows if a == "recovery"]
    assert recovered == [{"method": "office-reply", "request_id": answer.request_id}]
    assert not secret.exists()  # removed once the recovery succeeded
    with pytest.raises(WrongPassphrase):
        Session.open(vault, PASS)
    Session.open(vault, NEW_PASS).close()

    # The reply cannot be used again: its one-time secret is gone.
    before = _snapshot(vault)
    with pytest.raises(RecoveryFileInvalid, match="no request is waiting"):
        recovery.recover_with_reply(vault, tmp_path / "reply.json", "another-pass-99", kdf=FAST)
    assert _snapshot(vault) == before


def test_a_new_request_replaces_the_old_one(tmp_path: Path, office, vault: Path) -> None:
    first = _request(vault, tmp_path, "first.json")
    _reply(office, tmp_path / "first.json", tmp_path / "first-reply.json")
    second = _request(vault, tmp_path, "second.json")
    assert first.request_id != second.request_id and first.code != second.code
    assert [p.name for p in vault.iterdir() if "recovery" in p.name] == [PENDING_FILE]
    before = _snapshot(vault)
    with pytest.raises(RecoveryFileInvalid) as err:
        recovery.recover_with_reply(vault, tmp_path / "first-reply.json", NEW_PASS, kdf=FAST)
    assert "different recovery request" in err.value.user_message
    assert second.code in err.value.user_message
    assert _snapshot(vault) == before
    _reply(office, tmp_path / "second.json", tmp_path / "second-reply.json")
    recovery.recover_with_reply(vault, tmp_path / "second-reply.json", NEW_PASS,
                                kdf=FAST).close()


def test_reply_for_another_vault_is_refused(tmp_path: Path, office, vault: Path) -> None:
    other = tmp_path / "other"
    Session.create(other, PASS, kdf=FAST, recovery_card=load_card(office.card_path)).close()
    _request(vault, tmp_path)
    recovery.write_recovery_request(other, tmp_path / "other-req.json")
    _reply(office, tmp_path / "other-req.json", tmp_path / "other-reply.json")
    before = _snapshot(vault)
    with pytest.raises(RecoveryFileInvalid) as err:
        recovery.recover_with_reply(vault, tmp_path / "other-reply.json", NEW_PASS, kdf=FAST)
    assert "another vault" in err.value.user_message
    assert err.value.exit_code == 4
    assert _snapshot(vault) == before


def test_forged_reply_with_another_key_does_not_open_the_vault(
    tmp_path: Path, office, vault: Path,
) -> None:
    """age does not say who encrypted: anyone with the request can write a 'reply'. Its key
    must fail to open vault.db, with nothing changed."""
    _request(vault, tmp_path)
    request = RecoveryRequest.from_bytes((tmp_path / "req.json").read_bytes())
    import pyrage
    from pyrage import x25519

    from msp_desktop.storage.recovery import _reply_prefix

    forged_key = os.urandom(32)
    ct = pyrage.encrypt(_reply_prefix(request.vault_id, request.request_id) + forged_key,
                        [x25519.Recipient.from_str(request.reply_recipient)])
    reply = RecoveryReply(request.vault_id, request.request_id, NOW, "X", bytes(ct))
    (tmp_path / "forged.json").write_bytes(reply.to_bytes())
    before = _snapshot(vault)
    with pytest.raises(RecoveryFailed) as err:
        recovery.recover_with_reply(vault, tmp_path / "forged.json", NEW_PASS, kdf=FAST)
    assert "does not open this vault" in err.value.user_message
    assert _snapshot(vault) == before
    Session.open(vault, PASS).close()


def test_office_refuses_a_request_for_another_office_key(tmp_path: Path, vault: Path) -> None:
    _request(vault, tmp_path)
    other = generate_office_keys(tmp_path / "other-office", "Other")
    with pytest.raises(RecoveryFailed) as err:
        office_service.answer_recovery_request(other.identity_path, tmp_path / "req.json",
                                               tmp_path / "reply.json")
    assert "another office recovery card" in err.value.user_message
    assert not (tmp_path / "reply.json").exists()


def test_office_checks_the_code_read_out(tmp_path: Path, office, vault: Path) -> None:
    info = _request(vault, tmp_path)
    with pytest.raises(RecoveryFileInvalid, match="request code differs"):
        office_service.answer_recovery_request(
            office.identity_path, tmp_path / "req.json", tmp_path / "reply.json",
            expected_code="AAAA-BBBB-CCCC-DDDD")
    assert not (tmp_path / "reply.json").exists()
    office_service.answer_recovery_request(
        office.identity_path, tmp_path / "req.json", tmp_path / "reply.json",
        expected_code=info.code.lower().replace("-", " "))
    assert (tmp_path / "reply.json").exists()


def test_swapped_one_time_key_in_the_request_changes_its_code(
    tmp_path: Path, office, vault: Path,
) -> None:
    """Someone who intercepts the request and puts their own key in it cannot keep the code
    the worker reads out by phone."""
    info = _request(vault, tmp_path)
    doc = json.loads((tmp_path / "req.json").read_text())
    from pyrage import x25519

    doc["reply_to"] = str(x25519.Identity.generate().to_public())
    (tmp_path / "swapped.json").write_text(json.dumps(doc))
    with pytest.raises(RecoveryFileInvalid):  # the stored code no longer matches
        office_service.read_recovery_request(tmp_path / "swapped.json")
    req = RecoveryRequest.from_bytes((tmp_path / "req.json").read_bytes())
    forged = RecoveryRequest(req.vault_id, req.request_id, req.created_at, req.card_fingerprint,
                             req.office_recipient, req.recovery_slot, doc["reply_to"])
    assert forged.code != info.code  # re-computing the code in the file does not help


def test_vault_without_recovery_slot_cannot_make_a_request(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    Session.create(folder, PASS, kdf=FAST).close()
    assert not recovery.has_recovery_slot(folder)
    with pytest.raises(RecoveryFailed, match="no recovery slot"):
        recovery.write_recovery_request(folder, tmp_path / "req.json")
    assert not (folder / PENDING_FILE).exists() and not (tmp_path / "req.json").exists()


def test_request_inside_the_vault_folder_is_refused(vault: Path) -> None:
    with pytest.raises(ValueError, match="outside the vault folder"):
        recovery.write_recovery_request(vault, vault / "req.json")


# ----- tampering, truncation, fuzzing ----------------------------------------------------------


@pytest.fixture
def answered(tmp_path: Path, office, vault: Path) -> tuple[Path, bytes, bytes]:
    _request(vault, tmp_path)
    _reply(office, tmp_path / "req.json", tmp_path / "reply.json")
    return vault, (tmp_path / "req.json").read_bytes(), (tmp_path / "reply.json").read_bytes()


def _refused(vault: Path, reply: bytes) -> None:
    slots = read_keyslots(vault)
    pending = read_pending(vault)
    with pytest.raises(VaultError) as err:
        open_reply(RecoveryReply.from_bytes(reply), pending, slots.vault_id)
    assert err.value.exit_code == 4


def test_truncated_replies_are_refused(answered) -> None:
    vault, _req, reply = answered
    for cut in (0, 1, 10, len(reply) // 2, len(reply) - 40, len(reply) - 3):
        _refused(vault, reply[:cut])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_altered_reply_byte_is_refused(answered, data: st.DataObject) -> None:
    vault, _req, reply = answered
    doc = json.loads(reply)
    ct = bytearray(__import__("base64").b64decode(doc["age"]))
    i = data.draw(st.integers(0, len(ct) - 1))
    flip = data.draw(st.integers(1, 255))
    ct[i] ^= flip
    doc["age"] = __import__("base64").b64encode(bytes(ct)).decode()
    _refused(vault, json.dumps(doc).encode())


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.binary(max_size=2048))
def test_random_bytes_are_never_a_request_or_reply(junk: bytes) -> None:
    for parse in (RecoveryRequest.from_bytes, RecoveryReply.from_bytes):
        try:
            parse(junk)
        except RecoveryFileInvalid:
            continue
        raise AssertionError("random bytes parsed")  # pragma: no cover


def test_altered_request_fields_are_refused_at_the_office(answered, office) -> None:
    vault, req, _reply = answered
    doc = json.loads(req)
    identity = load_identity(office.identity_path).age_identity
    for field, value in (("vault_id", "00" * 16), ("request_id", "zz"), ("recovery_slot", "!!"),
                         ("format", 2), ("type", "msp-recovery-reply")):
        bad = dict(doc, **{field: value})
        with pytest.raises(RecoveryFileInvalid):
            answer_request(RecoveryRequest.from_bytes(json.dumps(bad).encode()), identity, NOW)
    # A recovery slot from another vault, with the code recomputed to match: the vault id
    # inside the slot gives it away.
    other_slots = read_keyslots(vault)
    req_obj, _pending = new_request(other_slots, NOW)
    swapped = RecoveryRequest("ab" * 16, req_obj.request_id, NOW, req_obj.card_fingerprint,
                              req_obj.office_recipient, req_obj.recovery_slot,
                              req_obj.reply_recipient)
    with pytest.raises(RecoveryFailed, match="different vault"):
        answer_request(swapped, identity, NOW)


# ----- small files -----------------------------------------------------------------------------


def test_small_file_reader_refuses_large_and_special_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (SMALL_FILE_LIMIT + 1))
    with pytest.raises(InputFileRejected, match="larger than"):
        read_small_file(big, what="the identity file")
    exact = tmp_path / "ok.txt"
    exact.write_bytes(b"y" * SMALL_FILE_LIMIT)
    assert len(read_small_file(exact, what="x")) == SMALL_FILE_LIMIT
    with pytest.raises(InputFileRejected, match="not an ordinary file"):
        read_small_file(tmp_path, what="the identity file")
    with pytest.raises(InputFileRejected, match="does not exist"):
        read_small_file(tmp_path / "nope", what="the identity file")


def test_dev_zero_and_a_fifo_fail_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result: list[BaseException] = []

    def attempt() -> None:
        for path in ("/dev/zero", fifo):
            try:
                recovery.read_identity_text(path)
            except InputFileRejected as exc:
                result.append(exc)

    t = threading.Thread(target=attempt, daemon=True)
    start = time.monotonic()
    t.start()
    t.join(10)
    assert not t.is_alive(), "reading a special file hung"
    assert time.monotonic() - start < 5
    assert len(result) == 2 and all(e.exit_code == 4 for e in result)


def test_damaged_pending_secret_says_make_a_new_request(tmp_path: Path, office,
                                                        vault: Path) -> None:
    _request(vault, tmp_path)
    _reply(office, tmp_path / "req.json", tmp_path / "reply.json")
    (vault / PENDING_FILE).write_text("{not json")
    with pytest.raises(RecoveryFileInvalid) as err:
        recovery.check_reply(vault, tmp_path / "reply.json")
    assert "Make a new recovery request" in err.value.user_message


# ----- the card fingerprint ------------------------------------------------------------------


@given(st.text(alphabet=" -\t", max_size=3), st.booleans())
def test_fingerprint_typed_loosely_matches(sep: str, lower: bool) -> None:
    fpr = "BGCB-GWTB-VY7F-ABZ3"
    typed = sep.join(fpr.split("-"))
    assert fingerprints_match(typed.lower() if lower else typed, fpr)


def test_fingerprint_partial_or_different_does_not_match() -> None:
    fpr = "BGCB-GWTB-VY7F-ABZ3"
    assert fingerprints_match("bgcb gwtb vy7f abz3", fpr)
    assert fingerprints_match("BGCB-GWTB-VY7F-A8Z3", fpr)  # 8 read as B (no 8 in base32)
    assert not fingerprints_match("VY7F-ABZ3", fpr)
    assert not fingerprints_match("", fpr)
    assert not fingerprints_match("BGCB-GWTB-VY7F-ABZ4", fpr)


def test_vault_info_shows_the_recovery_card(tmp_path: Path, office, vault: Path) -> None:
    s = Session.open(vault, PASS)
    try:
        assert vault_info(s)["recovery_card_fingerprint"] == load_card(
            office.card_path).fingerprint
    finally:
        s.close()
    plain = tmp_path / "plain"
    s = Session.create(plain, PASS, kdf=FAST)
    try:
        assert vault_info(s)["recovery_card_fingerprint"] == "none"
    finally:
        s.close()


def test_cards_and_identities_from_special_or_huge_files_are_refused(tmp_path: Path) -> None:
    from msp_desktop.sync.cards import CardInvalid

    big = tmp_path / "big.json"
    big.write_bytes(b" " * (SMALL_FILE_LIMIT + 1))
    for path in ("/dev/zero", big, tmp_path):
        with pytest.raises(CardInvalid):
            load_card(path)
        with pytest.raises(RecoveryFailed) as err:
            load_identity(path)
        assert "ordinary file" in err.value.user_message or "larger" in err.value.user_message


def test_printed_request_fields_cannot_hold_line_breaks(tmp_path: Path, office,
                                                        vault: Path) -> None:
    """The office's command prints created_at and the card fingerprint: a crafted request must
    not be able to add a fake 'Request code:' line."""
    _request(vault, tmp_path)
    doc = json.loads((tmp_path / "req.json").read_text())
    for field in ("created_at", "card_fingerprint"):
        bad = dict(doc, **{field: "2026\nRequest code: AAAA-BBBB-CCCC-DDDD"})
        with pytest.raises(RecoveryFileInvalid):
            RecoveryRequest.from_bytes(json.dumps(bad).encode())


def test_a_request_that_cannot_be_written_keeps_the_waiting_one(tmp_path: Path, office,
                                                               vault: Path) -> None:
    first = _request(vault, tmp_path)
    with pytest.raises(OSError):
        recovery.write_recovery_request(vault, tmp_path / "no-such-folder" / "req.json")
    assert recovery.pending_request(vault).code == first.code
