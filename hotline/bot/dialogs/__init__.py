"""Conversations as explicit state machines whose state is stored per conversation."""
