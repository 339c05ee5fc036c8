"""The subject-access redaction rules (domain/disclosure.py), on plain payloads; and the
right-to-left text flowable's pieces (export/pdf_text.py)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import arabic_reshaper
import pytest
from bidi.algorithm import get_display
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from msp_desktop.domain import disclosure as D
from msp_desktop.domain.kinds import KINDS
from msp_desktop.export.pdf_base import styles
from msp_desktop.export.pdf_text import MixedText, font_runs, is_rtl_paragraph

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
    assert out["referrer_name"] == D.WITHHELD
    assert out["referrer_organisation"] == "Riverside Lettings"  # not an individual
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


def test_organisations_are_not_individuals_and_are_kept_in_fields_and_text() -> None:
    # The adult's own care home as the alleged source: not withheld, not hunted.
    home = Rec("k1", "risk_item", {"alleged_source_name": "Harbour View Care Home"})
    rp = Rec("r1", "related_person", {"name": "Wanda Kowalczyk",
                                       "organisation": "Riverside Lettings"})
    concern = Rec("c1", "concern", {"referrer_name": "Bronwen Talbot",
                                    "referrer_organisation": "Riverside Lettings"})
    d = sar(home, rp, concern)
    assert d.payload("k1", "risk_item", home.payload) == home.payload
    assert d.payload("r1", "related_person", rp.payload)["organisation"] == "Riverside Lettings"
    text = "At Harbour View Care Home the next day; Riverside Lettings rang. Bronwen too."
    assert d.text("n1", "contact_note", "Facts", text) == (
        f"At Harbour View Care Home the next day; Riverside Lettings rang. {D.WITHHELD} too.")
    listed = {w.field for w in d.withheld}
    assert "Person or organisation alleged to have caused harm" not in listed
    assert "Organisation" not in listed and "Referrer's organisation" not in listed


def test_a_value_with_no_personal_name_word_is_withheld_but_never_hunted() -> None:
    recs = [Rec("k1", "risk_item", {"alleged_source_name": "unknown"}),
            Rec("r1", "related_person", {"name": "Carer"}),
            Rec("c1", "concern", {"referrer_name": "GP practice"}),
            Rec("r2", "related_person", {"name": "Registered manager"})]
    d = sar(*recs)
    assert d.payload("r1", "related_person", recs[1].payload)["name"] == D.WITHHELD
    text = "Unknown visitor; the Carer and the GP practice called the Registered manager."
    assert d.text("n1", "contact_note", "Facts", text) == text


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


_LATIN = st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True)
_ACCENTED = st.from_regex(r"[A-ZŁŚŴ][a-zâêîôûŵŷéłńśż]{2,8}", fullmatch=True)
_ARABIC_WORD = st.from_regex(r"[\u0627-\u063a\u0641-\u064a\u067e\u0686\u06a9\u06af]{3,7}",
                             fullmatch=True)
_PART = st.one_of(_LATIN, _ACCENTED, _ARABIC_WORD)
_FILLER = st.text(alphabet="abcdefghij .,", max_size=30)


@st.composite
def _names(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A name as stored (any case, maybe hyphenated, any script) and its parts."""
    given_name, family = draw(_PART), draw(_PART)
    if draw(st.booleans()):
        family = f"{family}-{draw(_PART)}"
    case = draw(st.sampled_from(["as is", "upper", "lower"]))
    stored = f"{given_name} {family}"
    stored = stored.upper() if case == "upper" else stored.lower() if case == "lower" else stored
    return stored, re.split(r"[\s-]", f"{given_name} {family}")


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c)).casefold()


@settings(max_examples=150, deadline=None)
@given(named=_names(), before=_FILLER, after=_FILLER, upper=st.booleans(),
       accents=st.booleans())
def test_no_third_party_name_survives_in_any_text(named: tuple[str, list[str]], before: str,
                                                  after: str, upper: bool,
                                                  accents: bool) -> None:
    name, parts = named
    adult = {"eirlys", "mair", "pritchard"}
    assume(not {_plain(p) for p in parts} & adult)
    assume(D.has_name_word(name) and not D.is_organisation(name))
    d = sar(Rec("r1", "related_person", {"name": name}))
    typed = name.upper() if upper else name.title()
    if not accents:  # written without the accents the name was stored with
        typed = "".join(c for c in unicodedata.normalize("NFD", typed)
                        if not unicodedata.combining(c))
    # Each part alone as a name is written: capitalised (Latin) or as is (Arabic script).
    text = f"{before} {typed} {after} " + "; ".join(p.title() for p in parts) + "."
    out = d.text("n1", "contact_note", "Facts", text)
    words = {_plain(w) for w in re.findall(r"\w+", out)}
    for p in parts:
        if p.casefold() not in D._TITLES | D._ROLE_WORDS:
            assert _plain(p) not in words, (name, text, out)


