"""BUN-2/3/4 and SYNC-2/6 on real exported bundles: every altered, cut, forged, misaddressed,
oversized or malformed bundle is refused with a BundleRejected before anything is written (the
vault's revisions and its files are unchanged); a re-import changes nothing; bundles may
arrive in any order; replays are harmless."""

from __future__ import annotations

import hashlib
import io
import json
import random
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nacl.signing
import pyrage
import pytest
from pyrage import x25519

from msp_desktop.domain.canonical import encode
from msp_desktop.domain.lifecycle import RecordError
from msp_desktop.services import records
from msp_desktop.services import sync as sync_service
from msp_desktop.services.session import Session
from msp_desktop.sync import bundle
from msp_desktop.sync.bundle import BundleRejected
from msp_desktop.sync.exchange import UntrustedSender
from tests.unit._sync_helpers import (
    close_all,
    export_to,
    finalised_note,
    make_session,
    open_case,
    vault_files,
)
from tests.unit.conftest import note_payload

# ----- fixtures ----------------------------------------------------------------------------


@dataclass
class World:
    root: Path
    a: Session  # the sender
    b: Session  # the importer
    c: Session  # a third vault, trusted by a and b
    case_id: str
    note_id: str
    valid: Path  # a bundle from a to b (the case, its adult and a finalised note)
    n: int = 0

    def out(self) -> Path:
        self.n += 1
        return self.root / "out" / str(self.n)

    def export(self, src: Session, dst: Session, **kw: Any) -> list[Path]:
        return export_to(src, self.out(), [dst], **kw)

    def write(self, data: bytes, name: str = "x.mspbundle") -> Path:
        folder = self.out()
        folder.mkdir(parents=True)
        path = folder / name
        path.write_bytes(data)
        return path


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    a, b, c = (make_session(tmp_path / f"vault-{x}", i) for i, x in enumerate("abc"))
    for s, others in ((a, (b, c)), (b, (a, c)), (c, (a, b))):
        for o in others:
            sync_service.trust(s, sync_service.my_card(o))
    case_id, _ = open_case(a)
    note_id = finalised_note(a, case_id)
    w = World(tmp_path, a, b, c, case_id, note_id, Path())
    [w.valid] = w.export(a, b)
    yield w
    close_all((a, b, c))


def _state(s: Session) -> tuple[str, dict[str, str], int]:
    return s.store.state_digest(), vault_files(s.path), s.store.parked_count()


def assert_refused(w: World, path: Path, match: str | None = None,
                   exc: type[Exception] = BundleRejected) -> Exception:
    """The importer refuses the bundle, in preview and in import, and its vault is unchanged:
    the same revisions and the same bytes in every file of the vault folder."""
    before = _state(w.b)
    with pytest.raises(exc, match=match):
        sync_service.preview_import(w.b, path)
    with pytest.raises(exc, match=match) as info:
        sync_service.import_bundle(w.b, path)
    assert _state(w.b) == before
    return info.value


def _plain(w: World, path: Path, s: Session | None = None) -> bytes:
    return bytes(pyrage.decrypt(path.read_bytes(),
                                [x25519.Identity.from_str((s or w.b).device.age_identity)]))


def _entries(w: World, path: Path) -> dict[str, bytes]:
    return bundle.unpack(_plain(w, path))


