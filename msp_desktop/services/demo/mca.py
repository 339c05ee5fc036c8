"""Mental capacity wording that agrees with itself: the impairment the adult really has, the
decision the assessment is about, evidence for that decision, and a best-interests decision
that answers the question asked."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Impairment:
    trigger: str
    descriptions: tuple[str, ...]
    short: str  # "because of {short}"
    duration: str  # E-IMPAIRMENT-DURATION
    fluctuation: str
    condition: str  # the health condition on the person record


IMPAIRMENTS = {
    "dementia": Impairment(
        "Diagnosis of dementia and the GP's note of recent confusion.",
        ("Alzheimer's disease, diagnosed by the memory clinic last year.",
         "Vascular dementia following a stroke (GP record).",
         "Mixed dementia (memory clinic letter)."),
        "the dementia", "PERMANENT",
        "Capacity is unlikely to return; the decision cannot wait.", "DEMENTIA"),
    "ld": Impairment(
        "Learning disability; {adult} gave inconsistent answers when the options were "
        "discussed.",
        ("Moderate learning disability, known to the community learning disability team.",
         "Learning disability and autism (learning disability team records)."),
        "the learning disability", "PERMANENT",
        "This is a lifelong condition; capacity for this decision is not expected to change.",
        "LEARNING_DISABILITY"),
    "mh": Impairment(
        "{adult}'s care coordinator reports a relapse of psychotic symptoms.",
        ("Schizophrenia, in relapse since {her} medication stopped (care coordinator's "
         "letter).", "Bipolar disorder, currently in a manic episode (psychiatrist's letter)."),
        "the relapse of {her} mental illness", "TEMPORARY",
        "Capacity may return once the relapse is treated; the risk is current, so the "
        "decision cannot wait.", "MENTAL_ILLNESS"),
}


@dataclass(frozen=True)
class Question:
    question: str
    topic: str  # what could not be understood or retained
    weigh: str  # evidence for "unable to use or weigh"
    retain: str  # evidence for "unable to retain"
    options: tuple[tuple[str, str, str, str], ...]  # option, benefits, burdens, restrictiveness
    decision: str
    rationale: str


def question(category: str, in_care: bool) -> Question:
    """The wording of a capacity question in this category, for an adult at home or in care."""
    if category == "ENQUIRY_PARTICIPATION":
        return Question(
            "Whether {adult} can decide to take part in the safeguarding enquiry.",
            "what the enquiry is for and what would happen in it",
            "{adult} said it would help to talk to someone, then that no one must be told "
            "anything, and could not weigh one against the other.",
            "Ten minutes later {adult} did not remember that we had talked about the "
            "enquiry.",
            (("Go ahead with the enquiry, with an advocate to put {adult}'s views",
              "The harm can be looked into and stopped", "Intrusive; {adult} may be upset",
              "Less restrictive"),
             ("Take no further action", "No intrusion", "The harm may continue unchecked",
              "Least restrictive")),
            "Go ahead with the enquiry, with an advocate to represent {adult}, sharing only "
            "what the enquiry needs.",
            "No further action would leave {adult} at risk; an enquiry with an advocate "
            "keeps {her_obj} at the centre and intrudes as little as possible.")
    if category == "CONSENT_TO_SHARE":
        return Question(
            "Whether {adult} can decide to agree to information about the concern being "
            "shared with the agencies involved.",
            "what would be shared, with whom and why",
            "{adult} agreed that the GP could be told, then said no one should know, and "
            "could not weigh the risk of not sharing against keeping it private.",
            "Ten minutes later {adult} did not remember that we had talked about sharing "
            "information.",
            (("Share the concern with the GP and the agencies making the enquiry",
              "Those who can protect {adult} know what is happening",
              "{adult}'s private information goes to others", "Less restrictive"),
             ("Share nothing", "Privacy kept", "No one can act on the risk",
              "Least restrictive")),
            "Share the concern and {adult}'s wishes with the GP and the agencies making the "
            "enquiry, and no one else.",
            "Sharing only what is needed with those who can act is the least intrusive way "
            "to keep {adult} safe.")
    if category == "RESIDENCE":
        if in_care:
            return Question(
                "Whether {adult} can decide to stay at {org} or move to another care home.",
                "what each care home offers and what a move would involve",
                "{adult} said {she} likes {her} room but could not weigh that against "
                "what has happened at {org}.",
                "Ten minutes later {adult} did not remember that we had talked about "
                "moving.",
                (("Stay at {org} with the provider's action plan and weekly checks",
                  "Familiar staff, room and friends", "The problems may recur",
                  "Least restrictive"),
                 ("Move to another care home", "A fresh start", "Loss of familiar people "
                  "and routine; a move is hard with {her} needs", "More restrictive")),
                "Stay at {org}, with the provider's action plan and weekly checks by the "
                "council.",
                "Staying keeps what matters to {adult} while the checks reduce the risk.")
        return Question(
            "Whether {adult} can decide to stay at home or move to a care home.",
            "what support at home or a care home would mean day to day",
            "{adult} said {she} would be fine at home but could not weigh the falls and "
            "the nights alone against that.",
            "Ten minutes later {adult} did not remember that we had talked about a care "
            "home.",
            (("Stay at home with more support", "Familiar place, near friends",
              "Risk continues at night", "Least restrictive"),
             ("Move to a care home", "24-hour support", "Loss of home and routine",
              "Most restrictive")),
            "Stay at home with an increased care package and a key safe.",
            "Keeps {adult} at home, which is what {she} has always wanted, while reducing "
            "the risk at the times it is highest.")
    if category == "CARE":
        if in_care:
            return Question(
                "Whether {adult} can decide to accept help with washing, pressure care and "
                "meals from staff at {org}.",
                "what the care involves and why it is needed",
                "{adult} said {she} manages fine without help but could not weigh that "
                "against the sores and the weight {she} has lost.",
                "Ten minutes later {adult} did not remember that we had talked about {her} "
                "care.",
                (("Care from two familiar staff, at times {adult} prefers",
                  "Needs met with less distress", "Still some intrusion",
                  "Less restrictive"),
                 ("Care as now", "No change", "Sores and weight loss continue",
                  "Least restrictive")),
                "Personal and pressure care from two familiar staff at times {adult} "
                "prefers, with a food and fluid chart.",
                "Meets {adult}'s needs in the way that upsets {her_obj} least.")
        return Question(
            "Whether {adult} can decide to accept four home-care visits a day.",
            "what the visits are for and what would happen without them",
            "{adult} said {she} manages fine alone but could not weigh that against the "
            "missed meals and tablets.",
            "Ten minutes later {adult} did not remember that we had talked about carers "
            "coming in.",
            (("Four visits a day, introduced gradually", "Meals and medication on time",
              "Strangers in the home", "Less restrictive"),
             ("No visits", "No intrusion", "Missed meals and medication continue",
              "Least restrictive")),
            "Accept four home-care visits a day from a new agency, introduced gradually "
            "with a familiar worker.",
            "The least intrusive way to make sure {adult} eats and takes {her} tablets.")
    if category == "CONTACT":
        return Question(
            "Whether {adult} can decide about contact with {rel_name}.",
            "what has happened and what contact would mean",
            "{adult} said {rel_name} 'sorts everything' and could not weigh the harm "
            "described against wanting to see {rel_name}.",
            "Ten minutes later {adult} did not remember that we had talked about "
            "{rel_name}.",
            (("Contact continues at agreed times, with someone else present",
              "Keeps the relationship {adult} values", "Some risk remains",
              "Less restrictive"),
             ("No restriction on contact", "No intrusion", "The harm may continue",
              "Least restrictive"),
             ("No contact", "Removes the risk", "Loss of a relationship {adult} values",
              "Most restrictive")),
            "Contact with {rel_name} continues at agreed times, with another family member "
            "or staff present.",
            "Keeps the relationship that matters to {adult} while protecting {her_obj}.")
    # FINANCES
    return Question(
        "Whether {adult} can decide how {her} bank account and pension are managed.",
        "how much money comes in and what it is spent on",
        "{adult} repeated that {rel_name} 'sorts everything' and could not weigh the risk "
        "of losing money against keeping things as they are.",
        "Ten minutes later {adult} did not remember that we had talked about it: "
        "\u201cWhat bank? Nobody's mentioned the bank.\u201d",
        (("The council becomes appointee for {her} benefits; the bank adds protections",
          "Bills paid and money safe", "{adult} loses day-to-day control",
          "Less restrictive"),
         ("Leave things as they are", "No change", "Money may keep going missing",
          "Least restrictive"),
         ("Apply to the Court of Protection for a deputy", "Full protection",
          "Slow and costly", "Most restrictive")),
        "Apply for the council to become appointee for {adult}'s benefits and ask the bank "
        "to add protections to the account; {adult} keeps a weekly allowance.",
        "Protects {adult}'s money while leaving {her_obj} a weekly allowance to spend as "
        "{she} chooses.")


# A consent decision links a capacity assessment only for the same decision.
CONSENT_FOR_CATEGORY = {"ENQUIRY_PARTICIPATION": "S42_INVOLVEMENT",
                        "CONSENT_TO_SHARE": "SHARE_INFO"}
