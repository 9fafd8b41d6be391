// Sound and desktop notifications for new live chats and emergencies, so an agent working in
// another window or tab hears them. Browsers allow sound only after a click: the bell button.

const KEY = "hotline-console-sound";
const TONES = { chat: [660, 880], emergency: [880, 660, 880, 660] };

export class Notifier {
  constructor(button) {
    this.button = button;
    this.audio = null;
    this.on = window.localStorage.getItem(KEY) === "on";
    button.addEventListener("click", () => this.toggle());
    this.show();
  }

  async toggle() {
    this.on = !this.on;
    window.localStorage.setItem(KEY, this.on ? "on" : "off");
    if (this.on) {
      this.audio = this.audio || new AudioContext();
      await this.audio.resume();
      if ("Notification" in window && Notification.permission === "default") {
        await Notification.requestPermission();
      }
    }
    this.show();
  }

  show() {
    this.button.setAttribute("aria-pressed", String(this.on));
    this.button.textContent = this.on ? "Âm báo: bật" : "Âm báo: tắt";
  }

  /** `kind` is "chat" or "emergency"; says it aloud (a chime) and on the desktop. */
  ring(kind, title, body) {
    this.button.dataset.last = kind; // what the last alert was, for whoever looks
    this.button.dataset.rang = String(Number(this.button.dataset.rang || 0) + 1);
    if (!this.on) return;
    this.chime(TONES[kind] || TONES.chat);
    if ("Notification" in window && Notification.permission === "granted" && document.hidden) {
      const note = new Notification(title, { body, tag: `${kind}:${title}` });
      note.onclick = () => window.focus();
    }
  }

  chime(frequencies) {
    if (!this.audio) this.audio = new AudioContext();
    const start = this.audio.currentTime;
    frequencies.forEach((frequency, i) => {
      const tone = this.audio.createOscillator();
      const gain = this.audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.15, start + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.18 + 0.16);
      tone.connect(gain).connect(this.audio.destination);
      tone.start(start + i * 0.18);
      tone.stop(start + i * 0.18 + 0.17);
    });
  }
}
