"""Language analysis: sentences, tokens, parses and named entities."""
