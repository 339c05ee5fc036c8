"""Search: capped, de-duplicated words (20,000 pasted words ran for over ten minutes), NFC on
both sides (a decomposed "Valérie" found nothing) and cancellation (issue 8)."""

from __future__ import annotations

import threading
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msp_desktop.services import cases, records, search
from msp_desktop.services.session import Session
from msp_desktop.storage import projections, queries
from msp_desktop.storage.keyslots import KdfParams
from tests.unit.conftest import FakeClock, note_payload

PASS = "search-test-passphrase"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session.create(tmp_path / "vault", PASS, kdf=KdfParams.fast(), author="t.worker",
                       device_name="Test laptop", clock=FakeClock())
    yield s
    if s.is_open:
        s.close()


def _case(s: Session, family: str, given: str) -> str:
    return cases.open_case(
        s, {"family_name": family, "given_names": given, "jurisdiction": "ENG"},
        {"status": "enquiry_in_progress", "opened_at": "2026-01-10"},
    ).state.record_id


def _ids(s: Session, text: str) -> set[str]:
    return {h.record_id for h in search.search(s, text, audit=False)}


# ----- words: capped and de-duplicated -----------------------------------------------------


def test_twenty_thousand_repeated_words_are_one_word_and_run_at_once(session: Session) -> None:
    case_id = _case(session, "Pritchard", "Eirlys")
    note = records.create(session, "contact_note", note_payload(
        case_id, facts="Visited at Cwmystwyth.")).state.record_id
    text = " ".join(["cwmystwyth"] * 20_000)
    assert queries.search_terms(text).words == ("cwmystwyth",)
    started = time.monotonic()
    assert note in _ids(session, text)
    assert time.monotonic() - started < 5  # measured before the fix: more than ten minutes


def test_many_different_words_are_capped_and_the_caller_is_told(session: Session) -> None:
    words = [f"w{i}" for i in range(15_000)]  # under MAX_QUERY_CHARS in all
    used = search.terms(" ".join(words))
    assert len(used.words) == search.MAX_TERMS == 32
    assert used.words == tuple(words[:32])
    assert used.dropped_words == 15_000 - 32 and used.shortened and not used.truncated
    huge = search.terms("abc " * 30_000)  # past MAX_QUERY_CHARS: the rest is not read
    assert huge.words == ("abc",) and huge.truncated and huge.shortened
    assert not search.terms(" ".join(["cwmystwyth"] * 9_000)).shortened  # repeats cost nothing
    short = search.terms(" ".join(words[:40]))
    assert short.dropped_words == 8 and not short.truncated and short.shortened
    assert not search.terms("Valérie Jones").shortened
    started = time.monotonic()
    search.search(session, " ".join(words), audit=False)
    assert time.monotonic() - started < 5


def test_words_are_deduplicated_ignoring_case() -> None:
    assert queries.search_terms("Jones jones JONES smith Jones").words == ("Jones", "smith")
    assert queries.fts_query('Jo "x" OR NEAR') == '"Jo" "x" "OR" "NEAR"*'


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_gives_a_bounded_query(text: str) -> None:
    used = queries.search_terms(text)
    assert len(used.words) <= queries.MAX_TERMS
    assert len({w.casefold() for w in used.words}) == len(used.words)
    assert all(unicodedata.is_normalized("NFC", w) for w in used.words)
    assert '"' not in "".join(used.words)


# ----- NFC on the query and on the indexed text ----------------------------------------------


@pytest.mark.parametrize("name", ["Valérie", "Андрій", "Zoë", "Siân", "한국"])
def test_composed_and_decomposed_names_find_each_other(session: Session, name: str) -> None:
    composed = unicodedata.normalize("NFC", name)
    decomposed = unicodedata.normalize("NFD", name)
    stored_composed = _case(session, "Alpha", composed)
    stored_decomposed = _case(session, "Beta", decomposed)
    people = {records.get(session, c).payload["person_id"]
              for c in (stored_composed, stored_decomposed)}
    assert people <= _ids(session, composed)
    assert people <= _ids(session, decomposed)


def test_an_index_written_before_nfc_is_rebuilt_once_at_unlock(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    s = Session.create(folder, PASS, kdf=KdfParams.fast(), clock=FakeClock())
    case_id = _case(s, "Kovalenko", "Андрій")
    person = records.get(s, case_id).payload["person_id"]
    # As an older version left it: the name indexed as typed (decomposed), no meta row.
    rowid = s.conn.execute("SELECT rowid FROM records WHERE record_id = ?", (person,)).fetchone()
    with s.write():
        projections.unindex(s.conn, rowid[0])
        projections.index(s.conn, rowid[0], unicodedata.normalize("NFD", "Андрій Kovalenko"))
        s.conn.execute("DELETE FROM meta WHERE key = ?", (projections.SEARCH_INDEX_KEY,))
    assert person not in _ids(s, "Андрій")  # what a worker saw before the fix
    s.close()

    s = Session.open(folder, PASS, clock=FakeClock())
    try:
        assert person in _ids(s, "Андрій")
        assert s.conn.execute("SELECT value FROM meta WHERE key = ?",
                              (projections.SEARCH_INDEX_KEY,)).fetchone()[0] == "fold-1"
        assert s.store.projections_match_revisions()
        assert s.store.ensure_search_index() is False  # once only
    finally:
        s.close()


# ----- cancellation ----------------------------------------------------------------------------


def _big_index(s: Session, rows: int = 3000) -> None:
    with s.write():
        s.conn.executemany("INSERT INTO search_fts (rowid, body) VALUES (?, ?)",
                           [(10_000 + i, f"common word {i}") for i in range(rows)])


def test_a_cancelled_search_stops_mid_query_and_the_connection_stays_usable(
    session: Session,
) -> None:
    _big_index(session)
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 1  # not cancelled when it starts; cancelled while SQLite works

    with pytest.raises(queries.SearchCancelled):
        queries.search(session.conn, "common", cancelled=cancelled)
    assert asked >= 2
    case_id = _case(session, "Pritchard", "Eirlys")  # writing still works
    assert case_id
    assert len(queries.search(session.conn, "common", limit=5)) == 0  # rows have no records


def test_a_search_whose_cancel_is_set_raises_and_the_next_one_runs(session: Session) -> None:
    _big_index(session)
    cancel = threading.Event()
    cancel.set()
    reader = session.reader()
    with pytest.raises(search.SearchCancelled):
        search.search(reader, "common", audit=False, cancel=cancel)
    assert search.search(reader, "common", audit=False, cancel=threading.Event()) == []
