"""The portal's report form, status page and reports API (issue 8)."""

from hotline.web.portal.routes import Portal

__all__ = ["Portal"]
