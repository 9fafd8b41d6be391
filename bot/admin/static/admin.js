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

// Import: read the chosen file into the form, and guess its format from the name.
for (const input of document.querySelectorAll("input[data-file]")) {
  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    const form = input.form;
    form.querySelector("textarea[name=content]").value = await file.text();
    form.querySelector("select[name=format]").value = /\.csv$/i.test(file.name) ? "csv" : "yaml";
  });
}

// Ask before anything that cannot be undone.
for (const button of document.querySelectorAll("button[data-confirm]")) {
  button.addEventListener("click", (event) => {
    if (!window.confirm(button.dataset.confirm)) event.preventDefault();
  });
}
