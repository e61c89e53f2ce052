"""The words of the board report: a plain title for each check, and its Easy Read sentences.

The plain titles say what was found in a board member's words; what to do next comes from each check's own
documentation ("What to do instead", ``docs/checks/``). The Easy Read sentences follow the Easy Read guidance of
Oxfordshire County Council and SCIE's Easy Read evaluation of co-production in Oxfordshire's adult services
(docs/sources.md#oxfordshire-scie-easy-read): one idea to a sentence, short common words, no jargon. A check this
table does not know (a council's own plugin) falls back on its principle's sentences.
"""

from __future__ import annotations

#: Check code -> (plain title, Easy Read: what we found, Easy Read: what to do).
CHECKS: dict[str, tuple[str, str, str]] = {
    "AC001": ("Papers went out late", "Some papers came late.", "Send papers out one week before."),
    "AC002": (
        "Papers were not in the formats members need",
        "Some papers were not in Easy Read or large print.",
        "Make every paper in the way each person needs.",
    ),
    "AC003": (
        "A venue lacked something members need",
        "A meeting place did not have what people need.",
        "Pick a place that everyone can get in and use.",
    ),
    "AC004": (
        "No sign language interpreter was booked",
        "There was no sign language helper.",
        "Book two sign language helpers in good time.",
    ),
    "AC005": (
        "People could not join online or have captions",
        "Some people could not join from home.",
        "Let people join on a screen, with words on screen too.",
    ),
    "AC006": (
        "Meetings ran too long without a break",
        "Some meetings had no break.",
        "Plan a break at least every hour and a half.",
    ),
    "AC007": (
        "Meetings were at hard times of day",
        "Some meetings were too early or too late.",
        "Meet in the middle of the day.",
    ),
    "AC008": ("Meetings were too long", "Some meetings were too long.", "Keep meetings short."),
    "AC009": (
        "A meeting was on a weekend or bank holiday",
        "A meeting was on a day off.",
        "Meet on a work day, unless people chose that day.",
    ),
    "AC010": (
        "Hard words were not explained",
        "Some papers used hard words.",
        "Say what each hard word means.",
    ),
    "DV001": (
        "Some groups of people are missing from the board",
        "Some kinds of people are missing.",
        "Ask more kinds of people to join.",
    ),
    "DV002": (
        "We do not know enough about who our members are",
        "We do not know enough about our members.",
        "Ask members to fill in the short form. They can say no.",
    ),
    "DV003": (
        "Lived experience comes from too few services",
        "Members use only a few kinds of help.",
        "Ask people who use other kinds of help to join.",
    ),
    "DV004": (
        "No user-led organisation takes part",
        "No group run by people who use help takes part.",
        "Ask a group run by people who use help to join.",
    ),
    "DV005": (
        "One organisation provides most of the staff",
        "Most staff come from one place.",
        "Ask staff from other places to join.",
    ),
    "EQ001": (
        "Too few members have lived experience",
        "Too few members use help or care for someone.",
        "Ask more people who use help to join.",
    ),
    "EQ002": (
        "No chair or co-chair has lived experience",
        "No leader of the group uses help or cares for someone.",
        "Choose a co-leader who uses help or cares for someone.",
    ),
    "EQ003": (
        "A point of view is missing",
        "One kind of person is missing.",
        "Ask that kind of person to join.",
    ),
    "EQ004": (
        "Staff outnumbered people with lived experience at meetings",
        "Some meetings had too many staff.",
        "Help more people who use help to come.",
    ),
    "EQ005": (
        "Staff led every part of some meetings",
        "Staff led every part of some meetings.",
        "Let people who use help lead some parts.",
    ),
    "EQ006": (
        "Decisions were made without enough lived experience in the room",
        "Some choices were made without enough of us there.",
        "Make big choices only when enough of us are there.",
    ),
    "GR001": ("The group has no ground rules", "We have no rules for how we work.", "Agree some rules together."),
    "GR002": (
        "The ground rules are due a review",
        "Our rules are old.",
        "Look at the rules again together.",
    ),
    "GR003": (
        "Some members have not agreed the ground rules",
        "Some people have not seen our rules.",
        "Go through the rules with each new person.",
    ),
    "GR004": (
        "The ground rules are not in Easy Read",
        "Our rules are not in Easy Read.",
        "Make an Easy Read copy of the rules.",
    ),
    "GR005": (
        "Meetings were not regular",
        "We did not meet as often as we planned.",
        "Meet on the days we planned.",
    ),
    "GR006": (
        "The group has no written terms of reference",
        "We have no paper that says what the group is for.",
        "Write down what the group is for.",
    ),
    "MB001": (
        "Some members live outside the area",
        "Some people live in a different area.",
        "Check who can be in the group.",
    ),
    "MB002": (
        "Some members could not come to many meetings",
        "Some people could not come to many meetings.",
        "Ask them what would help them come.",
    ),
    "MB003": (
        "Some members' terms have ended",
        "Some people have been in the group a long time.",
        "Talk with them about what happens next.",
    ),
    "MB004": (
        "The group is too big or too small",
        "The group is too big or too small.",
        "Change the number of people in the group.",
    ),
    "MB005": (
        "Nobody asked some members what they need",
        "Nobody asked some people what help they need.",
        "Ask each person what help they need.",
    ),
    "RC001": (
        "Some people were not paid for their time",
        "Some people were not paid.",
        "Pay people for their time and costs.",
    ),
    "RC002": (
        "Payments were below the living wage",
        "Some pay was too low.",
        "Pay at least the fair rate for each hour.",
    ),
    "RC003": (
        "Some members have not had co-production training",
        "Some people have not had training.",
        "Offer training to each new person.",
    ),
    "RC004": (
        "People were not told what happened to their ideas",
        "We did not always say what we did with your ideas.",
        "Tell people what happened to their ideas.",
    ),
    "RC005": (
        "Some actions are late",
        "Some jobs we said we would do are late.",
        "Finish the jobs, or say why not.",
    ),
}

