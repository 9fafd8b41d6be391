"""The open-world evaluation: frozen splits (dev to dev12, test) of messages written as citizens
write, what the bot finally does with each, and the figures (`hotline nlu evaluate --open-world`).

It sits above the runtime (it runs the real engine), so only the CLI imports it.
"""
