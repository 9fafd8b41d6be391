// Canned responses above the reply box: one click puts the text in the box, to edit or send.

import { api } from "./api.js";
import { el } from "./format.js";

export async function showCanned(list, box, code) {
  list.replaceChildren();
  let responses = [];
  try {
    ({ responses } = await api.canned(code));
  } catch {
    return; // the reply box works without them
  }
  list.replaceChildren(...responses.map((response) => el("button", {
    type: "button",
    class: "canned",
    title: response.text,
    text: response.title,
    onclick: () => {
      box.value = box.value.trim() ? `${box.value.trim()}\n${response.text}` : response.text;
      box.focus();
    },
  })));
}
