"""``python -m coproduction``: the same as the ``coproduction`` command."""

from coproduction.cli import entry

entry()
