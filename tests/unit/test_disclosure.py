"""The subject-access redaction rules (domain/disclosure.py), on plain payloads; and the
right-to-left text flowable's pieces (export/pdf_text.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import arabic_reshaper
import pytest
from bidi import get_display
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from msp_desktop.domain import disclosure as D
from msp_desktop.domain.kinds import KINDS
from msp_desktop.export.pdf_base import styles
from msp_desktop.export.pdf_text import MixedText, font_runs, has_rtl, is_rtl_paragraph

ADULT = {"family_name": "Pritchard", "given_names": "Eirlys Mair", "jurisdiction": "ENG"}


@dataclass
class Rec:
    record_id: str
    kind: str
    payload: dict[str, Any] = field(default_factory=dict)


def sar(*records: Rec, authors: tuple[str, ...] = ()) -> D.Disclosure:
    return D.Disclosure("sar", ADULT, list(records), authors=authors)


def test_every_rule_names_a_real_field() -> None:
    for kind, name in D.THIRD_PARTY_FIELDS:
        assert name in KINDS[kind].by_name, (kind, name)
    for (kind, list_name), (name_field, others, _reason) in D.PEOPLE_ROWS.items():
        subs = {s.name for s in KINDS[kind].field(list_name).subfields}
        assert {name_field, *others} <= subs, (kind, list_name)
    for kind, names in D.STAFF_FIELDS.items():
        assert set(names) <= set(KINDS[kind].by_name), kind


def test_the_full_profile_changes_nothing() -> None:
    rp = Rec("r1", "related_person", {"name": "Gareth Pritchard", "contact_details": "x"})
    d = D.Disclosure("full", ADULT, [rp])
    assert d.payload("r1", "related_person", rp.payload) == rp.payload
    assert d.text("n1", "contact_note", "Facts", "Gareth came.") == "Gareth came."
    assert d.withheld == []


def test_unknown_profile_is_refused() -> None:
    with pytest.raises(ValueError):
        D.Disclosure("everything", ADULT, [])


def test_third_party_fields_are_withheld_and_listed_with_their_reason() -> None:
    concern = Rec("c1", "concern", {"referrer_name": "Bronwen Talbot",
                                    "referrer_organisation": "Riverside Lettings",
                                    "description": "Bronwen says the son takes money.",
                                    "referral_source": "HOUSING"})
    d = sar(concern)
    out = d.payload("c1", "concern", concern.payload)
    assert out["referrer_name"] == out["referrer_organisation"] == D.WITHHELD
    assert out["description"] == f"{D.WITHHELD} says the son takes money."
    assert out["referral_source"] == "HOUSING"  # a category, not a person
    assert concern.payload["referrer_name"] == "Bronwen Talbot"  # the input is untouched
    listed = {(w.record_id, w.field, w.reason) for w in d.withheld}
    assert ("c1", "Referrer's name", D.R_REFERRER) in listed
    assert ("c1", "What was reported", D.R_NAMED) in listed


def test_a_self_referral_keeps_the_adults_own_name() -> None:
    concern = Rec("c1", "concern", {"referrer_name": "Eirlys Pritchard"})
    d = sar(concern)
    assert d.payload("c1", "concern", concern.payload)["referrer_name"] == "Eirlys Pritchard"
    assert d.withheld == []


def test_name_parts_are_taken_from_text_but_the_adults_own_names_stay() -> None:
    son = Rec("r1", "related_person", {"name": "Gareth Pritchard"})
    d = sar(son)
    out = d.text("n1", "contact_note", "Facts",
                 "Gareth and Eirlys Pritchard argued; GARETH PRITCHARD left. Mrs Pritchard cried.")
    assert "Gareth" not in out and "GARETH" not in out
    assert "Eirlys Pritchard argued" in out and "Mrs Pritchard cried" in out


def test_organisation_names_go_whole_without_their_ordinary_words() -> None:
    risk = Rec("k1", "risk_item", {"alleged_source_name": "Harbour View Day Centre"})
    d = sar(risk)
    out = d.text("n1", "contact_note", "Facts",
                 "At Harbour View Day Centre the next day, we had a view of the harbour.")
    assert out == f"At {D.WITHHELD} the next day, we had a view of the harbour."


def test_people_in_rows_are_withheld_unless_the_adult_or_a_worker() -> None:
    case = Rec("case1", "case", {"lead_practitioner": "Sam Worker"})
    note = Rec("n1", "contact_note", {"attendees": [
        {"name": "Eirlys Pritchard", "role": "The adult"},
        {"name": "Sam Worker", "role": "Social worker"},
        {"name": "Alex Author", "role": "Manager"},
        {"name": "Iolo Madoc", "role": "Friend"},
        {"name": "The adult"},
    ], "facts": "Iolo made tea."})
    d = sar(case, note, authors=("Alex Author",))
    rows = d.payload("n1", "contact_note", note.payload)["attendees"]
    assert [r["name"] for r in rows] == ["Eirlys Pritchard", "Sam Worker", "Alex Author",
                                         D.WITHHELD, "The adult"]
    assert rows[3]["role"] == D.WITHHELD and rows[1]["role"] == "Social worker"
    assert d.payload("n1", "contact_note", note.payload)["facts"] == f"{D.WITHHELD} made tea."


def test_consultees_are_always_withheld_with_their_views() -> None:
    bi = Rec("b1", "best_interests_decision", {"consultees": [
        {"name": "Sam Worker", "relationship": "Social worker", "views": "Agrees."}]})
    d = sar(Rec("case1", "case", {"lead_practitioner": "Sam Worker"}), bi)
    [row] = d.payload("b1", "best_interests_decision", bi.payload)["consultees"]
    assert row == {"name": D.WITHHELD, "relationship": D.WITHHELD, "views": D.WITHHELD}


_NAME = st.from_regex(r"[A-Z][a-z]{3,9} [A-Z][a-z]{3,9}", fullmatch=True)
_FILLER = st.text(alphabet="abcdefghij .,", max_size=30)


@settings(max_examples=60, deadline=None)
@given(name=_NAME, before=_FILLER, after=_FILLER, upper=st.booleans())
def test_no_third_party_name_survives_in_any_text(name: str, before: str, after: str,
                                                  upper: bool) -> None:
    given_name, family = name.split()
    assume(not {given_name.casefold(), family.casefold()} & {"eirlys", "mair", "pritchard"})
    d = sar(Rec("r1", "related_person", {"name": name}))
    typed = name.upper() if upper else name
    text = f"{before} {typed} {after} {given_name}; {family}."
    out = d.text("n1", "contact_note", "Facts", text)
    assert given_name not in out and family not in out
    assert name.casefold() not in out.casefold()


# ----- right-to-left text ------------------------------------------------------------------


def test_runs_use_noto_for_arabic_script_and_dejavu_for_the_rest() -> None:
    runs = font_runs("Dŵr ﻣﯿﮟ ok", "DejaVuSans")
    assert runs == [("DejaVuSans", "Dŵr "), ("NotoNaskhArabic", "ﻣﯿﮟ"), ("DejaVuSans", " ok")]
    assert font_runs("ﻣﯿﮟ", "DejaVuSans-Bold") == [("NotoNaskhArabic-Bold", "ﻣﯿﮟ")]
    assert has_rtl("Hi میں") and not has_rtl("Łódź, tŷ")
    assert is_rtl_paragraph("میں said hi") and not is_rtl_paragraph("She said میں")


def test_a_long_urdu_paragraph_wraps_in_reading_order_right_aligned() -> None:
    words = [f"لفظ{n}" for n in "ابتثجحخدذرزسشصضطظعغفقکگلمنوہی"]
    text = " ".join(words * 3)
    para = MixedText(text, styles()["body"])
    para.wrap(200, 1000)
    lines = para._lines
    assert lines is not None and len(lines) > 2
    shaped = arabic_reshaper.reshape(text).split(" ")
    # Read back each line right to left: together they are the paragraph, in order.
    logical = [get_display("".join(p for _f, p in runs), base_dir="R").split(" ")
               for runs, _w, _rtl in lines]
    assert [w for line in logical for w in line] == shaped
    assert all(rtl for _r, _w, rtl in lines)
    assert all(w <= 200 for _r, w, _rtl in lines)
    # It splits across pages by lines, keeping them all.
    first, rest = para.split(200, 3 * para.style.leading)
    first.wrap(200, 1000)
    rest.wrap(200, 1000)
    assert len(first._lines) == 3 and len(first._lines) + len(rest._lines) == len(lines)


def test_a_short_field_with_a_line_break_is_laid_out_as_lines() -> None:
    from msp_desktop.export.pdf_text import field_line, label_line

    s = styles()["body"]
    one = field_line("Where:", "Flat 2", s, "DejaVuSans-Bold")
    two = field_line("Where:", "Flat 2\nHeol y Bryn", s, "DejaVuSans-Bold")
    assert one.wrap(400, 1000)[1] == s.leading
    assert two.wrap(400, 1000)[1] == 2 * s.leading
    long = label_line("A heading " * 30, s)
    assert long.wrap(200, 1000)[1] > 2 * s.leading
