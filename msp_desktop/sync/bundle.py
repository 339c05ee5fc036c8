"""The bundle file (docs/bundle-format.md): an age-encrypted zip holding a signed manifest and
the revisions it lists.

    age( zip{ manifest.json, manifest.sig, revisions.jsonl } )

Everything is checked in memory before a caller may write anything: size limits first, then
decryption (age authenticates every byte), safe unpacking (exact entry names, no duplicates,
bounded sizes and compression ratio), canonical JSON, the manifest signature, and every
revision line against the hash the manifest lists for it. Any failure is a BundleRejected
with one sentence a worker can act on.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyrage
from pyrage import x25519

from msp_desktop.domain.canonical import encode
from msp_desktop.domain.revisions import Revision, revision_from_json, revision_id_for
from msp_desktop.storage import head as head_mod
from msp_desktop.storage.errors import VaultError
from msp_desktop.storage.head import SignedHead
from msp_desktop.storage.identity import verify
from msp_desktop.sync.device_cards import DeviceCard, parse_device_card

FORMAT = "msp-bundle"
FORMAT_VERSION = 1
SUFFIX = ".mspbundle"
SIG_DOMAIN = b"msp-bundle-manifest-v1\x00"
MANIFEST, SIGNATURE, REVISIONS = "manifest.json", "manifest.sig", "revisions.jsonl"
HEAD = "head"  # optional manifest field: the sender's signed head
ENTRIES = (MANIFEST, SIGNATURE, REVISIONS)


@dataclass(frozen=True)
class Limits:
    """Hard limits, checked before the thing they limit is read into memory."""

    file_bytes: int = 1024 * 1024 * 1024
    manifest_bytes: int = 128 * 1024 * 1024
    revisions_bytes: int = 4 * 1024 * 1024 * 1024
    revisions: int = 4_000_000
    line_bytes: int = 16 * 1024 * 1024
    ratio: int = 200  # uncompressed / compressed, per entry
    recipients: int = 64
    devices: int = 10_000


LIMITS = Limits()
_ID = re.compile(r"^[0-9a-f]{64}$")
_DEVICE = re.compile(r"^[0-9a-f]{32}$")
_HLC = re.compile(r"^[0-9]{13}\.[0-9]{5}$")
_SIG = re.compile(r"^[0-9a-f]{128}$")
_REVISION_KEYS = frozenset({
    "revision_id", "record_id", "kind", "op", "parents", "author", "device_id", "device_seq",
    "hlc", "payload", "reason", "amendment_type", "schema_version", "signature",
})


class BundleRejected(VaultError):
    """A bundle that cannot be used. The message says why, in one sentence."""

    exit_code = 4

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.user_message = message


# ----- the manifest ----------------------------------------------------------------------


@dataclass(frozen=True)
class Manifest:
    data: dict[str, Any]

    @property
    def sender(self) -> DeviceCard:
        return parse_device_card(self.data["sender"])

    @property
    def bundle_seq(self) -> int:
        return int(self.data["bundle_seq"])

    @property
    def created_at(self) -> str:
        return str(self.data["created_at"])

    @property
    def created_hlc(self) -> str:
        return str(self.data["created_hlc"])

    @property
    def recipients(self) -> list[dict[str, str]]:
        return list(self.data["recipients"])

    @property
    def devices(self) -> list[DeviceCard]:
        return [parse_device_card(d) for d in self.data["devices"]]

    @property
    def coverage(self) -> dict[str, dict[str, Any]]:
        return dict(self.data["coverage"])

    @property
    def ack(self) -> dict[str, list[tuple[int, int]]]:
        return {d: [(int(a), int(b)) for a, b in r] for d, r in self.data["ack"].items()}

    @property
    def revision_entries(self) -> list[tuple[str, str]]:
        return [(str(a), str(b)) for a, b in self.data["revisions"]]

    @property
    def cases(self) -> list[str] | None:
        cases = self.data["scope"]["cases"]
        return None if cases is None else list(cases)

    @property
    def volume(self) -> dict[str, Any]:
        return dict(self.data["volume"])

    @property
    def head(self) -> SignedHead | None:
        """The sender's signed head (storage/head.py); bundles from older versions have none."""
        return head_mod.parse(self.data[HEAD]) if HEAD in self.data else None

    def excused(self) -> dict[str, list[tuple[int, int]]]:
        return {d: [(int(a), int(b)) for a, b in c["omitted"]] for d, c in self.coverage.items()}


@dataclass(frozen=True)
class OpenedBundle:
    manifest: Manifest
    revisions: list[Revision]
    size: int


