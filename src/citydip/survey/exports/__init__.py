"""Survey data exports: CSV, Excel, SPSS, Stata and a Frictionless data package, with a codebook.

Every format module has ``write(dataset, directory, language=None) -> [paths]``; ``dataset.py``
turns a wave's responses into the tables they all write; ``run.export`` is the one entry point.
"""
