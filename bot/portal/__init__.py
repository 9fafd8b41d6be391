"""The portal's report form, status page and reports API (issue 8)."""

from bot.portal.routes import Portal

__all__ = ["Portal"]