# ----- right-to-left text ------------------------------------------------------------------


def test_runs_use_noto_for_arabic_script_and_dejavu_for_the_rest() -> None:
    runs = font_runs("Dŵr ﻣﯿﮟ ok", "DejaVuSans")
    assert runs == [("DejaVuSans", "Dŵr "), ("NotoNaskhArabic", "ﻣﯿﮟ"), ("DejaVuSans", " ok")]
    assert font_runs("ﻣﯿﮟ", "DejaVuSans-Bold") == [("NotoNaskhArabic-Bold", "ﻣﯿﮟ")]
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


# Written by hand, in the order the glyphs are drawn left to right: the presentation forms
# (isolated alef, reh, dal, waw for اردو; initial gaf, medial heh doachashmee, final reh for
# گھر; initial meem, medial farsi yeh, final noon ghunna for میں), reversed, and brackets
# mirrored so that they still open towards what they enclose.
@pytest.mark.parametrize(("text", "visual"), [
    ("اردو (Urdu)", "(Urdu) \ufeed\ufea9\ufead\ufe8d"),
    ("میں [withheld: third party] گھر",
     "\ufeae\ufbad\ufb94 [withheld: third party] \ufb9f\ufbff\ufee3"),
    ("She said (اردو) ok", "She said (\ufeed\ufea9\ufead\ufe8d) ok"),
])
def test_right_to_left_lines_are_drawn_in_visual_order_with_mirrored_brackets(
    text: str, visual: str,
) -> None:
    para = MixedText(text, styles()["body"])
    para.wrap(400, 1000)
    assert para._lines is not None
    assert ["".join(p for _f, p in runs) for runs, _w, _rtl in para._lines] == [visual]


def test_a_short_field_with_a_line_break_is_laid_out_as_lines() -> None:
    from msp_desktop.export.pdf_text import field_line, label_line

    s = styles()["body"]
    one = field_line("Where:", "Flat 2", s, "DejaVuSans-Bold")
    two = field_line("Where:", "Flat 2\nHeol y Bryn", s, "DejaVuSans-Bold")
    assert one.wrap(400, 1000)[1] == s.leading
    assert two.wrap(400, 1000)[1] == 2 * s.leading
    long = label_line("A heading " * 30, s)
    assert long.wrap(200, 1000)[1] > 2 * s.leading


# ----- every revision, every field that names someone ----------------------------------------


def test_a_name_only_in_an_earlier_revision_is_hunted() -> None:
    now = Rec("n1", "contact_note", {"attendees": [], "facts": "A visitor shouted."})
    original = Rec("n1", "contact_note", {
        "attendees": [{"name": "Kevin Doyle", "role": "Lodger"}],
        "facts": "Kevin Doyle shouted."})
    d = D.Disclosure("sar", ADULT, [now], revisions=[original])
    out = d.payload("n1", "contact_note", original.payload)
    assert out["facts"] == f"{D.WITHHELD} shouted."
    assert out["attendees"][0]["name"] == D.WITHHELD


