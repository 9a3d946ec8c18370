"""Find: a Document -> its Facts (amounts, headcounts, dates, awards, with labels and sections).

In: a Document and the compiled Rules. Out: Fact records whose offsets point into the Document's text.
"""
