// The tickets API (the README's "Back office" section), called with the session cookie and the
// CSRF header.

let csrf = "";

export function setCsrf(token) {
  csrf = token || "";
}

export class ApiError extends Error {
  constructor(status, message, data = {}) {
    super(message);
    this.status = status;
    this.data = data;
  }
}

const MESSAGES = {
  401: "Phiên đăng nhập đã hết. Xin đăng nhập lại.",
  403: "Bạn không có quyền làm việc này.",
  404: "Không tìm thấy phản ánh.",
  409: "Không thực hiện được: trạng thái hiện tại của phản ánh không cho phép thao tác này.",
  429: "Thao tác quá nhanh, xin thử lại sau giây lát.",
};

async function call(method, path, body) {
  const headers = { Accept: "application/json" };
  if (method !== "GET") headers["X-CSRF-Token"] = csrf;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "Không kết nối được máy chủ. Xin kiểm tra mạng và thử lại.");
  }
  if (response.status === 401) {
    window.location.assign("/login?next=" + encodeURIComponent("/console"));
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const told = typeof data.error === "string" ? data.error : "";
    // `message` is worded for people (Vietnamese); `error` may be a developer's English.
    const said = typeof data.message === "string" ? data.message : "";
    const message = said || MESSAGES[response.status] || (told ? `Không thực hiện được: ${told}` : `Lỗi ${response.status}`);
    throw new ApiError(response.status, message, data);
  }
  return data;
}

const ticket = (code) => `/api/tickets/${encodeURIComponent(code)}`;

export const api = {
  session: () => call("GET", "/api/me"),
  labels: () => call("GET", "/console/labels"),
  tickets: () => call("GET", "/api/tickets"),
  ticket: (code) => call("GET", ticket(code)),
  claim: (code) => call("POST", `${ticket(code)}/claim`, {}),
  say: (code, text) => call("POST", `${ticket(code)}/messages`, { text }),
  status: (code, status, note) => call("POST", `${ticket(code)}/status`, { status, note }),
  release: (code) => call("POST", `${ticket(code)}/release`, {}),
  transfer: (code, to, note) => call("POST", `${ticket(code)}/transfer`, { to, note }),
  note: (code, text) => call("POST", `${ticket(code)}/notes`, { text }),
  file: (report) => call("POST", "/api/tickets", report),
  canned: (code) => call("GET", `/api/canned?code=${encodeURIComponent(code)}`),
  people: () => call("GET", "/api/users"),
};
