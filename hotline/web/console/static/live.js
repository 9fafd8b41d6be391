// The live line to the server: events pushed as JSON frames, reconnecting with backoff.

const FIRST_WAIT_MS = 1000;
const LONGEST_WAIT_MS = 30000;
const PING_MS = 25000;
const SESSION_ENDED = 4401;

export class LiveLine {
  /**
   * onFrame(frame) for every event; onState("online" | "offline" | "connecting", retryInMs);
   * onOpen() after every (re)connection, when the page reloads what it may have missed.
   */
  constructor({ onFrame, onState, onOpen }) {
    this.onFrame = onFrame;
    this.onState = onState;
    this.onOpen = onOpen;
    this.wait = FIRST_WAIT_MS;
    this.socket = null;
    this.pinger = null;
  }

  start() {
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    this.onState("connecting");
    const socket = new WebSocket(`${scheme}//${window.location.host}/console/ws`);
    this.socket = socket;
    socket.addEventListener("open", () => {
      this.wait = FIRST_WAIT_MS;
      this.onState("online");
      this.pinger = setInterval(() => socket.readyState === 1 && socket.send("ping"), PING_MS);
      this.onOpen();
    });
    socket.addEventListener("message", (event) => {
      if (event.data === "pong") return;
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame && typeof frame.kind === "string") this.onFrame(frame);
    });
    socket.addEventListener("close", (event) => {
      clearInterval(this.pinger);
      if (event.code === SESSION_ENDED) {
        window.location.assign("/login?next=" + encodeURIComponent("/console"));
        return;
      }
      // Jitter, so forty consoles do not all knock at once after a restart.
      const retryIn = Math.round(this.wait * (0.75 + Math.random() * 0.5));
      this.onState("offline", retryIn);
      this.wait = Math.min(this.wait * 2, LONGEST_WAIT_MS);
      setTimeout(() => this.start(), retryIn);
    });
  }
}
