"""Tổng đài 1022: the citizen hotline chatbot service."""
