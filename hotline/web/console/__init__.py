"""The agent console: its page and live line (`routes`), who is on duty (`presence`)."""
