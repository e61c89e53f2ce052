"""GR: ground rules and governance checks GR001-GR006, one module each.

"It is important to have rules for co-production so everyone knows how to talk to each other" (Oxfordshire County
Council and SCIE, "Co-production in Oxfordshire's adult services", the Easy Read evaluation;
docs/sources.md#oxfordshire-scie-easy-read). Ground rules are agreed by the group, reviewed, known to
every member and available in Easy Read; a group also needs a purpose or terms of reference and regular meetings.
"""
