"""A translator's round trip, for the clinic's command line: toml_lines.py writes catalogue
values back line by line."""
