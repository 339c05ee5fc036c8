"""Every record kind of the MSP case record (domain.md §9.2, §4.6, §4.7, §5.2, §7.2).

Field names are the storage contract: payloads are keyed by them, so renaming one needs a
migration. Sections group fields in the generic forms. Business rules live in rules.py.
"""

from __future__ import annotations

from typing import Any

from msp_desktop.domain import enums as E
from msp_desktop.domain import legacy
from msp_desktop.domain import rules as R
from msp_desktop.domain.derive import (
    action_is_overdue,
    age_band,
    age_on,
    derive_msp_achieved,
    display_name,
    ethnicity_sac_for,
    psr_sac_for,
    rag_for,
    risk_result_applies,
    risk_score,
    source_sac_for,
)
from msp_desktop.domain.fields import Field, FieldType, RecordKind

__all__ = [
    "KINDS",
    "action_is_overdue",
    "age_band",
    "age_on",
    "derive_msp_achieved",
    "display_name",
    "ethnicity_sac_for",
    "kind_label",
    "psr_sac_for",
    "rag_for",
    "risk_result_applies",
    "risk_score",
    "source_sac_for",
]

T = FieldType


# Short constructors keep each kind readable as a list of one-line fields.
def text(name: str, label: str, **kw: Any) -> Field:
    return Field(name, label, T.TEXT, **kw)


def long(name: str, label: str, **kw: Any) -> Field:
    return Field(name, label, T.LONGTEXT, **kw)


def quote(name: str, label: str, **kw: Any) -> Field:
    return Field(name, label, T.QUOTE, **kw)


def date(name: str, label: str, **kw: Any) -> Field:
    return Field(name, label, T.DATE, **kw)


def when(name: str, label: str, **kw: Any) -> Field:
    return Field(name, label, T.DATETIME, **kw)


def flag(name: str, label: str, **kw: Any) -> Field:
    return Field(name, label, T.BOOL, **kw)


def choice(name: str, label: str, choices: E.Enumeration, **kw: Any) -> Field:
    return Field(name, label, T.CHOICE, choices=choices, **kw)


def multi(name: str, label: str, choices: E.Enumeration, **kw: Any) -> Field:
    return Field(name, label, T.MULTI, choices=choices, **kw)


def ref(name: str, label: str, kind: str, **kw: Any) -> Field:
    return Field(name, label, T.REF, ref_kind=kind, **kw)


def rows(name: str, label: str, *subfields: Field, **kw: Any) -> Field:
    return Field(name, label, T.LIST, subfields=subfields, **kw)


def scale(name: str, label: str, **kw: Any) -> Field:
    return Field(name, label, T.INT, min_value=1, max_value=5, **kw)


def case_ref() -> Field:
    return ref("case_id", "Case", "case", required=True, section="Case")


# --- Person and related people -------------------------------------------------------------

PERSON = RecordKind(
    name="person",
    label="Adult",
    plural="Adults",
    case_field=None,
    title_field="family_name",
    fields=(
        text("family_name", "Family name", required=True, section="Name"),
        text("given_names", "Given names", section="Name"),
        text("preferred_name", "Preferred name", section="Name",
             help="What the adult likes to be called."),
        text("office_person_id", "Case-management system ID", section="Identity"),
        text("nhs_number", "NHS number", section="Identity", max_length=12),
        date("date_of_birth", "Date of birth", section="Identity"),
        flag("dob_estimated", "Date of birth is estimated", section="Identity"),
        date("date_of_death", "Date of death", section="Identity"),
        choice("jurisdiction", "Country", E.JURISDICTION, required=True, section="Identity",
               help="England uses the Care Act and the SAC; Wales uses the SSWBA 2014."),
        text("gender_self_described", "Gender, in the adult's words", section="Equality data"),
        choice("gender_sac", "Gender (SAC)", E.GENDER_SAC, section="Equality data"),
        choice("ethnicity_code", "Ethnic category (NHS)", E.ETHNICITY_NHS,
               section="Equality data"),
        choice("ethnicity_sac", "Ethnic group (SAC)", E.ETHNICITY_SAC, section="Equality data"),
        choice("psr_detail", "Primary support reason", E.PSR_DETAIL, section="Equality data"),
        choice("psr_sac", "Primary support reason (SAC)", E.PSR_SAC, section="Equality data"),
        rows("health_conditions", "Health conditions",
             choice("code", "Condition", E.HEALTH_CONDITION, required=True),
             text("condition", "Details"),
             text("source", "Source"),
             date("recorded_on", "Date"),
             section="Equality data",
             help="Autism and Asperger's syndrome are counted in the Safeguarding Adults "
             "Collection."),
        text("preferred_language", "Preferred language", section="Language and communication",
             help="For example English, Welsh, BSL."),
        text("correspondence_language", "Language for letters",
             section="Language and communication"),
        flag("active_offer_made", "Welsh-language Active Offer made",
             section="Language and communication"),
        date("active_offer_date", "Date of the Active Offer",
             section="Language and communication", visible_when=("active_offer_made", (True,))),
        flag("interpreter_needed", "Needs an interpreter", section="Language and communication"),
        long("communication_needs", "Communication needs", section="Language and communication"),
        long("address", "Address", section="Contact"),
        text("postcode", "Postcode", section="Contact", max_length=10),
        text("phone", "Phone", section="Contact"),
        long("visit_safety_notes", "Safety notes for visits", section="Contact",
             help="For example: the person alleged to have caused harm lives here."),
        text("gp_practice", "GP practice", section="Contact"),
        text("ordinary_residence_la", "Council of ordinary residence", section="Contact"),
        text("current_la", "Council where the adult is now", section="Contact"),
        choice("no_recourse_public_funds", "No recourse to public funds", E.YES_NO_NOT_KNOWN,
               section="Flags"),
        flag("also_alleged_source_of_risk_elsewhere",
             "Also alleged to have caused harm in another case", section="Flags"),
    ),
    rules=(R.person_rules,),
    upgrade=legacy.person,
)

