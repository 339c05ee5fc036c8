"""BUN-5: the bundle parser refuses anything malformed with a BundleRejected and nothing else,
within a time bound. Random bytes at the file layer; random bytes, mutated archives and
mutated (re-signed) manifests and changes inside a real age layer, so the fuzz reaches the
zip and JSON layers behind the encryption."""

from __future__ import annotations

import hashlib
import io
import json
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pyrage import x25519

from msp_desktop.domain.canonical import encode
from msp_desktop.services import records
from msp_desktop.sync import bundle
from msp_desktop.sync.bundle import BundleRejected
from tests.unit._sync_helpers import (
    close_all,
    export_to,
    finalised_note,
    make_replicas,
    open_case,
)
from tests.unit.conftest import note_payload

AGE_HEADER = b"age-encryption.org/v1\n"
# Small limits, so a fuzzed size field meets them quickly; the valid bundle fits well inside.
LIMITS = bundle.Limits(file_bytes=1 << 20, manifest_bytes=1 << 18, revisions_bytes=1 << 19,
                       revisions=64, line_bytes=1 << 16, recipients=8, devices=16)
FUZZ = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@dataclass(frozen=True)
class Sample:
    identity: str  # the recipient's age identity
    recipient: str
    sign: Callable[[bytes], bytes]  # the sender's key: mutants re-signed reach every check
    manifest: dict[str, Any]
    lines: list[bytes]
    entries: dict[str, bytes]
    data: bytes

    def seal(self, plain: bytes) -> bytes:
        return bytes(pyrage.encrypt(plain, [x25519.Recipient.from_str(self.recipient)]))

    def open(self, data: bytes, **kw: Any) -> bundle.OpenedBundle:
        return bundle.open_bundle(data, [self.identity], LIMITS, **kw)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sample]:
    root = Path(tmp_path_factory.mktemp("fuzz"))
    a, b = make_replicas(root, 2)
    try:
        case_id, _ = open_case(a)
        note_id = finalised_note(a, case_id)
        records.amend(a, note_id, note_payload(case_id, facts="Amended: ŵŷ ✓"),
                      reason="Correction", amendment_type="CORRECTION")
        [path] = export_to(a, root / "out", [b])
        data = path.read_bytes()
        plain = pyrage.decrypt(data, [x25519.Identity.from_str(b.device.age_identity)])
        entries = bundle.unpack(bytes(plain))
        yield Sample(b.device.age_identity, b.device.age_recipient, a.device.sign,
                     json.loads(entries[bundle.MANIFEST]),
                     entries[bundle.REVISIONS].split(b"\n")[:-1], entries, data)
    finally:
        close_all((a, b))


def only_rejected(fn: Callable[[], Any]) -> Any:
    """Run fn: it may succeed or raise BundleRejected; any other exception is a bug."""
    try:
        return fn()
    except BundleRejected as exc:
        assert exc.user_message.strip()
        event(exc.user_message)  # see --hypothesis-show-statistics: which checks were reached
        return None


def _zip(items: list[tuple[str, bytes, int]]) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w") as zf:
        warnings.simplefilter("ignore")
        for name, data, method in items:
            zf.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data,
                        compress_type=method)
    return buf.getvalue()


def test_the_sample_opens(sample: Sample) -> None:
    opened = sample.open(sample.data)
    assert len(opened.revisions) == len(sample.lines) == 5


# ----- the file layer ----------------------------------------------------------------------


@FUZZ
@pytest.mark.timeout(120)
@given(data=st.binary(max_size=4096))
def test_random_files_are_rejected(sample: Sample, data: bytes) -> None:
    for blob in (data, AGE_HEADER + data, sample.data[:200] + data):
        with pytest.raises(BundleRejected):
            sample.open(blob)


@FUZZ
@pytest.mark.timeout(120)
@given(edits=st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 255)), min_size=1,
                      max_size=6),
       cut=st.one_of(st.none(), st.integers(0, 10**9)))
def test_mutated_files_are_rejected(sample: Sample, edits: list[tuple[int, int]],
                                    cut: int | None) -> None:
    data = bytearray(sample.data)
    for pos, value in edits:
        data[pos % len(data)] = value
    if cut is not None:
        data = data[: cut % len(data)]
    if bytes(data) == sample.data:
        return
    with pytest.raises(BundleRejected):
        sample.open(bytes(data))


# ----- the archive behind the age layer ----------------------------------------------------


