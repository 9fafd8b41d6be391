"""Charts drawn as inline SVG on the server: stacked columns and horizontal bars, no script.

The geometry is worked out here; `admin/charts.html` draws it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

PALETTE = ("#0b5cad", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#edc948", "#9c755f")
BAR = "#0b5cad"


def color(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


@dataclass(frozen=True)
class Box:
    """A column segment or a bar: where, how big, its colour, and its tooltip."""

    x: str
    y: str
    width: str
    height: str
    fill: str
    tip: str


@dataclass(frozen=True)
class Columns:
    title: str
    width: int
    height: int
    left: int
    grid: tuple[tuple[str, str, int], ...]  # (y of the line, y of its number, the number)
    boxes: tuple[Box, ...]
    labels: tuple[tuple[str, str], ...]  # (x of the column's middle, label)
    legend: tuple[tuple[str, str], ...]  # (colour, series name)
    kind: str = "columns"


@dataclass(frozen=True)
class Bar:
    y: int
    label: str
    short: str
    value: int
    box: Box
    value_x: str


@dataclass(frozen=True)
class Bars:
    title: str
    width: int
    height: int
    label_width: int
    bars: tuple[Bar, ...]
    kind: str = "bars"


def columns(
    labels: Sequence[str], series: Mapping[str, Sequence[int]], title: str, every: int = 1
) -> Columns:
    """Stacked columns: one column per label, one colour per series; `every` thins labels."""
    width, height, left, bottom, top = 640, 240, 36, 28, 10
    total = [sum(s[i] for s in series.values()) for i in range(len(labels))]
    peak = max(total, default=0) or 1
    step = _nice(peak)
    ceiling = step * -(-peak // step)
    plot_w, plot_h = width - left - 8, height - bottom - top
    slot = plot_w / max(len(labels), 1)
    grid = []
    for tick in range(0, ceiling + 1, step):
        y = top + plot_h - plot_h * tick / ceiling
        grid.append((f"{y:.1f}", f"{y + 4:.1f}", tick))
    boxes: list[Box] = []
    names: list[tuple[str, str]] = []
    for i, label in enumerate(labels):
        x = left + i * slot + slot * 0.15
        y = top + plot_h
        for n, (name, values) in enumerate(series.items()):
            h = plot_h * values[i] / ceiling
            if h > 0:
                y -= h
                tip = f"{label} · {name}: {values[i]}"
                boxes.append(
                    Box(f"{x:.1f}", f"{y:.1f}", f"{slot * 0.7:.1f}", f"{h:.1f}", color(n), tip)
                )
        if i % every == 0:
            names.append((f"{left + i * slot + slot / 2:.1f}", label))
    legend = tuple((color(i), name) for i, name in enumerate(series))
    return Columns(title, width, height, left, tuple(grid), tuple(boxes), tuple(names), legend)


def bars(rows: Sequence[tuple[str, int]], title: str, colors: Sequence[str] = ()) -> Bars:
    """Horizontal bars with their labels and values, biggest as given."""
    label_w, width, row_h = 170, 640, 26
    height = row_h * len(rows) + 6
    peak = max((n for _, n in rows), default=0) or 1
    drawn = []
    for i, (label, n) in enumerate(rows):
        y = 3 + i * row_h
        w = (width - label_w - 60) * n / peak
        fill = colors[i] if i < len(colors) else BAR
        box = Box(str(label_w), str(y + 3), f"{max(w, 1):.1f}", str(row_h - 8), fill, "")
        drawn.append(Bar(y, label, _short(label), n, box, f"{label_w + w + 6:.1f}"))
    return Bars(title, width, height, label_w, tuple(drawn))


def _nice(peak: int) -> int:
    """A round step giving about four grid lines."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if peak / step <= 5:
            return step
    return 10_000


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