def _zip(items: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", method) as zf:
        warnings.simplefilter("ignore")  # duplicate names are what some tests want
        for name, data in items:
            zf.writestr(name, data)
    return buf.getvalue()


def _encrypt_to(s: Session, plain: bytes) -> bytes:
    return bytes(pyrage.encrypt(plain, [x25519.Recipient.from_str(s.device.age_recipient)]))


def _sign_with(s: Session) -> Callable[[bytes], bytes]:
    return s.device.sign


def _rebuild(w: World, manifest: dict[str, Any], lines: list[bytes],
             sign: Callable[[bytes], bytes] | None = None, to: Session | None = None) -> Path:
    data = bundle.build(manifest, lines, sign or w.a.device.sign,
                        [(to or w.b).device.age_recipient])
    return w.write(data)


def _parts(w: World, path: Path) -> tuple[dict[str, Any], list[bytes]]:
    e = _entries(w, path)
    return json.loads(e[bundle.MANIFEST]), e[bundle.REVISIONS].split(b"\n")[:-1]


# ----- the valid bundle, for reference --------------------------------------------------------


def test_the_valid_bundle_imports_and_a_second_import_changes_nothing(world: World) -> None:
    w = world
    first = sync_service.import_bundle(w.b, w.valid).preview
    assert first.outcome.new == 4 and not first.outcome.already_imported
    digest = w.b.store.state_digest()
    assert records.get(w.b, w.note_id).status == "final"
    again = sync_service.preview_import(w.b, w.valid)
    assert again.outcome.already_imported and again.outcome.new == 0
    assert any("imported before" in line for line in again.lines())
    result = sync_service.import_bundle(w.b, w.valid)
    assert result.preview.outcome.already_imported and result.preview.outcome.report.held == 4
    assert w.b.store.state_digest() == digest


# ----- bytes of the file ----------------------------------------------------------------------


def test_flipped_bytes_anywhere_are_refused(world: World) -> None:
    w = world
    data = w.valid.read_bytes()
    n = len(data)
    positions = sorted({0, 1, 5, 21, 22, 30, 60, 100, 150, n // 2, n - 17, n - 2, n - 1,
                        *range(0, n, max(1, n // 48))})
    assert len(positions) >= 55
    for pos in positions:
        for mask in (0x01, 0x80):
            mutated = bytearray(data)
            mutated[pos] ^= mask
            path = w.write(bytes(mutated), f"flip-{pos}-{mask}.mspbundle")
            before = _state(w.b)
            with pytest.raises(BundleRejected):
                sync_service.import_bundle(w.b, path)
            assert _state(w.b) == before, pos
    assert_refused(w, w.write(data[:100] + bytes([data[100] ^ 4]) + data[101:]))


def test_truncated_files_are_refused(world: World) -> None:
    w = world
    data = w.valid.read_bytes()
    n = len(data)
    lengths = sorted({0, 1, 10, 21, 22, 40, 80, 120, 200, n // 3, n // 2, n - 100, n - 17,
                      n - 16, n - 2, n - 1, *range(0, n, max(1, n // 30))})
    for length in lengths:
        path = w.write(data[:length], f"cut-{length}.mspbundle")
        before = _state(w.b)
        with pytest.raises(BundleRejected):
            sync_service.import_bundle(w.b, path)
        assert _state(w.b) == before, length
    assert_refused(w, w.write(data[: n // 2]))


@pytest.mark.parametrize("extra", [b"\x00", b"\n", b"x" * 1000, b"age-encryption.org/v1\n"])
def test_extra_trailing_data_is_refused(world: World, extra: bytes) -> None:
    assert_refused(world, world.write(world.valid.read_bytes() + extra))


def test_a_second_age_file_appended_is_refused(world: World) -> None:
    w = world
    other = w.export(w.a, w.b)[0]
    assert_refused(w, w.write(w.valid.read_bytes() + other.read_bytes()))


# ----- forged, swapped, misaddressed, untrusted, revoked --------------------------------------


def test_a_manifest_signed_with_a_foreign_key_is_refused(world: World) -> None:
    w = world
    manifest, lines = _parts(w, w.valid)
    forger = nacl.signing.SigningKey.generate()
    path = _rebuild(w, manifest, lines, lambda m: bytes(forger.sign(m).signature))
    assert_refused(w, path, match="signature does not match the key of its sender")
    # The same with the key of another trusted vault (c), keeping a's card as the sender.
    assert_refused(w, _rebuild(w, manifest, lines, w.c.device.sign), match="signature")


def test_a_revision_swapped_in_from_another_bundle_is_refused(world: World) -> None:
    w = world
    records.amend(w.a, w.note_id, note_payload(w.case_id, facts="Changed later."),
                  reason="Correction", amendment_type="CORRECTION")
    other = w.export(w.a, w.b)[0]
    e = _entries(w, w.valid)
    theirs = _entries(w, other)[bundle.REVISIONS].split(b"\n")[:-1]
    lines = e[bundle.REVISIONS].split(b"\n")[:-1]
    swapped = [theirs[-1] if i == len(lines) - 1 else line for i, line in enumerate(lines)]
    assert swapped != lines
    plain = _zip([(bundle.MANIFEST, e[bundle.MANIFEST]), (bundle.SIGNATURE, e[bundle.SIGNATURE]),
                  (bundle.REVISIONS, b"".join(line + b"\n" for line in swapped))])
    assert_refused(w, w.write(_encrypt_to(w.b, plain)), match="altered or swapped")
    # Reordered lines and a dropped line are refused too.
    for changed in (list(reversed(lines)), lines[:-1]):
        plain = _zip([(bundle.MANIFEST, e[bundle.MANIFEST]),
                      (bundle.SIGNATURE, e[bundle.SIGNATURE]),
                      (bundle.REVISIONS, b"".join(line + b"\n" for line in changed))])
        assert_refused(w, w.write(_encrypt_to(w.b, plain)))


def test_a_bundle_for_someone_else_is_refused(world: World) -> None:
    w = world
    for_c = w.export(w.a, w.c)[0]
    assert_refused(w, for_c, match="not addressed to this vault")
    # Encrypted to b but its signed manifest names only c: refused as well.
    manifest, lines = _parts(w, w.valid)
    manifest["recipients"] = [{"kind": "device", "id": w.c.device.device_id,
                               "name": w.c.device.display_name,
                               "fingerprint": w.c.device.fingerprint()}]
    assert_refused(w, _rebuild(w, manifest, lines), match="addressed to someone else")


def test_a_bundle_from_an_untrusted_vault_names_its_fingerprint(world: World) -> None:
    w = world
    d = make_session(w.root / "vault-d", 3)
    try:
        sync_service.trust(d, sync_service.my_card(w.b))
        open_case(d, "Stranger")
        path = w.export(d, w.b)[0]
        err = assert_refused(w, path, exc=UntrustedSender)
        assert d.device.fingerprint() in str(err)
        assert "does not trust" in str(err)
    finally:
        d.close()


def test_a_bundle_from_a_revoked_vault_is_refused_and_what_it_sent_before_stays(
    world: World,
) -> None:
    w = world
    sync_service.import_bundle(w.b, w.valid)
    held = w.b.store.state_digest()
    records.amend(w.a, w.note_id, note_payload(w.case_id, facts="After revocation."),
                  reason="Correction", amendment_type="CORRECTION")
    later = w.export(w.a, w.b)[0]
    sync_service.revoke(w.b, w.a.device.device_id)
    err = assert_refused(w, later, match="revoked")
    assert w.a.device.display_name in str(err) and "no longer accepted" in str(err)
    assert w.b.store.state_digest() == held
    assert records.get(w.b, w.note_id).status == "final"


def test_a_card_with_different_keys_for_a_known_device_is_refused(world: World) -> None:
    w = world
    manifest, lines = _parts(w, w.valid)
    impostor = make_session(w.root / "vault-imp", 9)
    try:
        card = sync_service.my_card(impostor).to_json()
        card.update({"device_id": w.a.device.device_id})
        manifest["sender"] = card  # a's id, other keys: the card itself no longer checks out
        assert_refused(w, _rebuild(w, manifest, lines, impostor.device.sign),
                       match="out of shape")
    finally:
        impostor.close()


# ----- limits and the archive inside ------------------------------------------------------------


def test_an_oversized_file_is_refused_before_it_is_read(world: World, monkeypatch: Any) -> None:
    w = world
    data = w.valid.read_bytes()
    identity = [w.b.device.age_identity]
    assert bundle.open_bundle(data, identity).manifest.bundle_seq == 1
    with pytest.raises(BundleRejected, match="larger than any bundle"):
        bundle.open_bundle(data, identity, bundle.Limits(file_bytes=len(data) - 1))
    monkeypatch.setattr(bundle, "LIMITS", bundle.Limits(file_bytes=len(data) - 1))
    assert_refused(w, w.valid, match="larger than any bundle")


def test_other_limits_are_enforced(world: World) -> None:
    w = world
    data = w.valid.read_bytes()
    identity = [w.b.device.age_identity]
    for limits, match in (
        (bundle.Limits(manifest_bytes=100), "larger than this app accepts"),
        (bundle.Limits(revisions_bytes=100), "larger than this app accepts"),
        (bundle.Limits(line_bytes=100), "larger than this app accepts"),
        (bundle.Limits(revisions=1), "out of shape"),
        (bundle.Limits(devices=0), "out of shape"),
    ):
        with pytest.raises(BundleRejected, match=match):
            bundle.open_bundle(data, identity, limits)


def _valid_entries(w: World) -> dict[str, bytes]:
    return _entries(w, w.valid)


def _signed(w: World, manifest_bytes: bytes) -> bytes:
    return (w.a.device.sign(bundle.SIG_DOMAIN + manifest_bytes).hex() + "\n").encode()


def _archive_cases(w: World) -> dict[str, tuple[bytes, str]]:
    """name -> (the zip inside the age layer, what the refusal says)."""
    e = _valid_entries(w)
    m, s, r = e[bundle.MANIFEST], e[bundle.SIGNATURE], e[bundle.REVISIONS]
    good = [(bundle.MANIFEST, m), (bundle.SIGNATURE, s), (bundle.REVISIONS, r)]
    unexpected = "unexpected or duplicate entries"
    manifest = json.loads(m)
    pretty = json.dumps(manifest, indent=1).encode()
    floaty = m.replace(b'"bundle_seq":1,', b'"bundle_seq":1.0,')
    assert floaty != m
    line = r.split(b"\n")[0]
    float_line = line.replace(b'"schema_version":1', b'"schema_version":1.0')
    assert float_line != line
    lines = r.split(b"\n")[:-1]
    m2 = json.loads(m)
    m2["revisions"][0][1] = hashlib.sha256(float_line).hexdigest()
    m2_bytes = encode(m2)
    nan = m.replace(b'"bundle_seq":1,', b'"bundle_seq":NaN,')
    lone = line.replace(b'"Eirlys"', b'"Eirlys\\ud800"')  # a lone surrogate: not text
    assert lone != line
    m3 = json.loads(m)
    m3["revisions"][0][1] = hashlib.sha256(lone).hexdigest()
    m3_bytes = encode(m3)
    return {
        "duplicate entry": (_zip([*good, (bundle.REVISIONS, r)]), unexpected),
        "duplicate manifest": (_zip([*good, (bundle.MANIFEST, m)]), unexpected),
        "unexpected name": (_zip([*good, ("notes.txt", b"hello")]), unexpected),
        "missing entry": (_zip(good[:2]), unexpected),
        "path traversal": (_zip([*good, ("../x", b"evil")]), unexpected),
        "path traversal instead": (_zip([good[0], good[1], ("../revisions.jsonl", r)]),
                                   unexpected),
        "absolute path": (_zip([good[0], good[1], ("/revisions.jsonl", r)]), unexpected),
        "directory prefix": (_zip([good[0], good[1], ("a/revisions.jsonl", r)]), unexpected),
        "bomb": (_zip([good[0], good[1], (bundle.REVISIONS, b"\n" * 30_000_000)]),
                 "compression bomb"),
        "non-canonical manifest": (_zip([(bundle.MANIFEST, pretty),
                                         (bundle.SIGNATURE, _signed(w, pretty)), good[2]]),
                                   "not in canonical form"),
        "float in manifest": (_zip([(bundle.MANIFEST, floaty),
                                    (bundle.SIGNATURE, _signed(w, floaty)), good[2]]),
                              "not valid JSON"),
        "NaN in manifest": (_zip([(bundle.MANIFEST, nan), (bundle.SIGNATURE, _signed(w, nan)),
                                  good[2]]), "not valid JSON"),
        "float in a change": (_zip([
            (bundle.MANIFEST, m2_bytes), (bundle.SIGNATURE, _signed(w, m2_bytes)),
            (bundle.REVISIONS, b"".join(x + b"\n" for x in [float_line, *lines[1:]]))]),
            "not valid JSON"),
        "lone surrogate in a change": (_zip([
            (bundle.MANIFEST, m3_bytes), (bundle.SIGNATURE, _signed(w, m3_bytes)),
            (bundle.REVISIONS, b"".join(x + b"\n" for x in [lone, *lines[1:]]))]),
            "not valid JSON"),
        "not a zip": (b"PK\x03\x04 this is not really a zip", "not a valid archive"),
        "empty": (b"", "not a valid archive"),
        "stored, not deflated": (_zip(good, zipfile.ZIP_STORED), ""),
    }


def test_malformed_archives_are_refused_and_change_nothing(world: World) -> None:
    w = world
    cases = _archive_cases(w)
    stored, _ = cases.pop("stored, not deflated")
    for name, (plain, match) in cases.items():
        path = w.write(_encrypt_to(w.b, plain))
        try:
            assert_refused(w, path, match=match)
        except BaseException as exc:
            raise AssertionError(f"{name}: {exc!r}") from exc
    # The same entries, uncompressed: still a valid bundle.
    path = w.write(_encrypt_to(w.b, stored))
    assert sync_service.import_bundle(w.b, path).preview.outcome.new == 4


def test_signed_bundles_that_break_the_rules_are_refused(world: World) -> None:
    """A trusted sender's key cannot make the importer accept an out-of-shape bundle."""
    w = world
    manifest, lines = _parts(w, w.valid)
    for change, match in (
        ({"format_version": 2}, "format version 2"),
        ({"format": "other"}, "not an MSP Desktop bundle"),
        ({"bundle_seq": 0}, "bundle_seq"),
        ({"recipients": []}, "recipients"),
        ({"devices": []}, "sender is not among its devices"),
        ({"extra": 1}, "unexpected or missing fields"),
        ({"coverage": {"nothex": {"through": 1, "omitted": []}}}, "coverage"),
        ({"ack": {w.a.device.device_id: [[2, 1]]}}, "ack"),
        ({"volume": {"export_id": "x", "index": 2, "count": 1}}, "volume"),
        ({"revisions": manifest["revisions"] + manifest["revisions"][:1]}, "listed twice"),
    ):
        assert_refused(w, _rebuild(w, {**manifest, **change}, lines), match=match)
    # A change whose content does not match its id, though listed with the right line hash.
    body = json.loads(lines[-1])
    body["payload"] = {**body["payload"], "facts": "Forged."}
    forged = encode(body)
    entries = [*manifest["revisions"][:-1],
               [body["revision_id"], hashlib.sha256(forged).hexdigest()]]
    path = _rebuild(w, {**manifest, "revisions": entries}, [*lines[:-1], forged])
    assert_refused(w, path, match="does not match its content", exc=RecordError)
    with pytest.raises(BundleRejected, match="does not match its content"):
        sync_service.inspect(path, w.b.device.age_identity + "\n")  # checks every change


# ----- order, replay, rollback -----------------------------------------------------------------


def test_a_child_bundle_before_its_parent_waits_then_applies(world: World) -> None:
    w = world
    rng = random.Random(7)
    big = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz ", k=18_000))  # barely compresses
    for v in range(3):
        records.amend(w.a, w.note_id, note_payload(
            w.case_id, facts=f"{v} {big}", analysis=big[::-1] + str(v),
            risks_identified=big[v:] + big[:v], reported_information=big[2 * v:]),
            reason=f"Correction {v}", amendment_type="CORRECTION")
    volumes = w.export(w.a, w.c, max_mb=0.05)
    assert len(volumes) >= 2
    # c gets the last volume first: its changes wait, and c says for whom.
    last = sync_service.import_bundle(w.c, volumes[-1]).preview
    assert last.outcome.report.parked > 0 and last.outcome.new == 0
    assert w.c.store.parked_count() == last.outcome.report.parked
    waiting = sync_service.status(w.c).waiting
    assert waiting and all(w.a.device.display_name in line for line in waiting)
    assert any(w.a.device.display_name in line for line in last.lines())
    for path in volumes[:-1]:
        sync_service.import_bundle(w.c, path)
    assert w.c.store.parked_count() == 0 and sync_service.status(w.c).waiting == []
    assert w.c.store.state_digest() == w.a.store.state_digest()
    assert records.get(w.c, w.note_id).payload == records.get(w.a, w.note_id).payload


def test_an_old_bundle_after_a_newer_one_changes_nothing(world: World) -> None:
    w = world
    records.amend(w.a, w.note_id, note_payload(w.case_id, facts="Newer."),
                  reason="Correction", amendment_type="CORRECTION")
    newer = w.export(w.a, w.b)[0]  # b acknowledged nothing yet: it carries everything
    sync_service.import_bundle(w.b, newer)
    digest = w.b.store.state_digest()
    view = records.get(w.b, w.note_id)
    old = sync_service.import_bundle(w.b, w.valid).preview.outcome
    assert old.new == 0 and old.report.held == 4 and old.report.parked == 0
    assert w.b.store.state_digest() == digest
    assert records.get(w.b, w.note_id) == view
    assert w.b.store.parked_count() == 0


def test_a_refused_bundle_with_a_high_seq_does_not_block_the_next_valid_one(
    world: World,
) -> None:
    w = world
    manifest, lines = _parts(w, w.valid)
    forger = nacl.signing.SigningKey.generate()
    high = {**manifest, "bundle_seq": 99}
    assert_refused(w, _rebuild(w, high, lines, lambda m: bytes(forger.sign(m).signature)))
    # Signed by a's key, but a change inside is forged: the store refuses the whole bundle.
    body = json.loads(lines[-1])
    body["signature"] = "00" * 64
    forged = encode(body)
    entries = [*manifest["revisions"][:-1],
               [body["revision_id"], hashlib.sha256(forged).hexdigest()]]
    assert_refused(w, _rebuild(w, {**high, "revisions": entries}, [*lines[:-1], forged]),
                   match="not signed by that device", exc=RecordError)
    outcome = sync_service.import_bundle(w.b, w.valid).preview.outcome
    assert outcome.new == 4 and not outcome.already_imported
    records.amend(w.a, w.note_id, note_payload(w.case_id, facts="Next."),
                  reason="Correction", amendment_type="CORRECTION")
    nxt = w.export(w.a, w.b)[0]
    assert sync_service.import_bundle(w.b, nxt).preview.outcome.new >= 1
    assert w.b.store.state_digest() == w.a.store.state_digest()
