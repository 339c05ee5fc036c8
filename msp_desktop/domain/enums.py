"""Enumerations of the MSP domain (domain.md §9.3 and §6.4), with SAC labels where they exist.

Codes are what is stored; labels are what people read. SAC labels are copied exactly from the
Safeguarding Adults Collection tables and are data, not prose: do not reword them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from msp_desktop.domain import councils


@dataclass(frozen=True)
class Choice:
    code: str
    label: str
    sac: str | None = None  # exact SAC label, where the collection has one
    sac_code: str | None = None  # code of the SAC value this detailed value rolls up to


class Enumeration:
    """An ordered set of choices, looked up by code."""

    def __init__(self, ident: str, choices: list[Choice]) -> None:
        self.ident = ident
        self.choices = tuple(choices)
        self._by_code = {c.code: c for c in self.choices}
        if len(self._by_code) != len(self.choices):
            raise ValueError(f"duplicate code in {ident}")

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self._by_code)

    def __iter__(self) -> Iterator[Choice]:
        return iter(self.choices)

    def __len__(self) -> int:
        return len(self.choices)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Choice:
        return self._by_code[code]

    def label(self, code: str) -> str:
        choice = self._by_code.get(code)
        return choice.label if choice else code

    def sac_label(self, code: str) -> str | None:
        choice = self._by_code.get(code)
        return choice.sac if choice else None

    def __repr__(self) -> str:
        return f"Enumeration({self.ident!r}, {len(self.choices)} choices)"


def _e(ident: str, *items: tuple[str, str] | tuple[str, str, str]) -> Enumeration:
    return Enumeration(ident, [Choice(*item) for item in items])


YES_NO_UNCLEAR = _e("E-YES-NO-UNCLEAR", ("YES", "Yes"), ("NO", "No"), ("UNCLEAR", "Unclear"))
# A yes/no question that must be answered: unlike a tick box, "not answered" is visible.
YES_NO = _e("E-YES-NO", ("YES", "Yes"), ("NO", "No"))



def _detail(ident: str, *items: tuple[str, str, str | None]) -> Enumeration:
    """A detailed list whose values roll up to a coarser SAC enumeration (code, label, sac_code)."""
    return Enumeration(ident, [Choice(code, label, sac_code=sac) for code, label, sac in items])


# --- Case and jurisdiction (§2.2, §8, §9.2) -------------------------------------------------

JURISDICTION = _e("E-JURISDICTION", ("ENG", "England"), ("WAL", "Wales"))

# Councils with adult social services responsibilities, by ONS code (domain/councils.py):
# England's 153 CASSRs, then Wales's 22 councils.
COUNCIL = _e("E-COUNCIL", *councils.ENGLAND, *councils.WALES)

FRAMEWORK = _e(
    "E-FRAMEWORK",
    ("CARE_ACT_S42", "Care Act 2014, section 42 (England)"),
    ("SSWBA_S126", "Social Services and Well-being (Wales) Act 2014, section 126"),
)

# Codes are lower case exactly as domain.md §2.2 / §9.3 spells them.
CASE_STATUS = _e(
    "E-CASE-STATUS",
    ("concern_received", "Concern received"),
    ("information_gathering", "Gathering information"),
    ("decision_made", "Decision made on the concern"),
    ("enquiry_planning", "Planning the enquiry"),
    ("enquiry_in_progress", "Enquiry in progress"),
    ("enquiry_concluded", "Enquiry concluded"),
    ("plan_active", "Safeguarding plan in place"),
    ("plan_under_review", "Safeguarding plan under review"),
    ("closed", "Closed"),
    ("reopened", "Reopened"),
)

YES_NO_NOT_KNOWN = _e("E-YES-NO-NK", ("YES", "Yes"), ("NO", "No"), ("NOT_KNOWN", "Not known"))
YES_NO_NA = _e("E-YES-NO-NA", ("YES", "Yes"), ("NO", "No"), ("NOT_APPLICABLE", "Not applicable"))

# --- Concern and decision (§2.1, §2.2, §8.2) ------------------------------------------------

REFERRAL_SOURCE = _e(
    "E-REFERRAL-SOURCE",
    ("SELF", "The adult themselves"),
    ("FAMILY_FRIEND_NEIGHBOUR", "Family, friend or neighbour"),
    ("VOLUNTARY_SECTOR", "Voluntary sector organisation"),
    ("HOSPITAL", "Hospital"),
    ("HEALTH_PROFESSIONAL", "Health professional (GP, community health)"),
    ("HOUSING", "Housing"),
    ("COUNCIL_SERVICE", "Another council service"),
    ("HOME_CARE_PROVIDER", "Home care provider"),
    ("CARE_HOME_PROVIDER", "Care home provider"),
    ("POLICE", "Police"),
    ("AMBULANCE", "Ambulance service"),
    ("FIRE", "Fire and rescue service"),
    ("REGULATOR", "Regulator (for example CQC)"),
    ("ANONYMOUS", "Anonymous"),
    ("OTHER", "Other"),
)

OTHERS_AT_RISK = _e(
    "E-OTHERS-AT-RISK",
    ("NONE", "No one else known to be at risk"),
    ("ADULTS", "Other adults"),
    ("CHILDREN", "Children"),
    ("NOT_KNOWN", "Not known"),
)

CONCERN_DECISION = _e(
    "E-CONCERN-DECISION",
    ("S42_ENQUIRY", "Section 42 enquiry"),
    ("OTHER_ENQUIRY", "Other safeguarding enquiry"),
    ("NO_ENQUIRY", "No safeguarding enquiry"),
)

CRITERIA_NOT_MET = _e(
    "E-CRITERIA-NOT-MET",
    ("NO_CARE_SUPPORT_NEEDS", "The adult does not have needs for care and support"),
    ("NOT_EXPERIENCING_OR_AT_RISK",
     "The adult is not experiencing, or at risk of, abuse or neglect"),
    ("ABLE_TO_PROTECT_SELF", "The adult is able to protect themselves"),
)

NON_ENQUIRY_RESPONSE = _e(
    "E-NON-ENQUIRY-RESPONSE",
    ("NO_ACTION", "No action"),
    ("ADVICE_GUIDANCE", "Advice and guidance"),
    ("CARE_ACT_ASSESSMENT", "Care Act assessment"),
    ("CASE_MANAGEMENT", "Case management"),
    ("REVIEW", "Review"),
    ("OTHER_COUNCIL_SERVICE", "Passed to another council service"),
    ("SIGNPOSTED_EXTERNAL", "Signposted to an external agency"),
    ("PASSED_OTHER_LA", "Passed to another local authority"),
)

# §8.2 gives the full codes; §9.3 abbreviates them to DET1..DET3.
WALES_DETERMINATION = _e(
    "E-WALES-DETERMINATION",
    ("DET1_IMMEDIATE_PROTECTION", "1 – Immediate protection needed"),
    ("DET2_NOT_AT_RISK_MAY_HAVE_CS_NEEDS",
     "2 – Not an adult at risk, but may have care and support needs"),
    ("DET3_AT_RISK_ACTION_NEEDED", "3 – An adult at risk, and action is needed to protect them"),
    ("NFA", "No further action"),
)

# --- Enquiry and SAC case details (§6.4) ----------------------------------------------------

ENQUIRY_TYPE = _e(
    "E-ENQUIRY-TYPE",
    ("S42", "Section 42 enquiry"),
    ("OTHER", "Other safeguarding enquiry"),
)

PLANNING = _e(
    "E-PLANNING",
    ("CONVERSATION", "Conversation"),
    ("CALLS", "Phone calls"),
    ("PLANNING_MEETING", "Planning meeting"),
    ("STRATEGY_MEETING", "Strategy meeting"),
)

ABUSE_TYPE = _e(
    "E-ABUSE-TYPE",
    ("PHYSICAL", "Physical abuse", "Physical Abuse"),
    ("SEXUAL", "Sexual abuse", "Sexual Abuse"),
    ("PSYCHOLOGICAL", "Psychological abuse", "Psychological Abuse"),
    ("FINANCIAL", "Financial or material abuse", "Financial or Material Abuse"),
    ("DISCRIMINATORY", "Discriminatory abuse", "Discriminatory Abuse"),
    ("ORGANISATIONAL", "Organisational abuse", "Organisational Abuse"),
    ("NEGLECT", "Neglect and acts of omission", "Neglect and Acts of Omission"),
    ("DOMESTIC", "Domestic abuse", "Domestic Abuse"),
    ("SEXUAL_EXPLOITATION", "Sexual exploitation", "Sexual Exploitation"),
    ("MODERN_SLAVERY", "Modern slavery", "Modern Slavery"),
    ("SELF_NEGLECT", "Self-neglect", "Self-Neglect"),
)

LOCATION = _e(
    "E-LOCATION",
    ("OWN_HOME", "The adult's own home", "Own Home"),
    ("IN_COMMUNITY", "In the community (not a community service)", "In the Community"),
    ("COMMUNITY_SERVICE", "In a community service", "Community Service"),
    ("CARE_HOME_NURSING", "Care home with nursing", "Care Home - Nursing"),
    ("CARE_HOME_RESIDENTIAL", "Residential care home", "Care Home - Residential"),
    ("HOSPITAL_ACUTE", "Acute hospital", "Hospital - Acute"),
    ("HOSPITAL_MENTAL_HEALTH", "Mental health hospital", "Hospital - Mental Health"),
    ("HOSPITAL_COMMUNITY", "Community hospital", "Hospital - Community"),
    ("OTHER", "Somewhere else", "Other"),
)

SOURCE_SAC = _e(
    "E-SOURCE-SAC",
    ("SERVICE_PROVIDER", "A paid social care provider", "Service Provider"),
    ("OTHER_KNOWN", "Someone else the adult knows (including self)",
     "Other - Known to individual"),
    ("OTHER_UNKNOWN", "Someone the adult does not know", "Other - Unknown to individual"),
)

# Hackney's detailed list (§6.4.3), rolled up to SOURCE_SAC through sac_code. Staff of health,
# assessment and care management, the police, a regulator or another organisation have no
# fixed roll-up: they are never a Service Provider (§6.4.3), and whether the adult knew them
# is the worker's answer (OTHER_KNOWN or OTHER_UNKNOWN). People paid to care, however paid
# (a personal assistant, a carer paid by direct payment or by the adult), are Service Providers.
SOURCE_DETAIL = _detail(
    "E-SOURCE-DETAIL",
    ("PROVIDER_PUBLIC", "Social care provider – public sector", "SERVICE_PROVIDER"),
    ("PROVIDER_PRIVATE", "Social care provider – private sector", "SERVICE_PROVIDER"),
    ("PROVIDER_VOLUNTARY", "Social care provider – voluntary sector", "SERVICE_PROVIDER"),
    ("PERSONAL_ASSISTANT", "Personal assistant employed by the adult", "SERVICE_PROVIDER"),
    ("DIRECT_PAYMENT_CARER", "Paid carer arranged with a direct payment", "SERVICE_PROVIDER"),
    ("SELF_FUNDED_CARER", "Paid carer the adult funds themselves", "SERVICE_PROVIDER"),
    ("SELF", "The adult themselves (self-neglect)", "OTHER_KNOWN"),
    ("FAMILY_CARER", "Relative, family member or unpaid carer", "OTHER_KNOWN"),
    ("KNOWN_NOT_RELATED", "Someone known but not related", "OTHER_KNOWN"),
    ("HEALTH", "Primary, secondary or community health staff", None),
    ("ASSESSMENT_CARE_MANAGEMENT", "Assessment and care management staff", None),
    ("POLICE", "Police", None),
    ("REGULATOR", "Regulator", None),
    ("OTHER_ORGANISATION", "Other public, private or voluntary organisation", None),
    ("STRANGER", "A stranger", "OTHER_UNKNOWN"),
    ("UNKNOWN_OTHER", "Another source the adult does not know", "OTHER_UNKNOWN"),
)

# Detailed sources the SAC never counts as a Service Provider, whichever way the adult knew them.
SOURCE_NEVER_PROVIDER = frozenset(
    {"HEALTH", "ASSESSMENT_CARE_MANAGEMENT", "POLICE", "REGULATOR", "OTHER_ORGANISATION"}
)

RISK_OUTCOME = _e(
    "E-RISK-OUTCOME",
    ("RISK_ID_ACTION", "Risk found, action taken", "Risk identified and action taken"),
    ("RISK_ID_NO_ACTION", "Risk found, no action taken", "Risk identified and no action taken"),
    ("INCONCLUSIVE_ACTION", "Inconclusive, action taken",
     "Risk Assessment inconclusive and action taken"),
    ("INCONCLUSIVE_NO_ACTION", "Inconclusive, no action taken",
     "Risk Assessment inconclusive and no action taken"),
    ("NO_RISK_ACTION", "No risk found, action taken", "No risk identified and action taken"),
    ("NO_RISK_NO_ACTION", "No risk found, no action taken",
     "No risk identified and no action taken"),
    ("CEASED_AT_REQUEST", "Enquiry stopped at the adult's request, no action taken",
     "Enquiry ceased at individual's request and no action taken"),
)

# Outcomes after which a risk result (remained / reduced / removed) is recorded (§6.4.5).
RISK_IDENTIFIED_OUTCOMES = frozenset({"RISK_ID_ACTION", "RISK_ID_NO_ACTION"})

RISK_RESULT = _e(
    "E-RISK-RESULT",
    ("REMAINED", "The risk remained", "Risk remained"),
    ("REDUCED", "The risk was reduced", "Risk reduced"),
    ("REMOVED", "The risk was removed", "Risk removed"),
    ("NOT_APPLICABLE", "Not applicable – no risk identified"),
)

MSP_ASKED = _e(
    "E-MSP-ASKED",
    ("ASKED_EXPRESSED", "Asked, and outcomes were expressed",
     "Yes they were asked and outcomes were expressed"),
    ("ASKED_NONE_EXPRESSED", "Asked, but no outcomes were expressed",
     "Yes they were asked but no outcomes were expressed"),
    ("NOT_ASKED", "Not asked", "No"),
    ("DONT_KNOW", "Don't know", "Don't Know"),
    ("NOT_RECORDED", "Not recorded", "Not Recorded"),
)

MSP_ACHIEVED = _e(
    "E-MSP-ACHIEVED",
    ("FULLY", "Fully achieved", "Fully Achieved"),
    ("PARTIALLY", "Partly achieved", "Partially Achieved"),
    ("NOT_ACHIEVED", "Not achieved", "Not Achieved"),
)
# Per-outcome achievement uses the same three values (E-OUTCOME-ACHIEVEMENT).
OUTCOME_ACHIEVEMENT = MSP_ACHIEVED

SAC_CAPACITY = _e(
    "E-SAC-CAPACITY",
    ("LACKED", "Yes, the adult lacked capacity", "Yes, they lacked capacity"),
    ("NOT_LACKED", "No, the adult did not lack capacity", "No, they did not lack capacity"),
    ("DONT_KNOW", "Don't know", "Don't know"),
    ("NOT_RECORDED", "Not recorded", "Not recorded"),
)

# Who supported an adult who lacked capacity (SG3a sub-item counts any of these).
SUPPORT_TYPE = _e(
    "E-SUPPORT-TYPE",
    ("ADVOCATE", "Advocate"),
    ("IMCA", "Independent Mental Capacity Advocate (IMCA)"),
    ("FAMILY", "Family member"),
    ("FRIEND", "Friend"),
    ("OTHER", "Other"),
)

# --- Person demographics (§6.4.8 – §6.4.11) -------------------------------------------------

AGE_BAND = _e(
    "E-AGE-BAND",
    ("18_64", "18 to 64", "18-64"),
    ("65_74", "65 to 74", "65-74"),
    ("75_84", "75 to 84", "75-84"),
    ("85_94", "85 to 94", "85-94"),
    ("95_PLUS", "95 and over", "95+"),
    ("AGE_UNKNOWN", "Age not known"),
)

GENDER_SAC = _e(
    "E-GENDER-SAC",
    ("MALE", "Male", "Male"),
    ("FEMALE", "Female", "Female"),
    ("NOT_KNOWN", "Not known", "Not Known"),
)

ETHNICITY_SAC = _e(
    "E-ETHNICITY-SAC",
    ("WHITE", "White", "White"),
    ("MIXED", "Mixed or multiple ethnic groups", "Mixed / Multiple"),
    ("ASIAN", "Asian or Asian British", "Asian / Asian British"),
    ("BLACK", "Black, African, Caribbean or Black British",
     "Black / African / Caribbean / Black British"),
    ("OTHER", "Other ethnic group", "Other Ethnic Group"),
    ("REFUSED", "Refused to say", "Refused"),
    ("NOT_KNOWN", "Not stated or not known", "Undeclared / Not Known"),
)

# NHS Data Dictionary ethnic category. Chinese (R) rolls up to ASIAN in the 2011 census
# style the SAC group names follow; domain.md §10 item 3 asks for this to be confirmed.
ETHNICITY_NHS = _detail(
    "E-ETHNICITY-NHS",
    ("A", "White – British", "WHITE"),
    ("B", "White – Irish", "WHITE"),
    ("C", "White – any other White background", "WHITE"),
    ("D", "Mixed – White and Black Caribbean", "MIXED"),
    ("E", "Mixed – White and Black African", "MIXED"),
    ("F", "Mixed – White and Asian", "MIXED"),
    ("G", "Mixed – any other mixed background", "MIXED"),
    ("H", "Asian or Asian British – Indian", "ASIAN"),
    ("J", "Asian or Asian British – Pakistani", "ASIAN"),
    ("K", "Asian or Asian British – Bangladeshi", "ASIAN"),
    ("L", "Asian or Asian British – any other Asian background", "ASIAN"),
    ("M", "Black or Black British – Caribbean", "BLACK"),
    ("N", "Black or Black British – African", "BLACK"),
    ("P", "Black or Black British – any other Black background", "BLACK"),
    ("R", "Other ethnic group – Chinese", "ASIAN"),
    ("S", "Other ethnic group – any other ethnic group", "OTHER"),
    ("Z", "Not stated (the person chose not to say)", "REFUSED"),
    ("99", "Not known", "NOT_KNOWN"),
)

PSR_SAC = _e(
    "E-PSR-SAC",
    ("PHYSICAL", "Physical support", "Physical Support"),
    ("SENSORY", "Sensory support", "Sensory Support"),
    ("MEMORY_COGNITION", "Support with memory and cognition", "Support with Memory and Cognition"),
    ("LEARNING_DISABILITY", "Learning disability support", "Learning Disability Support"),
    ("MENTAL_HEALTH", "Mental health support", "Mental Health Support"),
    ("SOCIAL", "Social support", "Social Support"),
    ("NONE", "No support reason", "No Support Reason"),
    ("NOT_KNOWN", "Not known", "Not Known"),
)

PSR_DETAIL = _detail(
    "E-PSR-DETAIL",
    ("ACCESS_MOBILITY", "Access and mobility only", "PHYSICAL"),
    ("PERSONAL_CARE", "Personal care support", "PHYSICAL"),
    ("VISUAL", "Support for visual impairment", "SENSORY"),
    ("HEARING", "Support for hearing impairment", "SENSORY"),
    ("DUAL_IMPAIRMENT", "Support for dual impairment", "SENSORY"),
    ("MEMORY_COGNITION", "Support with Memory and Cognition", "MEMORY_COGNITION"),
    ("LEARNING_DISABILITY", "Learning Disability Support", "LEARNING_DISABILITY"),
    ("MENTAL_HEALTH", "Mental Health Support", "MENTAL_HEALTH"),
    ("SUBSTANCE_MISUSE", "Substance misuse support", "SOCIAL"),
    ("ASYLUM_SEEKER", "Asylum seeker support", "SOCIAL"),
    ("SOCIAL_ISOLATION_OTHER", "Support for social isolation / other", "SOCIAL"),
)

# Health conditions (§6.4.12, §9.2 PersonHealthCondition). The two autism rows of SG1e are
# mandatory in the SAC and carry its exact labels; the other SG1e rows are voluntary, so the
# remaining codes are a practical list without SAC labels (the free-text details say more).
HEALTH_CONDITION = _e(
    "E-HEALTH-COND",
    ("AUTISM", "Autism (not Asperger's syndrome or high-functioning autism)",
     "Learning, Developmental or Intellectual Disability (Autism excluding Asperger's "
     "Syndrome/ High Functioning Autism)"),
    ("ASPERGERS", "Asperger's syndrome or high-functioning autism",
     "Learning, Developmental or Intellectual Disability (Asperger's Syndrome/ High "
     "Functioning Autism)"),
    ("LEARNING_DISABILITY", "Learning disability"),
    ("DEMENTIA", "Dementia"),
    ("MENTAL_HEALTH", "Mental health condition"),
    ("ACQUIRED_BRAIN_INJURY", "Acquired brain injury"),
    ("NEUROLOGICAL", "Neurological condition (not dementia)"),
    ("PHYSICAL_DISABILITY", "Physical disability"),
    ("LONG_TERM_CONDITION", "Long-term physical illness (for example heart or lung disease)"),
    ("FRAILTY", "Frailty or temporary illness"),
    ("VISUAL", "Sight loss"),
    ("HEARING", "Hearing loss"),
    ("DUAL_SENSORY", "Sight and hearing loss"),
    ("SUBSTANCE_MISUSE", "Drug or alcohol misuse"),
    ("OTHER", "Another condition (say which in the details)"),
)

CONTACT_ROLE = _e(
    "E-CONTACT-ROLE",
    ("CARER_UNPAID", "Unpaid carer"),
    ("FAMILY", "Family member"),
    ("FRIEND", "Friend"),
    ("NEIGHBOUR", "Neighbour"),
    ("ADVOCATE", "Advocate"),
    ("IMCA", "Independent Mental Capacity Advocate (IMCA)"),
    ("LPA_HW_DONEE", "Attorney under a Lasting Power of Attorney (health and welfare)"),
    ("LPA_PFA_DONEE", "Attorney under a Lasting Power of Attorney (property and financial)"),
    ("DEPUTY", "Deputy appointed by the Court of Protection"),
    ("ALLEGED_CAUSED_HARM", "Person alleged to have caused harm"),
    ("PROFESSIONAL", "Professional"),
    ("REFERRER", "Referrer"),
    ("APPROPRIATE_INDIVIDUAL", "Appropriate individual (Care Act s.68)"),
)

# --- Consent and information sharing (§3) ----------------------------------------------------

CONSENT_TYPE = _e(
    "E-CONSENT-TYPE",
    ("RAISE_CONCERN", "Raising a safeguarding concern"),
    ("S42_INVOLVEMENT", "A safeguarding enquiry or intervention"),
    ("SHARE_INFO", "Sharing information"),
    ("POLICE_REFERRAL", "Telling the police"),
    ("ADVOCACY", "An advocate or appropriate individual"),
    ("NEEDS_ASSESSMENT", "A Care Act needs assessment"),
    ("OTHER", "Something else (examination, photographs, access to records)"),
)

CONSENT_STATUS = _e(
    "E-CONSENT-STATUS",
    ("GIVEN", "Agreed"),
    ("GIVEN_WITH_LIMITS", "Agreed with limits"),
    ("REFUSED", "Refused"),
    ("WITHDRAWN", "Agreed, then withdrew"),
    ("NOT_SOUGHT", "Not asked"),
    ("PENDING", "Not yet decided"),
)

# Statuses where the adult declined, so the practitioner either respects or overrides it.
DECLINED_STATUSES = ("REFUSED", "WITHDRAWN")

NOT_SOUGHT = _e(
    "E-NOT-SOUGHT",
    ("WOULD_INCREASE_RISK", "Asking would increase the risk to the adult or to others"),
    ("NOT_PRACTICABLE", "Not practicable: access denied or the adult could not be found in time"),
    ("LACKS_CAPACITY_BI", "The adult lacks capacity and a best-interests decision was made"),
    ("EMERGENCY", "Emergency"),
    ("OTHER", "Other reason"),
)

DECIDED_BY = _e(
    "E-DECIDED-BY",
    ("ADULT", "The adult"),
    ("LPA", "An attorney under a Lasting Power of Attorney"),
    ("DEPUTY", "A deputy appointed by the Court of Protection"),
    ("NOT_APPLICABLE", "Not applicable"),
)

CAPACITY_FOR_DECISION = _e(
    "E-CAPACITY-FOR-DECISION",
    ("PRESUMED", "Capacity presumed, no reason to doubt it"),
    ("ASSESSED_HAS", "Assessed: has capacity for this decision"),
    ("ASSESSED_LACKS", "Assessed: lacks capacity for this decision"),
)

OVERRIDE_GROUND = _e(
    "E-OVERRIDE-GROUND",
    ("LACKS_CAPACITY_BI", "The adult lacks capacity for the decision, and a best-interests "
     "decision has been made to proceed or share"),
    ("RISK_TO_OTHER_ADULTS", "Other adults are, or may be, at risk"),
    ("RISK_TO_CHILDREN", "Children are, or may be, at risk"),
    ("SERIOUS_CRIME", "A serious crime has been committed, or sharing could prevent or detect one"),
    ("STAFF_OR_SERVICE_IMPLICATED", "Staff or a service provider are implicated"),
    ("COERCION_UNDUE_INFLUENCE", "The adult has capacity but may be under duress, coercion or "
     "undue influence"),
    ("HIGH_RISK_LIFE_OR_LIMB", "The risk is very high, to life or limb (vital interests)"),
    ("MARAC_THRESHOLD", "The risk meets the threshold for a domestic-abuse MARAC referral"),
    ("ALLEGED_ABUSER_HAS_NEEDS", "The alleged abuser has care and support needs and may also be "
     "at risk"),
    ("LEGAL_REQUIREMENT", "A court order or other legal authority requires disclosure"),
    ("PUBLIC_INTEREST_OTHER",
     "Another public interest outweighs confidentiality (give the reason)"),
)

CONSULTED = _e(
    "E-CONSULTED",
    ("MANAGER", "Manager"),
    ("SAFEGUARDING_LEAD", "Safeguarding lead"),
    ("CALDICOTT_GUARDIAN", "Caldicott Guardian"),
    ("DPO", "Data Protection Officer"),
    ("LEGAL", "Legal services"),
)

ART6 = _e(
    "E-ART6",
    ("A_CONSENT", "Article 6(1)(a): consent"),
    ("C_LEGAL_OBLIGATION", "Article 6(1)(c): legal obligation"),
    ("D_VITAL_INTERESTS", "Article 6(1)(d): vital interests"),
    ("E_PUBLIC_TASK", "Article 6(1)(e): public task"),
    ("EA_RECOGNISED_LI_SAFEGUARDING",
     "Article 6(1)(ea): recognised legitimate interest (safeguarding)"),
)

ART9 = _e(
    "E-ART9",
    ("C_VITAL_INTERESTS", "Article 9(2)(c): vital interests"),
    ("G_SPI_SCH1_P18_SAFEGUARDING",
     "Article 9(2)(g): substantial public interest – safeguarding (DPA 2018 Sch.1 para 18)"),
    ("H_HEALTH_SOCIAL_CARE_SCH1_P2",
     "Article 9(2)(h): health or social care (DPA 2018 Sch.1 para 2)"),
    ("F_LEGAL_CLAIMS", "Article 9(2)(f): legal claims"),
    ("B_SOCIAL_PROTECTION_SCH1_P1",
     "Article 9(2)(b): employment, social security and social protection (DPA 2018 Sch.1 para 1)"),
)

COMMON_LAW_BASIS = _e(
    "E-COMMON-LAW-BASIS",
    ("CONSENT", "Consent"),
    ("LEGAL_DUTY", "Legal duty"),
    ("PUBLIC_INTEREST", "Public interest"),
)

# --- Mental capacity and best interests (§4) -------------------------------------------------

DECISION_CAT = _e(
    "E-DECISION-CAT",
    ("ENQUIRY_PARTICIPATION", "Taking part in the safeguarding enquiry"),
    ("CONSENT_TO_SHARE", "Consent to share information"),
    ("RESIDENCE", "Where to live"),
    ("CARE", "Care and support"),
    ("CONTACT", "Contact with other people"),
    ("FINANCES", "Managing money and property"),
    ("MEDICAL", "Medical treatment"),
    ("SEXUAL_RELATIONS", "Sexual relations"),
    ("SOCIAL_MEDIA", "Use of the internet and social media"),
    ("TENANCY", "Signing or ending a tenancy"),
    ("OTHER", "Another decision"),
)

FUNC = _e("E-FUNC", ("ABLE", "Able"), ("UNABLE", "Unable"), ("NOT_ASSESSED", "Not assessed"))

CAPACITY_CONCLUSION = _e(
    "E-CAPACITY-CONCLUSION",
    ("HAS_CAPACITY", "Has capacity for this decision"),
    ("LACKS_CAPACITY", "Lacks capacity for this decision"),
    ("UNABLE_TO_CONCLUDE", "Unable to reach a conclusion"),
)

IMPAIRMENT_DURATION = _e(
    "E-IMPAIRMENT-DURATION",
    ("TEMPORARY", "Temporary"),
    ("PERMANENT", "Permanent or long term"),
    ("NOT_KNOWN", "Not known"),
)

CAPACITY_NEXT_STEP = _e(
    "E-CAPACITY-NEXT-STEP",
    ("BEST_INTERESTS", "Best-interests decision"),
    ("REFER_LPA_DEPUTY", "Refer to the attorney or deputy"),
    ("IMCA", "Instruct an IMCA"),
    ("COURT_OF_PROTECTION", "Court of Protection"),
    ("NONE", "No further step"),
)

LPA_CHECK_RESULT = _e(
    "E-LPA-CHECK",
    ("NONE_FOUND", "No attorney, deputy or advance decision found"),
    ("HOLDER_HAS_AUTHORITY", "An attorney or deputy has authority for this decision"),
    ("HOLDER_NO_AUTHORITY", "An attorney or deputy exists but has no authority for this decision"),
    ("ADRT_APPLIES", "A valid advance decision to refuse treatment applies"),
)

IMCA_STATUS = _e(
    "E-IMCA-STATUS",
    ("REQUIRED", "Required, not yet instructed"),
    ("INSTRUCTED", "Instructed"),
    ("NOT_REQUIRED", "Not required"),
)

DOLS_SCREEN = _e(
    "E-DOLS-SCREEN",
    ("NO_DEPRIVATION", "The plan would not amount to a deprivation of liberty"),
    ("MAY_AMOUNT_TO_DEPRIVATION", "The plan may amount to a deprivation of liberty"),
    ("NOT_ASSESSED", "Not considered yet"),
)

AUTHORITY = _e(
    "E-AUTHORITY",
    ("LPA_HW", "Lasting Power of Attorney – health and welfare"),
    ("LPA_PFA", "Lasting Power of Attorney – property and financial affairs"),
    ("EPA", "Enduring Power of Attorney"),
    ("DEPUTY_HW", "Deputy – health and welfare"),
    ("DEPUTY_PFA", "Deputy – property and affairs"),
    ("ADRT", "Advance decision to refuse treatment"),
    ("DOLS_STANDARD", "Deprivation of Liberty Safeguards – standard authorisation"),
    ("DOLS_URGENT", "Deprivation of Liberty Safeguards – urgent authorisation"),
    ("COP_ORDER", "Court of Protection order"),
    ("DWP_APPOINTEE", "DWP appointee"),
    ("MHA_SECTION", "Mental Health Act section"),
    ("MHA_GUARDIANSHIP", "Mental Health Act guardianship"),
    ("OTHER", "Other authority"),
)

ADVOCACY = _e(
    "E-ADVOCACY",
    ("CARE_ACT_S68", "Independent advocate (Care Act s.68)"),
    ("IMCA_STATUTORY", "IMCA (statutory)"),
    ("IMCA_SAFEGUARDING_DISCRETIONARY", "IMCA in safeguarding (discretionary)"),
    ("IMHA", "Independent Mental Health Advocate (IMHA)"),
    ("DOLS_RPR", "Relevant person's representative (DoLS)"),
    ("INFORMAL_APPROPRIATE_INDIVIDUAL", "Appropriate individual (informal)"),
    ("SELF_ARRANGED", "Advocate the adult arranged"),
)

# --- Desired outcomes (§1.2, §9.2) ----------------------------------------------------------

OUTCOME_STATUS = _e(
    "E-OUTCOME-STATUS", ("ACTIVE", "Current"), ("REVISED", "Changed"), ("WITHDRAWN", "Withdrawn")
)

EXPRESSED_BY = _e(
    "E-EXPRESSED-BY", ("ADULT", "The adult"), ("REPRESENTATIVE", "The adult's representative")
)

# --- Risk, plans and reviews (§5) -----------------------------------------------------------

RAG = _e("E-RAG", ("RED", "High risk (red)"), ("AMBER", "Medium risk (amber)"),
         ("GREEN", "Low risk (green)"))

RISK_CONTEXT = _e(
    "E-RISK-CONTEXT",
    ("CONCERN", "At the concern"),
    ("ENQUIRY", "During the enquiry"),
    ("REVIEW", "At a review"),
)

WHO_AT_RISK = _e(
    "E-WHO-AT-RISK",
    ("ADULT", "The adult"),
    ("OTHER_ADULTS", "Other adults"),
    ("CHILDREN", "Children"),
    ("STAFF_PUBLIC", "Staff or the public"),
)

ADULT_AGREEMENT = _e(
    "E-ADULT-AGREEMENT",
    ("AGREED", "The adult agreed the plan"),
    ("PARTLY_AGREED", "The adult agreed part of the plan"),
    ("NOT_AGREED", "The adult did not agree the plan"),
    ("UNABLE_TO_AGREE", "The adult was unable to agree the plan"),
)

PLAN_STATUS = _e(
    "E-PLAN-STATUS",
    ("DRAFT", "Being drawn up"),
    ("ACTIVE", "In place"),
    ("UNDER_REVIEW", "Under review"),
    ("ENDED", "Ended"),
)

# OVERDUE is derived from the due date (§5.4), never stored.
PLAN_ACTION_STATUS = _e(
    "E-PLAN-ACTION-STATUS",
    ("NOT_STARTED", "Not started"),
    ("IN_PROGRESS", "In progress"),
    ("DONE", "Done"),
    ("CANCELLED", "Cancelled"),
)

PLAN_REVIEW_DECISION = _e(
    "E-PLAN-REVIEW-DECISION",
    ("CONTINUE", "Continue the plan"),
    ("AMEND", "Change the plan"),
    ("END_PLAN", "End the plan"),
)

# --- Contact notes and closure (§7.2, §2.2) -------------------------------------------------

NOTE_TYPE = _e(
    "E-NOTE-TYPE",
    ("HOME_VISIT", "Home visit"),
    ("OFFICE_VISIT", "Office visit"),
    ("VIRTUAL_VISIT", "Video call"),
    ("NO_REPLY_VISIT", "Visit – no reply"),
    ("PHONE", "Phone call"),
    ("EMAIL_LETTER_TEXT", "Email, letter or text message"),
    ("MEETING", "Meeting"),
    ("CASE_DISCUSSION", "Case discussion"),
    ("SUPERVISION", "Supervision"),
    ("MANAGER_DECISION", "Manager's decision"),
    ("OBSERVATION", "Observation"),
    ("OTHER", "Other"),
)

CONTACT_MODE = _e("E-CONTACT-MODE", ("FACE_TO_FACE", "Face to face"), ("REMOTE", "Remote"))

ATTENDANCE = _e(
    "E-ATTENDANCE", ("PRESENT", "In person"), ("BY_PHONE", "By phone"), ("BY_VIDEO", "By video")
)

CLOSURE_REASON = _e(
    "E-CLOSURE-REASON",
    ("OUTCOMES_MET_RISK_MANAGED", "The adult's outcomes were met and the risk is managed"),
    ("ADULT_DECLINED_CAPACITOUS_NO_OTHERS_AT_RISK",
     "The adult, who has capacity, declined support and no one else is at risk"),
    ("NO_FURTHER_SAFEGUARDING_ROLE", "No further safeguarding role"),
    ("TRANSFERRED_OTHER_LA", "Transferred to another local authority"),
    ("TRANSFERRED_OTHER_PROCESS", "Passed to another process"),
    ("ADULT_MOVED", "The adult moved away"),
    ("ADULT_DIED", "The adult died"),
    ("OTHER", "Other reason"),
)

AMENDMENT_TYPE = _e(
    "E-AMENDMENT-TYPE",
    ("CORRECTION", "Correction"),
    ("ADDENDUM", "Addendum"),
    ("ENTERED_IN_ERROR", "Entered in error"),
)
