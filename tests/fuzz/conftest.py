"""Property-based fuzzing of what outsiders can reach: bounded in examples and time.

The profile keeps no example database (no files left behind) and no per-example deadline (the
machine is shared); each test bounds its own examples, and the whole suite stays well under two
minutes.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "hotline-fuzz",
    database=None,
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("hotline-fuzz")
