"""Server warm-up (core/warmup.py): the current wave's form, parsed once before the first request."""


def warm_up():
    from citydip.survey.models import Wave
    from citydip.survey.review import load_wave_form

    wave = Wave.current()
    if wave is not None:
        load_wave_form(wave)
