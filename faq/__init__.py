"""The FAQ knowledge base: entries, their store, the retrieval index, import and export."""
