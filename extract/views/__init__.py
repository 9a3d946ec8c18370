"""Show: what people look at: a self-contained HTML page per document and facts as spaCy spans.

In: a dataset (or a Document) and its facts and checks. Out: HTML text, spaCy Docs, a pipeline component.
"""
