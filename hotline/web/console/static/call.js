// Filing a phone call as a ticket: same categories, routing and deadline as any channel.

import { api } from "./api.js";
import { el, labels } from "./format.js";

const $ = (id) => document.getElementById(id);

export class CallForm {
  constructor({ onFiled }) {
    this.onFiled = onFiled;
    this.dialog = $("call");
    this.form = $("call-form");
    $("call-open").addEventListener("click", () => this.open());
    $("call-cancel").addEventListener("click", () => this.dialog.close());
    this.form.addEventListener("submit", (event) => this.submit(event));
    this.form.elements.district.addEventListener("change", () => this.fillWards());
  }

  fill() {
    const fields = this.form.elements;
    fields.category.replaceChildren(...Object.entries(labels.categories).map(([code, text]) =>
      el("option", { value: code, text })));
    fields.district.append(...labels.districts.map((d) => el("option", { value: d.name, text: d.name })));
  }

  fillWards() {
    const district = labels.districts.find((d) => d.name === this.form.elements.district.value);
    const wards = district ? district.wards : [];
    this.form.elements.ward.replaceChildren(el("option", { value: "", text: "— Chọn —" }),
      ...wards.map((ward) => el("option", { value: ward, text: ward })));
  }

  open() {
    this.form.reset();
    this.fillWards();
    $("call-error").hidden = true;
    this.dialog.showModal();
    this.form.elements.category.focus();
  }

  async submit(event) {
    event.preventDefault();
    const f = this.form.elements;
    const value = (field) => f[field].value.trim() || null;
    const report = {
      category: f.category.value,
      description: f.description.value.trim(),
      district: value("district"),
      ward: value("ward"),
      address: value("address"),
      occurred_at: value("occurred_at"),
    };
    if (value("name") || value("phone")) report.contact = { name: value("name"), phone: value("phone") };
    const button = event.submitter;
    if (button) button.disabled = true;
    try {
      const ticket = await api.file(report);
      this.dialog.close();
      await this.onFiled(ticket);
    } catch (error) {
      $("call-error").textContent = error.message;
      $("call-error").hidden = false;
    } finally {
      if (button) button.disabled = false;
    }
  }
}
