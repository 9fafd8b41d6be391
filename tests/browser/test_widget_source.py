"""The widget's source keeps to plain DOM building: no HTML parsing of any text, no CDN."""

from __future__ import annotations

import re
from pathlib import Path

STATIC = Path(__file__).parents[2] / "hotline" / "web" / "static"


def test_the_widget_never_builds_html_from_strings() -> None:
    source = (STATIC / "widget.js").read_text(encoding="utf-8")
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "Function(",
    ):
        assert sink not in source, f"widget.js uses {sink}"


def test_the_demo_page_loads_nothing_from_other_hosts() -> None:
    for name in ("index.html", "widget.js", "widget.css", "portal.css"):
        lines = (STATIC / name).read_text(encoding="utf-8").splitlines()
        text = "\n".join(line for line in lines if not line.lstrip().startswith("*"))  # comments
        remote = re.findall(r"""(?:src|href)=["']?(?:https?:)?//[^"'\s>]+""", text)
        assert remote == [], f"{name} loads {remote}"
