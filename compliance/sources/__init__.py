"""One module per source of the build, each with one public `build` function: sources → tables.

`common` holds what they share: reading a CSV as text and the build report that accounts for every row.
"""
