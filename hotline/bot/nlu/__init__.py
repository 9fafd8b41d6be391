"""The NLU layer: intents and entities from a citizen's text.

Two back ends behind one interface (`hotline.bot.nlu.base.NLU`): the Rasa server, and the
in-process classifier of `hotline.bot.nlu.local`, trained from the same Rasa YAML under
`hotline/bot/nlu/data/`. Entities (district, ward, phone, ticket code) come from
`hotline.bot.nlu.entities` for both.
"""
