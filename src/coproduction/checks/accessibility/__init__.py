"""AC: accessibility checks AC001-AC010, one module each: everyone has the same chance to take part, in the way that
suits them best (SCIE guide 51, docs/sources.md#scie-guide-51).

Which meetings are judged: every meeting that is not cancelled, past or future. A late paper or a missing
interpreter at a meeting already held is still a finding: it is a record of how the group worked, and the board
can see whether things improve. Times are read in the policy's time zone (``Policy.timezone``), so a meeting's
date and its start and end are those its members see on their clocks.

"Expected attendees" are the meeting's ``expected`` list when it has one, otherwise the group's current members on
the meeting's date. Access needs come from ``Member.access_needs``; a member nobody has asked (``None``) has no
known needs here (MB005 reports that nobody asked). Messages count people rather than name them: access needs can
reveal a disability, so a board paper says "2 expected attendees need large print", not who.
"""
