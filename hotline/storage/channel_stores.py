"""The platform channels' own stores (contact book, Zalo tokens) on the configured back end."""

from __future__ import annotations

from hotline.channels.contacts import ContactBook
from hotline.channels.contacts_mongo import MongoContactBook
from hotline.channels.zalo.tokens import TokenStore
from hotline.channels.zalo.tokens_mongo import MongoTokenStore
from hotline.storage.mongo import MongoDatabase
from hotline.storage.open import Database

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