@FUZZ
@pytest.mark.timeout(120)
@given(plain=st.binary(max_size=4096))
def test_random_plaintext_is_rejected(sample: Sample, plain: bytes) -> None:
    for inner in (plain, b"PK\x03\x04" + plain, b"PK\x05\x06" + plain.ljust(18, b"\x00")):
        with pytest.raises(BundleRejected):
            sample.open(sample.seal(inner))


NAMES = st.sampled_from([bundle.MANIFEST, bundle.SIGNATURE, bundle.REVISIONS, "../x",
                         "/etc/passwd", "a/manifest.json", "manifest.json/", "MANIFEST.JSON",
                         "manifest.json\x00", ""])
METHODS = st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2,
                           zipfile.ZIP_LZMA])


@st.composite
def archives(draw: st.DrawFn, sample: Sample) -> bytes:
    """A zip made like a bundle's, with entries renamed, repeated, dropped or altered, other
    compression methods, and then its bytes flipped or cut."""
    entries = list(sample.entries.items())
    items: list[tuple[str, bytes, int]] = []
    for name, data in entries:
        if draw(st.integers(0, 9)) == 0:
            continue
        if draw(st.integers(0, 4)) == 0:
            name = draw(NAMES)
        if draw(st.integers(0, 3)) == 0:
            data = draw(st.one_of(
                st.binary(max_size=300),
                st.just(data[: draw(st.integers(0, len(data)))]),
                st.just(data + draw(st.binary(min_size=1, max_size=20))),
                st.just(b"\x00" * draw(st.integers(0, 300_000))),
            ))
        items.append((name, data, draw(METHODS)))
        if draw(st.integers(0, 9)) == 0:
            items.append((draw(NAMES), draw(st.binary(max_size=100)), draw(METHODS)))
    if draw(st.booleans()):
        items = draw(st.permutations(items))
    raw = bytearray(_zip(items))
    for pos, value in draw(st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 255)),
                                    max_size=4)):
        if raw:
            raw[pos % len(raw)] = value
    if raw and draw(st.integers(0, 4)) == 0:
        raw = raw[: draw(st.integers(0, len(raw)))]
    return bytes(raw)


@FUZZ
@pytest.mark.timeout(180)
@given(data=st.data())
def test_mutated_archives_are_rejected_or_equal(sample: Sample, data: st.DataObject) -> None:
    plain = data.draw(archives(sample))
    opened = only_rejected(lambda: sample.open(sample.seal(plain)))
    if opened is not None:  # only an archive holding the very same entries can be valid
        assert bundle.unpack(plain, LIMITS) == sample.entries


def test_other_compression_methods_with_bad_data_are_rejected(sample: Sample) -> None:
    for method in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        raw = bytearray(_zip([(n, d, method) for n, d in sample.entries.items()]))
        # Damage the compressed stream of every entry, past its local header.
        for start in range(60, len(raw) - 200, 97):
            raw[start] ^= 0x55
        with pytest.raises(BundleRejected):
            sample.open(sample.seal(bytes(raw)))


# ----- the manifest and the changes, re-signed by the sender's key ----------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**63, 2**63) | st.text(max_size=40)
    | st.sampled_from(["", "0" * 64, "0" * 32, "1767000000000.00000", "a" * 128]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                 max_size=4),
    max_leaves=12,
)


@st.composite
def mutated_json(draw: st.DrawFn, value: Any, depth: int = 0) -> Any:
    """value with one place changed: a value replaced, a key removed or added, a list item
    dropped or repeated."""
    if depth > 5 or not isinstance(value, (dict, list)) or not value or draw(
            st.integers(0, 3)) == 0:
        return draw(json_values)
    if isinstance(value, dict):
        key = draw(st.sampled_from(sorted(value)))
        action = draw(st.integers(0, 5))
        out = dict(value)
        if action == 0:
            del out[key]
        elif action == 1:
            out[draw(st.text(max_size=10))] = draw(json_values)
        else:
            out[key] = draw(mutated_json(value[key], depth + 1))
        return out
    i = draw(st.integers(0, len(value) - 1))
    action = draw(st.integers(0, 4))
    items = list(value)
    if action == 0:
        del items[i]
    elif action == 1:
        items.append(items[i])
    else:
        items[i] = draw(mutated_json(items[i], depth + 1))
    return items


def _sealed(sample: Sample, manifest: Any, lines: list[bytes], *, canonical: bool = True
            ) -> bytes:
    body = encode(manifest) if canonical else json.dumps(manifest).encode()
    sig = (sample.sign(bundle.SIG_DOMAIN + body).hex() + "\n").encode()
    return sample.seal(_zip([(bundle.MANIFEST, body, zipfile.ZIP_DEFLATED),
                             (bundle.SIGNATURE, sig, zipfile.ZIP_DEFLATED),
                             (bundle.REVISIONS, b"".join(x + b"\n" for x in lines),
                              zipfile.ZIP_DEFLATED)]))


