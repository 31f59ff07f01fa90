"""Data files of the time stage: ``time_nl.toml``, loaded through importlib.resources."""
