// The open ticket: details, the conversation with live messages, and what the agent can do.

import { api } from "./api.js";
import { showCanned } from "./canned.js";
import { OPEN, el, mapUrl, name, place, safeUrl, timeLeft, when } from "./format.js";

// Mirrors handoff/lifecycle.py; the server checks again and says no to anything else.
const NEXT = {
  new: ["in_progress", "forwarded", "resolved"],
  assigned: ["in_progress", "forwarded", "resolved"],
  in_progress: ["forwarded", "resolved"],
  forwarded: ["in_progress", "resolved"],
  resolved: ["closed", "in_progress"],
  closed: ["in_progress"],
};
const ACTIONS = {
  filed: "Tiếp nhận", claimed: "Nhận xử lý", assigned: "Giao xử lý", transferred: "Chuyển người",
  released: "Trả lại cho bot", forwarded: "Chuyển cơ quan", answer: "Trả lời người dân",
  details: "Bổ sung thông tin", reopened: "Mở lại",
};

const $ = (id) => document.getElementById(id);

export class Detail {
  constructor({ onChanged, toast }) {
    this.onChanged = onChanged;
    this.toast = toast;
    this.ticket = null;
    this.me = "";
    this.role = "";
    this.log = $("log");
    $("claim").addEventListener("click", () => this.act("claim"));
    $("release").addEventListener("click", () => this.release());
    $("transfer-open").addEventListener("click", () => this.toggleTransfer());
    $("transfer").addEventListener("submit", (event) => this.transfer(event));
    $("reply").addEventListener("submit", (event) => this.reply(event));
    $("reply-text").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        $("reply").requestSubmit();
      }
    });
    $("status").addEventListener("submit", (event) => this.changeStatus(event));
    $("status").elements.status.addEventListener("change", () => this.statusHint());
    $("note").addEventListener("submit", (event) => this.addNote(event));
  }

  get code() {
    return this.ticket ? this.ticket.code : null;
  }

  mine() {
    return this.ticket && (this.ticket.assignee === this.me || this.role !== "agent");
  }

  async open(code) {
    const ticket = await api.ticket(code);
    const same = this.code === code;
    this.ticket = ticket;
    $("placeholder").hidden = true;
    $("ticket").hidden = false;
    this.render(same);
    if (!same) await showCanned($("canned"), $("reply-text"), code);
  }

  close() {
    this.ticket = null;
    $("ticket").hidden = true;
    $("placeholder").hidden = false;
  }

  /** A newer version of the open ticket (after an action or a live "ticket" event). */
  async refresh() {
    if (this.code) await this.open(this.code);
  }

  render(keepDrafts) {
    const t = this.ticket;
    $("t-code").textContent = t.code;
    $("t-chips").replaceChildren(...[
      el("span", { class: `chip prio-${t.priority}`, text: name("priorities", t.priority) }),
      el("span", { class: "chip", text: name("categories", t.category) }),
      el("span", { class: `chip status-${t.status}`, text: name("statuses", t.status) }),
      t.assignee ? el("span", { class: "chip chip-quiet", text: `Người xử lý: ${t.assignee}` })
        : el("span", { class: "chip chip-free", text: "Chưa ai nhận" }),
    ]);
    $("t-channel").textContent = t.channel ? `· ${name("channels", t.channel)}` : "";
    this.tick();
    this.renderActions();
    this.renderFacts();
    this.renderTranscript();
    this.renderHistory();
    if (!keepDrafts) {
      $("status").reset();
      $("note").reset();
      $("reply").reset();
      this.notice("");
    }
    this.renderStatusChoices();
  }

  tick() {
    if (!this.ticket) return;
    const left = timeLeft(this.ticket);
    $("t-clock").className = `clock lvl-${left.level}`;
    $("t-clock").replaceChildren(
      el("strong", { text: left.text }),
      el("span", { text: `Hạn ${when(this.ticket.due_at)}` }),
    );
  }

  renderActions() {
    const t = this.ticket;
    const open = OPEN.has(t.status);
    const chat = Boolean(t.chat); // the server knows which channels can be answered
    $("claim").hidden = !open || t.assignee === this.me;
    $("claim").textContent = t.assignee ? "Nhận lại" : "Nhận xử lý";
    // One rule, the engine's: the bot is paused while a staff member has the conversation.
    $("release").hidden = !open || !chat || !t.bot_paused || !this.mine();
    $("transfer-open").hidden = !open || !this.mine();
    if ($("transfer-open").hidden) this.toggleTransfer(false);
    $("log").hidden = !chat && !(t.transcript || []).length;
    $("ticket").classList.toggle("is-call", !chat);
    const canReply = open && chat && t.assignee === this.me;
    $("reply").hidden = !canReply;
    $("canned").hidden = !canReply;
    $("reply-hint").textContent = replyHint(t, { open, chat, me: this.me });
    $("ticket").dataset.bot = chat ? (t.bot_paused ? "paused" : "answering") : "none";
  }

  renderFacts() {
    const t = this.ticket;
    $("t-description").textContent = t.description || "";
    const facts = [
      ["Địa bàn", place(t)], ["Địa chỉ", t.address], ["Thời điểm", t.occurred_at],
      ["Tiếp nhận", when(t.created_at)], ["Kênh", name("channels", t.channel)],
      ["Tổ xử lý", t.team], ["Cơ quan", (t.forwarded_to || t.agencies || []).join(", ")],
    ];
    $("t-facts").replaceChildren(...facts.filter(([, v]) => v).flatMap(([k, v]) =>
      [el("dt", { text: k }), el("dd", { text: v })]));
    $("t-evidence").replaceChildren(...(t.evidence || []).map((item) => attachment(item)));
    const related = t.related || [];
    $("related-card").hidden = !related.length;
    $("t-related").replaceChildren(...related.map((r) => el("li", {},
      el("a", { href: `#${r.code}`, text: r.code }),
      el("span", { text: ` · ${name("categories", r.category)} · ${name("statuses", r.status)} · ${when(r.created_at)}` }))));
    const reporter = t.reporter && Object.keys(t.reporter).length ? t.reporter : null;
    $("reporter-card").hidden = !reporter;
    if (reporter) {
      const rows = [["Họ tên", reporter.name], ["Điện thoại", reporter.phone], ["Thư", reporter.email]];
      $("t-reporter").replaceChildren(...rows.filter(([, v]) => v).flatMap(([k, v]) =>
        [el("dt", { text: k }), el("dd", { text: v })]));
    }
  }

  renderTranscript() {
    const entries = this.ticket.transcript || [];
    this.log.replaceChildren(...entries.map((entry) => bubble(entry)));
    if (!entries.length) {
      this.log.append(el("li", { class: "log-empty", text: "Chưa có tin nhắn nào." }));
    }
    this.log.scrollTop = this.log.scrollHeight;
  }

  renderHistory() {
    const events = this.ticket.history || [];
    const notes = events.filter((e) => e.action === "note");
    $("t-notes").replaceChildren(...notes.map((e) => el("li", {},
      el("p", { text: e.note }), el("small", { text: `${e.actor} · ${when(e.at)}` }))));
    if (!notes.length) $("t-notes").append(el("li", { class: "muted", text: "Chưa có ghi chú." }));
    $("t-history").replaceChildren(...events.filter((e) => e.action !== "note").reverse().map((e) =>
      el("li", {},
        el("span", { class: "h-what", text: ACTIONS[e.action] || name("statuses", e.status) || e.action }),
        el("span", { class: "h-who", text: `${e.actor} · ${when(e.at)}` }),
        e.note ? el("p", { text: e.note }) : null)));
  }

  renderStatusChoices() {
    const select = $("status").elements.status;
    const next = this.ticket.next_statuses || NEXT[this.ticket.status] || [];
    const chosen = select.value; // a live update must not undo the agent's choice
    select.replaceChildren(el("option", { value: "", text: "— Chọn trạng thái —" }),
      ...next.map((code) => el("option", { value: code, text: name("statuses", code) })));
    if (next.includes(chosen)) select.value = chosen;
    $("status").hidden = !next.length || !this.mine();
    this.statusHint();
  }

  statusHint() {
    const resolving = $("status").elements.status.value === "resolved";
    $("status").elements.note.required = resolving;
    $("status-note-label").textContent = resolving ? "Câu trả lời cho người dân" : "Ghi chú";
  }

  /** A live message in the open conversation, from the citizen or an agent. */
  addLive(frame, from) {
    this.log.querySelector(".log-empty")?.remove();
    this.log.append(bubble({
      direction: from === "citizen" ? "in" : "out",
      text: frame.text,
      attachments: frame.attachments,
      at: frame.at || new Date().toISOString(),
      agent: frame.agent,
    }));
    this.log.scrollTop = this.log.scrollHeight;
  }

  notice(text, kind = "info") {
    $("t-notice").hidden = !text;
    $("t-notice").textContent = text;
    $("t-notice").dataset.kind = kind;
  }

  async act(what, ...args) {
    const code = this.code;
    try {
      await api[what](code, ...args);
      this.notice("");
    } catch (error) {
      if (error.status === 409 && what === "claim" && error.data.assignee) {
        await this.onChanged(code);
        this.notice(`${error.data.assignee} đã nhận phản ánh này trước bạn.`, "warn");
      } else {
        this.notice(error.message, "error");
      }
      return false;
    }
    await this.onChanged(code);
    return true;
  }

  async release() {
    if (!window.confirm("Trả cuộc trò chuyện lại cho bot? Bot sẽ tiếp tục trả lời người dân.")) return;
    if (await this.act("release")) this.toast("Đã trả cuộc trò chuyện lại cho bot.");
  }

  toggleTransfer(show = $("transfer").hidden) {
    $("transfer").hidden = !show;
    $("transfer-open").setAttribute("aria-expanded", String(show));
    if (show) $("transfer").elements.to.focus();
  }

  async transfer(event) {
    event.preventDefault();
    const form = event.target.elements;
    const to = form.to.value.trim();
    if (await this.act("transfer", to, form.note.value.trim() || null)) {
      event.target.reset();
      this.toggleTransfer(false);
      this.toast(`Đã chuyển phản ánh cho ${to}.`);
    }
  }

  async reply(event) {
    event.preventDefault();
    const box = $("reply-text");
    const text = box.value.trim();
    if (!text) return;
    box.disabled = true;
    try {
      await api.say(this.code, text); // writing joins the chat: the server pauses the bot
      if (!this.ticket.bot_paused) await this.refresh();
      box.value = "";
    } catch (error) {
      this.notice(error.message, "error");
    } finally {
      box.disabled = false;
      box.focus();
    }
  }

  async changeStatus(event) {
    event.preventDefault();
    const form = event.target.elements;
    const status = form.status.value;
    if (await this.act("status", status, form.note.value.trim() || null)) {
      this.toast(`Đã chuyển sang “${name("statuses", status)}”.`);
    }
  }

  async addNote(event) {
    event.preventDefault();
    const text = event.target.elements.text.value.trim();
    if (text && (await this.act("note", text))) event.target.reset();
  }
}

