"""The platform channels' own stores (contact book, Zalo tokens) on the configured back end."""

from __future__ import annotations

from bot.channels.contacts import ContactBook
from bot.channels.contacts_mongo import MongoContactBook
from bot.channels.zalo_tokens import TokenStore
from bot.channels.zalo_tokens_mongo import MongoTokenStore
from store.mongo import MongoDatabase
from store.open import Database

ContactBooks = ContactBook | MongoContactBook
TokenStores = TokenStore | MongoTokenStore


async def open_contact_book(db: Database) -> ContactBooks:
    if isinstance(db, MongoDatabase):
        return await MongoContactBook.open(db)
    return await ContactBook.open(db)


async def open_token_store(db: Database) -> TokenStores:
    if isinstance(db, MongoDatabase):
        return await MongoTokenStore.open(db)
    return await TokenStore.open(db)