RELATED_PERSON = RecordKind(
    name="related_person",
    label="Related person",
    plural="Related people",
    title_field="name",
    fields=(
        case_ref(),
        text("name", "Name", required=True, section="Person"),
        text("relationship_to_adult", "Relationship to the adult", section="Person"),
        multi("roles", "Roles", E.CONTACT_ROLE, section="Person"),
        text("organisation", "Organisation", section="Person"),
        long("contact_details", "Contact details", section="Person"),
        flag("is_paid_or_professional", "Paid or professionally involved in the adult's care",
             section="Person",
             help="A paid or professional carer cannot be the Care Act s.68 appropriate person."),
        flag("is_also_adult_at_risk", "Is also an adult at risk", section="Person"),
        flag("do_not_contact", "Do not contact", section="Safety"),
        long("safety_notes", "Safety notes", section="Safety"),
    ),
    rules=(R.related_person_rules,),
)

# --- Case, concern, decision, enquiry -----------------------------------------------------

CASE = RecordKind(
    name="case",
    label="Safeguarding case",
    plural="Safeguarding cases",
    case_field=None,  # a case is its own case: the store uses its record id
    date_field="opened_at",
    title_field="status",
    fields=(
        ref("person_id", "Adult", "person", required=True, section="Case"),
        choice("status", "Stage", E.CASE_STATUS, required=True, section="Case"),
        date("opened_at", "Opened", required=True, section="Case"),
        date("closed_at", "Closed", section="Case"),
        choice("jurisdiction", "Country", E.JURISDICTION, section="Case"),
        choice("legal_framework", "Legal framework", E.FRAMEWORK, section="Case"),
        text("lead_practitioner", "Lead practitioner", section="People"),
        text("team", "Team", section="People"),
        choice("host_council", "Council where the abuse happened", E.COUNCIL,
               section="Councils"),
        choice("placing_council", "Placing council", E.COUNCIL, section="Councils",
               help="The council that arranged the adult's placement, when it is another "
               "council."),
        text("host_la", "Council where the abuse happened, as typed before councils were "
             "coded", section="Councils", legacy=True,
             help="Choose the council above; then clear this text."),
        text("placing_la", "Placing council, as typed before councils were coded",
             section="Councils", legacy=True,
             help="Choose the council above; then clear this text."),
        text("large_scale_enquiry_id", "Large-scale enquiry reference", section="Councils"),
        ref("previous_case_id", "Earlier episode", "case", section="Case",
            help="When a closed case is reopened, the new episode links to the old one."),
        long("msp_not_asked_reason", "Why the adult's desired outcomes were not asked",
             section="Making Safeguarding Personal"),
        # The primary support reason as it was for this case (SG1d): copied from the adult
        # when the case is made, so later changes to the adult do not rewrite old returns.
        choice("psr_detail", "Primary support reason at this case", E.PSR_DETAIL,
               section="Safeguarding Adults Collection"),
        choice("psr_sac", "Primary support reason at this case (SAC)", E.PSR_SAC,
               section="Safeguarding Adults Collection"),
    ),
    rules=(R.case_rules,),
    upgrade=legacy.case,
)

CONCERN = RecordKind(
    name="concern",
    label="Safeguarding concern",
    plural="Safeguarding concerns",
    date_field="received_at",
    title_field="description",
    fields=(
        case_ref(),
        when("received_at", "Received", required=True, section="Concern"),
        choice("referral_source", "Who raised it", E.REFERRAL_SOURCE, section="Referrer"),
        text("referrer_name", "Referrer's name", section="Referrer"),
        text("referrer_organisation", "Referrer's organisation", section="Referrer"),
        text("referrer_relationship", "Referrer's relationship to the adult", section="Referrer"),
        long("description", "What was reported", required=True, section="Concern",
             help="As the referrer reported it; your own analysis goes elsewhere."),
        date("incident_from", "Incident date (or first date)", section="Concern"),
        date("incident_to", "Last incident date", section="Concern"),
        flag("reasonable_cause_checked", "Reasonable cause to suspect checked",
             section="Reasonable cause"),
        text("reasonable_cause_checked_by", "Checked by", section="Reasonable cause",
             visible_when=("reasonable_cause_checked", (True,))),
        when("reasonable_cause_checked_at", "Checked on", section="Reasonable cause",
             visible_when=("reasonable_cause_checked", (True,))),
        long("immediate_safety_actions", "Immediate safety actions", section="Safety"),
        when("immediate_safety_actions_at", "When the safety actions were taken",
             section="Safety"),
        multi("others_at_risk", "Others at risk", E.OTHERS_AT_RISK, section="Safety"),
        ref("consent_to_raise_id", "Consent to raise the concern", "consent_decision",
            section="Consent"),
        date("referrer_feedback_given", "Feedback given to the referrer", section="Referrer"),
    ),
    rules=(R.concern_rules,),
)

