"""Fieldwork fixtures: a real SMTP server on 127.0.0.1 (aiosmtpd) and a small synthetic study.

``smtp_server`` starts aiosmtpd on a free loopback port and points Django's EMAIL_* settings at it;
``smtp_server.messages`` holds what it accepted (parsed), ``smtp_server.temporary_failures`` makes it
answer 451 to a recipient that many times, ``smtp_server.rejected`` answers 550.
"""
import email
import email.policy
import socket
import threading

import pytest
from aiosmtpd.controller import Controller

from citydip.core.models import Country
from citydip.fieldwork.models import Contact
from citydip.frame.models import City
from citydip.survey.models import Questionnaire, Wave

STUDY = {"institution": "University of Testing", "principal_investigator": "Dr A. Tester",
         "contact": "Survey team, 1 Test Street, 00-001 Testville, survey@example.org",
         "funder": "Test Research Fund, grant T-1", "ethics_approval": "Ethics committee of the University, ref. E-1",
         "data_controller": "University of Testing", "retention": "five years after the end of the project"}


@pytest.fixture(autouse=True)
def study_settings(request):
    """Every study setting filled in (invitations are refused otherwise), for tests that use the database."""
    used = [name for name in ("transactional_db", "db") if name in request.fixturenames]
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and not used:
        used = ["transactional_db" if marker.kwargs.get("transaction") else "db"]
    if not used:
        return None
    request.getfixturevalue(used[0])
    from citydip.survey.models import StudySettings

    return StudySettings.objects.create(**STUDY)


COUNTRIES = [("DE", "de"), ("FR", "fr"), ("PL", "pl"), ("IT", "it"), ("ES", "es"), ("IE", "en")]


class Collector:
    def __init__(self):
        self.messages = []
        self.temporary_failures = {}
        self.rejected = set()
        self.on_message = None
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.rejected:
            return "550 5.1.1 no such user"
        with self.lock:
            if self.temporary_failures.get(address, 0) > 0:
                self.temporary_failures[address] -= 1
                return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((envelope.rcpt_tos[0], message))
        if self.on_message:
            self.on_message(len(self.messages))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for rcpt, m in self.messages if rcpt == address]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    collector = Collector()
    port = free_port()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "survey@citydip.example.org"
    collector.port = port
    yield collector
    controller.stop()


def make_wave(name="Wave 1"):
    from citydip.survey.demo_data import INSTRUMENT

    questionnaire = Questionnaire.objects.create(form_id="eu_china_cities", version="1", filename=INSTRUMENT.name,
                                                 content=INSTRUMENT.read_bytes(), checksum=name, languages=["en", "de", "fr", "es", "it", "pl"])
    return Wave.objects.create(name=name, questionnaire=questionnaire)


def make_cities(n, with_contacts=True):
    """``n`` synthetic cities over six countries; each with one contact (city-<i>@example.org) when asked."""
    countries = [Country.ensure(iso2) for iso2, _ in COUNTRIES]
    cities = City.objects.bulk_create([
        City(name=f"Testville {i}", country=countries[i % len(countries)], population=50_000 + i * 1000,
             urau_code=f"{countries[i % len(countries)].iso2}{i:03d}C", size_class="50k–100k" if i % 2 else "100k–250k")
        for i in range(n)
    ])
    cities = list(City.objects.order_by("pk"))
    if with_contacts:
        Contact.objects.bulk_create([
            Contact(city=city, person=f"Contact {i}", office="International relations", email=f"city-{i}@example.org",
                    language=COUNTRIES[i % len(COUNTRIES)][1], primary=True)
            for i, city in enumerate(cities)
        ])
    return cities


@pytest.fixture
def study(db):
    """A wave and 12 cities with one contact each."""
    wave = make_wave()
    return wave, make_cities(12)
