"""The analysis app's part of the database checksum (core/provenance.py): what it computes from."""
PART = "analysis"


def data_checksum():
    from citydip.analysis import dataset
    from citydip.analysis.provenance import checksum

    return checksum(dataset.load())
