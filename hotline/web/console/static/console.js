// The agent console: wires the queue, the open ticket, alerts and the live line together.

import { Alerts } from "./alerts.js";
import { api, setCsrf } from "./api.js";
import { CallForm } from "./call.js";
import { Detail } from "./detail.js";
import { el, labels, loadLabels, name } from "./format.js";
import { LiveLine } from "./live.js";
import { Notifier } from "./notify.js";
import { Queue } from "./queue.js";

const $ = (id) => document.getElementById(id);
const TICK_MS = 15000;
const ROLES = { agent: "Tổng đài viên", supervisor: "Giám sát viên", admin: "Quản trị viên" };

let queue;
let detail;
let alerts;
let bell;
let reloading = null;

async function reload() {
  const { tickets } = await api.tickets();
  queue.replaceAll(tickets);
  if (detail.code) await detail.refresh().catch(() => detail.close());
}

/** Many ticket events in a burst (auto-assignment, a restart) cost one reload. */
function reloadSoon() {
  if (reloading) return;
  reloading = setTimeout(() => {
    reloading = null;
    reload().catch((error) => alerts.toast(error.message, "error"));
  }, 300);
}

async function openTicket(code) {
  try {
    await detail.open(code);
    queue.select(code);
    if (window.location.hash !== `#${code}`) history.replaceState(null, "", `#${code}`);
    $("detail").focus({ preventScroll: true });
  } catch (error) {
    alerts.toast(error.message, "error");
  }
}

async function changed(code) {
  await reload();
  if (detail.code === code) queue.select(code);
}

function showOnline(names) {
  const count = names.length;
  $("online").textContent = count ? `${count} người đang trực` : "";
  $("online").title = names.join(", ");
  fillPeople(new Set(names)).catch(() => {});
}

/** Whom a ticket can be transferred to: agents and supervisors, those on duty first. */
async function fillPeople(online) {
  const { users } = await api.people();
  const people = users.filter((u) => u.role === "agent" || u.role === "supervisor")
    .sort((a, b) => online.has(b.name) - online.has(a.name) || a.name.localeCompare(b.name));
  $("people").replaceChildren(...people.map((u) => el("option", {
    value: u.name,
    label: `${u.name} · ${ROLES[u.role]}${online.has(u.name) ? " · đang trực" : ""}`,
  })));
}

function onFrame(frame) {
  const codes = Array.isArray(frame.tickets) ? frame.tickets : [];
  const here = Boolean(detail.code) &&
    (codes.includes(detail.code) || (frame.conversation && frame.conversation === detail.ticket.conversation));
  switch (frame.kind) {
    case "hello":
    case "presence":
      showOnline(frame.online || []);
      break;
    case "citizen_message":
      if (here) detail.addLive(frame, "citizen");
      else if (codes.length) {
        queue.markUnread(codes[0]);
        alerts.toast(`Tin nhắn mới của người dân (${codes[0]})`);
      }
      break;
    case "agent_message":
      if (here) detail.addLive(frame, "agent");
      break;
    case "takeover":
    case "handback":
    case "staff_left":
      if (here) detail.refresh(); // the hint says what the engine now does
      break;
    case "deadline_warning":
    case "deadline_missed":
      alerts.deadline(frame);
      reloadSoon();
      break;
    case "ticket":
      onTicket(frame);
      break;
    default:
      break;
  }
}

function onTicket(frame) {
  const ticket = frame.ticket && typeof frame.ticket === "object" ? frame.ticket : frame;
  if (frame.visible === false) {
    // Another agent has it now: it leaves this agent's queue, but stays open if it was open.
    queue.drop(ticket.code);
    if (detail.code === ticket.code) detail.refresh().catch(() => detail.close());
    return;
  }
  // A change to a listed ticket is applied at once; a new one brings its place and time by reload.
  if (queue.tickets.has(ticket.code)) queue.upsert(ticket);
  else {
    reloadSoon();
    if (ticket.status === "new" || (ticket.assignee === detail.me && ticket.status === "assigned")) {
      announce(ticket);
    }
  }
  if (detail.code === ticket.code) detail.refresh();
}

/** A new ticket: emergencies stay on screen until dismissed; chats and emergencies ring. */
function announce(ticket) {
  const what = `${ticket.code} · ${name("categories", ticket.category)}`;
  if (ticket.category === "emergency") {
    alerts.emergency(ticket);
    bell.ring("emergency", `Cấp cứu: ${ticket.code}`, "Người dân báo cấp cứu, cần xử lý ngay.");
  } else if (ticket.category === "other") {
    alerts.toast(`Người dân muốn trò chuyện: ${what}`);
    bell.ring("chat", `Trò chuyện mới: ${ticket.code}`, "Một người dân đang chờ tổng đài viên.");
  } else {
    alerts.toast(`Phản ánh mới: ${what}`);
  }
}

function showLine(state, retryIn) {
  const text = {
    online: "Đang cập nhật trực tiếp",
    connecting: "Đang kết nối…",
    offline: `Mất kết nối, thử lại sau ${Math.ceil((retryIn || 0) / 1000)} giây`,
  }[state];
  $("live").dataset.state = state;
  $("live-text").textContent = text;
}

function fillFilters() {
  const filters = $("filters").elements;
  filters.category.append(...Object.entries(labels.categories).map(([code, text]) =>
    el("option", { value: code, text })));
  filters.status.append(...Object.entries(labels.statuses).map(([code, text]) =>
    el("option", { value: code, text })));
  filters.district.append(...labels.districts.map((d) => el("option", { value: d.name, text: d.name })));
}

async function main() {
  const [session, data] = await Promise.all([api.session(), api.labels()]);
  const me = session.user;
  setCsrf(session.csrf_token);
  $("logout-csrf").value = session.csrf_token || "";
  loadLabels(data);
  fillFilters();
  $("me").replaceChildren(el("strong", { text: me.name }), el("span", { text: ROLES[me.role] || me.role }));

  alerts = new Alerts({ region: $("alerts"), toasts: $("toasts"), onOpen: openTicket });
  bell = new Notifier($("sound"));
  detail = new Detail({ onChanged: changed, toast: (text) => alerts.toast(text) });
  detail.me = me.name;
  detail.role = me.role;
  queue = new Queue({
    list: $("tickets"),
    empty: $("queue-empty"),
    count: $("queue-count"),
    filters: $("filters"),
    views: [...document.querySelectorAll(".views .view")],
    onSelect: openTicket,
  });
  queue.me = me.name;
  queue.role = me.role;
  const call = new CallForm({
    onFiled: async (ticket) => {
      alerts.toast(`Đã tạo phản ánh ${ticket.code}.`);
      await reload();
      await openTicket(ticket.code);
    },
  });
  call.fill();
  $("refresh").addEventListener("click", () => reload().catch((e) => alerts.toast(e.message, "error")));
  window.addEventListener("hashchange", () => {
    const code = window.location.hash.slice(1);
    if (code && code !== detail.code) openTicket(code);
  });
  setInterval(() => {
    queue.render();
    detail.tick();
  }, TICK_MS);

  await reload();
  const linked = window.location.hash.slice(1);
  if (linked) await openTicket(linked);
  new LiveLine({ onFrame, onState: showLine, onOpen: reloadSoon }).start();
}

main().catch((error) => {
  document.body.prepend(el("p", { class: "fatal", role: "alert", text: `Không mở được bảng điều khiển: ${error.message}` }));
});
