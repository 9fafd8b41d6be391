"""Charts drawn as inline SVG on the server: stacked columns and horizontal bars, no script."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from hotline.web.admin.layout import e

PALETTE = ("#0b5cad", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#edc948", "#9c755f")
BAR = "#0b5cad"


def color(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def columns(
    labels: Sequence[str], series: Mapping[str, Sequence[int]], title: str, every: int = 1
) -> str:
    """Stacked columns: one column per label, one colour per series; `every` thins labels."""
    width, height, left, bottom, top = 640, 240, 36, 28, 10
    total = [sum(s[i] for s in series.values()) for i in range(len(labels))]
    peak = max(total, default=0) or 1
    step = _nice(peak)
    ceiling = step * -(-peak // step)
    plot_w, plot_h = width - left - 8, height - bottom - top
    slot = plot_w / max(len(labels), 1)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{e(title)}">'
    ]
    for tick in range(0, ceiling + 1, step):
        y = top + plot_h - plot_h * tick / ceiling
        parts.append(
            f'<line x1="{left}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e8ee"/>'
        )
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    for i, label in enumerate(labels):
        x = left + i * slot + slot * 0.15
        y = top + plot_h
        for n, (name, values) in enumerate(series.items()):
            h = plot_h * values[i] / ceiling
            if h > 0:
                y -= h
                tip = f"{label} · {name}: {values[i]}"
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}"'
                    f' fill="{color(n)}"><title>{e(tip)}</title></rect>'
                )
        if i % every == 0:
            cx = left + i * slot + slot / 2
            parts.append(
                f'<text x="{cx:.1f}" y="{height - 10}" text-anchor="middle">{e(label)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts) + legend(list(series))


def bars(rows: Sequence[tuple[str, int]], title: str, colors: Sequence[str] = ()) -> str:
    """Horizontal bars with their labels and values, biggest as given."""
    if not rows:
        return '<p class="muted">Chưa có số liệu trong khoảng thời gian này.</p>'
    label_w, width, row_h = 170, 640, 26
    height = row_h * len(rows) + 6
    peak = max(n for _, n in rows) or 1
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{e(title)}">'
    ]
    for i, (label, n) in enumerate(rows):
        y = 3 + i * row_h
        w = (width - label_w - 60) * n / peak
        fill = colors[i] if i < len(colors) else BAR
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end">{e(_short(label))}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{max(w, 1):.1f}" height="{row_h - 8}" rx="3"'
            f' fill="{fill}"><title>{e(label)}: {n}</title></rect>'
        )
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 17}">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)


def legend(names: Sequence[str]) -> str:
    items = "".join(
        f'<span><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="2"'
        f' fill="{color(i)}"/></svg> {e(n)}</span>'
        for i, n in enumerate(names)
    )
    return f'<p class="legend">{items}</p>' if names else ""


def _nice(peak: int) -> int:
    """A round step giving about four grid lines."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if peak / step <= 5:
            return step
    return 10_000


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
