import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from campaigns.models import Supporter
from tests.campaigns.factories import make_campaign, signup_data

THREADS = 20


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_sign_ups_of_one_email_leave_one_row_and_one_email():
    campaign = make_campaign()
    url = reverse("campaigns:signup", kwargs={"slug": campaign.slug})
    barrier = threading.Barrier(THREADS)
    statuses, errors = [], []

    def sign_up(n):
        try:
            client = Client()
            barrier.wait(timeout=10)
            # Different addresses per thread, so the per-IP limit is not what saves us.
            response = client.post(
                url,
                signup_data(
                    email="Same.Person@example.org" if n % 2 else "same.person@example.org"
                ),
                REMOTE_ADDR=f"192.0.2.{n + 1}",
            )
            statuses.append(response.status_code)
        except Exception as exc:  # reported below; a thread's exception would vanish otherwise
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert statuses == [302] * THREADS
    assert Supporter.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_failing_mail_server_keeps_the_sign_up_and_shows_the_next_step(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # nothing listens there
    campaign = make_campaign()
    url = reverse("campaigns:signup", kwargs={"slug": campaign.slug})
    response = Client().post(url, signup_data(email="outage@example.org"))
    assert response.status_code == 302
    assert Supporter.objects.filter(email="outage@example.org").exists()