def file_name(sender_short_id: str, bundle_seq: int) -> str:
    """No personal data: the sender's short device id and the bundle number."""
    return f"{sender_short_id}-{bundle_seq}{SUFFIX}"


# ----- writing ---------------------------------------------------------------------------


def revision_line(rev: Revision) -> bytes:
    return encode(rev.to_json())


def build(
    manifest: Mapping[str, Any], lines: Sequence[bytes], sign: Callable[[bytes], bytes],
    recipients: Iterable[str], *, compresslevel: int = 6,
) -> bytes:
    """The encrypted bundle bytes. ``manifest`` must already list ``lines`` (see manifest_for)."""
    body = encode(dict(manifest))
    signature = sign(SIG_DOMAIN + body)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as zf:
        zf.writestr(MANIFEST, body)
        zf.writestr(SIGNATURE, signature.hex() + "\n")
        zf.writestr(REVISIONS, b"".join(line + b"\n" for line in lines))
    keys = [x25519.Recipient.from_str(r) for r in recipients]
    if not keys:
        raise ValueError("a bundle needs at least one recipient")
    return bytes(pyrage.encrypt(buf.getvalue(), keys))


def entries_for(lines: Sequence[bytes], revs: Sequence[Revision]) -> list[list[str]]:
    return [[rev.revision_id, hashlib.sha256(line).hexdigest()] for rev, line in zip(
        revs, lines, strict=True)]


# ----- reading ---------------------------------------------------------------------------


def decrypt(data: bytes, identities: Sequence[str], limits: Limits = LIMITS) -> bytes:
    if len(data) > limits.file_bytes:
        raise BundleRejected("The file is larger than any bundle this app accepts.")
    if not data.startswith(b"age-encryption.org/v1\n"):
        raise BundleRejected("This file is not an MSP Desktop bundle (it is not age-encrypted).")
    try:
        keys = [x25519.Identity.from_str(i) for i in identities]
        return bytes(pyrage.decrypt(data, keys))
    except pyrage.DecryptError as exc:
        if "No matching keys" in str(exc):
            raise BundleRejected(
                "This bundle is not addressed to this vault (or its header is damaged): it was"
                " encrypted for someone else.") from exc
        raise BundleRejected(
            "The bundle is damaged or was altered: it failed its encryption check.") from exc


