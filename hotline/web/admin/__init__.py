"""The admin pages: FAQ editing, unanswered questions, rules as data, and the dashboard."""