#: Principle value -> (Easy Read heading, what it is about, what to do when the table does not know a check).
PRINCIPLES: dict[str, tuple[str, str, str]] = {
    "equality": ("Being equal", "This part is about everyone having an equal say.", "Make sure everyone gets a say."),
    "diversity": ("All kinds of people", "This part is about having all kinds of people.", "Ask more people to join."),
    "accessibility": (
        "Easy to take part",
        "This part is about meetings that are easy to get to and follow.",
        "Make meetings easy to use.",
    ),
    "reciprocity": ("Fair for everyone", "This part is about people getting something back.", "Pay and thank people."),
    "governance": ("Our rules", "This part is about how we agree to work together.", "Look at our rules together."),
    "membership": ("Who is in the group", "This part is about who is in the group.", "Check who is in the group."),
}

#: Severity value -> (plain words, Easy Read words). Most important first.
SEVERITY_WORDS: dict[str, tuple[str, str]] = {
    "error": ("Needs action now", "Fix this now"),
    "warning": ("Needs attention", "Fix this soon"),
    "info": ("Worth a look", "Good to look at"),
}

#: Access features and formats (register values) in plain words.
ACCESS_WORDS: dict[str, str] = {
    "step-free": "step-free access",
    "hearing-loop": "a hearing loop",
    "accessible-toilet": "an accessible toilet",
    "quiet-room": "a quiet room",
    "accessible-parking": "accessible parking",
    "changing-places": "a Changing Places toilet",
    "standard": "standard print",
    "easy-read": "Easy Read",
    "large-print": "large print",
    "screen-reader": "screen-reader ready",
    "audio": "audio",
    "braille": "braille",
}

#: Access features in Easy Read words (short sentences of their own).
ACCESS_EASY: dict[str, str] = {
    "step-free": "There are no steps.",
    "hearing-loop": "There is a hearing loop.",
    "accessible-toilet": "There is a toilet you can use.",
    "quiet-room": "There is a quiet room.",
    "accessible-parking": "There is parking near the door.",
    "changing-places": "There is a big toilet with a hoist.",
}

#: Paper formats in Easy Read words.
FORMATS_EASY: dict[str, str] = {
    "easy-read": "Easy Read",
    "large-print": "large print",
    "screen-reader": "a form a computer can read out",
    "audio": "sound",
    "braille": "braille",
}


def check_title(code: str, name: str) -> str:
    """The plain title of a check: the table's, or its name in words (``late-papers`` -> "Late papers")."""
    if code in CHECKS:
        return CHECKS[code][0]
    words = name.replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else code


def easy_check(code: str, principle: str) -> tuple[str, str]:
    """Easy Read: what we found and what to do, for a check (its principle's words for an unknown check)."""
    if code in CHECKS:
        return CHECKS[code][1], CHECKS[code][2]
    heading, _, action = PRINCIPLES.get(principle, ("", "We found a problem.", "Talk about it together."))
    return f"We found a problem with {heading.lower() or 'how we work'}.", action
