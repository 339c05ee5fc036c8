"""Issue 9: the author's name is asked once when a vault was made without one."""

from __future__ import annotations

from pathlib import Path

import pytest

from msp_desktop.services import cases, data_export
from msp_desktop.services.session import KdfParams, Session, default_author

PASS = "pass phrase words"


def test_a_vault_made_without_a_name_is_unconfirmed_until_named(tmp_path: Path) -> None:
    session = Session.create(tmp_path / "v", PASS, kdf=KdfParams.fast(), device_name="d")
    assert session.author == default_author()
    assert not session.author_confirmed
    before = cases.open_case(session, {"family_name": "Jones", "jurisdiction": "ENG"},
                             {"status": "concern_received", "opened_at": "2026-01-05"})
    session.confirm_author("  Sam   Taylor ")
    assert session.author == "Sam Taylor" and session.author_confirmed
    after = cases.open_case(session, {"family_name": "Evans", "jurisdiction": "ENG"},
                            {"status": "concern_received", "opened_at": "2026-01-06"})
    revs = session.store.history(after.state.record_id)
    assert {r.author for r in revs} == {"Sam Taylor"}
    old = session.store.history(before.state.record_id)
    assert {r.author for r in old} == {default_author()}, "signed records keep their name"
    session.close()

    again = Session.open(tmp_path / "v", PASS)
    assert again.author == "Sam Taylor" and again.author_confirmed
    assert again.reader().author == "Sam Taylor"
    again.close()


def test_a_vault_made_with_a_name_is_confirmed(tmp_path: Path) -> None:
    session = Session.create(tmp_path / "v", PASS, kdf=KdfParams.fast(), author="Ann Lee")
    assert session.author_confirmed
    session.close()


@pytest.mark.parametrize("bad", ["", "   ", "x" * 121])
def test_confirm_author_refuses_empty_or_long_names(tmp_path: Path, bad: str) -> None:
    session = Session.create(tmp_path / "v", PASS, kdf=KdfParams.fast())
    with pytest.raises(ValueError):
        session.confirm_author(bad)
    assert not session.author_confirmed
    session.close()


def test_exports_carry_the_confirmed_name(tmp_path: Path) -> None:
    session = Session.create(tmp_path / "v", PASS, kdf=KdfParams.fast())
    session.reader()  # a reader made before the change follows it too
    session.confirm_author("Sam Taylor")
    assert session.reader().author == "Sam Taylor"
    dest = tmp_path / "out" / "all.json"
    dest.parent.mkdir()
    data_export.export_json(session, dest)
    text = dest.read_text(encoding="utf-8")
    assert '"Sam Taylor"' in text
    assert f'"{default_author()}"' not in text
    session.close()


def test_only_the_login_as_name_is_asked(tmp_path: Path) -> None:
    """Review of issue 9: a vault from before the question, carrying a real name but no mark,
    is marked confirmed without asking; one still named after the login is asked."""
    from msp_desktop.storage import marks
    from msp_desktop.storage.identity import set_author

    login = Session.create(tmp_path / "a", PASS, kdf=KdfParams.fast(), device_name="d")
    assert login.author_needs_asking()
    assert not login.author_confirmed  # asking marks nothing
    with login.write():  # an older release: the name written, no mark
        set_author(login.conn, login.device.device_id, "Jane Smith")
    assert not marks.author_confirmed(login.conn)
    login.close()
    older = Session.open(tmp_path / "a", PASS)
    assert not older.author_needs_asking()
    assert older.author_confirmed
    older.close()
