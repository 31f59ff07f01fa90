"""Dutch time expressions and the dates of events.

``expressions`` finds phrases such as "woensdag", "twee jaar geleden" or
"5 januari 2022" in a text and resolves them against the publication date, at
no more precision than the words give.  The Dutch words and patterns live in
``data/time_nl.toml``; every rule there carries examples that a test resolves.
"""
