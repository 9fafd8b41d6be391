"""The FAQ as the bot sees it: the store, and a live index that follows every edit.

An edit made here is live at once; one made by another process (the CLI, another worker) is
live at the next `refresh`, which the app runs every half second through `watch`.

A rebuild runs in a thread, off the event loop: citizens keep getting answers from the old index
until the new one is swapped in whole (an import of 10,000 entries takes a while). Rebuilds run
one at a time, and requests that arrive during one are served together by the next, which reads
the store as it is then (the latest wins).

The server listens before the first index is built (`built` is set once it is): whatever needs
the index (a citizen's turn, the admins' "try" box) passes the one gate, `ready_for_questions`,
and /readyz names the FAQ as still loading until then.

With an encoder (`hotline.faq.meaning`), each rebuild is followed by an embedding of the new
variants in a tracked task, outside the rebuild's lock: an edit is live at once, the encoder's
second opinion of it when the embedding is done. `close` stops the task.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import time

from hotline.faq.entries import FaqEntry
from hotline.faq.index import Analyzer, FaqIndex, FaqLookup, FaqMatch, Thresholds
from hotline.faq.meaning import Meaning
from hotline.faq.store import FaqStore

log = logging.getLogger(__name__)

FIRST_INDEX_SECONDS = 60.0  # how long a question waits for the first index after a start
EMBEDDING_RETRY_SECONDS = 60.0  # after a failed embedding of the variants, by the next refresh


class KnowledgeNotReady(RuntimeError):
    """The first FAQ index was still being built when the wait for it ran out."""


class FaqKnowledge:
    """Holds a `FaqStore` and a `FaqIndex` of its published entries."""

    def __init__(
        self,
        store: FaqStore,
        analyzer: Analyzer,
        thresholds: Thresholds | None = None,
        meaning: Meaning | None = None,
    ) -> None:
        self.store = store
        self.index = FaqIndex(analyzer, thresholds, meaning)
        self._revision: int | None = None
        self._lock = asyncio.Lock()
        self._asked = 0  # refresh requests so far
        self._served = 0  # requests made before the latest rebuild read the store
        self._embedding: asyncio.Task[None] | None = None  # the encoder's, of the variants
        self._embedding_failed: float | None = None  # time.monotonic() of the last failure
        self.rebuilds = 0
        self._built = asyncio.Event()  # set by the first rebuild, never cleared
        self.first_index_seconds = FIRST_INDEX_SECONDS

    @property
    def built(self) -> bool:
        """True once an index of the store has been built (until then lookups find nothing)."""
        return self._built.is_set()

    async def until_built(self, seconds: float) -> bool:
        """Wait at most `seconds` for the first index; True if it is built."""
        if self._built.is_set():
            return True
        try:
            async with asyncio.timeout(seconds):
                await self._built.wait()
        except TimeoutError:
            return False
        return True

    async def ready_for_questions(self) -> None:
        """Return once the first index is built; KnowledgeNotReady after `first_index_seconds`
        without it, so nothing answers "no entry" for want of an index. Once built, a no-op."""
        if self._built.is_set():
            return
        if not await self.until_built(self.first_index_seconds):
            raise KnowledgeNotReady(f"no FAQ index after {self.first_index_seconds} s")

    @property
    def revision(self) -> int | None:
        """The store revision the index was built from; None before the first refresh."""
        return self._revision

    async def refresh(self, force: bool = False) -> bool:
        """Rebuild the index if the store changed since the last rebuild; True if it did (or
        if a rebuild that began after this call, made for another caller, did it)."""
        self._asked += 1
        asked = self._asked
        async with self._lock:
            if self._served >= asked:
                return True  # a rebuild that read the store after this request covers it
            served = self._asked
            revision = await self.store.revision()
            if not force and revision == self._revision:
                self._served = served
                self._retry_embedding()
                return False
            # Revision first, entries second: a write in between is caught by the next refresh.
            entries = await self.store.list("published")
            await asyncio.to_thread(self.index.rebuild, entries)
            del entries
            await asyncio.to_thread(give_back_memory)
            self._served = served
            self._revision = revision
            self.rebuilds += 1
            self._built.set()
        # After the new words serve, and outside the lock: a cold embedding of every variant
        # takes half a minute, which an admin's save (`put`) must not wait for.
        self._embed_variants_soon()
        return True

    def _embed_variants_soon(self) -> None:
        """Embed the served content's variants in a tracked task, unless one is under way (it
        goes on to the newest content) or there is no encoder."""
        if self.index.meaning is None or not (self._embedding is None or self._embedding.done()):
            return
        self._embedding = asyncio.create_task(self._embed_variants(), name="faq-embedding")

    async def _embed_variants(self) -> None:
        try:
            # Checked on the loop after each pass: a rebuild that swapped the content during
            # it is embedded by the next pass; one after it finds this task done and starts one.
            while not self.index.embedded:
                await asyncio.to_thread(self.index.embed_variants)
        except Exception:  # the index decides alone meanwhile
            self._embedding_failed = time.monotonic()
            log.exception("embedding the FAQ variants failed; trying again in a minute")
        else:
            self._embedding_failed = None

    def _retry_embedding(self) -> None:
        failed = self._embedding_failed
        if failed is not None and time.monotonic() - failed >= EMBEDDING_RETRY_SECONDS:
            self._embedding_failed = None
            self._embed_variants_soon()

    async def until_embedded(self) -> None:
        """Wait for the embedding under way, if any (tests, a command that answers once)."""
        if self._embedding is not None:
            await asyncio.shield(self._embedding)

    async def close(self) -> None:
        """Stop the embedding under way (the thread finishes its pass; nothing waits for it)."""
        if self._embedding is not None and not self._embedding.done():
            self._embedding.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._embedding
        self._embedding = None

    async def watch(self, interval: float = 0.5) -> None:
        """Refresh every `interval` seconds until cancelled; a failed refresh is logged and
        retried, so one locked database does not stop answers from following edits."""
        while True:
            try:
                await self.refresh()
            except Exception:
                log.exception("FAQ refresh failed; keeping the current index")
            await asyncio.sleep(interval)

    async def put(self, entry: FaqEntry) -> FaqEntry:
        """Store an entry and make it live at once."""
        stored = await self.store.put(entry)
        await self.refresh(force=True)
        return stored

    async def delete(self, id: str) -> bool:
        """Delete an entry and take it off the index at once."""
        deleted = await self.store.delete(id)
        if deleted:
            await self.refresh(force=True)
        return deleted

    async def consider(self, text: str) -> None:
        """Before a `lookup` of `text` that decides an answer: when the match is unsure and the
        encoder's second opinion is not memoised, ask for it in a thread (tens of milliseconds
        of the encoder would stall every other conversation on the event loop)."""
        meaning = self.index.meaning
        if meaning is not None and not meaning.knows(text) and self.index.unsure(text):
            await asyncio.to_thread(meaning.remember, text)

    def lookup(self, text: str) -> FaqLookup:
        return self.index.lookup(text)

    def search(self, text: str, limit: int = 3) -> list[FaqMatch]:
        return self.index.search(text, limit)

    def uncovered(self, entry_id: str, text: str) -> float:
        return self.index.uncovered(entry_id, text)

    def get_published(self, id: str) -> FaqEntry | None:
        """A published entry as the bot currently answers it (e.g. for a suggestion button)."""
        return self.index.get(id)


M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter; setting it stops the threshold's growth
OWN_MAPPING_FROM = 4 * 1024 * 1024  # bytes: larger blocks are mapped and unmapped on their own


def give_back_memory() -> None:
    """Hand the heap a rebuild freed back to the system. glibc keeps freed memory of a thread's
    arena for reuse; after a rebuild of 10,000 entries that is about 115 MiB of RSS (measured:
    236 MiB before the trim, 120 MiB after). glibc also raises its threshold for mapping a
    large block on its own each time such a block is freed (up to 32 MiB), after which a
    search's largest temporaries stay in the heap: fixed at 4 MiB, the server kept 167 MiB
    after answers at 10,000 entries instead of 181 (256 KiB made lookups 60% slower: every
    array over 100,000 rows mapped and unmapped). Elsewhere than glibc this does nothing."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    libc.mallopt(M_MMAP_THRESHOLD, OWN_MAPPING_FROM)
    libc.malloc_trim(0)
