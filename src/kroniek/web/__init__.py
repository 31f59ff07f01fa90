"""The dashboard: static HTML, CSS and JavaScript served by ``kroniek serve``."""