CONCERN_DECISION = RecordKind(
    name="concern_decision",
    label="Decision on the concern",
    plural="Decisions on concerns",
    date_field="decided_at",
    title_field="decision",
    fields=(
        case_ref(),
        ref("concern_id", "Concern", "concern", section="Case"),
        choice("crit_a_care_support_needs", "(a) Has needs for care and support",
               E.YES_NO_UNCLEAR, required=True, section="Section 42 criteria",
               help="Whether or not the council is meeting them; they need not be eligible."),
        long("crit_a_evidence", "Evidence for (a)", section="Section 42 criteria"),
        choice("crit_b_abuse_or_risk", "(b) Is experiencing, or at risk of, abuse or neglect",
               E.YES_NO_UNCLEAR, required=True, section="Section 42 criteria"),
        long("crit_b_evidence", "Evidence for (b)", section="Section 42 criteria"),
        choice("crit_c_unable_to_protect",
               "(c) Because of those needs, is unable to protect themselves",
               E.YES_NO_UNCLEAR, required=True, section="Section 42 criteria"),
        long("crit_c_evidence", "Evidence for (c)", section="Section 42 criteria"),
        long("reasonable_cause_reasoning", "Reasonable cause to suspect: reasoning",
             section="Section 42 criteria"),
        choice("decision", "Decision", E.CONCERN_DECISION, required=True, section="Decision"),
        multi("criteria_not_met_reasons", "Criteria not met", E.CRITERIA_NOT_MET,
              section="Decision"),
        multi("non_enquiry_responses", "Response instead of an enquiry",
              E.NON_ENQUIRY_RESPONSE, section="Decision",
              visible_when=("decision", ("NO_ENQUIRY",))),
        long("rationale", "Rationale", required=True, section="Decision"),
        text("decision_maker", "Decision-maker", required=True, section="Decision"),
        when("decided_at", "Decided on", required=True, section="Decision"),
        choice("wales_determination", "Determination (Wales)", E.WALES_DETERMINATION,
               section="Wales"),
    ),
    rules=(R.concern_decision_rules,),
)

ENQUIRY = RecordKind(
    name="enquiry",
    label="Safeguarding enquiry",
    plural="Safeguarding enquiries",
    date_field="started_at",
    title_field="enquiry_type",
    fields=(
        case_ref(),
        ref("concern_decision_id", "Decision that started it", "concern_decision",
            section="Enquiry"),
        choice("enquiry_type", "Type of enquiry", E.ENQUIRY_TYPE, required=True,
               section="Enquiry"),
        date("started_at", "Started", required=True, section="Enquiry"),
        text("enquiry_lead", "Enquiry lead", section="Enquiry"),
        text("caused_to_org", "Organisation asked to make the enquiry", section="Enquiry",
             help="When the council causes another organisation to make the enquiry."),
        date("caused_to_due", "Their report is due", section="Enquiry"),
        choice("planning_method", "How the enquiry was planned", E.PLANNING, section="Enquiry"),
        date("concluded_at", "Concluded", section="Conclusion"),
        long("conclusion_summary", "Conclusion", section="Conclusion"),
        choice("msp_asked", "Was the adult (or representative) asked about desired outcomes?",
               E.MSP_ASKED, section="SAC return"),
        long("msp_not_recorded_reason", "Why this was not recorded", section="SAC return",
             visible_when=("msp_asked", ("NOT_RECORDED",))),
        choice("msp_outcomes_achieved", "Were the desired outcomes achieved?", E.MSP_ACHIEVED,
               section="SAC return", visible_when=("msp_asked", ("ASKED_EXPRESSED",))),
        choice("sac_lacked_capacity", "Did the adult lack capacity?", E.SAC_CAPACITY,
               section="SAC return"),
        choice("sac_capacity_support", "Was the adult supported by an advocate, family or "
               "friend?", E.YES_NO, section="SAC return",
               visible_when=("sac_lacked_capacity", ("LACKED",))),
        multi("support_types", "Who gave that support", E.SUPPORT_TYPE, section="SAC return",
              visible_when=("sac_capacity_support", ("YES",))),
    ),
    rules=(R.enquiry_rules,),
    upgrade=legacy.enquiry,
)

