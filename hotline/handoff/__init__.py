"""Tickets and their lifecycle, deadlines, routing and the agents' side of the hotline."""