def unpack(plain: bytes, limits: Limits = LIMITS) -> dict[str, bytes]:
    """The three entries, read under size and ratio limits; anything else is refused."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(plain))
        infos = zf.infolist()
        names = [i.filename for i in infos]
        if sorted(names) != sorted(ENTRIES):
            raise BundleRejected(
                "The bundle holds unexpected or duplicate entries; it was not made by MSP"
                " Desktop or was altered.")
        caps = {MANIFEST: limits.manifest_bytes, SIGNATURE: 1024,
                REVISIONS: limits.revisions_bytes}
        out: dict[str, bytes] = {}
        for info in infos:
            cap = caps[info.filename]
            if info.flag_bits & 0x1:
                raise BundleRejected("The bundle holds an encrypted zip entry.")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                # MSP Desktop only deflates; the bzip2 and lzma decoders raise their own errors.
                raise BundleRejected(
                    "The bundle's contents are compressed in a way this app does not use; it was"
                    " not made by MSP Desktop or was altered.")
            if info.file_size > cap or info.file_size > limits.ratio * max(
                    info.compress_size, 1) + 4096:
                raise BundleRejected(
                    "The bundle's contents are larger than this app accepts (or a compression"
                    " bomb).")
            with zf.open(info) as fh:
                data = fh.read(cap + 1)
            if len(data) != info.file_size:
                raise BundleRejected("The bundle's contents do not match their stated size.")
            out[info.filename] = data
        return out
    except BundleRejected:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
            OverflowError, KeyError) as exc:
        raise BundleRejected("The bundle's contents are damaged (not a valid archive).") from exc


def _no_floats(text: str) -> Any:
    raise ValueError("floats are not allowed")


def _json(data: bytes, what: str) -> Any:
    try:
        value = json.loads(data.decode("utf-8"), parse_float=_no_floats,
                           parse_constant=_no_floats)
        if b"\\u" in data:
            # Only an escape can spell a lone surrogate ("\\ud800"), which is not text and has
            # no UTF-8 form to hash: refused here (UnicodeEncodeError is a ValueError).
            encode(value, check=False)
        return value
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, TypeError,
            ValueError) as exc:
        raise BundleRejected(f"The bundle's {what} is damaged (not valid JSON).") from exc


def _canonical_json(data: bytes, what: str) -> Any:
    value = _json(data, what)
    if encode(value, check=False) != data:
        raise BundleRejected(f"The bundle's {what} is not in canonical form; it was altered.")
    return value


def open_bundle(
    data: bytes, identities: Sequence[str], limits: Limits = LIMITS, *,
    verify_changes: bool = True,
) -> OpenedBundle:
    """Decrypt, unpack and check a bundle against itself: the manifest is signed by the key on
    the sender card it carries, and every revision is the one the manifest lists. With
    ``verify_changes`` each revision is also checked against its content and signed by its
    device's key as carried in the manifest (for inspection without a vault). An importer
    leaves that to the store, which checks against the keys it has registered instead.
    Whether to trust the cards at all is for the importer, against its own registry."""
    entries = unpack(decrypt(data, identities, limits), limits)
    manifest = Manifest(_check_manifest(_canonical_json(entries[MANIFEST], "manifest"), limits))
    sender = manifest.sender
    sig_text = entries[SIGNATURE].decode("ascii", "replace").strip()
    if not _SIG.match(sig_text) or not verify(
            sender.verify_key, SIG_DOMAIN + entries[MANIFEST], bytes.fromhex(sig_text)):
        raise BundleRejected(
            f"The bundle's signature does not match the key of its sender"
            f" ({sender.display_name}); it was altered or forged.")
    head = manifest.head
    if head is not None and not head.verifies(sender.verify_key):
        raise BundleRejected(
            f"The record of what {sender.display_name}'s vault holds (its signed head) is not"
            " signed by that device; the bundle was altered or forged.")
    revisions = _revisions(entries[REVISIONS], manifest, limits, verify_changes)
    return OpenedBundle(manifest, revisions, len(data))


def _revisions(blob: bytes, manifest: Manifest, limits: Limits, verify_changes: bool
               ) -> list[Revision]:
    expected = manifest.revision_entries
    if blob and not blob.endswith(b"\n"):
        raise BundleRejected("The bundle's revisions are cut short.")
    lines = blob.split(b"\n")[:-1] if blob else []
    if len(lines) != len(expected):
        raise BundleRejected(
            "The bundle holds a different number of changes than its manifest lists.")
    keys = {d.device_id: d.verify_key for d in manifest.devices}
    out: list[Revision] = []
    for line, (rid, digest) in zip(lines, expected, strict=True):
        if len(line) > limits.line_bytes:
            raise BundleRejected("A change in the bundle is larger than this app accepts.")
        if hashlib.sha256(line).hexdigest() != digest:
            raise BundleRejected(
                "A change in the bundle is not the one its manifest lists; it was altered or"
                " swapped.")
        # Strict JSON without floats; the line's hash is signed in the manifest and the store
        # recomputes the revision id from the parsed content, so the line is not re-encoded.
        rev = parse_revision(_json(line, "change"))
        if rev.revision_id != rid or rev.device_id not in keys:
            raise BundleRejected("A change in the bundle is not the one its manifest lists.")
        if verify_changes:
            if revision_id_for(rev.body()) != rid:
                raise BundleRejected("A change in the bundle does not match its content.")
            if not verify(keys[rev.device_id], rid.encode("ascii"), rev.signature):
                raise BundleRejected(
                    "A change in the bundle is not signed by the device it names.")
        out.append(rev)
    return out


def parse_revision(obj: Any) -> Revision:
    """A revision from its JSON form, refusing anything out of shape."""
    if not isinstance(obj, dict) or set(obj) != _REVISION_KEYS:
        raise BundleRejected("A change in the bundle is out of shape.")
    text = ("record_id", "kind", "op", "author", "device_id", "hlc", "revision_id", "signature")
    if not all(isinstance(obj[k], str) for k in text):
        raise BundleRejected("A change in the bundle is out of shape.")
    if not (_ID.match(obj["revision_id"]) and _DEVICE.match(obj["device_id"])
            and _HLC.match(obj["hlc"]) and _SIG.match(obj["signature"])
            and 0 < len(obj["record_id"]) <= 64 and 0 < len(obj["kind"]) <= 64
            and 0 < len(obj["op"]) <= 32 and len(obj["author"]) <= 200):
        raise BundleRejected("A change in the bundle is out of shape.")
    seq, schema = obj["device_seq"], obj["schema_version"]
    if not (type(seq) is int and 0 < seq < 2**53 and type(schema) is int and 0 < schema < 1000):
        raise BundleRejected("A change in the bundle is out of shape.")
    parents = obj["parents"]
    if not (isinstance(parents, list) and len(parents) <= 256
            and all(isinstance(p, str) and _ID.match(p) for p in parents)
            and parents == sorted(set(parents))):
        raise BundleRejected("A change in the bundle is out of shape.")
    if not isinstance(obj["payload"], dict):
        raise BundleRejected("A change in the bundle is out of shape.")
    for k in ("reason", "amendment_type"):
        if obj[k] is not None and not (isinstance(obj[k], str) and len(obj[k]) <= 100_000):
            raise BundleRejected("A change in the bundle is out of shape.")
    return revision_from_json(obj)


def _check_manifest(m: Any, limits: Limits) -> dict[str, Any]:
    def bad(why: str) -> BundleRejected:
        return BundleRejected(f"The bundle's manifest is out of shape ({why}).")

    if not isinstance(m, dict):
        raise bad("not an object")
    if m.get("format") != FORMAT:
        raise BundleRejected("This file is not an MSP Desktop bundle.")
    if m.get("format_version") != FORMAT_VERSION:
        raise BundleRejected(
            f"This bundle uses format version {m.get('format_version')!r}; this version of the"
            " app reads version 1. Update MSP Desktop to import it.")
    required = {"format", "format_version", "schema_version", "app_version", "sender",
                "bundle_seq", "created_at", "created_hlc", "recipients", "devices", "coverage",
                "ack", "revisions", "scope", "volume"}
    if set(m) - {HEAD} != required:
        raise bad("unexpected or missing fields")
    try:
        sender = parse_device_card(m["sender"])
        devices = m["devices"]
        if not isinstance(devices, list) or len(devices) > limits.devices:
            raise bad("devices")
        cards = [parse_device_card(d) for d in devices]
    except VaultError as exc:
        raise bad("a device card is invalid") from exc
    if sender.device_id not in {c.device_id for c in cards}:
        raise bad("the sender is not among its devices")
    if HEAD in m:
        try:
            head = head_mod.parse(m[HEAD])
        except head_mod.HeadInvalid as exc:
            raise bad("signed head") from exc
        if head.device_id != sender.device_id:
            raise bad("the signed head is not the sender's")
    seq = m["bundle_seq"]
    if type(seq) is not int or seq < 1:
        raise bad("bundle_seq")
    if not (isinstance(m["created_hlc"], str) and _HLC.match(m["created_hlc"])
            and isinstance(m["created_at"], str) and isinstance(m["app_version"], str)
            and type(m["schema_version"]) is int):
        raise bad("dates or versions")
    recipients = m["recipients"]
    if not (isinstance(recipients, list) and 0 < len(recipients) <= limits.recipients
            and all(isinstance(r, dict) and all(isinstance(v, str) for v in r.values())
                    and {"kind", "id", "name", "fingerprint"} == set(r) for r in recipients)):
        raise bad("recipients")
    revs = m["revisions"]
    if not (isinstance(revs, list) and len(revs) <= limits.revisions and all(
            isinstance(e, list) and len(e) == 2 and all(isinstance(x, str) for x in e)
            for e in revs)):
        raise bad("revisions")
    if len({e[0] for e in revs}) != len(revs):
        raise bad("a change is listed twice")
    for key in ("coverage", "ack"):
        if not isinstance(m[key], dict) or not all(_DEVICE.match(str(d)) for d in m[key]):
            raise bad(key)
    for cov in m["coverage"].values():
        if not (isinstance(cov, dict) and set(cov) == {"through", "omitted"}
                and type(cov["through"]) is int and _ranges_ok(cov["omitted"])):
            raise bad("coverage")
    if not all(_ranges_ok(r) for r in m["ack"].values()):
        raise bad("ack")
    scope, volume = m["scope"], m["volume"]
    if not (isinstance(scope, dict) and set(scope) == {"cases"} and (
            scope["cases"] is None or (isinstance(scope["cases"], list)
                                       and all(isinstance(c, str) for c in scope["cases"])))):
        raise bad("scope")
    if not (isinstance(volume, dict) and set(volume) == {"export_id", "index", "count"}
            and isinstance(volume["export_id"], str) and type(volume["index"]) is int
            and type(volume["count"]) is int and 1 <= volume["index"] <= volume["count"]):
        raise bad("volume")
    return m


def _ranges_ok(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(r, list) and len(r) == 2 and all(type(x) is int and x > 0 for x in r)
        and r[0] <= r[1] for r in value)