function bubble(entry) {
  const incoming = entry.direction === "in";
  const who = incoming ? "Người dân"
    : entry.agent ? `${entry.staff || "Tổng đài viên"} (${entry.agent})`
      : entry.staff ? entry.staff : "Bot";
  const text = entry.text || (entry.payload ? `[bấm nút] ${entry.payload}` : "");
  const from = incoming ? "msg msg-in" : entry.staff || entry.agent ? "msg msg-out msg-staff" : "msg msg-out";
  return el("li", { class: from },
    el("span", { class: "msg-who", text: `${who} · ${when(entry.at)}` }),
    text ? el("p", { class: "msg-text", text }) : null,
    ...(entry.attachments || []).map((item) => attachment(item)),
    entry.buttons?.length
      ? el("p", { class: "msg-buttons", text: entry.buttons.map((b) => b.title).join(" · ") })
      : null);
}

function attachment(item) {
  if (item.kind === "location") {
    const href = mapUrl(item.latitude, item.longitude);
    const label = `Vị trí ${Number(item.latitude).toFixed(5)}, ${Number(item.longitude).toFixed(5)}`;
    return href
      ? el("a", { class: "att att-map", href, target: "_blank", rel: "noopener noreferrer", text: `${label} · xem bản đồ` })
      : el("span", { class: "att", text: label });
  }
  const href = mediaUrl(item.url);
  if (!href) return el("span", { class: "att", text: item.caption || "Tệp đính kèm" });
  if (item.kind === "photo") {
    return el("a", { class: "att att-photo", href, target: "_blank", rel: "noopener noreferrer" },
      el("img", { src: href, alt: item.caption || "Ảnh người dân gửi", loading: "lazy" }));
  }
  return el("a", { class: "att", href, target: "_blank", rel: "noopener noreferrer", text: item.caption || "Tệp đính kèm" });
}