RISK_ITEM = RecordKind(
    name="risk_item",
    label="Risk (allegation)",
    plural="Risks (allegations)",
    date_field="incident_from",
    title_field="abuse_type",
    fields=(
        case_ref(),
        ref("enquiry_id", "Enquiry", "enquiry", required=True, section="Case"),
        choice("abuse_type", "Type of abuse or neglect", E.ABUSE_TYPE, required=True,
               section="Risk"),
        text("local_subtype", "Local sub-type", section="Risk",
             help="For example county lines, cuckooing, scam."),
        choice("location", "Where", E.LOCATION, section="Risk"),
        text("location_organisation", "Name of the place or service", section="Risk"),
        choice("source_of_risk", "Source of risk (SAC)", E.SOURCE_SAC, section="Source"),
        choice("source_relationship", "Source of risk (detail)", E.SOURCE_DETAIL,
               section="Source"),
        text("alleged_source_name", "Person or organisation alleged to have caused harm",
             section="Source"),
        ref("alleged_source_id", "Linked related person", "related_person", section="Source"),
        long("description", "What is alleged or identified", section="Risk"),
        date("incident_from", "Incident date (or first date)", section="Risk"),
        date("incident_to", "Last incident date", section="Risk"),
        choice("risk_assessment_outcome", "Outcome", E.RISK_OUTCOME, section="Outcome"),
        choice("risk_result", "What happened to the risk", E.RISK_RESULT, section="Outcome"),
        flag("police_involved", "Police involved", section="Other agencies"),
        text("crime_reference", "Crime reference", section="Other agencies",
             visible_when=("police_involved", (True,))),
        flag("cqc_notified", "CQC notified", section="Other agencies"),
        flag("opg_notified", "Office of the Public Guardian notified", section="Other agencies"),
        flag("dbs_referral_considered", "DBS referral considered", section="Other agencies"),
    ),
    rules=(R.risk_item_rules,),
)

# --- The conversation -----------------------------------------------------------------------

CONTACT_NOTE = RecordKind(
    name="contact_note",
    label="Case note",
    plural="Case notes",
    date_field="event_start",
    title_field="purpose",
    finalisable=True,
    fields=(
        case_ref(),
        choice("note_type", "Type of contact", E.NOTE_TYPE, required=True, section="When"),
        when("event_start", "Started", required=True, section="When",
             help="When it happened, not when you are writing it."),
        when("event_end", "Ended", section="When"),
        text("late_entry_reason", "Why this is written more than a day later", section="When"),
        choice("mode", "Face to face or remote", E.CONTACT_MODE, section="When"),
        text("location", "Where", section="When"),
        text("purpose", "Purpose", section="When"),
        rows("attendees", "Who was there",
             text("name", "Name", required=True),
             text("role", "Role"),
             choice("attendance", "How they took part", E.ATTENDANCE),
             flag("spoke_for_adult", "Spoke for the adult"),
             ref("related_person_id", "Related person", "related_person"),
             section="Who"),
        flag("adult_present", "The adult was there", section="Who"),
        flag("seen_alone", "The adult was seen alone", section="Who",
             visible_when=("adult_present", (True,))),
        text("not_seen_alone_reason", "Why the adult was not seen alone", section="Who",
             visible_when=("seen_alone", (False,))),
        text("views_given_by", "Who gave the adult's views, if not the adult", section="Who"),
        text("language_used", "Language used", section="Communication"),
        flag("interpreter_used", "Interpreter used", section="Communication"),
        text("interpreter", "Interpreter (name and agency)", section="Communication",
             visible_when=("interpreter_used", (True,))),
        text("communication_support", "Other communication support", section="Communication",
             help="BSL, communication aids, an advocate present."),
        long("facts", "What happened and what you saw", section="Note",
             help="Facts and observations only."),
        long("reported_information", "What others reported (say who)", section="Note"),
        quote("adult_own_words", "The adult's own words", section="Note"),
        long("analysis", "Professional analysis", section="Note",
             help="Your opinion, kept apart from the facts; say what it is based on."),
        long("risks_identified", "Risks identified", section="Note"),
        long("consent_capacity_notes", "Consent and capacity", section="Note"),
        rows("actions", "Actions",
             text("action", "Action", required=True),
             text("owner", "Who"),
             date("due_date", "By when"),
             section="Actions"),
        flag("written_with_adult", "Written with the adult", section="Sharing"),
        flag("shared_with_adult", "Shared with the adult", section="Sharing"),
    ),
    rules=(R.contact_note_rules,),
    finalise_rules=(R.contact_note_finalise_rules,),
)

DESIRED_OUTCOME = RecordKind(
    name="desired_outcome",
    label="Desired outcome",
    plural="Desired outcomes",
    date_field="first_expressed_at",
    title_field="statement",
    fields=(
        case_ref(),
        quote("statement", "What the adult wants to happen, in their words", required=True,
              section="Outcome"),
        choice("expressed_by", "Who said it", E.EXPRESSED_BY, required=True, section="Outcome"),
        text("representative_name", "Representative's name", required=True, section="Outcome",
             visible_when=("expressed_by", ("REPRESENTATIVE",))),
        ref("representative_id", "Representative (related person)", "related_person",
            section="Outcome", visible_when=("expressed_by", ("REPRESENTATIVE",))),
        date("first_expressed_at", "First said on", required=True, section="Outcome"),
        text("asked_by", "Asked by", section="Outcome"),
        choice("status", "Status", E.OUTCOME_STATUS, required=True, section="Outcome"),
        text("change_reason", "Why it changed or was withdrawn", section="Outcome",
             visible_when=("status", ("REVISED", "WITHDRAWN"))),
        choice("achievement", "How far was it achieved?", E.OUTCOME_ACHIEVEMENT,
               section="Achievement"),
        date("achievement_assessed_at", "Achievement agreed on", section="Achievement"),
        quote("adult_view_on_achievement", "The adult's view, in their words",
              section="Achievement"),
    ),
    rules=(R.desired_outcome_rules,),
)