@FUZZ
@pytest.mark.timeout(180)
@given(data=st.data(), verify_changes=st.booleans())
def test_mutated_manifests_are_rejected_or_well_formed(
    sample: Sample, data: st.DataObject, verify_changes: bool
) -> None:
    manifest = data.draw(mutated_json(sample.manifest))
    sealed = _sealed(sample, manifest, sample.lines)
    opened = only_rejected(lambda: sample.open(sealed, verify_changes=verify_changes))
    if opened is not None:  # what passed is usable: every accessor works
        m = opened.manifest
        assert (m.sender, m.bundle_seq, m.devices, m.ack, m.excused(), m.cases, m.volume,
                m.recipients, m.revision_entries) is not None


@FUZZ
@pytest.mark.timeout(180)
@given(data=st.data(), verify_changes=st.booleans())
def test_mutated_changes_are_rejected_or_well_formed(
    sample: Sample, data: st.DataObject, verify_changes: bool
) -> None:
    i = data.draw(st.integers(0, len(sample.lines) - 1))
    obj = data.draw(mutated_json(json.loads(sample.lines[i])))
    line = encode(obj) if data.draw(st.integers(0, 5)) else json.dumps(obj).encode()
    lines = [line if j == i else x for j, x in enumerate(sample.lines)]
    manifest = json.loads(encode(sample.manifest))
    entry = manifest["revisions"][i]
    entry[1] = hashlib.sha256(line).hexdigest()
    if isinstance(obj, dict) and isinstance(obj.get("revision_id"), str) and data.draw(
            st.booleans()):
        entry[0] = obj["revision_id"]  # listed under the id it claims
    sealed = _sealed(sample, manifest, lines)
    opened = only_rejected(lambda: sample.open(sealed, verify_changes=verify_changes))
    if opened is not None and verify_changes:
        # Passing every check means it is exactly a change its device signed.
        assert opened.revisions[i].to_json() == json.loads(sample.lines[i]) or (
            bundle.revision_line(opened.revisions[i]) == line)


ODD_JSON = [
    b"[" * 5000 + b"]" * 5000,  # deeper than the parser's recursion limit
    b'{"a":' + b"9" * 5000 + b"}",  # beyond Python's int-from-text limit
    b"\xff\xfe{}", "\ufeff{}".encode(), b'{"a":1,"a":1}', b"", b"null", b"{} {}",
    b'{"a":"\\ud800"}', b'{"a":Infinity}', b'{"a":-0}', b'{"a":1e3}', b'{"a":"\x00"}',
]


@pytest.mark.parametrize("body", ODD_JSON, ids=range(len(ODD_JSON)))
def test_odd_json_in_the_manifest_or_a_change_is_rejected(sample: Sample, body: bytes) -> None:
    sig = (sample.sign(bundle.SIG_DOMAIN + body).hex() + "\n").encode()
    lines = b"".join(x + b"\n" for x in sample.lines)
    with pytest.raises(BundleRejected, match="manifest"):
        sample.open(sample.seal(_zip([(bundle.MANIFEST, body, zipfile.ZIP_DEFLATED),
                                      (bundle.SIGNATURE, sig, zipfile.ZIP_DEFLATED),
                                      (bundle.REVISIONS, lines, zipfile.ZIP_DEFLATED)])))
    manifest = json.loads(encode(sample.manifest))
    manifest["revisions"][0][1] = hashlib.sha256(body).hexdigest()
    with pytest.raises(BundleRejected, match="change"):
        sample.open(_sealed(sample, manifest, [body, *sample.lines[1:]]))


@pytest.mark.parametrize("verify_changes", [True, False])
def test_a_lone_surrogate_in_a_change_is_rejected(sample: Sample, verify_changes: bool) -> None:
    """JSON can spell a lone surrogate ("\\ud800"), which is not text: no revision id can be
    computed for it."""
    line = sample.lines[0].replace(b'"Eirlys"', b'"Eirlys\\ud800"')
    assert line != sample.lines[0]
    manifest = json.loads(encode(sample.manifest))
    manifest["revisions"][0][1] = hashlib.sha256(line).hexdigest()
    sealed = _sealed(sample, manifest, [line, *sample.lines[1:]])
    with pytest.raises(BundleRejected):
        sample.open(sealed, verify_changes=verify_changes)
