"""The staff's web API: log-in (`auth`), the tickets API (`ticket_queue`, `ticket_actions`),
reference data (`reference`), Open311 for agencies, the FAQ API; `routes` mounts them."""
