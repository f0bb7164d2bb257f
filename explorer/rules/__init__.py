"""The rules for every CSV file in data/, by job: `vocabulary` (the values a cell may hold, id
patterns), `columns` (reusable column and check builders), `schemas` (one schema per file),
`files` (the FILES registry), `validation` (links between files, checking one file), `report`
(problems located for a spreadsheet user) and `said` (their words, kept as catalogue keys and
values until someone reads them)."""
