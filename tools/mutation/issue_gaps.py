"""The wrong rules issue 12 found surviving an earlier mutation run, as text edits (``--gaps`` runs them).

Each is (id, module, the code as it is, the code as the mutant has it, the test that now kills it). The code is
matched exactly once in the module; if the module has changed so that it no longer is, the run says so.
"""

from __future__ import annotations

GAPS: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "gap-gr005-break",
        "governance/GR005_irregular_meetings.py",
        "        if end < window_start:\n            continue",
        "        if end < window_start:\n            break",
        "tests/checks/governance/test_GR005.py::test_gr005_a_group_with_more_than_a_year_of_history_is_still_judged",
    ),
    (
        "gap-facts-started",
        "index.py",
        "                if ms.started is not None:\n                    days.add(ms.started)\n",
        "",
        "tests/checks/membership/test_MB002.py::test_mb002_a_member_is_expected_only_from_the_start_of_their_membership",
    ),
    (
        "gap-review-on-as-of",
        "_queries.py",
        "rules.agreed < rules.reviewed <= as_of",
        "rules.agreed < rules.reviewed < as_of",
        "tests/checks/governance/test_GR002.py::test_gr002_a_review_on_the_as_of_day_restarts_the_clock",
    ),
    (
        "gap-gr004-future-rules",
        "governance/GR004_ground_rules_not_easy_read.py",
        "if rules is None or rules_current_since(rules, as_of) is None or rules.has_easy_read:",
        "if rules is None or rules.has_easy_read:",
        "tests/checks/governance/test_GR004.py::test_gr004_rules_agreed_after_as_of_are_left_to_gr001",
    ),
    (
        "gap-rc003-latest-start",
        "reciprocity/RC003_training_not_completed.py",
        "return min(starts) if starts else None",
        "return max(starts) if starts else None",
        "tests/checks/reciprocity/test_RC003.py::test_rc003_two_memberships_and_no_joined_date_use_the_earliest_start",
    ),
    (
        "gap-rc003-first-start",
        "reciprocity/RC003_training_not_completed.py",
        "return min(starts) if starts else None",
        "return starts[0] if starts else None",
        "tests/checks/reciprocity/test_RC003.py::test_rc003_two_memberships_and_no_joined_date_use_the_earliest_start",
    ),
    (
        "gap-dv003-blank-areas",
        "diversity/DV003_narrow_lived_experience.py",
        "for area in m.service_areas if area.strip()}",
        "for area in m.service_areas}",
        "tests/checks/diversity/test_DV003.py::test_dv003_blank_service_areas_do_not_count",
    ),
    (
        "gap-ac006-nested-break",
        "accessibility/AC006_no_break.py",
        "position = max(position, ends)",
        "position = ends",
        "tests/checks/accessibility/test_AC006.py::test_ac006_a_break_nested_in_a_longer_one_does_not_restart_the_stretch",
    ),
    (
        "gap-ac010-any",
        "accessibility/AC010_unexplained_jargon.py",
        'if all(title[m.end():].lstrip().startswith("(") for m in matches):',
        'if any(title[m.end():].lstrip().startswith("(") for m in matches):',
        "tests/checks/accessibility/test_AC010.py::test_ac010_one_bracketed_use_does_not_explain_another",
    ),
    (
        "gap-ac010-word-start",
        "accessibility/AC010_unexplained_jargon.py",
        'rf"(?<![\\w]){re.escape(term)}(?![\\w])"',
        'rf"{re.escape(term)}(?![\\w])"',
        "tests/checks/accessibility/test_AC010.py::test_ac010_a_term_inside_a_longer_word_is_not_the_term",
    ),
    (
        "gap-ac010-word-end",
        "accessibility/AC010_unexplained_jargon.py",
        'rf"(?<![\\w]){re.escape(term)}(?![\\w])"',
        'rf"(?<![\\w]){re.escape(term)}"',
        "tests/checks/accessibility/test_AC010.py::test_ac010_a_term_inside_a_longer_word_is_not_the_term",
    ),
    (
        "gap-ac001-zero-notice-unpublished",
        "accessibility/AC001_late_papers.py",
        "elif clear_if_today < notice:",
        "elif clear_if_today <= notice:",
        "tests/checks/accessibility/test_AC001.py::test_ac001_zero_days_notice_accepts_a_paper_out_the_day_before",
    ),
    (
        "gap-ac001-zero-notice-same-day",
        "accessibility/AC001_late_papers.py",
        "and published < day",
        "and published <= day",
        "tests/checks/accessibility/test_AC001.py::test_ac001_zero_days_notice_accepts_a_paper_out_the_day_before",
    ),
    (
        "gap-mb002-apologies",
        "membership/MB002_low_attendance.py",
        "if member_id in index.apologies_ids(meeting) and member_id not in index.present_ids(meeting)",
        "if member_id in index.apologies_ids(meeting)",
        "tests/checks/membership/test_MB002.py::test_mb002_counts_apologies_only_where_the_member_was_not_present",
    ),
    (
        "gap-rc004-unsorted",
        "reciprocity/RC004_no_feedback_on_input.py",
        "if len(items) > 1 else items",
        "if len(items) > 99 else sorted(items, reverse=True)",
        "tests/checks/reciprocity/test_RC004.py::test_rc004_two_items_at_one_meeting_are_each_reported_in_title_order",
    ),
    (
        "gap-rc004-recorded-today",
        "reciprocity/RC004_no_feedback_on_input.py",
        "if recorded is None or recorded > as_of:",
        "if recorded is None or recorded >= as_of:",
        "tests/checks/reciprocity/test_RC004.py::test_rc004_two_items_at_one_meeting_are_each_reported_in_title_order",
    ),
    (
        "gap-dv001-no-share",
        "diversity/DV001_underrepresented_group.py",
        "        if share is None:  # a share of 0: nobody expected\n            continue",
        "        if share is None:  # a share of 0: nobody expected\n            break",
        "tests/checks/diversity/test_DV001.py::test_dv001_a_category_without_a_share_is_skipped_not_the_end_of_the_scan",
    ),
)
