"""Scoring kroniek against gold data (EventDNA) and our own gold files."""
