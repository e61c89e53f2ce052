"""DV: diversity checks DV001-DV005, one module each: be pro-active about diversity (SCIE guide 51,
docs/sources.md#scie-guide-51).

DV001 compares a group with its population baseline, using the audit's arithmetic. DV002-DV005 judge each group's
current members on the "as of" date. A group with no current members is not judged (MB004 reports its size).
Diversity answers are special category data (UK GDPR Article 9): messages here give counts and shares for a whole
group and name a characteristic, never a person's answer; DV003 does not list service areas, which can reveal
someone's health.
"""
