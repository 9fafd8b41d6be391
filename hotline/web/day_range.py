"""Days a person may ask figures for: clamped to a range every clock and time zone can hold.

`date.fromisoformat` takes 0001-01-01 and 9999-12-31, but midnight of the first in Vietnam time
is before `datetime.min` in UTC and the day after the second does not exist (OverflowError).
"""

from __future__ import annotations

from datetime import date

FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2100, 12, 31)


def sane_day(day: date) -> date:
    """`day`, moved into [FIRST_DAY, LAST_DAY]."""
    return min(max(day, FIRST_DAY), LAST_DAY)