def test_people_in_every_field_that_names_someone_are_withheld() -> None:
    case = Rec("case1", "case", {"lead_practitioner": "Sam Worker"})
    cap = Rec("a1", "capacity_assessment", {
        "assessor": "Sam Worker", "decision_maker": "Paul Griffiths",
        "present": "Eirlys, me, and her cousin Farida Shah (she translated)",
        "consulted": "Her niece Ceri Lloyd and GP Dr Osei",
        "support_given": "Farida and Ceri helped; Osei agreed. She translated the letter."})
    bi = Rec("b1", "best_interests_decision", {
        "decision_maker": "Paul Griffiths",
        "decision_maker_role": "Attorney (LPA property and affairs)",
        "lpa_deputy_checked": True, "lpa_deputy_details": "Paul holds a registered LPA",
        "disagreements": "Farida disagrees with Paul.", "decision": "Paul will pay the bills."})
    note = Rec("n1", "contact_note", {"actions": [
        {"action": "Phone the bank", "owner": "Sam Worker"},
        {"action": "Bring the card", "owner": "Farida Shah"},
        {"action": "Check on her", "owner": "Police"}]})
    act = Rec("p1", "plan_action", {"action": "Collect the card", "owner": "Ceri Lloyd (niece)"})
    mine = Rec("p2", "plan_action", {"action": "Visit weekly", "owner": "Sam Worker"})
    consent = Rec("s1", "consent_decision", {"decision_maker": "Sam Worker", "shares": [
        {"recipient": "Dyfed-Powys Police", "recipient_role": "PPU"},
        {"recipient": "Dr Osei", "recipient_role": "GP"}]})
    d = sar(case, cap, bi, note, act, mine, consent)
    c = d.payload("a1", "capacity_assessment", cap.payload)
    assert c["present"] == c["consulted"] == D.WITHHELD
    assert c["decision_maker"] == D.WITHHELD  # the attorney, not a worker
    assert c["assessor"] == "Sam Worker"
    assert c["support_given"] == (f"{D.WITHHELD} and {D.WITHHELD} helped; {D.WITHHELD} "
                                  "agreed. She translated the letter.")
    b = d.payload("b1", "best_interests_decision", bi.payload)
    assert b["decision_maker"] == b["lpa_deputy_details"] == b["disagreements"] == D.WITHHELD
    assert b["decision"] == f"{D.WITHHELD} will pay the bills."
    rows = d.payload("n1", "contact_note", note.payload)["actions"]
    assert [r["owner"] for r in rows] == ["Sam Worker", D.WITHHELD, "Police"]
    assert d.payload("p1", "plan_action", act.payload)["owner"] == D.WITHHELD
    assert d.payload("p2", "plan_action", mine.payload)["owner"] == "Sam Worker"
    shares = d.payload("s1", "consent_decision", consent.payload)["shares"]
    assert shares[0] == consent.payload["shares"][0]  # an organisation
    assert shares[1] == {"recipient": D.WITHHELD, "recipient_role": D.WITHHELD}
    assert d.payload("s1", "consent_decision", consent.payload)["decision_maker"] == "Sam Worker"


def test_a_staff_decision_maker_stays() -> None:
    bi = Rec("b1", "best_interests_decision", {"decision_maker": "Sam Worker",
                                               "decision_maker_role": "Social worker"})
    d = sar(bi)
    assert d.payload("b1", "best_interests_decision", bi.payload) == bi.payload


def test_a_related_person_with_the_adults_name_is_still_withheld() -> None:
    son = Rec("r1", "related_person", {"name": "Eirlys Pritchard", "relationship_to_adult": "Son"})
    d = sar(son)
    out = d.payload("r1", "related_person", son.payload)
    assert out["name"] == out["relationship_to_adult"] == D.WITHHELD
    # The text cannot tell them apart: the adult's own name stays there.
    assert d.text("n1", "contact_note", "Facts", "Eirlys Pritchard rang.") == (
        "Eirlys Pritchard rang.")


@pytest.mark.parametrize(("name", "text"), [
    ("Hans Strauß", "Hans Strauss came round."),
    ("Hans Strauss", "Hans Strauß came round."),
    ("Ærin Bæk", "Aerin Baek came round."),
    ("Michał Nowak", "Michal Nowak came round."),
    ("Bjørn Dragić", "Bjorn Dragic came round."),
])
def test_a_name_written_with_other_letters_is_withheld_whole(name: str, text: str) -> None:
    d = sar(Rec("r1", "related_person", {"name": name}))
    assert d.text("n1", "contact_note", "Facts", text) == f"{D.WITHHELD} came round."
    # and each part of it alone, written as a name
    first = text.split()[0]
    assert first not in d.text("n1", "contact_note", "Facts", f"Then {first} left.")


# ----- names however they are written --------------------------------------------------------


