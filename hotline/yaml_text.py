"""The one way the hotline reads YAML: the FAQ seed and imports, rules, categories, routing.

`yaml.safe_load` parses in pure Python: the 90 kB FAQ seed took about 80 ms of CPU at every
start, and a test suite starts the app some two thousand times. PyYAML's binding to libyaml
(`CSafeLoader`, in the wheels PyYAML ships) reads the same safe subset about ten times faster and
raises the same `yaml.YAMLError`; without libyaml the pure-Python loader reads as before.

A leaf: it imports nothing of the hotline's.
"""

from __future__ import annotations

from typing import Any

import yaml

_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read(text: str) -> Any:
    """What `yaml.safe_load(text)` gives, read by libyaml where PyYAML has it."""
    return yaml.load(text, Loader=_SAFE_LOADER)
