"""The portal's pages: string templates in which every value is escaped unless marked Safe.

A citizen's words (a description with `<script>`, an address with quotes) are shown as typed and
never run: `fill` escapes whatever it is given, and only HTML built here from escaped parts is
wrapped in `Safe`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from html import escape
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import quote

from hotline.bot.dialogs.texts import CATEGORY_NAMES, STATUS_NAMES
from hotline.bot.nlu.admin_units import AdminUnits
from hotline.handoff.deadlines import local_time
from hotline.handoff.tickets import Ticket
from hotline.web.portal.reports import CATEGORIES

TEMPLATES = Path(__file__).parent / "templates"


class Safe(str):
    """HTML built from escaped parts: inserted as it is."""


@cache
def _template(name: str) -> Template:
    return Template((TEMPLATES / f"{name}.html").read_text(encoding="utf-8"))


def fill(template: str, /, **values: Any) -> Safe:
    """A template with its values escaped (Safe ones inserted as they are)."""
    escaped = {k: v if isinstance(v, Safe) else escape(str(v)) for k, v in values.items()}
    return Safe(_template(template).substitute(escaped))


def page(title: str, content: Safe, script: bool = False) -> str:
    scripts = Safe('<script src="/portal-static/portal.js" defer></script>' if script else "")
    return fill("layout", title=title, content=content, scripts=scripts)


def _field_state(name: str, errors: Mapping[str, str], hint: bool = False) -> dict[str, Any]:
    """The error line and the aria attributes tying it to its field."""
    describedby = [f"{name}-hint"] if hint else []
    error = errors.get(name)
    if error is None:
        invalid = ""
        line = ""
    else:
        describedby.append(f"{name}-error")
        invalid = ' aria-invalid="true"'
        line = f'<p class="error" id="{name}-error">{escape(error)}</p>'
    aria = invalid + (f' aria-describedby="{" ".join(describedby)}"' if describedby else "")
    return {
        f"{name}_error": Safe(line),
        f"{name}_invalid": Safe(invalid),
        f"{name}_aria": Safe(aria),
    }


LABELS = {
    "category": "Loại phản ánh",
    "description": "Sự việc",
    "district": "Thành phố/thị xã/huyện",
    "ward": "Phường/xã/thị trấn",
    "address": "Địa chỉ cụ thể",
    "occurred_at": "Thời gian xảy ra",
    "photos": "Ảnh chụp",
    "name": "Họ tên",
    "phone": "Số điện thoại",
    "email": "Thư điện tử",
}


def report_page(
    units: AdminUnits,
    values: Mapping[str, str],
    errors: Mapping[str, str],
    nonce: str,
    csrf: str,
    max_photos: int,
    max_bytes: int,
) -> str:
    """The report form, with the citizen's input kept and each problem beside its field."""
    state: dict[str, Any] = {}
    for name in LABELS:
        state.update(_field_state(name, errors, hint=name in ("description", "address")))
    state["category_invalid"] = Safe(' class="invalid"' if "category" in errors else "")
    chosen = values.get("category", "")
    radios = "\n".join(_radio(c, i, c == chosen, errors) for i, c in enumerate(CATEGORIES))
    district = values.get("district", "")
    districts = "\n".join(_option(d, d == district) for d in units.districts)
    ward = values.get("ward", "")
    wards = "\n".join(
        f'<optgroup label="{escape(d)}">'
        + "".join(_option(w, w == ward and d == district, d) for w in units.wards_of(d))
        + "</optgroup>"
        for d in units.districts
    )
    summary = ""
    if errors:
        items = "".join(
            f'<li><a href="#{_anchor(k)}">{escape(LABELS.get(k, k))}: {escape(v)}</a></li>'
            for k, v in errors.items()
        )
        summary = (
            '<div class="summary" role="alert" tabindex="-1" id="problems">'
            f"<h2>Xin kiểm tra lại</h2><ul>{items}</ul></div>"
        )
    content = fill(
        "report",
        summary=Safe(summary),
        nonce=nonce,
        csrf=csrf,
        categories=Safe(radios),
        districts=Safe(districts),
        wards=Safe(wards),
        max_photos=max_photos,
        max_mb=max_bytes // (1024 * 1024),
        max_bytes=max_bytes,
        **{k: values.get(k, "") for k in ("description", "address", "occurred_at")},
        **{k: values.get(k, "") for k in ("name", "phone", "email")},
        **state,
    )
    return page("Gửi phản ánh", content, script=True)


def _radio(category: str, index: int, checked: bool, errors: Mapping[str, str]) -> str:
    attrs = ' id="category-first"' if index == 0 else ""
    attrs += " checked" if checked else ""
    attrs += ' aria-describedby="category-error"' if "category" in errors else ""
    return (
        f'<label class="choice"><input type="radio" name="category" value="{category}"{attrs}>'
        f" {escape(CATEGORY_NAMES[category])}</label>"
    )


def _anchor(field: str) -> str:
    return "category-first" if field == "category" else field


def _option(value: str, selected: bool, district: str | None = None) -> str:
    extra = f' data-district="{escape(district)}"' if district else ""
    chosen = " selected" if selected else ""
    return f'<option value="{escape(value)}"{extra}{chosen}>{escape(value)}</option>'


def filed_page(ticket: Ticket) -> str:
    urgent = ""
    if ticket.category == "emergency":
        urgent = (
            '<p class="urgent" role="alert"><strong>Cấp cứu:</strong> nếu chưa gọi, hãy '
            '<a href="tel:115">gọi ngay 115</a>. Tổng đài viên trực đã được báo.</p>'
        )
    content = fill(
        "filed",
        urgent=Safe(urgent),
        code=ticket.code,
        code_q=quote(ticket.code),
        due=local_time(ticket.due_at),
    )
    return page("Đã tiếp nhận phản ánh", content)


def status_page(code: str, ticket: Ticket | None, error: str | None) -> str:
    """The lookup form and, for a known code, the ticket without its reporter or transcript."""
    state = _field_state("code", {"code": error} if error else {}, hint=True)
    result = Safe(_ticket_card(ticket) if ticket is not None else "")
    content = fill("status", code=code, result=result, **state)
    return page("Tra cứu phản ánh", content)


def _ticket_card(ticket: Ticket) -> Safe:
    answers = [e for e in ticket.history if e.action == "answer" and e.note]
    if answers:
        items = "".join(
            f"<li><time>{escape(local_time(e.at))}</time> {escape(e.note or '')}</li>"
            for e in answers
        )
        answered = f'<ul class="answers" id="answers">{items}</ul>'
    else:
        answered = '<p id="answers">Chưa có kết quả. Cơ quan chức năng đang xử lý.</p>'
    place = ", ".join(p for p in (ticket.address, ticket.ward, ticket.district) if p)
    return fill(
        "ticket",
        code=ticket.code,
        category=CATEGORY_NAMES.get(ticket.category, ticket.category),
        status=STATUS_NAMES.get(ticket.status, ticket.status).capitalize(),
        created=local_time(ticket.created_at),
        due=local_time(ticket.due_at),
        place=place or "—",
        description=ticket.description,
        answers=Safe(answered),
    )


def message_page(heading: str, message: str, back: str = "/report", label: str = "") -> str:
    content = fill(
        "message",
        heading=heading,
        message=message,
        back=back,
        back_label=label or "Quay lại mẫu phản ánh",
    )
    return page(heading, content)