@pytest.mark.parametrize(("name", "text", "kept"), [
    ("عمران خان", "Imran: عمران ہر ہفتے پیسے لے جاتا ہے۔ خان صاحب", "ہر ہفتے پیسے لے جاتا ہے"),
    ("GARETH JONES", "Gareth came; Jones left; gareth jones rang.", "came;"),
    ("tina mcbride", "Tina saw it; McBride agreed. The tina tin.", "The tina tin."),
    ("Anne-Marie Okafor-Lewis", "Lewis knows; Anne-Marie and Okafor too.", "knows;"),
    ("Siân Hughes", "Sian said so, and SIÂN again.", "said so"),
    ("Sian Hughes", "Siân said so.", "said so"),
    ("Al Pike", "Al too; Pike as well. A pike in the pond.", "A pike in the pond."),
    # Letters with no decomposition, written either way (ł, ø, đ: one letter for one).
    ("Michał Nowak", "Michal Nowak came round; MICHAL again.", "came round;"),
    ("Michal Nowak", "Michał Nowak came round.", "came round."),
    ("Bjørn Dragić", "Bjorn and Đorđe; Dragic left.", "left."),
])
def test_name_parts_are_found_however_the_name_is_written(name: str, text: str,
                                                          kept: str) -> None:
    d = sar(Rec("r1", "related_person", {"name": name}))
    out = d.text("n1", "contact_note", "Facts", text)
    assert kept in out
    for part in re.split(r"[\s-]+", name):
        for typed in (part.capitalize(), part.upper()):  # a lower-case word is a word
            assert not re.search(rf"(?<!\w){re.escape(typed)}(?!\w)", out), (typed, out)
    for plain in ("Sian", "SIAN", "Siân", "SIÂN"):
        if "Si" in name:
            assert plain not in out


def test_a_word_longer_than_many_lines_is_cut_in_one_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import msp_desktop.export.pdf_text as pdf_text

    measured = 0
    real = pdf_text.stringWidth

    def counting(text: str, font: str, size: float) -> float:
        nonlocal measured
        measured += len(text)
        return float(real(text, font, size))

    monkeypatch.setattr(pdf_text, "stringWidth", counting)
    word = "ب" * 20_000
    para = MixedText("میں " + word, styles()["body"])
    para.wrap(300, 10_000)
    assert para._lines is not None
    widths = [w for _r, w, _rtl in para._lines]
    assert len(widths) > 50 and max(widths) <= 300
    drawn = "".join("".join(p for _f, p in runs) for runs, _w, _rtl in para._lines)
    assert drawn.count("ﺏ") + drawn.count("ﺑ") + drawn.count("ﺒ") + drawn.count("ﺐ") \
        == len(word)  # every letter drawn, once (shaped: initial, medial, final forms)
    # Measuring ever shorter prefixes measured hundreds of millions of characters here.
    assert measured < 10 * len(word)


def test_bengali_gurmukhi_and_gujarati_runs_use_their_fonts_and_are_shaped() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from msp_desktop.export.pdf_text import has_complex, run_width

    styles()  # registers the fonts
    assert font_runs("Bengali: আমি চাই। ok", "DejaVuSans") == [
        ("DejaVuSans", "Bengali: "), ("NotoSansBengali", "আমি"), ("DejaVuSans", " "),
        ("NotoSansBengali", "চাই।"), ("DejaVuSans", " ok")]
    assert font_runs("ਪ੍ਰੀਤ", "DejaVuSans-Bold") == [("NotoSansGurmukhi-Bold", "ਪ੍ਰੀਤ")]
    assert font_runs("ક્ષમા", "DejaVuSans") == [("NotoSansGujarati", "ક્ષમા")]
    assert has_complex("ਪ੍ਰੀਤ") and not is_rtl_paragraph("ਪ੍ਰੀਤ said اردو")
    # Shaped: the conjunct ক্ষ (ka, virama, ssa) is one glyph, narrower than the three
    # glyphs drawn one by one.
    assert run_width("NotoSansBengali", "ক্ষ", 10) < stringWidth("ক্ষ", "NotoSansBengali", 10)


def test_a_person_named_with_their_organisation_is_withheld_not_the_organisation() -> None:
    concern = Rec("c1", "concern", {"referrer_name": "K. Dhaliwal, housing officer"})
    note = Rec("n1", "contact_note", {
        "interpreter": "Nerys Hale, ClearVoice Language Services"})
    risk = Rec("k1", "risk_item", {
        "alleged_source_name": "A care worker from Brightwater Home Care"})
    d = sar(concern, note, risk)
    assert d.payload("c1", "concern", concern.payload)["referrer_name"] == D.WITHHELD
    assert d.payload("n1", "contact_note", note.payload)["interpreter"] == D.WITHHELD
    assert d.payload("k1", "risk_item", risk.payload) == risk.payload  # no one by name
    out = d.text("n2", "contact_note", "Facts",
                 "Dhaliwal rang; Nerys from ClearVoice Language Services came; Hale too.")
    assert out == (f"{D.WITHHELD} rang; {D.WITHHELD} from ClearVoice Language Services came; "
                   f"{D.WITHHELD} too.")
