"""Read: a file on disk -> a :class:`~extract.records.Document` (text, pages, tables, title).

In: a path (text, PDF). Out: one Document with provenance (page spans, table cells), or an IngestError.
"""
