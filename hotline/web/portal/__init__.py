"""The portal: the report form, the status page and the reports API for the app (issue 8)."""