# --- Consent, capacity, best interests ----------------------------------------------------

_OVERRIDE = ("override", (True,))
_RESPECTED = ("override", (False,))

CONSENT_DECISION = RecordKind(
    name="consent_decision",
    label="Consent decision",
    plural="Consent decisions",
    date_field="decided_at",
    title_field="consent_type",
    fields=(
        case_ref(),
        choice("consent_type", "What the adult was asked about", E.CONSENT_TYPE, required=True,
               section="Decision"),
        date("decided_at", "Date", required=True, section="Decision"),
        text("scope_recipients", "Shared with whom", section="Decision",
             visible_when=("consent_type", ("SHARE_INFO",))),
        text("scope_purpose", "For what purpose", section="Decision",
             visible_when=("consent_type", ("SHARE_INFO",))),
        choice("decided_by", "Who decided", E.DECIDED_BY, section="Decision"),
        choice("capacity_for_this_decision", "Capacity for this decision",
               E.CAPACITY_FOR_DECISION, section="Decision"),
        ref("capacity_link", "Capacity assessment", "capacity_assessment", required=True,
            section="Decision",
            visible_when=("capacity_for_this_decision", ("ASSESSED_HAS", "ASSESSED_LACKS"))),
        choice("status", "The adult's answer", E.CONSENT_STATUS, required=True,
               section="Decision"),
        choice("not_sought_reason", "Why consent was not sought", E.NOT_SOUGHT, required=True,
               section="Decision", visible_when=("status", ("NOT_SOUGHT",))),
        long("not_sought_detail", "Details", section="Decision",
             visible_when=("status", ("NOT_SOUGHT",))),
        quote("adult_reasons", "The adult's reasons, in their words", section="Decision"),
        long("information_given", "Information given to the adult (risks, options)",
             section="Decision"),
        long("support_offered", "Support offered (advocacy, peer support)",
             section="Decision"),
        long("coercion_considered", "Signs of coercion or undue influence considered",
             section="Decision"),
        flag("s11_exception_applies", "A Care Act s.11(2) exception applies", section="Decision",
             visible_when=("consent_type", ("NEEDS_ASSESSMENT",))),
        long("s11_exception_reason", "Why the exception applies", section="Decision",
             visible_when=("s11_exception_applies", (True,))),
        flag("override", "Proceeding or sharing without the adult's agreement", required=True,
             section="Decision", visible_when=("status", E.DECLINED_STATUSES)),
        multi("override_grounds", "Grounds for proceeding", E.OVERRIDE_GROUND,
              section="Proceeding without agreement", visible_when=_OVERRIDE),
        long("override_facts", "Facts supporting each ground",
             section="Proceeding without agreement", visible_when=_OVERRIDE),
        long("proportionality_rationale", "Why less intrusive options would not do",
             section="Proceeding without agreement", visible_when=_OVERRIDE),
        flag("adult_informed", "The adult was told", section="Proceeding without agreement",
             visible_when=_OVERRIDE),
        date("adult_informed_at", "Told on", section="Proceeding without agreement",
             visible_when=("adult_informed", (True,))),
        quote("adult_response", "The adult's response", section="Proceeding without agreement",
              visible_when=("adult_informed", (True,))),
        long("not_informed_reason", "Why telling the adult would be dangerous",
             section="Proceeding without agreement", visible_when=("adult_informed", (False,))),
        long("wishes_respected_how", "How the adult's wishes are still respected",
             section="Proceeding without agreement", visible_when=_OVERRIDE),
        long("accepted_risk_statement", "The risk the adult is accepting",
             section="Respecting the refusal", visible_when=_RESPECTED),
        long("others_at_risk_assessment", "Others at risk (adults, children)",
             section="Respecting the refusal", visible_when=_RESPECTED,
             help="That no one else is at risk, or how that risk is managed another way."),
        long("reasons_not_intervening", "Why you are not intervening or sharing",
             section="Respecting the refusal", visible_when=_RESPECTED),
        flag("can_change_mind_explained", "The adult knows they can change their mind",
             section="Respecting the refusal", visible_when=_RESPECTED),
        text("manager_agreement", "Manager or safeguarding lead agreement",
             section="Respecting the refusal", visible_when=_RESPECTED),
        text("decision_maker", "Decision-maker", section="Sign-off"),
        multi("consulted", "Consulted", E.CONSULTED, section="Sign-off"),
        date("review_date", "Review on", section="Sign-off"),
        rows("shares", "Information shared",
             text("recipient", "Organisation", required=True),
             text("recipient_role", "Role"),
             text("purpose", "Purpose"),
             long("what_shared", "What was shared"),
             choice("art6_basis", "UK GDPR Article 6 basis", E.ART6),
             choice("art9_condition", "UK GDPR Article 9 condition", E.ART9),
             choice("common_law_basis", "Common-law basis", E.COMMON_LAW_BASIS),
             date("shared_at", "Shared on"),
             section="Information shared"),
    ),
    rules=(R.consent_rules,),
)

