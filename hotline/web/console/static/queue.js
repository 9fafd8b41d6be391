// The queue: tickets ordered by time left, with views, filters and a live countdown.

import { OPEN, PRIORITY_ORDER, el, name, place, timeLeft, waited } from "./format.js";

// A citizen waiting in a chat for a person (asked for one, or an emergency) is pinned on top.
const LIVE_CATEGORIES = new Set(["other", "emergency"]);
export const isLiveChat = (t) =>
  Boolean(t.chat) && LIVE_CATEGORIES.has(t.category) && OPEN.has(t.status) && t.status !== "forwarded";

export class Queue {
  constructor({ list, empty, count, filters, views, onSelect }) {
    this.list = list;
    this.empty = empty;
    this.count = count;
    this.filters = filters;
    this.views = views;
    this.onSelect = onSelect;
    this.tickets = new Map();
    this.unread = new Map();
    this.me = "";
    this.role = "";
    this.view = "all";
    this.selected = null;
    filters.addEventListener("input", () => this.render());
    filters.addEventListener("submit", (event) => event.preventDefault());
    for (const button of views) {
      button.addEventListener("click", () => this.show(button.dataset.view));
    }
    this.show(this.view);
  }

  show(view) {
    this.view = view;
    for (const button of this.views) {
      button.setAttribute("aria-pressed", String(button.dataset.view === view));
    }
    this.render();
  }

  replaceAll(tickets) {
    this.tickets = new Map(tickets.map((ticket) => [ticket.code, ticket]));
    this.list.setAttribute("aria-busy", "false");
    this.render();
  }

  upsert(ticket) {
    const known = this.tickets.get(ticket.code) || {};
    this.tickets.set(ticket.code, { ...known, ...ticket });
    this.render();
  }

  drop(code) {
    if (this.tickets.delete(code)) this.render();
  }

  markUnread(code) {
    if (code === this.selected) return;
    this.unread.set(code, (this.unread.get(code) || 0) + 1);
    this.render();
  }

  select(code) {
    this.selected = code;
    this.unread.delete(code);
    this.render();
  }

  inView(ticket, view) {
    // Agents work their own tickets and the unassigned queue; supervisors watch everything.
    if (this.role === "agent" && ticket.assignee && ticket.assignee !== this.me) return false;
    if (view === "mine") return ticket.assignee === this.me;
    if (view === "unassigned") return !ticket.assignee && OPEN.has(ticket.status);
    return true;
  }

  matches(ticket) {
    const form = new FormData(this.filters);
    const status = form.get("status");
    if (status === "open" && !OPEN.has(ticket.status)) return false;
    if (status && status !== "open" && ticket.status !== status) return false;
    if (form.get("category") && ticket.category !== form.get("category")) return false;
    if (form.get("district") && ticket.district !== form.get("district")) return false;
    if (form.get("overdue") && timeLeft(ticket).level !== "overdue") return false;
    const words = String(form.get("q") || "").trim().toLowerCase();
    if (!words) return true;
    const haystack = [ticket.code, ticket.description, ticket.ward, ticket.district, ticket.address]
      .filter(Boolean).join(" ").toLowerCase();
    return words.split(/\s+/).every((word) => haystack.includes(word));
  }

  ordered() {
    return [...this.tickets.values()].sort((a, b) =>
      (isLiveChat(b) - isLiveChat(a)) ||
      (isLiveChat(a) && isLiveChat(b) && Date.parse(a.created_at) - Date.parse(b.created_at)) ||
      (OPEN.has(b.status) - OPEN.has(a.status)) ||
      (Date.parse(a.due_at) - Date.parse(b.due_at)) ||
      ((PRIORITY_ORDER[a.priority] ?? 9) - (PRIORITY_ORDER[b.priority] ?? 9)) ||
      String(a.code).localeCompare(String(b.code)));
  }

  render() {
    const all = this.ordered().filter((ticket) => this.matches(ticket));
    for (const button of this.views) {
      const counter = button.querySelector("[data-count]");
      const open = all.filter((t) => this.inView(t, button.dataset.view) && OPEN.has(t.status));
      counter.textContent = open.length ? String(open.length) : "";
    }
    this.summarize();
    // Unread citizens' messages show in the tab's title, for an agent in another window.
    const unread = [...this.unread.values()].reduce((sum, n) => sum + n, 0);
    document.title = (unread ? `(${unread}) ` : "") + "Bảng điều khiển – Tổng đài 1022";
    const shown = all.filter((ticket) => this.inView(ticket, this.view));
    this.count.textContent = `(${shown.length})`;
    this.list.replaceChildren(...shown.map((ticket) => this.item(ticket)));
    this.empty.hidden = shown.length > 0;
  }

  /** The queue at a glance, shown while no ticket is open. */
  summarize() {
    const overview = document.getElementById("overview");
    if (!overview) return;
    const open = [...this.tickets.values()].filter((t) => OPEN.has(t.status) && this.inView(t, "all"));
    const levels = open.map((t) => timeLeft(t).level);
    const figures = [
      ["overdue", "Quá hạn", levels.filter((l) => l === "overdue").length],
      ["soon", "Sắp hết hạn", levels.filter((l) => l === "soon").length],
      ["free", "Chưa ai nhận", open.filter((t) => !t.assignee).length],
      ["mine", "Bạn đang xử lý", open.filter((t) => t.assignee === this.me).length],
    ];
    overview.replaceChildren(...figures.map(([kind, label, count]) =>
      el("li", { class: `fig fig-${kind}` }, el("strong", { text: String(count) }), el("span", { text: label }))));
  }

  item(ticket) {
    const left = timeLeft(ticket);
    const unread = this.unread.get(ticket.code) || 0;
    const who = ticket.assignee
      ? (ticket.assignee === this.me ? "Bạn đang xử lý" : `Đang xử lý: ${ticket.assignee}`)
      : "Chưa ai nhận";
    const live = isLiveChat(ticket);
    const preview = ticket.preview ?? ticket.description;
    const button = el("button", {
      type: "button",
      class: `item lvl-${left.level} prio-${ticket.priority}${live ? " item-live" : ""}`,
      "aria-current": ticket.code === this.selected ? "true" : null,
      onclick: () => this.onSelect(ticket.code),
    },
    live ? el("span", { class: "item-pin", text: `Trò chuyện trực tiếp · chờ ${waited(ticket.created_at)}` }) : null,
    el("span", { class: "item-top" },
      el("span", { class: `prio prio-${ticket.priority}`, text: name("priorities", ticket.priority) }),
      el("span", { class: "cat", text: name("categories", ticket.category) }),
      el("span", { class: "left", text: left.text })),
    el("span", { class: "item-mid" },
      el("span", { class: "code", text: ticket.code }),
      el("span", { class: "place", text: place(ticket) || "Chưa rõ địa bàn" })),
    preview ? el("span", { class: "item-desc", text: preview }) : null,
    el("span", { class: "item-bottom" },
      el("span", { class: ticket.assignee ? "who" : "who who-free", text: who }),
      unread ? el("span", { class: "badge", text: `${unread} tin mới` }) : null));
    const fill = el("span");
    fill.style.width = `${Math.round(left.used * 100)}%`; // CSSOM, allowed by the page's CSP
    button.append(el("span", { class: "meter", "aria-hidden": "true" }, fill));
    return el("li", {}, button);
  }
}
