/*
 * Tổng đài 1022 – Bình Dương: the embeddable web chat widget. Plain JS, no build step.
 *
 *   <script src="https://host/static/widget.js" data-hotline-url="https://host" defer></script>
 *
 * data-hotline-url: where the hotline runs (default: this script's own origin).
 * data-open: "true" opens the panel at start; "wide" only on screens at least 768 px wide.
 * Any element with data-hotline-open opens the panel on click; a non-empty value is sent as
 * the citizen's message (the demo page's "ask this" buttons).
 *
 * Text from citizens and from the server is only ever inserted as text nodes, never as HTML.
 */
(function () {
  "use strict";
  if (window.Hotline1022) return; // embedded twice: the first one wins

  const MAX_CHARS = 4000;
  const COUNTER_FROM = 3600; // the counter appears near the limit, not while typing normally
  const MAX_TRANSCRIPT = 200;
  const CONFIRM_MS = 4000; // a frame that survived this long on an open socket counts as delivered
  const TYPING_MS = 20000;
  const KEYS = {
    sender: "hotline1022:sender",
    transcript: "hotline1022:transcript",
    outbox: "hotline1022:outbox",
    open: "hotline1022:open",
  };
  const T = {
    title: "Tổng đài 1022 – Bình Dương",
    launcherOpen: "Mở trò chuyện với Tổng đài 1022",
    launcherClose: "Thu nhỏ cửa sổ trò chuyện",
    close: "Thu nhỏ",
    connecting: "Đang kết nối…",
    online: "Đang trực tuyến",
    offline: "Mất kết nối, đang thử lại…",
    noNetwork: "Không có mạng, sẽ gửi khi có mạng lại",
    emergency: "Cấp cứu, khó thở: gọi ngay ",
    log: "Cuộc trò chuyện với Tổng đài 1022",
    intro:
      "Xin chào! Tổng đài 1022 giải đáp quy định phòng dịch, tiếp nhận phản ánh vi phạm, " +
      "thông tin F0/F1 và đề nghị hỗ trợ. Thông tin cá nhân của anh/chị được giữ bí mật.",
    suggestions: [
      "Xin chào",
      "Cách ly F0 bao nhiêu ngày?",
      "Tôi muốn phản ánh vi phạm",
      "Tôi cần hỗ trợ",
    ],
    suggestionsLabel: "Gợi ý câu hỏi",
    you: "Bạn: ",
    bot: "Tổng đài 1022: ",
    buttonsLabel: "Chọn một trả lời",
    queued: "Đang chờ gửi",
    typing: "Tổng đài đang trả lời…",
    inputLabel: "Tin nhắn gửi Tổng đài 1022",
    placeholder: "Nhập câu hỏi hoặc phản ánh…",
    hint: "Enter để gửi, Shift + Enter để xuống dòng",
    send: "Gửi",
    nearLimit: "Sắp đạt giới hạn " + MAX_CHARS + " ký tự",
    atLimit: "Đã đạt giới hạn " + MAX_CHARS + " ký tự",
    unread: (n) => n + " tin nhắn mới",
    newMessages: "Tin nhắn mới",
  };
  const ICONS = {
    chat: "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z",
    down: "M6 9l6 6 6-6",
    send: "M3 11.5 21 3l-8.5 18-2.2-7.3L3 11.5z",
    phone:
      "M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.6a1 1 0 0 1-.25 1z",
  };

  const script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  const base = (
    (script && script.getAttribute("data-hotline-url")) ||
    new URL(script ? script.src : location.href, location.href).origin
  ).replace(/\/+$/, "");

  // --- storage: the sender id lives in localStorage (a reload continues the conversation);
  // the visible transcript and unsent frames live in sessionStorage, so personal details
  // typed on a shared computer vanish with the tab.
  const memory = {};
  function load(area, key, fallback) {
    let raw = null;
    try {
      raw = window[area].getItem(key);
    } catch (err) {
      raw = memory[key] === undefined ? null : memory[key]; // storage blocked: keep it in memory
    }
    if (raw === null) return fallback;
    try {
      return JSON.parse(raw);
    } catch (err) {
      console.warn("hotline1022: ignoring unreadable " + key, err);
      return fallback;
    }
  }
  function save(area, key, value) {
    const raw = JSON.stringify(value);
    memory[key] = raw;
    try {
      window[area].setItem(key, raw);
    } catch (err) {
      console.warn("hotline1022: could not store " + key, err);
    }
  }
  function uniqueId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = new Uint8Array(16); // randomUUID needs a secure context; this does not
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  function senderId() {
    let id = load("localStorage", KEYS.sender, null);
    if (typeof id !== "string" || !id) {
      id = uniqueId();
      save("localStorage", KEYS.sender, id);
    }
    return id;
  }

  // --- DOM helpers: elements are built node by node; there is no HTML parsing anywhere.
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === false || value === null || value === undefined) continue;
      node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children || []) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }
  function icon(name) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "hl-icon hl-icon-" + name);
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", ICONS[name]);
    svg.append(path);
    return svg;
  }
  const LINK = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]|\b115\b/g;
  // Text with safe links: URLs (http/https only) and the emergency number become anchors.
  function richText(text) {
    const frag = document.createDocumentFragment();
    let last = 0;
    for (const match of text.matchAll(LINK)) {
      frag.append(document.createTextNode(text.slice(last, match.index)));
      const word = match[0];
      const link = el("a", word === "115" ? { href: "tel:115" } : { href: word, target: "_blank", rel: "noopener noreferrer" }, [word]);
      frag.append(link);
      last = match.index + word.length;
    }
    frag.append(document.createTextNode(text.slice(last)));
    return frag;
  }
  function srOnly(text) {
    return el("span", { class: "hl-sr" }, [text]);
  }

  // --- the widget's DOM, inside a shadow root so the host page's CSS cannot reach it.
  const host = el("div", { id: "hotline-1022-chat" });
  const shadow = host.attachShadow({ mode: "open" });
  const stylesheet = el("link", { rel: "stylesheet", href: base + "/static/widget.css" });
  const root = el("div", { class: "hl" });
  // Hidden until its stylesheet arrives, so the page never flashes an unstyled widget.
  host.style.setProperty("display", "none");
  const show = () => host.style.removeProperty("display");
  stylesheet.addEventListener("load", show);
  stylesheet.addEventListener("error", show);

  const badge = el("span", { class: "hl-badge", hidden: true, "aria-hidden": "true" });
  const launcher = el("button", { type: "button", class: "hl-launcher", "aria-controls": "hl-panel", "aria-expanded": "false", "aria-label": T.launcherOpen }, [icon("chat"), icon("down"), badge]);
  const status = el("p", { class: "hl-status", role: "status", "data-state": "idle" }, [""]);
  const closeButton = el("button", { type: "button", class: "hl-close", "aria-label": T.launcherClose, title: T.close }, [icon("down")]);
  const log = el("div", { class: "hl-log", role: "log", "aria-live": "polite", "aria-label": T.log, tabindex: "0" });
  const suggestions = el("div", { class: "hl-chips hl-suggestions", role: "group", "aria-label": T.suggestionsLabel },
    T.suggestions.map((text) => el("button", { type: "button", class: "hl-chip", "data-text": text }, [text])));
  const intro = el("div", { class: "hl-intro" }, [el("p", {}, [T.intro]), suggestions]);
  const newButton = el("button", { type: "button", class: "hl-new", hidden: true }, [T.newMessages + " ", el("span", { "aria-hidden": "true" }, ["↓"])]);
  const typing = el("div", { class: "hl-typing", hidden: true }, [el("span", { class: "hl-dots", "aria-hidden": "true" }, [el("i"), el("i"), el("i")]), srOnly(T.typing)]);
  const input = el("textarea", { id: "hl-input", class: "hl-input", rows: "1", maxlength: String(MAX_CHARS), placeholder: T.placeholder, "aria-describedby": "hl-hint hl-counter", enterkeyhint: "send" });
  const counter = el("span", { id: "hl-counter", class: "hl-counter", hidden: true });
  const limitNews = el("span", { class: "hl-sr", role: "status" });
  const sendButton = el("button", { type: "submit", class: "hl-send", "aria-label": T.send }, [icon("send")]);
  const composer = el("form", { class: "hl-composer", novalidate: true }, [
    el("label", { for: "hl-input", class: "hl-sr" }, [T.inputLabel]),
    input,
    sendButton,
    el("div", { class: "hl-meta" }, [el("span", { id: "hl-hint", class: "hl-hint" }, [T.hint]), counter, limitNews]),
  ]);
  const panel = el("section", { id: "hl-panel", class: "hl-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "hl-title", hidden: true }, [
    el("header", { class: "hl-header" }, [
      el("span", { class: "hl-avatar", "aria-hidden": "true" }, ["1022"]),
      el("div", { class: "hl-heading" }, [el("h2", { id: "hl-title", class: "hl-title" }, [T.title]), status]),
      closeButton,
    ]),
    el("p", { class: "hl-emergency" }, [icon("phone"), el("span", {}, [T.emergency, el("a", { href: "tel:115" }, ["115"])])]),
    el("div", { class: "hl-scroll" }, [intro, log, typing, newButton]),
    composer,
  ]);
  root.append(launcher, panel);
  shadow.append(stylesheet, root);

  // --- transcript: what the citizen sees, re-rendered after a reload.
  let transcript = load("sessionStorage", KEYS.transcript, []);
  if (!Array.isArray(transcript)) transcript = [];
  let unread = 0;
  const rows = new WeakMap(); // transcript entry -> its row in the log
  const scroller = panel.querySelector(".hl-scroll");

  function persist() {
    transcript = transcript.slice(-MAX_TRANSCRIPT);
    save("sessionStorage", KEYS.transcript, transcript);
  }
  // Whether the view follows new messages: true until the citizen scrolls up, true again once
  // they are back at the bottom. Only the citizen's scrolling changes it, so two quick replies
  // never race a scroll still under way (no smooth scrolling: every jump is instant).
  let pinned = true;
  function nearBottom() {
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
  }
  function scrollDown() {
    pinned = true;
    scroller.scrollTop = scroller.scrollHeight;
    newButton.hidden = true;
  }
  scroller.addEventListener("scroll", () => {
    if (scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 2) {
      pinned = true;
      newButton.hidden = true;
    } else if (!nearBottom()) {
      pinned = false;
    }
  });
  newButton.addEventListener("click", () => {
    scrollDown();
    input.focus();
  });
  function closeChoices() {
    for (const entry of transcript) if (entry.buttons) entry.closed = true;
    for (const chip of log.querySelectorAll(".hl-chips .hl-chip")) chip.disabled = true;
  }
  function render(entry) {
    const mine = entry.from === "user";
    const bubble = el("div", { class: "hl-bubble" }, [richText(entry.text || "")]);
    // A staff member's words carry their label ("Tổng đài viên Lan"), so nobody takes them for the bot.
    const who = entry.staff ? el("span", { class: "hl-who" }, [entry.staff]) : srOnly(mine ? T.you : T.bot);
    const row = el("div", { class: "hl-msg " + (mine ? "hl-user" : entry.staff ? "hl-bot hl-staff" : "hl-bot") }, [who, bubble]);
    if (!entry.text) bubble.hidden = true;
    if (entry.queued) {
      row.classList.add("hl-queued");
      row.append(el("span", { class: "hl-note" }, [T.queued]));
    }
    if (entry.buttons && entry.buttons.length) {
      const group = el("div", { class: "hl-chips", role: "group", "aria-label": T.buttonsLabel });
      entry.buttons.forEach((button, index) => {
        const chip = el("button", { type: "button", class: "hl-chip", "aria-pressed": entry.chosen === index ? "true" : "false" }, [button.title]);
        chip.disabled = Boolean(entry.closed);
        chip.addEventListener("click", () => choose(entry, index, group));
        group.append(chip);
      });
      row.append(group);
    }
    rows.set(entry, row);
    log.append(row);
    intro.hidden = true;
    return row;
  }
  function add(entry) {
    // Where the view is now, not only what the last scroll event said: a citizen who has just
    // scrolled up is not pulled down by a message that lands before their scroll event.
    const follow = entry.from === "user" || (pinned && nearBottom());
    transcript.push(entry);
    persist();
    render(entry);
    if (follow) scrollDown();
    else newButton.hidden = false; // the citizen reads above: say something new came
  }

  // --- the connection: one WebSocket, reconnected with backoff; frames wait in an outbox.
  let socket = null;
  let attempt = 0;
  let retryTimer = null;
  let typingTimer = null;
  const stored = load("sessionStorage", KEYS.outbox, []);
  let outbox = (Array.isArray(stored) ? stored : []).filter((f) => f && f.id).map((f) => ({ frame: f }));
  let inflight = []; // sent on the current socket, not yet known to be delivered

  function setStatus(state) {
    const text = { idle: "", connecting: T.connecting, online: T.online, offline: navigator.onLine === false ? T.noNetwork : T.offline }[state];
    status.dataset.state = state;
    status.textContent = text;
    root.dataset.connection = state;
  }
  function saveOutbox() {
    save("sessionStorage", KEYS.outbox, outbox.concat(inflight).map((item) => item.frame));
  }
  function wsUrl() {
    return base.replace(/^http/, "ws") + "/webchat/ws?sender=" + encodeURIComponent(senderId());
  }
  function connect() {
    if (socket) return;
    clearTimeout(retryTimer);
    retryTimer = null;
    setStatus("connecting");
    const ws = new WebSocket(wsUrl());
    socket = ws;
    ws.addEventListener("open", () => {
      attempt = 0;
      setStatus("online");
      flush();
    });
    ws.addEventListener("message", (event) => receive(event.data));
    // "error" is always followed by "close", which is where recovery happens.
    ws.addEventListener("close", () => {
      if (socket !== ws) return;
      socket = null;
      outbox = inflight.concat(outbox); // resent with the same ids; the server drops duplicates
      inflight = [];
      saveOutbox();
      setStatus("offline");
      const delay = Math.min(30000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
      attempt += 1;
      retryTimer = setTimeout(connect, delay);
    });
  }
  function reconnectNow() {
    if (!socket && retryTimer) connect();
  }
  function flush() {
    while (socket && socket.readyState === WebSocket.OPEN && outbox.length) {
      const item = outbox.shift();
      const ws = socket;
      ws.send(JSON.stringify(item.frame));
      inflight.push(item);
      setTimeout(() => {
        if (socket === ws && ws.readyState === WebSocket.OPEN) delivered(item);
      }, CONFIRM_MS);
      markSent(item.frame.id);
    }
    saveOutbox();
  }
  function delivered(item) {
    inflight = inflight.filter((other) => other !== item);
    saveOutbox();
  }
  function markSent(id) {
    const entry = transcript.find((e) => e.id === id);
    if (!entry || !entry.queued) return;
    entry.queued = false;
    persist();
    const row = rows.get(entry);
    if (row) {
      row.classList.remove("hl-queued");
      const note = row.querySelector(".hl-note");
      if (note) note.remove();
    }
  }
  function enqueue(frame, entry) {
    frame.id = uniqueId();
    entry.id = frame.id;
    entry.queued = !(socket && socket.readyState === WebSocket.OPEN);
    add(entry);
    outbox.push({ frame: frame });
    saveOutbox();
    setTyping(true);
    if (!socket) connect();
    flush();
  }
  function receive(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch (err) {
      console.warn("hotline1022: not a JSON frame", err);
      return;
    }
    if (!frame || typeof frame !== "object") return;
    if (frame.typing === false) {
      setTyping(false); // the bot stays silent (an agent has the chat)
      return;
    }
    const text = typeof frame.text === "string" ? frame.text : "";
    const buttons = Array.isArray(frame.buttons)
      ? frame.buttons.filter((b) => b && typeof b.title === "string" && typeof b.payload === "string").map((b) => ({ title: b.title, payload: b.payload }))
      : [];
    if (!text && !buttons.length) return;
    inflight = []; // the server answered, so it has everything sent before
    saveOutbox();
    setTyping(false);
    const staff = typeof frame.staff === "string" && frame.staff ? frame.staff.slice(0, 80) : undefined;
    add({ from: "bot", staff: staff, text: text, buttons: buttons.length ? buttons : undefined });
    if (panel.hidden) {
      unread += 1;
      badge.textContent = String(unread);
      badge.hidden = false;
      launcher.setAttribute("aria-label", T.launcherOpen + " (" + T.unread(unread) + ")");
    }
  }
  function setTyping(on) {
    clearTimeout(typingTimer);
    typing.hidden = !on;
    if (on) {
      typingTimer = setTimeout(() => setTyping(false), TYPING_MS);
      if (pinned) scrollDown();
    }
  }

  // --- what the citizen does
  function sendText(raw) {
    const text = String(raw).trim();
    if (!text) return false;
    if (text.length > MAX_CHARS) {
      updateCounter();
      return false;
    }
    closeChoices();
    enqueue({ message: text }, { from: "user", text: text });
    return true;
  }
  function choose(entry, index, group) {
    if (entry.closed) return;
    const button = entry.buttons[index];
    entry.chosen = index;
    entry.closed = true;
    persist();
    for (const chip of group.querySelectorAll(".hl-chip")) chip.disabled = true;
    group.children[index].setAttribute("aria-pressed", "true");
    closeChoices();
    enqueue({ payload: button.payload }, { from: "user", text: button.title });
    input.focus();
  }
  function updateCounter() {
    if (input.value.length > MAX_CHARS) input.value = input.value.slice(0, MAX_CHARS); // pasted or set by script
    const length = input.value.length;
    const near = length >= COUNTER_FROM;
    counter.hidden = !near;
    counter.textContent = length + "/" + MAX_CHARS;
    counter.classList.toggle("hl-full", length >= MAX_CHARS);
    const news = length >= MAX_CHARS ? T.atLimit : near ? T.nearLimit : "";
    if (limitNews.textContent !== news) limitNews.textContent = news;
  }
  function grow() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 160) + "px";
  }
  function submit() {
    if (sendText(input.value)) {
      input.value = "";
      updateCounter();
      grow();
    }
  }

  function open(focus) {
    panel.hidden = false;
    root.dataset.state = "open";
    launcher.setAttribute("aria-expanded", "true");
    launcher.setAttribute("aria-label", T.launcherClose);
    unread = 0;
    badge.hidden = true;
    save("sessionStorage", KEYS.open, true);
    connect();
    scrollDown();
    if (focus !== false) input.focus();
  }
  function close() {
    const hadFocus = shadow.activeElement !== null;
    panel.hidden = true;
    root.dataset.state = "closed";
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-label", T.launcherOpen);
    save("sessionStorage", KEYS.open, false);
    if (hadFocus) launcher.focus();
  }

  launcher.addEventListener("click", () => (panel.hidden ? open() : close()));
  closeButton.addEventListener("click", close);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  suggestions.addEventListener("click", (event) => {
    const chip = event.target.closest(".hl-chip");
    if (chip) sendText(chip.dataset.text);
  });
  composer.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener("keydown", (event) => {
    // isComposing / 229: Vietnamese input methods use Enter to commit a word, not to send
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submit();
    }
  });
  input.addEventListener("input", () => {
    updateCounter();
    grow();
  });
  window.addEventListener("online", reconnectNow);
  document.addEventListener("click", (event) => {
    const trigger = event.target.closest && event.target.closest("[data-hotline-open]");
    if (!trigger) return;
    event.preventDefault();
    open();
    const question = trigger.getAttribute("data-hotline-open");
    if (question) sendText(question);
  });

  function start() {
    document.body.append(host);
    transcript.forEach(render);
    setStatus("idle");
    const wanted = script && script.getAttribute("data-open");
    const remembered = load("sessionStorage", KEYS.open, null);
    const wide = window.matchMedia("(min-width: 768px)").matches;
    if (remembered === true || (remembered === null && (wanted === "true" || (wanted === "wide" && wide)))) {
      open(false);
    } else if (transcript.length || outbox.length) {
      connect(); // an ongoing conversation: agent replies and status news may arrive
    }
  }

  window.Hotline1022 = {
    open: () => open(),
    close: close,
    send: sendText,
    get senderId() {
      return senderId();
    },
  };
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
