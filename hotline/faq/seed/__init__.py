"""The sample FAQ shipped with the project (faq.yml), for admins to replace."""
