import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citydip.settings")
application = get_wsgi_application()

from citydip.core.memory import settle  # noqa: E402  (after Django is set up)

settle(collect=True)  # the loaded application is never walked by the garbage collector (core/memory.py)
