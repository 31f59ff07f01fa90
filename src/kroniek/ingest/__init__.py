"""The ingest stage: read files, directories or stdin into ``SourceDocument`` records.

``read_inputs`` is the one entry point; the modules behind it are:

* ``inputs``    - ``read_inputs`` itself: dispatch by suffix, and stdin
* ``sources``   - walking directories, size and binary checks, opening streams
* ``decoding``  - the encoding policy (UTF-8, or a clear Western 8-bit guess)
* ``text_format``, ``json_format``, ``csv_format``, ``html_format`` - one reader per format
* ``fields``    - named fields (JSON, CSV) to a raw record
* ``build``     - raw record to ``SourceDocument``
* ``layout``    - blocks and their kinds (rules in ``layout_nl.toml``)
* ``dates``, ``language``, ``identity`` - dates, language, hash and id
* ``resources`` - loading the TOML data files (``layout_nl.toml``, ``dates_nl.toml``)
"""

from __future__ import annotations

from kroniek.ingest.inputs import read_inputs

__all__ = ["read_inputs"]
