"""The NLU layer: intents and entities from a citizen's text.

Two back ends behind one interface (`bot.nlu.base.NLU`): the Rasa server, and the in-process
classifier of `bot.nlu.local`, trained from the same Rasa YAML under `bot/nlu/data/`. Entities
(district, ward, phone, ticket code) come from `bot.nlu.entities` for both.
"""
