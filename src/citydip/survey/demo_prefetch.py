"""The demo loads the study's instrument (an XLSForm converted by pyxform) in a second process while it
starts (demo/steps.py); its survey step stores it and fields the demo wave."""
from pathlib import Path

INSTRUMENT = Path(__file__).resolve().parent / "instruments" / "eu_china_cities.xlsx"
FORM = "survey form"


def load_instrument():
    from citydip.survey.xlsform import load_form

    return load_form(INSTRUMENT.read_bytes(), INSTRUMENT.name)


def prefetch_demo(ctx):
    ctx.prefetch(FORM, load_instrument)
