"""EQ: equality checks EQ001-EQ006, one module each (docs/checks/ has a page for each).

SCIE guide 51 names equality first among co-production's principles: no group is more important, and power
shifts towards people who use services and carers. These checks look at who holds the votes, who chairs, who is
in the room, who leads the agenda and who is present when decisions are taken.

"Lived experience" means using services, or caring for someone who does (SCIE guide 51;
:data:`coproduction.models.LIVED_EXPERIENCE`). "Current" means :meth:`Membership.is_current` on the "as of" date.
"""
