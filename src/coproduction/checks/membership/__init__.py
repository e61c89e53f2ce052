"""MB: membership checks MB001-MB005, one module each.

Oxfordshire's Team-Up board sets out what it expects of members (Oxfordshire Clinical Commissioning Group,
"Co-production"; docs/sources.md#oxfordshire-ccg-coproduction): live in the council's area, attend and contribute
to meetings, and more. These checks look at residence, attendance, terms, the size of each group
and whether anyone has asked members about their access needs. Low attendance is a prompt to offer support,
never to remove someone.
"""
