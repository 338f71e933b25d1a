"""Built-in input formats: plain-text wire stories and JSON / JSON Lines articles."""