_FUNC_HELP = "Record the evidence, in the person's own words where you can."

CAPACITY_ASSESSMENT = RecordKind(
    name="capacity_assessment",
    label="Mental capacity assessment",
    plural="Mental capacity assessments",
    date_field="assessed_at",
    title_field="decision_in_question",
    fields=(
        case_ref(),
        when("assessed_at", "Assessed on", required=True, section="The decision"),
        text("location", "Where", section="The decision"),
        long("decision_in_question", "The decision, stated specifically", required=True,
             section="The decision", help="One decision per assessment."),
        choice("decision_category", "Kind of decision", E.DECISION_CAT, required=True,
               section="The decision"),
        long("how_decision_put", "How the decision was put to the person",
             section="The decision"),
        long("trigger", "Why capacity is in doubt", required=True, section="The decision",
             help="An unwise choice on its own is not a reason to doubt capacity."),
        text("assessor", "Assessor", required=True, section="People"),
        text("assessor_role", "Assessor's role and registration", section="People"),
        text("decision_maker", "Decision-maker", section="People"),
        long("present", "Who was present", section="People"),
        text("communication_support", "Interpreter or communication support", section="People"),
        text("advocate_or_imca", "Advocate or IMCA", section="People"),
        long("relevant_information", "Relevant information given", section="Support",
             help="The options and the foreseeable consequences of each, and of not deciding."),
        long("support_given", "Practicable steps taken to help the person decide",
             section="Support", help="Time, place, aids, language, repeat visits, formats."),
        choice("understand_result", "Understand the relevant information", E.FUNC,
               section="Functional test"),
        long("understand_evidence", "Evidence: understand", section="Functional test",
             help=_FUNC_HELP),
        choice("retain_result", "Retain it", E.FUNC, section="Functional test"),
        long("retain_evidence", "Evidence: retain", section="Functional test", help=_FUNC_HELP),
        choice("use_weigh_result", "Use or weigh it", E.FUNC, section="Functional test"),
        long("use_weigh_evidence", "Evidence: use or weigh", section="Functional test",
             help=_FUNC_HELP),
        choice("communicate_result", "Communicate the decision", E.FUNC,
               section="Functional test"),
        long("communicate_evidence", "Evidence: communicate", section="Functional test",
             help=_FUNC_HELP),
        flag("impairment", "Impairment of, or disturbance in, the mind or brain",
             section="Impairment"),
        long("impairment_description", "The impairment, and how you know", section="Impairment",
             visible_when=("impairment", (True,)),
             help="A formal diagnosis is not essential."),
        choice("impairment_duration", "Temporary or permanent", E.IMPAIRMENT_DURATION,
               section="Impairment", visible_when=("impairment", (True,))),
        long("causative_nexus", "Is the inability because of the impairment? Why?",
             section="Impairment",
             help="Consider other explanations: coercion, fear, intoxication, or not being "
             "given the information."),
        choice("conclusion", "Conclusion", E.CAPACITY_CONCLUSION, required=True,
               section="Conclusion"),
        long("balance_of_probabilities", "Conclusion on the balance of probabilities",
             section="Conclusion"),
        long("fluctuation", "Could the decision wait? Is capacity likely to return?",
             section="Conclusion"),
        quote("persons_view", "The person's view of the decision and the assessment",
              section="Conclusion"),
        long("consulted", "People consulted, and any disagreement", section="Conclusion"),
        multi("next_steps", "Next steps", E.CAPACITY_NEXT_STEP, section="Conclusion"),
        date("review_date", "Review on", section="Conclusion"),
    ),
    rules=(R.capacity_rules,),
)

