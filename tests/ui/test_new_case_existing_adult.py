"""The new-case dialog offers an adult already in the vault (a repeat concern is a new case for
the same person) and refuses an office id another adult already has."""

from __future__ import annotations

from typing import Any

from a11y import assert_accessible, assert_tab_reaches_all, assert_unique_mnemonics
from PySide6.QtCore import Qt
from qthelpers import choose

from msp_desktop.services import cases, people
from msp_desktop.services.session import Session
from msp_desktop.ui.new_case_dialog import NEW_ADULT, NewCaseDialog

ADULT = {"family_name": "Pritchard", "given_names": "Eirlys", "jurisdiction": "ENG",
         "date_of_birth": "1941-02-03", "office_person_id": "MOS-77"}


def _dialog(qtbot: Any, session: Session) -> NewCaseDialog:
    dialog = NewCaseDialog(session)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def _type(qtbot: Any, widget: Any, text: str) -> None:
    """Type into a field and Tab out of it, as a worker would."""
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def _people(session: Session) -> int:
    return len(session.store.records_of_kind("person"))


def test_a_repeat_concern_opens_a_case_for_the_adult_already_there(
    qtbot: Any, vault: tuple[Session, str]
) -> None:
    session, _ = vault
    first = cases.open_case(session, ADULT, {"status": "closed", "opened_at": "2025-06-01"})
    pid = first.state.payload["person_id"]
    people_before = _people(session)

    dialog = _dialog(qtbot, session)
    _type(qtbot, dialog.given, "Eirlys")
    _type(qtbot, dialog.family, "PRITCHARD")
    assert not dialog.match.isVisibleTo(dialog)  # no date of birth yet: no match
    _type(qtbot, dialog.dob, "03/02/1941")
    assert dialog.match.isVisibleTo(dialog)
    offered = [dialog.match.itemText(i) for i in range(dialog.match.count())]
    assert offered[1] == ("Eirlys Pritchard, born 3 Feb 1941, ID MOS-77, 1 earlier case "
                          "(same name and date of birth)")
    assert dialog.match.itemData(2) == NEW_ADULT
    assert_accessible(dialog)
    assert_unique_mnemonics(dialog)
    assert dialog.match in assert_tab_reaches_all(dialog)

    # Open case without choosing: refused, with the reason under the choice.
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0 and dialog.case_id is None
    assert dialog.errors["person_id"].isVisibleTo(dialog)
    assert "may be the same person" in dialog.errors["person_id"].text()
    assert "may be the same person" in dialog.match.accessibleDescription()

    choose(dialog.match, pid)
    assert not dialog.errors["person_id"].isVisibleTo(dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.case_id is not None
    case = session.store.get(dialog.case_id)
    assert case is not None and case.payload["person_id"] == pid
    assert _people(session) == people_before


def test_an_office_id_already_used_is_refused_naming_the_adult(
    qtbot: Any, vault: tuple[Session, str]
) -> None:
    session, _ = vault
    cases.open_case(session, ADULT, {"status": "closed", "opened_at": "2025-06-01"})
    people_before = _people(session)

    dialog = _dialog(qtbot, session)
    _type(qtbot, dialog.family, "Hughes")
    _type(qtbot, dialog.office_id, "mos-77")
    assert dialog.match.isVisibleTo(dialog)
    assert dialog.match.itemText(1).endswith("(same case-management system ID)")
    choose(dialog.match, NEW_ADULT)
    assert not dialog.submit()
    error = dialog.errors["office_person_id"]
    assert error.isVisibleTo(dialog)
    assert "already recorded for Eirlys Pritchard, born 3 February 1941" in error.text()
    assert _people(session) == people_before

    # A new adult with their own id opens normally; the match list goes away.
    dialog.office_id.clear()
    _type(qtbot, dialog.office_id, "MOS-78")
    assert not dialog.match.isVisibleTo(dialog)
    assert dialog.submit()
    assert _people(session) == people_before + 1


def test_the_vault_is_searched_again_only_when_what_it_is_searched_for_changed(
    qtbot: Any, vault: tuple[Session, str], monkeypatch: Any
) -> None:
    session, _ = vault
    cases.open_case(session, ADULT, {"status": "closed", "opened_at": "2025-06-01"})
    searches: list[dict[str, Any]] = []
    find = people.find_matches

    def counted(s: Session, person: dict[str, Any]) -> list[Any]:
        searches.append(dict(person))
        return find(s, person)

    monkeypatch.setattr(people, "find_matches", counted)
    dialog = _dialog(qtbot, session)
    _type(qtbot, dialog.family, "Pritchard")
    _type(qtbot, dialog.dob, "03/02/1941")
    assert len(searches) == 2 and dialog.match.isVisibleTo(dialog)
    _type(qtbot, dialog.language, "Welsh")  # not searched by
    dialog.refresh_matches()
    dialog.family.setFocus()
    qtbot.keyClick(dialog.family, Qt.Key.Key_Tab)  # left again, unchanged
    assert len(searches) == 2 and dialog.match.isVisibleTo(dialog)
    _type(qtbot, dialog.given, "Eirlys")
    assert len(searches) == 3 and searches[-1]["given_names"] == "Eirlys"
