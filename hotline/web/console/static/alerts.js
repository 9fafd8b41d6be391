// Deadline alerts that stay until dismissed, and short notices that fade on their own.

import { el, name, when } from "./format.js";

const TOAST_MS = 5000;

export class Alerts {
  constructor({ region, toasts, onOpen }) {
    this.region = region;
    this.toasts = toasts;
    this.onOpen = onOpen;
  }

  /** A deadline_warning or deadline_missed frame; one card per ticket, the newest wins. */
  deadline(frame) {
    const ticket = frame.ticket && typeof frame.ticket === "object" ? frame.ticket : frame;
    const code = ticket.code;
    if (!code) return;
    const missed = frame.kind === "deadline_missed";
    const title = missed ? "Quá hạn xử lý" : "Sắp hết hạn xử lý";
    const due = ticket.due_at ? ` (hạn ${when(ticket.due_at)})` : "";
    const what = [name("categories", ticket.category), ticket.assignee ? `người xử lý ${ticket.assignee}` : "chưa ai nhận"]
      .filter(Boolean).join(" · ");
    this.region.querySelector(`[data-code="${CSS.escape(code)}"]`)?.remove();
    const card = el("div", {
      class: missed ? "alert alert-missed" : "alert alert-warning",
      role: missed ? "alert" : "status",
      dataset: { code },
    },
    el("strong", { text: `${title}: ${code}${due}` }),
    el("span", { text: what }),
    el("div", { class: "alert-actions" },
      el("button", { type: "button", class: "btn btn-small", text: "Mở", onclick: () => this.onOpen(code) }),
      el("button", {
        type: "button", class: "btn btn-small btn-ghost", "aria-label": `Ẩn cảnh báo ${code}`,
        text: "Ẩn", onclick: () => card.remove(),
      })));
    this.region.prepend(card);
  }

  /** A new emergency: a card that stays until it is opened or dismissed. */
  emergency(ticket) {
    const code = ticket.code;
    this.region.querySelector(`[data-code="${CSS.escape(code)}"]`)?.remove();
    const card = el("div", { class: "alert alert-missed alert-emergency", role: "alert", dataset: { code } },
      el("strong", { text: `Cấp cứu mới: ${code}` }),
      el("span", { text: `Tiếp nhận ${when(ticket.created_at || new Date().toISOString())} · ${ticket.assignee ? `người xử lý ${ticket.assignee}` : "chưa ai nhận"}` }),
      el("div", { class: "alert-actions" },
        el("button", { type: "button", class: "btn btn-small", text: "Mở", onclick: () => { card.remove(); this.onOpen(code); } }),
        el("button", {
          type: "button", class: "btn btn-small btn-ghost", "aria-label": `Ẩn cảnh báo ${code}`,
          text: "Ẩn", onclick: () => card.remove(),
        })));
    this.region.prepend(card);
  }

  toast(text, kind = "info") {
    const note = el("p", { class: `toast toast-${kind}`, text });
    this.toasts.append(note);
    setTimeout(() => note.remove(), TOAST_MS);
  }
}
