"""Tổng đài 1022: the hotline chatbot service (composition root)."""