/** A stored photo (`media:<sha>.<ext>`) is served to logged-in staff at /console/media/. */
function mediaUrl(raw) {
  const stored = /^media:([0-9a-f]{64}\.(?:jpg|png|webp))$/.exec(raw || "");
  return stored ? `/console/media/${stored[1]}` : safeUrl(raw);
}

function replyHint(t, { open, chat, me }) {
  if (!chat) {
    return t.channel === "portal"
      ? "Phản ánh gửi qua cổng thông tin: không có cuộc trò chuyện. Kết quả ghi khi chuyển trạng thái sẽ hiện ở trang tra cứu."
      : "Phản ánh nhận qua điện thoại: không có cuộc trò chuyện. Khi cần, hãy gọi lại người báo.";
  }
  if (!open) return "Phản ánh đã xử lý xong; bot đang trả lời người dân.";
  if (t.bot_paused && t.chat_agent === me) {
    return "Bạn đang trò chuyện trực tiếp với người dân; bot đang tạm dừng trong cuộc trò chuyện này.";
  }
  if (t.bot_paused) return `Bot đang tạm dừng: ${t.chat_agent || t.assignee} đang trò chuyện với người dân.`;
  return t.assignee === me
    ? "Bot đang trả lời người dân. Gửi tin nhắn để trò chuyện trực tiếp (bot sẽ tạm dừng)."
    : "Bot đang trả lời người dân. Nhận xử lý để trò chuyện trực tiếp.";
}
