import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citydip.settings")
application = get_wsgi_application()

from citydip.core.memory import settle  # noqa: E402  (after Django is set up)
from citydip.core.warmup import warm_up  # noqa: E402

warm_up()  # the current form and the place index, loaded before the first request (core/warmup.py)
settle(collect=True)  # the loaded application is never walked by the garbage collector (core/memory.py)
