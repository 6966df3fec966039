"""Shared fixtures: the four personas of the project and small helpers.

Personas (cf. healthchecks' Alice/Bob/Charlie): ``admin_user``, ``researcher``, ``fieldworker``,
``coder`` and ``outsider`` (logged in, no role). ``client_for(user)`` gives a logged-in test client.
"""
import pytest
from django.test import Client

from citydip.core.management.commands.user import create_user


def make_user(username, role=None):
    from django.contrib.auth.models import User

    if role is None:
        return User.objects.create_user(username, password="not-used-in-tests")
    create_user(username, role)
    return User.objects.get(username=username)


@pytest.fixture
def admin_user(db):
    return make_user("alice_admin", "admin")


@pytest.fixture
def researcher(db):
    return make_user("rita_researcher", "researcher")


@pytest.fixture
def fieldworker(db):
    return make_user("fred_fieldworker", "fieldworker")


@pytest.fixture
def coder(db):
    return make_user("cora_coder", "coder")


@pytest.fixture
def outsider(db):
    return make_user("oscar_outsider")


@pytest.fixture
def client_for(db):
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make
