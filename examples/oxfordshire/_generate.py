"""Generate the Oxfordshire example register (a fictional register for a real council's kind of programme).

Run from the repository root:  .venv/bin/python examples/oxfordshire/_generate.py [OUTPUT-FOLDER]
(tests/test_examples.py regenerates into a temporary folder and fails if the committed files differ.)

Everything here is invented: the people, their answers, the meetings. The organisations are the kinds that sit on
Oxfordshire's Team-Up board and champions network (the county council, NHS trusts, the Integrated Care Board,
user-led and voluntary organisations); the user-led and voluntary organisations' names are made up.

The people, groups and the "interesting" meetings are hand-written tables below; routine details (who sent
apologies, expenses amounts) come from a seeded random generator, so the output is the same on every run.
The YAML written is the cattrs unstructured form of ``coproduction.models`` (see docs/register-format.md).

The register is meant to be checked as of 2026-11-25. It is a broadly good board with a few lapses, and a champions
network with more of them, so that every family of checks has something to say:

==========  =====================================================================================================
family      what was planted (and where)
==========  =====================================================================================================
EQ          champions' August meeting was mostly staff (EQ004); the October training day was staff-led (EQ005)
DV          few men among the champions (DV001); sexual orientation often unanswered (DV002); most champions'
            staff come from the county council (DV005)
AC          board papers out 3 clear working days ahead (AC001, 3 Feb); a board paper without Easy Read (AC002,
            2 June); a venue without a hearing loop (AC003, champions 19 Nov); an online meeting without captions
            (AC005, champions 19 Mar); no break recorded (AC006, board 6 Jan); an 11:00-16:30 training day
            (AC007, AC008); a Saturday celebration (AC009); "ICB" unexplained (AC010, board 5 May)
RC          a missing payment (RC001, board 7 July and champions 17 Sept); a champion never trained (RC003);
            no "you said, we did" on an item from May (RC004); overdue open actions (RC005)
GR          the champions' ground rules were last reviewed in September 2025 (GR002); a new board member and a
            new champion have not acknowledged them (GR003)
MB          a board member who moved out of the county (MB001); a champion with low attendance (MB002); a
            board term that ended in October (MB003); a champion nobody asked about access needs (MB005)
==========  =====================================================================================================
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import yaml

HERE = Path(__file__).resolve().parent
LONDON = ZoneInfo("Europe/London")
SEED = 20261125
BANK_HOLIDAYS = holidays.country_holidays("GB", subdiv="ENG", years=range(2025, 2028))

OCC = "Oxfordshire County Council"
OXFORD_HEALTH = "Oxford Health NHS Foundation Trust"
OUH = "Oxford University Hospitals NHS Foundation Trust"
ICB = "Buckinghamshire, Oxfordshire and Berkshire West Integrated Care Board"
SPEAK_UP = "Speak Up Oxon"  # invented: a user-led self-advocacy organisation
PEER_NETWORK = "Oxfordshire Mental Health Peer Network"  # invented, user-led
AUTISTIC_ADULTS = "Oxon Autistic Adults Network"  # invented, user-led
CARERS_HUB = "Cherwell Carers Hub"  # invented voluntary organisation
AGE_FRIENDLY = "Age Friendly Oxfordshire"  # invented voluntary organisation

BOARD = "team-up-board"
CHAMPIONS = "champions"

CORE_TRAINING = "Co-production: working as equals"
EASY_READ_TRAINING = "Co-production: working as equals (Easy Read course)"

Json = dict[str, Any]


# --------------------------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------------------------

# Diversity answers, in the order: age, sex, gender_identity, ethnic_group, disability, religion,
# sexual_orientation, unpaid_care. "-" is "not known" (no answer). PNTS is "prefer not to say".
PNTS = "prefer-not-to-say"
DIVERSITY_FIELDS = (
    "age", "sex", "gender_identity", "ethnic_group", "disability", "religion", "sexual_orientation", "unpaid_care",
)  # fmt: skip
SAME = "same-as-sex-at-birth"
NOT_DISABLED = "not-disabled"
LOT = "disabled-limited-a-lot"
LITTLE = "disabled-limited-a-little"


def profile(text: str) -> Json:
    """``"50-64 female same white lot christian straight none"`` -> a diversity mapping ("-" = not known)."""
    words = text.split()
    assert len(words) == len(DIVERSITY_FIELDS), text
    expand = {"same": SAME, "lot": LOT, "little": LITTLE, "notdis": NOT_DISABLED, "pnts": PNTS}
    out: Json = {}
    for field, word in zip(DIVERSITY_FIELDS, words, strict=True):
        if word != "-":
            out[field] = expand.get(word, word)
    return out


def member(
    id: str,
    name: str,
    perspectives: Sequence[str],
    joined: str,
    *,
    diversity: str | None,
    organisation: str | None = None,
    user_led: bool = False,
    area: str | None = "Oxfordshire",
    service_areas: Sequence[str] = (),
    access_needs: Sequence[str] | None = (),
    trained: str | None = "auto",
    training_course: str = CORE_TRAINING,
    payment_preference: str = "payment",
) -> Json:
    out: Json = {"id": id, "name": name, "perspectives": sorted(perspectives), "joined": joined}
    if organisation:
        out["organisation"] = organisation
    if user_led:
        out["organisation_user_led"] = True
    if area:
        out["area"] = area
    if service_areas:
        out["service_areas"] = sorted(service_areas)
    if access_needs is not None:  # None: nobody has asked (MB005)
        out["access_needs"] = sorted(access_needs)
    if trained == "auto":  # the co-production team runs the course about six weeks after people join
        trained = (date.fromisoformat(joined) + timedelta(days=42)).isoformat()
    if trained:
        out["training"] = [{"course": training_course, "completed": trained}]
    if payment_preference != "payment":
        out["payment_preference"] = payment_preference
    if diversity is not None:
        out["diversity"] = profile(diversity)
    return out


LE = "uses-services"
CARER = "carer"
STAFF = "staff"
VCS = "voluntary-sector"

BOARD_MEMBERS = [
    member("janet-whitlock", "Janet Whitlock", [LE], "2019-05-14", service_areas=["physical-disability"],
           access_needs=["accessible-parking", "accessible-toilet", "step-free"],
           diversity="50-64 female same white lot christian straight none"),
    member("graham-pettifer", "Graham Pettifer", [STAFF], "2023-01-10", organisation=OCC,
           diversity="50-64 male same white notdis no-religion straight none"),
    member("maureen-osei", "Maureen Osei", [CARER], "2020-09-01", service_areas=["carers", "older-people"],
           payment_preference="expenses-only",
           diversity="65-74 female same black notdis christian straight 50-hours-or-more"),
    member("tom-haverley", "Tom Haverley", [LE], "2021-03-02", organisation=SPEAK_UP, user_led=True,
           service_areas=["learning-disability"], access_needs=["breaks", "easy-read", "support-worker"],
           training_course=EASY_READ_TRAINING,
           diversity="25-34 male same white lot no-religion pnts none"),
    member("helen-marsh", "Helen Marsh", [LE], "2024-02-06", service_areas=["sensory-impairment"],
           access_needs=["screen-reader"],
           diversity="35-49 female same white lot no-religion bisexual none"),
    member("colin-baptiste", "Colin Baptiste", [LE], "2022-06-07", service_areas=["sensory-impairment"],
           access_needs=["bsl", "captions"],
           diversity="35-49 male same mixed little christian straight none"),
    member("farida-rahman", "Farida Rahman", [CARER], "2022-01-11", service_areas=["carers", "mental-health"],
           diversity="35-49 female same asian notdis muslim straight 20-to-34-hours"),
    member("stephen-cole", "Stephen Cole", [LE, VCS], "2022-11-01", organisation=PEER_NETWORK, user_led=True,
           service_areas=["mental-health"], diversity="35-49 pnts pnts white pnts pnts pnts none"),
    member("anita-varma", "Anita Varma", [CARER, STAFF], "2023-04-04", organisation=OXFORD_HEALTH,
           service_areas=["mental-health"], payment_preference="declined",  # attends in work time
           diversity="35-49 female same asian notdis hindu straight 10-to-19-hours"),
    member("mark-ellison", "Mark Ellison", [STAFF], "2024-09-03", organisation=ICB, diversity=None),
    member("lorraine-fenwick", "Lorraine Fenwick", [STAFF], "2018-11-01", organisation=OCC,
           diversity="50-64 female same white notdis christian straight 9-hours-or-less"),
    member("kwame-asante", "Kwame Asante", [LE], "2023-10-03", service_areas=["autism"],
           access_needs=["breaks", "quiet-room"],
           diversity="25-34 male same black little christian straight none"),
    member("patricia-lowe", "Patricia Lowe", [CARER], "2021-09-07", area="West Berkshire",  # moved in 2026
           service_areas=["carers", "learning-disability"], payment_preference="expenses-only",
           diversity="65-74 female same white notdis christian straight 50-hours-or-more"),
    member("bill-harcourt", "Bill Harcourt", [LE], "2026-09-01", trained="2026-10-20",
           service_areas=["older-people", "physical-disability"],
           access_needs=["hearing-loop", "large-print", "step-free"], payment_preference="declined",
           diversity="75-84 male same white lot christian straight none"),
    member("sunita-dhillon", "Sunita Dhillon", [STAFF], "2025-02-04", organisation=OCC,
           service_areas=["learning-disability"],
           diversity="35-49 female same asian notdis sikh straight none"),
    member("rachel-eastwood", "Rachel Eastwood", [STAFF], "2024-05-07", organisation=OUH,
           service_areas=["older-people"], diversity="25-34 female same white notdis no-religion gay-or-lesbian none"),
]  # fmt: skip

CHAMPION_MEMBERS = [
    # People who use services and carers
    member("gail-pritchard", "Gail Pritchard", [LE], "2021-06-15", organisation=SPEAK_UP, user_led=True,
           service_areas=["learning-disability"], access_needs=["easy-read", "support-worker"],
           training_course=EASY_READ_TRAINING,
           diversity="35-49 female same white lot christian -  none"),
    member("ray-donnelly", "Ray Donnelly", [LE], "2020-02-18", service_areas=["older-people", "sensory-impairment"],
           access_needs=["captions", "hearing-loop"],
           diversity="75-84 male same white little christian straight none"),
    member("sadia-malik", "Sadia Malik", [LE], "2022-09-20", service_areas=["physical-disability"],
           access_needs=["accessible-toilet", "step-free"],
           diversity="25-34 female same asian lot muslim straight none"),
    member("owen-tranter", "Owen Tranter", [LE], "2023-03-21", organisation=AUTISTIC_ADULTS, user_led=True,
           service_areas=["autism"], access_needs=["quiet-room"],
           diversity="16-24 male same white little no-religion bisexual none"),
    member("beryl-ashworth", "Beryl Ashworth", [LE], "2019-11-19", service_areas=["older-people"],
           access_needs=["large-print"], diversity="85-plus female same white little christian straight none"),
    member("denise-carver", "Denise Carver", [CARER], "2022-04-19", service_areas=["carers", "mental-health"],
           diversity="50-64 female same white notdis christian straight 35-to-49-hours"),
    member("leon-fairbairn", "Leon Fairbairn", [LE], "2025-10-07", trained=None, service_areas=["mental-health"],
           diversity=None),
    member("nadia-kowalczyk", "Nadia Kowalczyk", [CARER], "2026-06-01", access_needs=None,
           service_areas=["autism", "carers"], diversity=None),
    member("joy-mensah", "Joy Mensah", [CARER], "2021-01-19", service_areas=["carers", "older-people"],
           payment_preference="expenses-only",
           diversity="65-74 female same black notdis christian straight 50-hours-or-more"),
    member("ellen-brooke", "Ellen Brooke", [LE], "2022-07-19", service_areas=["mental-health"],
           diversity="25-34 female same white little no-religion -  none"),
    member("margaret-quinlan", "Margaret Quinlan", [CARER], "2020-10-20",
           service_areas=["carers", "learning-disability"], payment_preference="declined",
           diversity="65-74 female same white notdis christian straight 50-hours-or-more"),
    member("hannah-lister", "Hannah Lister", [LE, CARER], "2023-05-16",
           service_areas=["carers", "physical-disability"],
           diversity="35-49 female same white lot no-religion -  20-to-34-hours"),
    member("precious-nwosu", "Precious Nwosu", [CARER], "2024-01-16", service_areas=["autism", "carers"],
           diversity="35-49 female same black notdis christian straight 35-to-49-hours"),
    member("lily-fane", "Lily Fane", [LE], "2024-06-18", service_areas=["mental-health"],
           diversity="16-24 female pnts white little pnts pnts none"),
    member("sandra-okoro", "Sandra Okoro", [LE], "2023-11-21", service_areas=["sensory-impairment"],
           diversity="50-64 female same black lot christian -  none"),
    member("ruth-ingram", "Ruth Ingram", [CARER], "2025-02-18", service_areas=["carers", "older-people"],
           diversity=None),
    member("zainab-hussain", "Zainab Hussain", [LE], "2024-09-17", service_areas=["physical-disability"],
           diversity="25-34 female same asian lot muslim straight none"),
    member("carol-whitby", "Carol Whitby", [LE], "2021-11-16", service_areas=["older-people"],
           payment_preference="declined",
           diversity="75-84 female same white little christian straight none"),
    member("jade-fitzroy", "Jade Fitzroy", [CARER], "2025-05-20", service_areas=["carers", "learning-disability"],
           diversity="25-34 female same mixed notdis no-religion straight 50-hours-or-more"),
    # Voluntary and community sector
    member("fiona-galbraith", "Fiona Galbraith", [VCS], "2022-03-15", organisation=CARERS_HUB,
           service_areas=["carers"], diversity="50-64 female same white notdis christian straight none"),
    member("amara-lindo", "Amara Lindo", [VCS], "2023-09-19", organisation=AGE_FRIENDLY,
           service_areas=["older-people"], diversity="35-49 female same black notdis christian straight none"),
    member("tessa-moorcroft", "Tessa Moorcroft", [VCS, CARER], "2024-03-19", organisation=SPEAK_UP, user_led=True,
           service_areas=["learning-disability"], diversity=None),
    # Staff
    member("claire-hutchins", "Claire Hutchins", [STAFF], "2021-05-18", organisation=OCC,
           service_areas=["learning-disability"],
           diversity="35-49 female same white notdis no-religion straight none"),
    member("priya-nair", "Priya Nair", [STAFF], "2022-02-15", organisation=OCC, service_areas=["mental-health"],
           diversity="25-34 female same asian notdis hindu straight none"),
    member("joanne-pike", "Joanne Pike", [STAFF], "2023-06-20", organisation=OCC, service_areas=["older-people"],
           diversity="50-64 female same white notdis christian straight 9-hours-or-less"),
    member("daniel-roper", "Daniel Roper", [STAFF], "2024-02-20", organisation=OCC,
           service_areas=["physical-disability"],
           diversity="35-49 male same white notdis no-religion gay-or-lesbian none"),
    member("kirsty-allardyce", "Kirsty Allardyce", [STAFF, CARER], "2022-10-18", organisation=OCC,
           service_areas=["carers"], payment_preference="declined",  # attends in work time
           diversity="35-49 female same white notdis christian straight 10-to-19-hours"),
    member("bethany-shaw", "Bethany Shaw", [STAFF], "2025-01-21", organisation=OCC, service_areas=["autism"],
           diversity="25-34 female same white notdis no-religion -  none"),
    member("yvonne-castell", "Yvonne Castell", [STAFF], "2023-01-17", organisation=OXFORD_HEALTH,
           service_areas=["mental-health"], diversity="50-64 female same mixed notdis christian straight none"),
    member("gemma-radley", "Gemma Radley", [STAFF], "2024-10-15", organisation=OXFORD_HEALTH,
           service_areas=["learning-disability"],
           diversity="25-34 female same white notdis no-religion straight none"),
    member("olivia-treadwell", "Olivia Treadwell", [STAFF], "2024-04-16", organisation=OUH,
           service_areas=["older-people"], diversity="35-49 female same white notdis pnts straight none"),
    member("sophie-kerridge", "Sophie Kerridge", [STAFF], "2025-06-17", organisation=OCC,
           service_areas=["sensory-impairment"], diversity="35-49 pnts pnts pnts notdis pnts pnts none"),
    # A former champion (left in April 2026)
    member("george-lindqvist", "George Lindqvist", [LE], "2021-07-20", service_areas=["physical-disability"],
           diversity="50-64 male same white lot no-religion straight none"),
]  # fmt: skip

#: Board members who are also champions (Tom, Farida) or support the network (Lorraine).
CHAMPIONS_FROM_BOARD = ("tom-haverley", "farida-rahman", "lorraine-fenwick")

#: When a board term ends (staff members' places go with their job and have no term).
BOARD_TERMS = {
    "janet-whitlock": "2027-05-31", "maureen-osei": "2027-08-31", "tom-haverley": "2027-02-28",
    "helen-marsh": "2028-01-31", "colin-baptiste": "2027-05-31", "farida-rahman": "2027-12-31",
    "stephen-cole": "2026-10-31",  # reappointment still pending (MB003)
    "kwame-asante": "2027-09-30", "patricia-lowe": "2027-08-31", "bill-harcourt": "2029-08-31",
}  # fmt: skip


def memberships() -> list[Json]:
    out: list[Json] = []
    for m in BOARD_MEMBERS:
        ms: Json = {"member": m["id"], "group": BOARD}
        if m["id"] == "janet-whitlock" or m["id"] == "graham-pettifer":
            ms["role"] = "co-chair"
        elif m["id"] == "lorraine-fenwick":
            ms.update(role="facilitator", voting=False)
        ms["started"] = m["joined"]
        if m["id"] in BOARD_TERMS:
            ms["term_ends"] = BOARD_TERMS[m["id"]]
        out.append(ms)
    started_champion = {"tom-haverley": "2021-09-21", "farida-rahman": "2022-05-17", "lorraine-fenwick": "2018-11-01"}
    for member_id in CHAMPIONS_FROM_BOARD:
        ms = {"member": member_id, "group": CHAMPIONS, "role": "champion", "started": started_champion[member_id]}
        if member_id == "lorraine-fenwick":
            ms.update(role="facilitator", voting=False)
        out.append(ms)
    for m in CHAMPION_MEMBERS:
        ms = {"member": m["id"], "group": CHAMPIONS, "role": "champion", "started": m["joined"]}
        if m["id"] == "george-lindqvist":
            ms["left"] = "2026-04-30"
        out.append(ms)
    return out


# --------------------------------------------------------------------------------------------------------------
# Groups and ground rules
# --------------------------------------------------------------------------------------------------------------

BOARD_RULES = [
    ("We work as equals: nobody's view counts for more because of their job title.",
     "Everyone is equal. Nobody is more important."),
    ("One person speaks at a time, and the co-chairs make sure everyone who wants to speak gets a turn.",
     "One person talks at a time. Everyone gets a turn."),
    ("We say acronyms and jargon in full, and anyone may ask what a word means at any time.",
     "We use easy words. You can always ask what a word means."),
    ("We challenge ideas, not people, and we do it with respect.",
     "It is OK to disagree. Be kind when you do."),
    ("What people share about their own lives stays in the room unless they say otherwise.",
     "Keep people's stories private."),
    ("Anyone can ask for a break, and nobody has to say why.",
     "You can ask for a break at any time."),
    ("Papers go out at least a week before the meeting, in the formats members need.",
     "You get the papers at least one week before the meeting, in a way you can read."),
]  # fmt: skip

CHAMPIONS_RULES = [
    ("Every champion's experience counts: people who use services, carers, volunteers and staff are equal partners.",
     "Everyone's experience counts the same."),
    ("We listen to each other and give everyone time to speak.",
     "We listen. Everyone gets time to talk."),
    ("We keep personal stories confidential, and share what we learn, not who said it.",
     "Keep people's stories private."),
    ("We use plain words and explain any abbreviation.",
     "We use easy words."),
    ("We respect differences and challenge respectfully.",
     "We are kind, even when we disagree."),
]  # fmt: skip


def groups(acknowledgements: Mapping[str, list[Json]]) -> list[Json]:
    return [
        {
            "id": BOARD,
            "name": "Team-Up Co-production Board",
            "kind": "board",
            "purpose": (
                "People who use services, carers and council and NHS staff work together as equals to check, "
                "challenge, advise and support Oxfordshire's adult social care and health services in their "
                "co-production work."
            ),
            "terms_of_reference": "https://example.org/oxfordshire/team-up/terms-of-reference-2026.pdf",
            "cadence": {"frequency": "monthly", "weekday": "TU", "week_of_month": 1, "start": "10:00",
                        "end": "12:30"},
            "quorum": 6,
            "requires_residence": True,
            "ground_rules": {
                "agreed": "2024-03-05",
                "reviewed": "2026-03-03",
                "rules": [{"text": t, "easy_read": e} for t, e in BOARD_RULES],
                "easy_read_document": "https://example.org/oxfordshire/team-up/ground-rules-easy-read.pdf",
                "acknowledgements": acknowledgements[BOARD],
            },
        },
        {
            "id": CHAMPIONS,
            "name": "Co-production Champions",
            "kind": "champions-network",
            "purpose": (
                "Champions spread co-production: they teach people about it, train and support others to do it, "
                "and help make it the usual way of working in adult social care and beyond."
            ),
            "terms_of_reference": "https://example.org/oxfordshire/champions/role-description.pdf",
            "cadence": {"frequency": "monthly", "weekday": "TH", "week_of_month": 3, "start": "13:30",
                        "end": "15:30"},
            "requires_residence": False,
            "ground_rules": {
                "agreed": "2023-06-15",
                "reviewed": "2025-09-18",  # 14 months before 2026-11-25 (GR002)
                "rules": [{"text": t, "easy_read": e} for t, e in CHAMPIONS_RULES],
                "acknowledgements": acknowledgements[CHAMPIONS],
            },
        },
    ]  # fmt: skip


# --------------------------------------------------------------------------------------------------------------
# Meetings
# --------------------------------------------------------------------------------------------------------------

COUNTY_HALL: Json = {
    "name": "County Hall, Committee Room 2",
    "address": "New Road, Oxford OX1 1ND",
    "features": ["accessible-parking", "accessible-toilet", "hearing-loop", "quiet-room", "step-free"],
}
BANBURY_HUB: Json = {
    "name": "Cherwell Community Hub",
    "address": "Market Place, Banbury",
    "features": ["accessible-parking", "accessible-toilet", "hearing-loop", "quiet-room", "step-free"],
}
WITNEY_ROOMS: Json = {
    "name": "Witney Community Rooms",
    "address": "Welch Way, Witney",
    "features": ["accessible-toilet", "changing-places", "hearing-loop", "quiet-room", "step-free"],
}
ABINGDON_CENTRE: Json = {  # no hearing loop: the portable loop was not booked in November (AC003)
    "name": "Riverside Community Centre",
    "address": "Thames Street, Abingdon",
    "features": ["accessible-parking", "accessible-toilet", "quiet-room", "step-free"],
}
BOARD_LINK = "https://meet.example.org/oxfordshire/team-up-board"
CHAMPIONS_LINK = "https://meet.example.org/oxfordshire/champions"


def when(day: date, at: time) -> str:
    """ISO 8601 with the Europe/London offset in force that day (+00:00 in winter, +01:00 in summer)."""
    return datetime.combine(day, at, tzinfo=LONDON).isoformat()


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in BANK_HOLIDAYS


def publish_date(meeting_day: date, clear_working_days: int) -> date:
    """The working day that leaves ``clear_working_days`` working days between publication and the meeting."""
    day, counted = meeting_day, 0
    while counted < clear_working_days:
        day -= timedelta(days=1)
        if is_working_day(day):
            counted += 1
    day -= timedelta(days=1)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def item(
    title: str,
    leads: Sequence[str],
    *,
    le_input: bool = False,
    outcome: tuple[str, str] | None = None,
    explanation: str | None = None,
) -> Json:
    out: Json = {"title": title, "leads": list(leads)}
    if le_input:
        out["lived_experience_input"] = True
    if outcome:
        out["outcome"] = {"text": outcome[0], "recorded": outcome[1]}
    if explanation:
        out["explanation"] = explanation
    return out


def paper(title: str, published: date | None, formats: Iterable[str]) -> Json:
    out: Json = {"title": title}
    if published is not None:
        out["published"] = published.isoformat()
    out["formats"] = sorted(formats)
    return out


def action(text: str, owner: str, due: str, completed: str | None = None) -> Json:
    out: Json = {"text": text, "owner": owner, "due": due}
    if completed:
        out.update(status="done", completed=completed)
    else:
        out["status"] = "open"
    return out


MEMBERS = {m["id"]: m for m in BOARD_MEMBERS + CHAMPION_MEMBERS}


def has_lived_experience(member_id: str) -> bool:
    return bool({LE, CARER} & set(MEMBERS[member_id]["perspectives"]))


def current(member_list: Sequence[Json], group: str, day: date) -> list[str]:
    """Members of ``group`` listed as current on ``day``, in register order."""
    out = []
    for ms in member_list:
        if ms["group"] != group or date.fromisoformat(ms["started"]) > day:
            continue
        if "left" in ms and date.fromisoformat(ms["left"]) <= day:
            continue
        out.append(ms["member"])
    return out


def payments(present: Sequence[str], session_fee: str, rng: random.Random, missing: Sequence[str] = ()) -> list[Json]:
    """Involvement payments for lived-experience attendees, per their choice; staff attend in work time."""
    out: list[Json] = []
    for member_id in present:
        if not has_lived_experience(member_id) or member_id in missing:
            continue
        choice = MEMBERS[member_id].get("payment_preference", "payment")
        if choice == "declined":
            out.append({"member": member_id, "kind": "declined"})
            continue
        if choice == "payment":
            out.append({"member": member_id, "kind": "payment", "amount": session_fee})
        if choice == "expenses-only" or rng.random() < 0.3:
            pence = rng.randrange(380, 2400, 20)
            out.append({"member": member_id, "kind": "expenses", "amount": f"{pence // 100}.{pence % 100:02d}"})
    return out


def attendance(expected: Sequence[str], present: set[str], rng: random.Random) -> list[Json]:
    out = []
    for member_id in expected:
        if member_id in present:
            out.append({"member": member_id, "status": "present"})
        else:
            out.append({"member": member_id, "status": "apologies" if rng.random() < 0.85 else "absent"})
    return out


def meeting(
    *,
    id: str,
    group: str,
    title: str,
    day: date,
    start: time,
    end: time,
    status: str,
    mode: str,
    venue: Json | None,
    link: str | None,
    captions: bool,
    bsl: int,
    breaks: Sequence[tuple[int, int]],
    agenda: list[Json],
    papers: list[Json],
    expected: Sequence[str],
    present: set[str],
    decisions: Sequence[str],
    actions: list[Json],
    session_fee: str,
    rng: random.Random,
    missing_payments: Sequence[str] = (),
) -> Json:
    out: Json = {
        "id": id,
        "group": group,
        "title": title,
        "start": when(day, start),
        "end": when(day, end),
        "mode": mode,
        "status": status,
    }
    if venue is not None:
        out["venue"] = venue
    if link is not None:
        out["joining_link"] = link
    if captions:
        out["captions"] = True
    if bsl:
        out["bsl_interpreters"] = bsl
    if breaks:
        out["breaks"] = [{"after_minutes": a, "minutes": m} for a, m in breaks]
    out["agenda"] = agenda
    out["papers"] = papers
    out["expected"] = list(expected)
    if status == "held":
        out["attendance"] = attendance(expected, present, rng)
        out["decisions"] = [{"text": d} for d in decisions]
        out["actions"] = actions
        ordered_present = [m for m in expected if m in present]
        out["payments"] = payments(ordered_present, session_fee, rng, missing_payments)
    elif actions:
        out["actions"] = actions
    return out


def choose_present(expected: Sequence[str], rng: random.Random, rate: float, never: Iterable[str] = (),
                   always: Iterable[str] = ()) -> set[str]:  # fmt: skip
    never, always = set(never), set(always)
    return {m for m in expected if m in always or (m not in never and rng.random() < rate)}


# Board: first Tuesday, 10:00-12:30, County Hall (hybrid in the winter months), two BSL interpreters for Colin.
# Each entry: date, topics (agenda items between the standing ones), decisions, actions, plus any planted lapse.
BOARD_PAPER_FORMATS = ("easy-read", "large-print", "screen-reader", "standard")

BOARD_PLAN: list[Json] = [
    {
        "day": date(2025, 12, 2), "mode": "in-person",
        "topics": [
            item("Adult social care winter plan: what people need to know", ["sunita-dhillon", "maureen-osei"],
                 le_input=True, outcome=("You said the winter leaflet was hard to follow; we rewrote it with Speak "
                                         "Up Oxon and printed an Easy Read version.", "2026-01-06")),
            item("Team-Up annual report 2025", ["janet-whitlock", "lorraine-fenwick"]),
        ],
        "decisions": ["The board approved its 2025 annual report for publication."],
        "actions": [action("Publish the annual report in standard and Easy Read versions", "lorraine-fenwick",
                           "2025-12-19", "2025-12-17")],
    },
    {
        "day": date(2026, 1, 6), "mode": "hybrid", "breaks": [],  # the break was dropped from the agenda (AC006)
        "topics": [
            item("Refreshing the Oxfordshire All-Age Carers Strategy", ["farida-rahman", "anita-varma"],
                 le_input=True, outcome=("You said carers need breaks they can book at short notice; the draft "
                                         "strategy now includes a flexible breaks offer.", "2026-03-03")),
            item("Direct payments support service: what good looks like", ["janet-whitlock", "sunita-dhillon"],
                 le_input=True, outcome=("You said people want one named contact; the new contract requires it.",
                                         "2026-02-03")),
        ],
        "decisions": ["The board agreed to co-design the carers strategy engagement plan with Cherwell Carers Hub."],
        "actions": [action("Set up a carers strategy working session in January", "anita-varma", "2026-01-30",
                           "2026-01-22")],
    },
    {
        "day": date(2026, 2, 3), "mode": "hybrid",
        "papers_published": date(2026, 1, 28),  # only 3 clear working days before the meeting (AC001)
        "topics": [
            item("Care Quality Commission assessment: preparing with people who use services",
                 ["graham-pettifer", "helen-marsh"], le_input=True,
                 outcome=("You said inspectors should hear from people directly; two board members joined the "
                          "assessment focus groups.", "2026-04-14")),
            item("Accessible information: how letters reach blind and partially sighted people",
                 ["helen-marsh", "rachel-eastwood"], le_input=True,
                 outcome=("You said letters arrive as scanned images; outpatient letters now go out as accessible "
                          "documents by email on request.", "2026-04-14")),
        ],
        "decisions": ["The board agreed to ask for accessible letters to be a standard in new contracts."],
        "actions": [action("Share the accessible letters standard with the Oxford University Hospitals patient "
                           "experience team", "rachel-eastwood", "2026-03-03", "2026-02-26")],
    },
    {
        "day": date(2026, 3, 3), "mode": "in-person",
        "topics": [
            item("Reviewing our ground rules", ["janet-whitlock", "tom-haverley"], le_input=True,
                 outcome=("You said the rule about papers should say 'a week'; the reviewed rules say so.",
                          "2026-03-03")),
            item("Mental health community services: early help", ["stephen-cole", "anita-varma"], le_input=True,
                 outcome=("You said peer support should be offered first; the service now offers a peer worker at "
                          "the first appointment.", "2026-05-05")),
        ],
        "decisions": ["The board agreed its reviewed ground rules.",
                      "The board agreed to co-produce the early help service specification."],
        "actions": [action("Publish the reviewed ground rules in Easy Read", "lorraine-fenwick", "2026-03-20",
                           "2026-03-12")],
    },
    {
        "day": date(2026, 4, 7), "mode": "in-person", "status": "cancelled",
        "title": "Team-Up Co-production Board (moved to 14 April: Easter week)",
        "topics": [],
    },
    {
        "day": date(2026, 4, 14), "mode": "in-person",
        "topics": [
            item("Home care recommissioning: what matters to you", ["maureen-osei", "sunita-dhillon"],
                 le_input=True, outcome=("You said visits are too rushed; the new specification sets a minimum "
                                         "visit length.", "2026-06-02")),
            item("Co-production champions: report from the network", ["tom-haverley", "lorraine-fenwick"]),
        ],
        "decisions": ["The board agreed the questions for the home care survey."],
        "actions": [action("Test the home care survey with three board members", "sunita-dhillon", "2026-04-30",
                           "2026-04-28")],
    },
    {
        "day": date(2026, 5, 5), "mode": "in-person",
        "topics": [
            item("Update from the ICB on community health services", ["mark-ellison"]),  # unexplained (AC010)
            item("Direct payments: your experiences of employing a personal assistant",
                 ["janet-whitlock", "kwame-asante"], le_input=True),  # no "you said, we did" since (RC004)
        ],
        "decisions": ["The board agreed to set up a direct payments working group."],
        "actions": [action("Invite people who use direct payments to the working group", "janet-whitlock",
                           "2026-05-29", "2026-05-27")],
    },
    {
        "day": date(2026, 6, 2), "mode": "in-person",
        "topics": [
            item("Carers strategy refresh: the draft action plan", ["farida-rahman", "patricia-lowe"],
                 le_input=True, outcome=("You said young carers were missing; the plan now has a section for "
                                         "young adult carers.", "2026-07-07")),
            item("Autism strategy: making services autism friendly", ["kwame-asante", "sunita-dhillon"],
                 le_input=True, outcome=("You said waiting rooms are too loud; two clinics now have quiet rooms.",
                                         "2026-08-04")),
        ],
        # The draft action plan went out without an Easy Read version (AC002).
        "extra_papers": [("Carers strategy refresh: draft action plan", ("large-print", "screen-reader",
                                                                          "standard"))],
        "decisions": ["The board endorsed the draft carers action plan, with the young carers section added."],
        "actions": [action("Add a young adult carers section to the action plan", "anita-varma", "2026-06-30",
                           "2026-06-24")],
    },
    {
        "day": date(2026, 7, 7), "mode": "in-person",
        "missing_payments": ["patricia-lowe"],  # her expenses claim was never recorded (RC001)
        "always_present": ["patricia-lowe"],
        "topics": [
            item("Co-production Week: what we are proud of", ["tom-haverley", "janet-whitlock"]),
            item("Transport to day services", ["colin-baptiste", "graham-pettifer"], le_input=True,
                 outcome=("You said drivers need deaf awareness training; it is now part of their induction.",
                          "2026-09-01")),
        ],
        "decisions": ["The board agreed to nominate the champions network for a Co-production Week award."],
        "actions": [action("Send the award nomination", "lorraine-fenwick", "2026-07-17", "2026-07-10")],
    },
    {
        "day": date(2026, 8, 4), "mode": "in-person",
        "topics": [
            item("Adult social care budget 2027/28: early proposals", ["graham-pettifer", "stephen-cole"],
                 le_input=True, outcome=("You said cuts to day services would isolate people; the proposal was "
                                         "withdrawn.", "2026-10-06")),
            item("Welcoming new board members", ["janet-whitlock", "lorraine-fenwick"]),
        ],
        "decisions": ["The board agreed to recruit two new members with lived experience of older people's "
                      "services."],
        "actions": [action("Interview candidates for the two board places", "lorraine-fenwick", "2026-08-28",
                           "2026-08-20")],
    },
    {
        "day": date(2026, 9, 1), "mode": "in-person",
        "topics": [
            item("Carers strategy: the final draft", ["farida-rahman", "anita-varma"], le_input=True),
            item("Hospital discharge: getting home safely", ["bill-harcourt", "rachel-eastwood"], le_input=True,
                 outcome=("You said people go home before equipment arrives; the discharge checklist now includes "
                          "equipment delivery.", "2026-11-03")),
        ],
        "decisions": ["The board endorsed the final carers strategy."],
        # Overdue and still open (RC005).
        "actions": [action("Circulate an Easy Read summary of the carers strategy", "anita-varma", "2026-10-01")],
    },
    {
        "day": date(2026, 10, 6), "mode": "in-person",
        "topics": [
            item("Budget 2027/28: what changed because of your advice", ["graham-pettifer", "janet-whitlock"]),
            item("Loneliness and isolation in rural Oxfordshire", ["maureen-osei", "bill-harcourt"],
                 le_input=True),
        ],
        "decisions": ["The board agreed to run a rural isolation workshop in the new year."],
        "actions": [action("Book venues for the rural isolation workshop", "lorraine-fenwick", "2026-11-27")],
    },
    {
        "day": date(2026, 11, 3), "mode": "in-person",
        "topics": [
            item("Care Quality Commission assessment: the findings", ["graham-pettifer", "helen-marsh"],
                 le_input=True),
            item("Board development plan for 2027", ["janet-whitlock", "graham-pettifer"], le_input=True),
        ],
        "decisions": ["The board agreed its development plan for 2027."],
        "actions": [action("Draft the 2027 training plan with board members", "lorraine-fenwick", "2026-12-01")],
    },
    {
        "day": date(2026, 12, 1), "mode": "in-person", "status": "scheduled",
        "papers_published": date(2026, 11, 20),
        "topics": [
            item("Rural isolation workshop: planning", ["maureen-osei", "lorraine-fenwick"], le_input=True),
            item("Reappointments and terms of office", ["janet-whitlock", "graham-pettifer"]),
        ],
    },
]  # fmt: skip


def board_meetings(member_list: Sequence[Json], rng: random.Random) -> list[Json]:
    out = []
    for plan in BOARD_PLAN:
        day: date = plan["day"]
        status = plan.get("status", "held")
        expected = current(member_list, BOARD, day)
        published = plan.get("papers_published", publish_date(day, 6))
        mode = plan["mode"]
        standing_open = item("Welcome, introductions and ground rules", ["janet-whitlock", "graham-pettifer"])
        standing_close = [
            item("You said, we did: what happened to your advice", ["lorraine-fenwick", "janet-whitlock"]),
            item("Any other business", ["janet-whitlock", "graham-pettifer"]),
        ]
        agenda = [standing_open, *plan["topics"], *standing_close] if plan["topics"] else []
        papers = []
        if status != "cancelled":
            papers = [paper("Agenda and notes of the last meeting", published, BOARD_PAPER_FORMATS)]
            papers += [paper(f"{t['title']}: briefing", published, BOARD_PAPER_FORMATS)
                       for t in plan["topics"][:1]]  # fmt: skip
            papers += [paper(title, published, formats) for title, formats in plan.get("extra_papers", [])]
        always = ["janet-whitlock", "graham-pettifer", "bill-harcourt", *plan.get("always_present", [])]
        present = choose_present(expected, rng, 0.88, always=always)
        breaks = plan.get("breaks", [(70, 15)])
        out.append(
            meeting(
                id=f"board-{day.isoformat()}", group=BOARD,
                title=plan.get("title", "Team-Up Co-production Board"), day=day, start=time(10), end=time(12, 30),
                status=status, mode=mode, venue=COUNTY_HALL,
                link=BOARD_LINK if mode == "hybrid" else None, captions=mode == "hybrid", bsl=2, breaks=breaks,
                agenda=agenda, papers=papers, expected=expected, present=present,
                decisions=plan.get("decisions", []), actions=plan.get("actions", []), session_fee="40.00",
                rng=rng, missing_payments=plan.get("missing_payments", ()),
            )
        )  # fmt: skip
    return out


CHAMPION_FORMATS = ("easy-read", "large-print", "standard")

CHAMPIONS_PLAN: list[Json] = [
    {"day": date(2025, 12, 18), "mode": "online",
     "topics": [item("Champions' stories: co-production in my service", ["joy-mensah", "claire-hutchins"],
                     le_input=True, outcome=("You said stories help staff understand; we added two stories to the "
                                             "staff induction.", "2026-02-19")),
                item("Planning next year's training sessions", ["lorraine-fenwick", "gail-pritchard"])],
     "decisions": ["Champions agreed to run four introductory sessions in 2026."]},
    {"day": date(2026, 1, 15), "mode": "online",
     "topics": [item("Co-production in commissioning: a checklist", ["priya-nair", "hannah-lister"],
                     le_input=True, outcome=("You said the checklist was too long; it now fits on one page.",
                                             "2026-03-19")),
                item("Buddying new champions", ["beryl-ashworth", "lorraine-fenwick"])]},
    {"day": date(2026, 2, 19), "mode": "online",
     "topics": [item("Carers' voices in the carers strategy", ["farida-rahman", "kirsty-allardyce"],
                     le_input=True, outcome=("You said carers need evening sessions; two were added.",
                                             "2026-03-19")),
                item("Easy Read: how to write it well", ["gail-pritchard", "tom-haverley"])]},
    {"day": date(2026, 3, 19), "mode": "online", "captions": False,  # captions not switched on (AC005)
     "topics": [item("Mental health: peer support across the county", ["ellen-brooke", "yvonne-castell"],
                     le_input=True, outcome=("You said peer workers felt isolated; a monthly peer network now "
                                             "meets.", "2026-05-21")),
                item("Champions' training day: ideas", ["lorraine-fenwick", "sadia-malik"])]},
    {"day": date(2026, 4, 16), "mode": "hybrid", "venue": COUNTY_HALL,
     "topics": [item("Autism friendly spaces", ["owen-tranter", "bethany-shaw"], le_input=True,
                     outcome=("You said bright lights are hard; libraries now offer quiet hours.", "2026-06-18")),
                item("Co-production Week plans", ["tessa-moorcroft", "lorraine-fenwick"])]},
    {"day": date(2026, 5, 21), "mode": "hybrid", "venue": BANBURY_HUB,
     "topics": [item("Getting around: accessible transport in Cherwell", ["sadia-malik", "daniel-roper"],
                     le_input=True, outcome=("You said bus stops lack seating; the district council is adding "
                                             "benches on two routes.", "2026-07-16")),
                item("Sharing co-production with GP practices", ["amara-lindo", "olivia-treadwell"])]},
    {"day": date(2026, 6, 18), "mode": "hybrid", "venue": WITNEY_ROOMS,
     "topics": [item("Older people's day opportunities", ["carol-whitby", "joanne-pike"], le_input=True,
                     outcome=("You said people want activities close to home; three village hubs will open.",
                              "2026-08-20")),
                item("Champions' newsletter", ["precious-nwosu", "lorraine-fenwick"])],
     "actions": [action("Write a champions' guide for new staff", "priya-nair", "2026-07-31")]},  # overdue (RC005)
    {"day": date(2026, 7, 4), "mode": "in-person", "venue": BANBURY_HUB,  # a Saturday (AC009)
     "title": "Co-production Week celebration", "start": time(11), "end": time(13, 30), "breaks": [(75, 15)],
     "topics": [item("Welcome and awards", ["lorraine-fenwick", "joy-mensah"]),
                item("Your co-production stories", ["margaret-quinlan", "tom-haverley"])]},
    {"day": date(2026, 7, 16), "mode": "hybrid", "venue": COUNTY_HALL,
     "topics": [item("Learning disability: annual health checks", ["gail-pritchard", "gemma-radley"],
                     le_input=True, outcome=("You said reminder letters were confusing; GP practices now send Easy "
                                             "Read invitations.", "2026-09-17")),
                item("Co-production Week: what we learned", ["lorraine-fenwick", "joy-mensah"])]},
    {"day": date(2026, 8, 20), "mode": "hybrid", "venue": COUNTY_HALL,
     # Summer holidays: most champions with lived experience sent apologies (EQ004).
     "le_present_only": ["joy-mensah", "beryl-ashworth", "hannah-lister"],
     "topics": [item("Summer round-up", ["lorraine-fenwick", "joy-mensah"]),
                item("Staff survey on co-production", ["claire-hutchins", "priya-nair"])]},
    {"day": date(2026, 9, 17), "mode": "hybrid", "venue": WITNEY_ROOMS,
     "missing_payments": ["sandra-okoro"], "always_present": ["sandra-okoro"],  # not recorded (RC001)
     "topics": [item("Sight loss: what helps at appointments", ["sandra-okoro", "sophie-kerridge"],
                     le_input=True, outcome=("You said staff should say who they are; it is now in the "
                                             "reception standard.", "2026-11-19")),
                item("Recruiting new champions", ["jade-fitzroy", "lorraine-fenwick"])]},
    {"day": date(2026, 10, 15), "mode": "in-person", "venue": COUNTY_HALL,
     "title": "Champions' training and celebration day",
     "start": time(11), "end": time(16, 30),  # 5.5 hours, ending after 16:00 (AC007, AC008)
     "breaks": [(90, 15), (180, 45), (300, 15)],
     # Run by the co-production team: every session led by staff (EQ005).
     "topics": [item("Training: what co-production is and is not", ["lorraine-fenwick"]),
                item("Training: the ladder of participation", ["claire-hutchins"]),
                item("Training: running accessible meetings", ["priya-nair", "bethany-shaw"]),
                item("Celebration and certificates", ["lorraine-fenwick"])]},
    {"day": date(2026, 11, 19), "mode": "hybrid", "venue": ABINGDON_CENTRE,  # no hearing loop (AC003)
     "topics": [item("Winter wellbeing: staying connected", ["ray-donnelly", "amara-lindo"], le_input=True),
                item("Champions' plan for 2027", ["tom-haverley", "lorraine-fenwick"])],
     "actions": [action("Draft the 2027 plan and share in Easy Read", "lorraine-fenwick", "2026-12-17")]},
    {"day": date(2026, 12, 17), "mode": "online", "status": "scheduled",
     "topics": [item("Champions' plan for 2027: agreeing it", ["tom-haverley", "lorraine-fenwick"]),
                item("Festive stories", ["joy-mensah", "claire-hutchins"])]},
]  # fmt: skip

#: Champions' usual chance of attending; Denise's caring role has kept her away most of the year (MB002).
CHAMPION_RATES = {"denise-carver": 0.0, "leon-fairbairn": 0.7, "tessa-moorcroft": 0.7}
DENISE_ATTENDED = {date(2025, 12, 18), date(2026, 3, 19), date(2026, 9, 17)}


def champions_meetings(member_list: Sequence[Json], rng: random.Random) -> list[Json]:
    out = []
    for plan in CHAMPIONS_PLAN:
        day: date = plan["day"]
        status = plan.get("status", "held")
        expected = current(member_list, CHAMPIONS, day)
        mode = plan["mode"]
        present = set()
        for member_id in expected:
            rate = CHAMPION_RATES.get(member_id, 0.8)
            if member_id == "denise-carver":
                rate = 1.0 if day in DENISE_ATTENDED else 0.0
            if rng.random() < rate:
                present.add(member_id)
        present.add("lorraine-fenwick")
        present |= set(plan.get("always_present", []))
        if "le_present_only" in plan:
            present = {m for m in present if not has_lived_experience(m)} | set(plan["le_present_only"])
        published = publish_date(day, 6) if status == "held" else None
        papers = [paper("Agenda and notes of the last meeting", published, CHAMPION_FORMATS)]
        decisions = plan.get("decisions", [])
        out.append(
            meeting(
                id=f"champions-{day.isoformat()}", group=CHAMPIONS,
                title=plan.get("title", "Co-production Champions"), day=day,
                start=plan.get("start", time(13, 30)), end=plan.get("end", time(15, 30)), status=status,
                mode=mode, venue=plan.get("venue"), link=CHAMPIONS_LINK if mode != "in-person" else None,
                captions=plan.get("captions", mode != "in-person"), bsl=0, breaks=plan.get("breaks", [(60, 10)]),
                agenda=plan["topics"], papers=papers, expected=expected, present=present, decisions=decisions,
                actions=plan.get("actions", []), session_fee="30.00", rng=rng,
                missing_payments=plan.get("missing_payments", ()),
            )
        )  # fmt: skip
    return out


def acknowledgements(meetings: Sequence[Json], member_list: Sequence[Json]) -> dict[str, list[Json]]:
    """Members acknowledge the current rules at the first meeting they attend on or after the rules' review.

    Two people have not: Bill Harcourt (joined the board in September; his induction pack is still with him) and
    Nadia Kowalczyk (joined the champions in June; nobody has gone through the rules with her) - GR003.
    """
    since = {BOARD: date(2026, 3, 3), CHAMPIONS: date(2025, 9, 18)}
    skip = {"bill-harcourt", "nadia-kowalczyk"}
    out: dict[str, list[Json]] = {BOARD: [], CHAMPIONS: []}
    for group in (BOARD, CHAMPIONS):
        done: dict[str, str] = {}
        if group == CHAMPIONS:  # the rules were reviewed at the September 2025 meeting
            for member_id in current(member_list, CHAMPIONS, since[CHAMPIONS]):
                done[member_id] = since[CHAMPIONS].isoformat()
        for mt in meetings:
            if mt["group"] != group or mt["status"] != "held":
                continue
            day = date.fromisoformat(mt["start"][:10])
            if day < since[group]:
                continue
            for a in mt["attendance"]:
                if a["status"] == "present" and a["member"] not in done and a["member"] not in skip:
                    done[a["member"]] = day.isoformat()
        out[group] = [{"member": m, "on": on} for m, on in sorted(done.items(), key=lambda kv: (kv[1], kv[0]))]
    return out


# --------------------------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style, no anchors, and short lists of plain values on one line (``leads: [a, b]``)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = bool(data) and all(isinstance(x, str) and len(x) < 40 for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    flow = len(data) <= 3 and all(isinstance(v, str | int) and len(str(v)) < 30 for v in data.values())
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)


def dump(path: Path, data: Json, heading: str) -> None:
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110,
                     default_flow_style=False)  # fmt: skip
    path.write_text(f"# {heading}\n# Generated by _generate.py; edit that script, not this file.\n{text}",
                    encoding="utf-8")  # fmt: skip


def main(out: Path = HERE) -> None:
    """Write the register's YAML files into ``out`` (this folder by default)."""
    rng = random.Random(SEED)
    member_list = memberships()
    board = board_meetings(member_list, rng)
    champions = champions_meetings(member_list, rng)
    dump(out / "register.yaml", {"organisation": OCC, "area": "Oxfordshire"},
         "Oxfordshire County Council's co-production register (fictional example).")  # fmt: skip
    dump(out / "members.yaml", {"members": BOARD_MEMBERS + CHAMPION_MEMBERS},
         "Members: invented people. 'diversity' is special category data; keep real registers private.")  # fmt: skip
    dump(out / "groups.yaml", {"groups": groups(acknowledgements(board + champions, member_list))},
         "The Team-Up Co-production Board and the Co-production Champions network.")  # fmt: skip
    dump(out / "memberships.yaml", {"memberships": member_list}, "Who belongs to which group, and since when.")
    dump(out / "meetings-board.yaml", {"meetings": board},
         "Team-Up Co-production Board meetings, December 2025 to December 2026.")  # fmt: skip
    dump(out / "meetings-champions.yaml", {"meetings": champions},
         "Co-production Champions meetings, December 2025 to December 2026.")  # fmt: skip


if __name__ == "__main__":
    import sys

    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
