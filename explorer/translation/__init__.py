"""A translator's tools, for the clinic's command line: where each text lives (where.py), and the
in-context review edition, English and another language side by side (review.py)."""
