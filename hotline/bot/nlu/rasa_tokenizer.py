"""A Rasa component, loaded by the Rasa server (Python 3.10), never by the bot.

Citizens write "cách ly bao nhiêu ngày", "cach ly bn ngay" and "Cách ly bao nhiêu ngày?" for the
same question. This tokenizer splits on whitespace like Rasa's own, then folds each token the way
our local NLU does (NFC, lower case, no diacritics, teencode expanded), so Rasa's features see one
spelling. Token offsets still point at the citizen's original text.

rasa_project.write_project copies this file and bot/nlu/normalize.py (as hotline_normalize.py)
into the generated project, which is on the server's PYTHONPATH.
"""

from __future__ import annotations

from typing import Any

from hotline_normalize import words  # type: ignore[import-not-found]
from rasa.engine.recipes.default_recipe import DefaultV1Recipe  # type: ignore[import-not-found]
from rasa.nlu.tokenizers.tokenizer import Token  # type: ignore[import-not-found]
from rasa.nlu.tokenizers.whitespace_tokenizer import (  # type: ignore[import-not-found]
    WhitespaceTokenizer,
)
from rasa.shared.nlu.training_data.message import Message  # type: ignore[import-not-found]

_FOLDED = ("text", "response")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class FoldingTokenizer(WhitespaceTokenizer):  # type: ignore[misc]
    """WhitespaceTokenizer whose tokens are folded Vietnamese words."""

    def tokenize(self, message: Message, attribute: str) -> list[Any]:
        tokens = super().tokenize(message, attribute)
        if attribute not in _FOLDED:
            return tokens  # intent names keep Rasa's own splitting
        folded: list[Any] = []
        for token in tokens:
            for word in words(token.text):
                folded.append(Token(word, token.start, token.end))
        # "???" or an emoji folds to nothing; Rasa's featurizers need at least one token.
        return folded or tokens
