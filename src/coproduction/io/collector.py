"""Pausing Python's cyclic garbage collector around work that makes millions of objects and no cycles.

Loading a register, and a command that keeps one to the end, allocate millions of objects that form no reference
cycles; the collector, triggered by allocation counts, would walk that growing graph again and again for nothing.
Pausing it took about 40% off loading a 6.6 MB synthetic register (benchmarks/synthetic.py). Memory is still freed
by reference counting.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the collector for the ``with`` block; restore its previous state afterwards.

    Before it is restored, every object is moved to the oldest generation (frozen, then at once unfrozen):
    otherwise the first allocation after re-enabling starts a young-generation pass over everything just made,
    2.2 s after a national load (issue 6 benchmarks). Nothing stays frozen, so cyclic garbage is still collected.
    Blocks may nest: an inner block leaves the collector paused for the outer one.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()


__all__ = ["collector_paused"]
