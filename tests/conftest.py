"""Test-suite configuration: Hypothesis profiles ("fast" by default, "thorough" for a deeper run).

Choose with HYPOTHESIS_PROFILE=thorough. Deadlines are off: shared CI machines have uneven timing, and a property
that fails only on time would be a flaky test, not a finding.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "fast", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile("thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