BEST_INTERESTS_DECISION = RecordKind(
    name="best_interests_decision",
    label="Best-interests decision",
    plural="Best-interests decisions",
    date_field="decided_at",
    title_field="decision",
    fields=(
        case_ref(),
        ref("capacity_assessment_id", "Capacity assessment", "capacity_assessment",
            required=True, section="The decision"),
        when("decided_at", "Decided on", required=True, section="The decision"),
        text("decision_maker", "Decision-maker", required=True, section="The decision"),
        text("decision_maker_role", "Decision-maker's role", section="The decision"),
        flag("lpa_deputy_checked", "Checked for an attorney, deputy or advance decision",
             section="Authority"),
        choice("lpa_deputy_result", "Result of the check", E.LPA_CHECK_RESULT,
               section="Authority", visible_when=("lpa_deputy_checked", (True,))),
        long("lpa_deputy_details", "Details of the check", section="Authority",
             visible_when=("lpa_deputy_checked", (True,))),
        rows("options", "Options considered",
             text("option", "Option", required=True),
             long("benefits", "Benefits"),
             long("burdens_risks", "Burdens and risks"),
             text("restrictiveness", "How restrictive"),
             section="Options"),
        long("participation", "How the person was helped to take part", section="The person"),
        long("wishes_feelings", "Past and present wishes, feelings, beliefs and values",
             section="The person"),
        rows("consultees", "People consulted",
             text("name", "Name", required=True),
             text("relationship", "Relationship or role"),
             long("views", "Their views"),
             date("consulted_on", "Date"),
             text("not_consulted_reason", "Why not consulted"),
             section="Consultation"),
        choice("imca", "IMCA", E.IMCA_STATUS, section="Consultation"),
        text("imca_reason", "IMCA: reason or name", section="Consultation"),
        long("decision", "The decision", required=True, section="Decision"),
        long("least_restrictive_rationale", "Why this is the least restrictive option",
             required=True, section="Decision"),
        long("disagreements", "Disagreements and how they were resolved", section="Decision"),
        flag("court_of_protection_considered", "Court of Protection referral considered",
             section="Decision"),
        choice("dols_screen", "Could this amount to a deprivation of liberty?", E.DOLS_SCREEN,
               section="Decision"),
        text("dols_route", "Authorisation route", section="Decision",
             visible_when=("dols_screen", ("MAY_AMOUNT_TO_DEPRIVATION",))),
        date("review_date", "Review on", section="Decision"),
    ),
    rules=(R.best_interests_rules,),
)

# --- Risk assessment and the plan -------------------------------------------------------------

RISK_ASSESSMENT = RecordKind(
    name="risk_assessment",
    label="Risk assessment",
    plural="Risk assessments",
    date_field="assessed_at",
    title_field="context",
    fields=(
        case_ref(),
        date("assessed_at", "Assessed on", required=True, section="Assessment"),
        text("assessor", "Assessor", section="Assessment"),
        choice("context", "Stage", E.RISK_CONTEXT, section="Assessment"),
        rows("entries", "Risks",
             long("description", "What could happen, to whom, and how", required=True),
             multi("who_at_risk", "Who is at risk", E.WHO_AT_RISK),
             long("history", "History (past incidents, frequency, escalation)"),
             scale("likelihood", "Likelihood (1-5)", required=True),
             scale("impact", "Impact (1-5)", required=True),
             choice("rag", "Rating, if different from the score", E.RAG),
             text("rag_override_reason", "Why the rating differs from the score"),
             long("protective_factors", "Protective factors and strengths"),
             quote("adult_view", "The adult's view of this risk"),
             long("controls", "Controls proposed"),
             ref("risk_item_id", "Linked allegation", "risk_item"),
             section="Risks"),
        ref("capacity_assessment_id", "Capacity assessment for the risk decision",
            "capacity_assessment", section="Assessment"),
        long("residual_risk", "Risk remaining after the plan", section="Summary"),
        flag("marac_referral", "MARAC referral made", section="Domestic abuse"),
        date("marac_referral_date", "MARAC referral date", section="Domestic abuse",
             visible_when=("marac_referral", (True,))),
        Field("dash_score", "DASH checklist score", T.INT, min_value=0, max_value=24,
              section="Domestic abuse"),
        date("dash_date", "DASH completed on", section="Domestic abuse"),
        date("review_date", "Review on", section="Summary"),
    ),
    rules=(R.risk_assessment_rules,),
)

SAFEGUARDING_PLAN = RecordKind(
    name="safeguarding_plan",
    label="Safeguarding plan",
    plural="Safeguarding plans",
    date_field="started_at",
    title_field="status",
    fields=(
        case_ref(),
        choice("status", "Status", E.PLAN_STATUS, required=True, section="Plan"),
        text("lead", "Lead coordinator", section="Plan"),
        date("started_at", "Started", required=True, section="Plan"),
        quote("adult_view", "The adult's aims and view of the plan", section="The adult"),
        choice("adult_agreement", "Did the adult agree the plan?", E.ADULT_AGREEMENT,
               section="The adult"),
        long("views_represented_how", "How the adult's views were represented",
             section="The adult", help="If the adult did not attend or could not agree."),
        rows("agreed_by", "Who agreed the plan",
             text("party", "Who", required=True),
             text("how_agreed", "How"),
             date("agreed_on", "Date"),
             section="The adult"),
        long("safety_steps", "Steps to keep the adult safe", section="Plan"),
        long("protection_arrangements", "Short, medium and long-term arrangements",
             section="Plan"),
        long("contingency", "If the plan fails or risks change", section="Plan"),
        text("review_frequency", "How often it is reviewed", section="Review"),
        date("review_date", "Next review", section="Review"),
        date("ended_at", "Ended", section="Review", visible_when=("status", ("ENDED",))),
        text("end_reason", "Why it ended", section="Review", visible_when=("status", ("ENDED",))),
    ),
    rules=(R.plan_rules,),
)

