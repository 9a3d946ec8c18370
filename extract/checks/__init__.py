"""Check: Facts -> Checks (stated totals and parts, rates, identities), and across years (compare).

In: the facts of one document (or a dataset's facts for compare). Out: check rows, each naming its evidence.
"""
