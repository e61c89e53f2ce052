"""Diversity checks DV002-DV005 (CHECKS.md): be pro-active about diversity (SCIE guide 51).

DV001 (representation against the population baseline) lives in :mod:`coproduction.checks.representation`.

These checks judge each group's current members on the "as of" date. A group with no current members is not
judged (MB004 reports its size). Diversity answers are special category data (UK GDPR Article 9): messages here
give counts and shares for a whole group and name a characteristic, never a person's answer; DV003 does not list
service areas, which can reveal someone's health.
"""