PLAN_ACTION = RecordKind(
    name="plan_action",
    label="Plan action",
    plural="Plan actions",
    date_field="due_date",
    title_field="action",
    fields=(
        case_ref(),
        ref("plan_id", "Plan", "safeguarding_plan", required=True, section="Action"),
        long("action", "Action", required=True, section="Action"),
        text("owner", "Who", required=True, section="Action"),
        text("owner_organisation", "Organisation", section="Action"),
        date("due_date", "By when", section="Action"),
        choice("status", "Status", E.PLAN_ACTION_STATUS, required=True, section="Action"),
        ref("desired_outcome_id", "Desired outcome it serves", "desired_outcome",
            section="Links"),
        ref("risk_item_id", "Risk it addresses", "risk_item", section="Links"),
        long("completion_note", "What was done, or why it was cancelled", section="Action",
             visible_when=("status", ("DONE", "CANCELLED"))),
    ),
    rules=(R.plan_action_rules,),
)

PLAN_REVIEW = RecordKind(
    name="plan_review",
    label="Plan review",
    plural="Plan reviews",
    date_field="reviewed_at",
    title_field="summary",
    fields=(
        case_ref(),
        ref("plan_id", "Plan", "safeguarding_plan", required=True, section="Review"),
        date("reviewed_at", "Reviewed on", required=True, section="Review"),
        rows("attendees", "Who took part",
             text("name", "Name", required=True),
             text("role", "Role"),
             section="Review"),
        long("summary", "Progress", required=True, section="Review"),
        long("risk_change", "Change in risk", section="Review"),
        quote("adult_view", "The adult's view", section="Review"),
        choice("decision", "Decision", E.PLAN_REVIEW_DECISION, section="Review"),
        date("next_review_date", "Next review", section="Review"),
    ),
    rules=(R.plan_review_rules,),
)

CLOSURE = RecordKind(
    name="closure",
    label="Closure",
    plural="Closures",
    date_field="closed_at",
    title_field="closure_reason",
    fields=(
        case_ref(),
        date("closed_at", "Closed on", required=True, section="Closure"),
        choice("closure_stage", "Stage at closure", E.CASE_STATUS, section="Closure"),
        choice("closure_reason", "Reason", E.CLOSURE_REASON, required=True, section="Closure"),
        text("closure_reason_detail", "Details of the reason", section="Closure",
             visible_when=("closure_reason", ("OTHER",))),
        date("date_of_death", "Date of death", required=True, section="Closure",
             visible_when=("closure_reason", ("ADULT_DIED",)),
             help="Also recorded on the adult, if not already there."),
        quote("adult_view", "The adult's view of closing, in their words", section="The adult"),
        long("adult_view_not_obtained_reason", "Why the adult's view could not be obtained",
             section="The adult"),
        long("outcomes_evaluated_by_adult", "Outcomes, as the adult sees them",
             section="The adult"),
        flag("referrer_informed", "Referrer informed", section="Checklist"),
        flag("partners_informed", "Partner agencies informed", section="Checklist"),
        flag("alleged_source_action_recorded",
             "Action about the person alleged to have caused harm recorded", section="Checklist"),
        flag("others_at_risk_addressed", "Support offered to other adults at risk",
             section="Checklist"),
        choice("childrens_services_referral", "Referral to children's services", E.YES_NO_NA,
               section="Checklist"),
        flag("sar_considered", "Safeguarding Adults Review considered", section="Checklist"),
        text("sar_outcome", "Outcome of the SAR consideration", section="Checklist",
             visible_when=("sar_considered", (True,))),
        long("other_processes_continuing", "Other processes continuing",
             section="Checklist", help="For example a police investigation."),
        long("lessons_learned", "Lessons learned", section="Checklist"),
    ),
    rules=(R.closure_rules,),
)

# A worker's mark on a chronology event: finalised records never change, so whether an event
# is significant is a record of its own that syncs like any other (the newest mark counts).
CHRONOLOGY_MARK = RecordKind(
    name="chronology_mark",
    label="Chronology mark",
    plural="Chronology marks",
    title_field="reason",
    fields=(
        case_ref(),
        Field("target_id", "Event", T.REF, required=True, section="Mark"),
        flag("significant", "Significant event", section="Mark"),
        text("reason", "Why it is significant", section="Mark", max_length=500),
    ),
    rules=(R.chronology_mark_rules,),
)

KINDS: dict[str, RecordKind] = {
    k.name: k
    for k in (
        PERSON,
        RELATED_PERSON,
        CASE,
        CONCERN,
        CONCERN_DECISION,
        ENQUIRY,
        RISK_ITEM,
        CONTACT_NOTE,
        DESIRED_OUTCOME,
        CONSENT_DECISION,
        CAPACITY_ASSESSMENT,
        BEST_INTERESTS_DECISION,
        RISK_ASSESSMENT,
        SAFEGUARDING_PLAN,
        PLAN_ACTION,
        PLAN_REVIEW,
        CLOSURE,
        CHRONOLOGY_MARK,
    )
}


def kind_label(name: str) -> str:
    """A record kind's label, or its name for a kind this version does not know."""
    kind = KINDS.get(name)
    return kind.label if kind else name
