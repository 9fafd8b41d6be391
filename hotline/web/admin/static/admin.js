// Small helpers for the admin pages; every page works without them.
"use strict";

// "Try it": ask the server for the verdict without leaving the page (keeps unsaved edits).
for (const form of document.querySelectorAll("form[data-try]")) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = form.querySelector("textarea").value.trim();
    const out = form.parentElement.querySelector(".try-result");
    if (!text) return;
    out.textContent = "Đang thử…";
    const resp = await fetch("/admin/try?" + new URLSearchParams({ text }), {
      credentials: "same-origin",
    });
    if (resp.ok) {
      out.innerHTML = await resp.text(); // server-rendered and escaped
    } else {
      out.textContent = "Không thử được (" + resp.status + ").";
    }
  });
}

// Import: a chosen file is posted as the request body with the CSRF header (files can be
// larger than a form post may be); the answer is the page with the import report.
for (const form of document.querySelectorAll("form[data-import]")) {
  const input = form.querySelector("input[data-file]");
  input.addEventListener("change", () => {
    const file = input.files[0];
    if (file) {
      form.querySelector("select[name=format]").value = /\.csv$/i.test(file.name) ? "csv" : "yaml";
    }
  });
  form.addEventListener("submit", async (event) => {
    const file = input.files[0];
    if (!file) return; // pasted text: an ordinary form post
    event.preventDefault();
    const format = form.querySelector("select[name=format]").value;
    const resp = await fetch(form.action + "?" + new URLSearchParams({ format }), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "X-CSRF-Token": form.querySelector("input[name=csrf_token]").value,
      },
      body: file,
    });
    document.open();
    document.write(await resp.text());
    document.close();
  });
}

// Ask before anything that cannot be undone.
for (const button of document.querySelectorAll("button[data-confirm]")) {
  button.addEventListener("click", (event) => {
    if (!window.confirm(button.dataset.confirm)) event.preventDefault();
  });
}
