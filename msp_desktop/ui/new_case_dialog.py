"""Open a new case: the adult (name, date of birth, country, gender, language) and the case.

When the name and date of birth, or the case-management system ID, match an adult already in
the vault, the dialog offers them: a repeat concern is a new case for the same person, so the
SAC counts them once (SG1a-c). The worker must choose that adult or say it is someone new.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.domain.days import day_text
from msp_desktop.domain.enums import CASE_STATUS, GENDER_SAC, JURISDICTION
from msp_desktop.services import cases, people
from msp_desktop.services.changes import Saved
from msp_desktop.services.errors import ValidationFailed
from msp_desktop.ui import theme

FRAMEWORK_FOR = {"ENG": "CARE_ACT_S42", "WAL": "SSWBA_S126"}
NEW_ADULT = "new"  # the match choice that creates a new adult


def parse_date(text: str) -> dt.date | None:
    """Parse '25/12/1950', '25-12-1950' or '1950-12-25'; None if not a date."""
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d %b %Y", "%d %B %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


class NewCaseDialog(QDialog):
    """Creates the adult and the case together through services.cases.open_case."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.case_id: str | None = None
        self.saved: Saved | None = None  # the adult and case written, once submitted
        self.setWindowTitle(self.tr("MSP Desktop"))
        self.setAccessibleName(self.tr("New case"))

        heading = QLabel(self.tr("Open a new case"), self)
        theme.make_heading(heading)

        self.given = QLineEdit(self)
        self.given.setAccessibleName(self.tr("Given names"))
        self.family = QLineEdit(self)
        self.family.setAccessibleName(self.tr("Family name"))
        self.dob = QLineEdit(self)
        self.dob.setAccessibleName(self.tr("Date of birth"))
        self.dob.setPlaceholderText(self.tr("DD/MM/YYYY, or leave empty if not known"))
        self.country = QComboBox(self)
        self.country.setAccessibleName(self.tr("Country"))
        for choice in JURISDICTION:
            self.country.addItem(choice.label, choice.code)
        self.gender = QComboBox(self)
        self.gender.setAccessibleName(self.tr("Gender"))
        self.gender.addItem(self.tr("Not recorded"), None)
        for choice in GENDER_SAC:
            self.gender.addItem(choice.label, choice.code)
        self.gender_words = QLineEdit(self)
        self.gender_words.setAccessibleName(self.tr("Gender, in the adult's words"))
        self.gender_words.setPlaceholderText(self.tr("Optional"))
        self.language = QLineEdit(self)
        self.language.setAccessibleName(self.tr("Preferred language"))
        self.language.setPlaceholderText(self.tr("For example English, Welsh, BSL"))
        self.office_id = QLineEdit(self)
        self.office_id.setAccessibleName(self.tr("Case-management system ID"))
        self.office_id.setPlaceholderText(self.tr("Optional"))
        self.match = QComboBox(self)
        self.match.setAccessibleName(self.tr("Adult already in the vault"))
        self.matches: list[people.PersonMatch] = []
        self._matched_for: tuple[Any, ...] | None = None  # what the matches were found for

        self.opened = QDateEdit(QDate.currentDate(), self)
        self.opened.setAccessibleName(self.tr("Case opened on"))
        self.opened.setCalendarPopup(True)
        self.opened.setDisplayFormat("d MMM yyyy")
        self.opened.setMaximumDate(QDate.currentDate().addDays(1))
        self.stage = QComboBox(self)
        self.stage.setAccessibleName(self.tr("Stage"))
        for choice in CASE_STATUS:
            if choice.code != "closed":
                self.stage.addItem(choice.label, choice.code)

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows: list[tuple[str, str, QWidget]] = [
            ("given_names", self.tr("&Given names:"), self.given),
            ("family_name", self.tr("&Family name:"), self.family),
            ("date_of_birth", self.tr("&Date of birth:"), self.dob),
            ("jurisdiction", self.tr("&Country:"), self.country),
            ("gender_sac", self.tr("G&ender:"), self.gender),
            ("gender_self_described", self.tr("In their &words:"), self.gender_words),
            ("preferred_language", self.tr("Preferred &language:"), self.language),
            ("office_person_id", self.tr("Case-management system &ID:"), self.office_id),
            ("person_id", self.tr("&Adult:"), self.match),
            ("opened_at", self.tr("Case o&pened on:"), self.opened),
            ("status", self.tr("&Stage:"), self.stage),
        ]
        self._fields: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        for name, text, widget in rows:
            label = QLabel(text, self)
            self._labels[name] = label
            label.setBuddy(widget)
            error = QLabel(self)
            error.setProperty("role", "error")
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(label, box)
            self.errors[name] = error
            self._fields[name] = widget

        self.general_error = QLabel(self)
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        self.ok_button = QPushButton(self.tr("&Open case"), self)
        self.ok_button.setAccessibleName(self.tr("Open case"))
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.family.textChanged.connect(lambda: self._set_error("family_name", ""))
        self.dob.editingFinished.connect(self._check_dob)
        for edit in (self.given, self.family, self.dob, self.office_id):
            edit.editingFinished.connect(self.refresh_matches)
        self.match.currentIndexChanged.connect(lambda: self._set_error("person_id", ""))
        self._show_match_row(False)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 92)
        self.given.setFocus()

    def _fit(self) -> None:
        """Grow to show rows and messages that appeared (a dialog keeps its first size)."""
        layout = self.layout()
        if self.isVisible() and layout is not None:
            layout.activate()
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    # adults already in the vault ----------------------------------------------------------

    def _show_match_row(self, shown: bool) -> None:
        self.match.setVisible(shown)
        self._labels["person_id"].setVisible(shown)
        if not shown:
            self._set_error("person_id", "")

    def refresh_matches(self) -> None:
        """Offer the adults in the vault who may be the one typed (keeping the choice made);
        the vault is not searched again while the names, date of birth and ID are as they
        were."""
        person = self.person_payload()
        key = tuple(person.get(name) for name in (
            "given_names", "family_name", "date_of_birth", "office_person_id"))
        if key == self._matched_for:
            return
        self._matched_for = key
        chosen = self.match.currentData()
        self.matches = people.find_matches(self._session, person)
        self.match.blockSignals(True)
        self.match.clear()
        if self.matches:
            self.match.addItem(self.tr("Choose: the same adult, or someone new"), None)
            for m in self.matches:
                self.match.addItem(self._describe(m), m.person_id)
            self.match.addItem(self.tr("Someone new: record a new adult"), NEW_ADULT)
            index = self.match.findData(chosen) if chosen else -1
            self.match.setCurrentIndex(max(index, 0))
        self.match.blockSignals(False)
        self._show_match_row(bool(self.matches))
        self._fit()

    def _describe(self, m: people.PersonMatch) -> str:
        parts = [m.name]
        if m.date_of_birth:
            born = dt.date.fromisoformat(m.date_of_birth)
            parts.append(self.tr("born %1").replace("%1", day_text(born)))
        if m.office_person_id:
            parts.append(self.tr("ID %1").replace("%1", m.office_person_id))
        cases_text = (self.tr("1 earlier case") if len(m.case_ids) == 1 else
                      self.tr("%1 earlier cases").replace("%1", str(len(m.case_ids))))
        parts.append(cases_text)
        return ", ".join(parts) + f" ({m.reason_text})"

    def chosen_person_id(self) -> str | None:
        """The existing adult chosen for this case, or None for a new adult."""
        data = self.match.currentData() if self.matches else None
        return data if isinstance(data, str) and data != NEW_ADULT else None

    # payloads ------------------------------------------------------------------------------

    def person_payload(self) -> dict[str, Any]:
        """Return the adult's record as the form describes it."""
        dob = parse_date(self.dob.text())
        payload: dict[str, Any] = {
            "given_names": self.given.text().strip(),
            "family_name": self.family.text().strip(),
            "jurisdiction": self.country.currentData(),
            "gender_sac": self.gender.currentData(),
            "gender_self_described": self.gender_words.text().strip(),
            "preferred_language": self.language.text().strip(),
            "office_person_id": self.office_id.text().strip(),
        }
        if dob is not None:
            payload["date_of_birth"] = dob.isoformat()
        return {k: v for k, v in payload.items() if v not in (None, "")}

    def case_payload(self) -> dict[str, Any]:
        """Return the case record as the form describes it."""
        country = self.country.currentData()
        return {
            "status": self.stage.currentData(),
            "opened_at": self.opened.date().toString(Qt.DateFormat.ISODate),
            "jurisdiction": country,
            "legal_framework": FRAMEWORK_FOR.get(country),
        }

    # validation ----------------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        """Return the problems the form can see by itself, by field."""
        found: dict[str, str] = {}
        if not self.family.text().strip():
            found["family_name"] = self.tr("Enter the adult's family name.")
        text = self.dob.text().strip()
        if text:
            dob = parse_date(text)
            if dob is None:
                found["date_of_birth"] = self.tr(
                    "Enter the date of birth as day/month/year, for example 25/12/1950."
                )
            elif dob > dt.date.today():
                found["date_of_birth"] = self.tr("The date of birth cannot be in the future.")
        return found

    def _check_dob(self) -> None:
        self._set_error("date_of_birth", self.problems().get("date_of_birth", ""))

    def _set_error(self, field: str, message: str) -> None:
        label = self.errors.get(field)
        widget = self._fields.get(field)
        if label is None or widget is None:
            if message:
                self.general_error.setText(message)
                self.general_error.show()
            return
        label.setText(message)
        label.setVisible(bool(message))
        # The form row does not ask a wrapped label for its height at the field's width.
        width = widget.width() if widget.width() > 50 else label.width()
        label.setMinimumHeight(label.heightForWidth(width) if message else 0)
        widget.setAccessibleDescription(message)

    def _show_problems(self, problems: dict[str, str]) -> None:
        for name in self.errors:
            self._set_error(name, problems.get(name, ""))
        for name, message in problems.items():
            if name not in self.errors:
                self._set_error(name, message)
        self._fit()
        first = next((self._fields[n] for n in self._fields if n in problems), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> bool:
        """Check the form and open the case; return whether it was opened."""
        self.general_error.hide()
        problems = self.problems()
        if not problems:
            self.refresh_matches()
            if self.matches and self.match.currentData() is None:
                n = len(self.matches)
                problems["person_id"] = (
                    self.tr("An adult already in this vault may be the same person.") if n == 1
                    else self.tr("%1 adults already in this vault may be the same person.")
                    .replace("%1", str(n))
                ) + " " + self.tr("Choose them to open a new case for them, or choose "
                                  "'Someone new'.")
        if problems:
            self._show_problems(problems)
            return False
        person_id = self.chosen_person_id()
        try:
            saved = cases.open_case(
                self._session, {} if person_id else self.person_payload(), self.case_payload(),
                person_id=person_id)
        except ValidationFailed as exc:
            self._show_problems({p.field: p.message for p in exc.problems})
            return False
        except Exception as exc:
            self.general_error.setText(
                getattr(exc, "user_message", None) or self.tr("The case could not be opened.")
            )
            self.general_error.show()
            return False
        self.saved = saved
        self.case_id = saved.state.record_id
        self.accept()
        return True
