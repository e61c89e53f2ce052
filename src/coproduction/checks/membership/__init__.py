"""MB: membership checks (CHECKS.md, "MB — Membership").

Oxfordshire's Team-Up board sets out what it expects of members (seed 003): live in the council's area, attend
and contribute to meetings, and more. These checks look at residence, attendance, terms, the size of each group
and whether anyone has asked members about their access needs. Low attendance is a prompt to offer support,
never to remove someone.
"""
