"""A council system embedding coproduction, as a developer would write it: only ``from coproduction import ...``.

tests/typing/test_public_api.py type-checks this file with ``mypy --strict`` (every ``assert_type`` must hold:
the public names have their precise types, not ``Any``) and runs it (the calls work as typed).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import assert_type

from coproduction import (
    AgeBand,
    AuditReport,
    CheckReport,
    CoproductionError,
    DiversityProfile,
    Finding,
    Format,
    Group,
    GroupAudit,
    GroupKind,
    InvalidRegisterError,
    Meeting,
    MeetingStatus,
    Member,
    Membership,
    Perspective,
    Policy,
    Problem,
    RecruitmentPlan,
    Register,
    Role,
    Severity,
    Sex,
    audit_group,
    check_register,
    dumps_register,
    export_calendar,
    load_policy,
    loads_register,
    registry_with_plugins,
    validate_register,
)

AS_OF = date(2026, 11, 25)


def build_register(rows: list[dict[str, str]]) -> Register:
    """A register from a council database's rows, which hold text: the file format's forms are accepted."""
    members = [
        Member(
            id=row["id"],
            name=row["name"],
            perspectives=[row["perspective"]],
            access_needs=[],
            diversity=DiversityProfile(age=row["age"], sex=row["sex"]),
        )
        for row in rows
    ]
    start = datetime(2026, 11, 3, 10, tzinfo=UTC)
    return Register(
        organisation="Example Council",
        area="Exampleshire",
        members=members,
        groups=[Group(id="board", name="Example Board", kind="board", purpose="Shape adult social care.")],
        memberships=[
            Membership(member=member.id, group="board", role="co-chair" if number == 0 else "member")
            for number, member in enumerate(members)
        ],
        meetings=[
            Meeting(
                id="board-2026-11",
                group="board",
                title="Board",
                start=start,
                end=start + timedelta(hours=2),
                status="held",
            ),
        ],
    )


def main() -> None:
    rows = [
        {"id": "ann", "name": "Ann", "perspective": "uses-services", "age": "35-49", "sex": "female"},
        {"id": "bob", "name": "Bob", "perspective": "staff", "age": "50-64", "sex": "male"},
    ]
    register = build_register(rows)
    assert_type(register, Register)
    assert_type(register.groups[0].kind, GroupKind)
    assert register.groups[0].kind is GroupKind.BOARD
    assert_type(register.memberships[0].role, Role)
    assert_type(register.meetings[0].status, MeetingStatus)
    profile = register.members[0].diversity
    assert profile is not None
    assert_type(profile.age, AgeBand | None)
    assert profile.age is AgeBand.AGED_35_TO_49
    assert profile.sex is Sex.FEMALE
    assert_type(register.members[0].perspectives, frozenset[Perspective])

    problems = validate_register(register)
    assert_type(problems, tuple[Problem, ...])
    assert problems == ()

    policy = load_policy(environ={})
    assert_type(policy, Policy)
    report = check_register(register, as_of=AS_OF, policy=policy, registry=registry_with_plugins())
    assert_type(report, CheckReport)
    for finding in report.at_or_above(Severity.WARNING):
        assert_type(finding, Finding)
        assert finding.code

    calendar = export_calendar(register, policy, dtstamp=datetime(2026, 11, 25, tzinfo=UTC), domain="example.org")
    assert_type(calendar, bytes)
    assert calendar.startswith(b"BEGIN:VCALENDAR")

    audit = audit_group(register, "board", as_of=AS_OF, publishable=True)
    assert_type(audit, AuditReport)
    assert_type(audit.audit, GroupAudit)
    assert_type(audit.plan, RecruitmentPlan)
    assert_type(audit.render("markdown"), str)

    text = dumps_register(register, Format.YAML)
    assert_type(text, str)
    assert_type(loads_register(text, "yaml"), Register)

    broken = Register(organisation="Example Council", area="Exampleshire", memberships=[Membership("zed", "board")])
    refused = refusal(broken)
    assert_type(refused, tuple[Problem, ...])
    assert [problem.path for problem in refused] == ["$.memberships[0].member", "$.memberships[0].group"]
    assert refused == validate_register(broken)
    assert issubclass(InvalidRegisterError, CoproductionError)


def refusal(register: Register) -> tuple[Problem, ...]:
    """The problems check_register refuses ``register`` for; none when it checks it."""
    try:
        check_register(register, as_of=AS_OF)
    except InvalidRegisterError as error:
        return error.problems
    return ()


if __name__ == "__main__":
    main()
