"""GR: ground rules and governance checks (CHECKS.md, "GR — Ground rules and governance").

"It is important to have rules for co-production so everyone knows how to talk to each other" (seed 002,
Oxfordshire's Easy Read summary of the SCIE evaluation). Ground rules are agreed by the group, reviewed, known to
every member and available in Easy Read; a group also needs a purpose or terms of reference and regular meetings.
"""
