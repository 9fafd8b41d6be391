// Names and times as an agent reads them. Labels come from the server (/console/labels).

export const labels = { categories: {}, statuses: {}, priorities: {}, channels: {}, districts: [] };

export function loadLabels(data) {
  for (const kind of ["categories", "statuses", "priorities", "channels"]) {
    labels[kind] = Object.fromEntries(data[kind].map((item) => [item.code, item.name]));
  }
  labels.districts = data.districts;
}

export const name = (kind, code) => (code && labels[kind][code]) || code || "";

export const OPEN = new Set(["new", "assigned", "in_progress", "forwarded"]);
export const PRIORITY_ORDER = { urgent: 0, high: 1, normal: 2, low: 3 };

const clock = new Intl.DateTimeFormat("vi-VN", {
  hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh",
});
const day = new Intl.DateTimeFormat("vi-VN", {
  day: "2-digit", month: "2-digit", timeZone: "Asia/Ho_Chi_Minh",
});

function dayMonth(moment) {
  const parts = Object.fromEntries(day.formatToParts(moment).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}`;
}

/** "14:05" today, "14:05 27/11" on another day (Vietnam time, whatever the PC's zone). */
export function when(iso) {
  if (!iso) return "";
  const moment = new Date(iso);
  const today = dayMonth(new Date()) === dayMonth(moment);
  return today ? clock.format(moment) : `${clock.format(moment)} ${dayMonth(moment)}`;
}

function span(ms) {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60000));
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours >= 48) return `${Math.round(hours / 24)} ngày`;
  return rest ? `${hours} giờ ${rest} phút` : `${hours} giờ`;
}

/** How long since a moment, as "3 phút" or "1 giờ 5 phút" (a citizen's wait in a live chat). */
export function waited(iso, now = Date.now()) {
  return span(Math.max(0, now - Date.parse(iso)));
}

/**
 * The deadline as a countdown: text, a level (ok | soon | overdue | done) and the share of the
 * window used, so a bar can show it. "soon" starts at 80% of the window, as the warnings do.
 */
export function timeLeft(ticket, now = Date.now()) {
  const due = Date.parse(ticket.due_at);
  const start = Date.parse(ticket.created_at);
  const used = due > start ? Math.min(1, Math.max(0, (now - start) / (due - start))) : 1;
  if (!OPEN.has(ticket.status)) return { text: name("statuses", ticket.status), level: "done", used: 1 };
  const left = due - now;
  if (left <= 0) return { text: `Quá hạn ${span(left)}`, level: "overdue", used: 1 };
  return { text: `Còn ${span(left)}`, level: used >= 0.8 ? "soon" : "ok", used };
}

export function place(ticket) {
  return [ticket.ward, ticket.district].filter(Boolean).join(", ");
}

/** Only http(s) links and same-site paths become links or images: never javascript: URLs. */
export function safeUrl(raw) {
  if (typeof raw !== "string" || !raw) return null;
  try {
    const url = new URL(raw, window.location.origin);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

export function mapUrl(latitude, longitude) {
  const lat = Number(latitude);
  const lon = Number(longitude);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

/** A small element builder: text always goes in as textContent, never as markup. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
