"""kroniek: political event data from Dutch news, with the evidence for every row."""

__version__ = "0.1.0"
