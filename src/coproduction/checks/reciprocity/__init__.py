"""RC: reciprocity checks RC001-RC005, one module each: people get something back for what they put in (SCIE guide
51, docs/sources.md#scie-guide-51).

Meetings are read on the policy's local clock (``Policy.timezone``). Meeting checks look only at meetings that are
not cancelled; RC001 and RC004 look only at meetings recorded as held.
"""
