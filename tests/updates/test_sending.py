import re
import smtplib

import pytest
from django.core import mail
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from campaigns import tokens
from campaigns.models import Supporter
from campaigns.services import withdraw
from outbox import sending as outbox_sending
from outbox.api import enqueue_batch
from outbox.models import Message
from outbox.sending import deliver
from tests.blog.factories import make_user
from tests.campaigns.factories import make_campaign, make_supporter
from tests.updates.factories import make_update, send_everything
from updates import sending
from updates.models import Delivery, Update
from updates.sending import NotADraft, queue_remaining, resume_stalled, start_sending

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def db_queue(settings):
    """The database queue, as in production: nothing is sent until the test says so."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CAMPAIGN_UPDATES_PER_MINUTE = 600_000  # all due at once


def _recipients(campaign, n=3, **kwargs):
    return [make_supporter(campaign, wants_updates=True, **kwargs) for _ in range(n)]


def test_only_confirmed_supporters_who_consented_get_the_update():
    campaign = make_campaign()
    wanted = _recipients(campaign, 2)
    make_supporter(campaign, wants_updates=False)
    make_supporter(campaign, wants_updates=True, status=Supporter.Status.PENDING)
    make_supporter(make_campaign(), wants_updates=True)  # another campaign
    update = make_update(campaign)
    start_sending(update, user=make_user())
    send_everything()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(s.email for s in wanted)
    update.refresh_from_db()
    assert (update.status, update.recipient_count) == (Update.Status.QUEUED, 2)
    progress = Update.objects.with_progress().get(pk=update.pk)
    assert (progress.queued_count, progress.sent_count, progress.failed_count) == (0, 2, 0)


def test_an_update_in_a_language_goes_to_that_language_and_to_the_unknown():
    campaign = make_campaign()
    english = make_supporter(campaign, wants_updates=True, language="en")
    unknown = make_supporter(campaign, wants_updates=True, language="")
    make_supporter(campaign, wants_updates=True, language="ru")
    update = make_update(campaign, language="en")
    assert set(update.recipients()) == {english, unknown}
    everyone = make_update(campaign, language="")
    assert everyone.recipients().count() == 3


def test_each_copy_carries_its_own_manage_link_and_one_click_unsubscribe(client):
    campaign = make_campaign()
    ana, ben = _recipients(campaign, 2)
    start_sending(make_update(campaign, body="Big news."), user=make_user())
    send_everything()
    by_address = {m.to[0]: m for m in mail.outbox}
    email = by_address[ana.email]
    assert email.body.startswith("Big news.")
    header = email.extra_headers["List-Unsubscribe"]
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(r"<(http\S+)>", header).group(1)
    assert unsubscribe in email.body
    manage = re.search(r"http\S+/campaigns/supporter/[^/\s]+/(?=\s)", email.body).group(0)
    assert client.get(manage.replace("http://127.0.0.1:8000", "")).status_code == 200
    assert unsubscribe not in by_address[ben.email].body  # each their own
    # One click, as a mail provider sends it: a POST with no cookie and no Origin.
    path = unsubscribe.replace("http://127.0.0.1:8000", "")
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    ana.refresh_from_db()
    assert ana.wants_updates is False and ana.status == Supporter.Status.CONFIRMED


def test_the_formatted_version_is_sanitised_and_sent_as_an_alternative():
    campaign = make_campaign()
    _recipients(campaign, 1)
    update = make_update(campaign, html_body='<p onclick="x()">Hi <script>bad()</script></p>')
    assert "onclick" not in update.html_body and "script" not in update.html_body
    start_sending(update, user=make_user())
    send_everything()
    (html, mimetype) = mail.outbox[0].alternatives[0]
    assert mimetype == "text/html" and "<p>Hi" in html


def test_the_footer_follows_the_supporters_language(settings):
    settings.LANGUAGES = [("en", "English"), ("ru", "Russian")]
    campaign = make_campaign()
    make_supporter(campaign, wants_updates=True, language="ru")
    start_sending(make_update(campaign), user=make_user())
    with transaction.atomic():
        queue_remaining(Update.objects.get().pk)
    # The catalogue may not be translated yet; the email is rendered under the language.
    assert Message.objects.get().body.count("http") >= 3


def test_an_update_is_sent_once():
    campaign = make_campaign()
    _recipients(campaign, 2)
    update = make_update(campaign)
    start_sending(update, user=make_user())
    with pytest.raises(NotADraft):
        start_sending(update, user=make_user())
    queue_remaining(update.pk)
    queue_remaining(update.pk)  # a resumed task finds nothing left to do
    assert Message.objects.count() == Delivery.objects.count() == 2


def test_a_batch_rolled_back_midway_is_queued_again_without_duplicates(monkeypatch):
    campaign = make_campaign()
    _recipients(campaign, 5)
    update = make_update(campaign)
    start_sending(update, user=make_user())
    real = sending.enqueue_batch
    calls = []

    def dies_on_second_batch(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            real(*args, **kwargs)
            raise SystemExit("worker killed")  # after the emails, before the commit
        return real(*args, **kwargs)

    monkeypatch.setattr(sending, "enqueue_batch", dies_on_second_batch)
    with pytest.raises(SystemExit):
        queue_remaining(update.pk, batch_size=2)
    assert Message.objects.count() == Delivery.objects.count() == 2  # the first batch only
    monkeypatch.setattr(sending, "enqueue_batch", real)
    queue_remaining(update.pk, batch_size=2)
    assert Message.objects.count() == Delivery.objects.count() == 5
    send_everything()
    assert len({m.to[0] for m in mail.outbox}) == len(mail.outbox) == 5


def test_the_sweep_resumes_a_queueing_whose_task_died(settings):
    settings.OUTBOX_STALLED_AFTER_SECONDS = 0
    campaign = make_campaign()
    _recipients(campaign, 2)
    update = make_update(campaign)
    with transaction.atomic():
        start_sending(update, user=make_user())
    DBTaskResult.objects.all().delete()  # the task died with its worker
    assert resume_stalled() == 1
    assert DBTaskResult.objects.count() == 1


def test_deliveries_follow_the_outbox_into_sent_and_failed(settings, monkeypatch):
    campaign = make_campaign()
    _recipients(campaign, 2)
    update = make_update(campaign)
    start_sending(update, user=make_user())
    queue_remaining(update.pk)
    first, second = Delivery.objects.order_by("pk")
    assert deliver(first.message_id) == "sent"

    def refuse(message):
        raise smtplib.SMTPRecipientsRefused({message.to: (550, b"no such user")})

    monkeypatch.setattr(outbox_sending, "_smtp_send", refuse)
    assert deliver(second.message_id) == Message.Status.FAILED
    states = dict(Delivery.objects.values_list("pk", "state"))
    assert states == {first.pk: Delivery.State.SENT, second.pk: Delivery.State.FAILED}


def test_a_withdrawn_supporter_gets_nothing_more(client):
    campaign = make_campaign()
    stays, leaves = _recipients(campaign, 2)
    update = make_update(campaign)
    start_sending(update, user=make_user())
    queue_remaining(update.pk)
    withdraw(leaves)
    send_everything()
    assert [m.to[0] for m in mail.outbox] == [stays.email]
    assert not Delivery.objects.filter(supporter_id=leaves.pk).exists()


def test_batches_are_paced_to_the_setting(settings):
    settings.CAMPAIGN_UPDATES_PER_MINUTE = 60
    campaign = make_campaign()
    _recipients(campaign, 3)
    update = make_update(campaign)
    start_sending(update, user=make_user())
    queue_remaining(update.pk, batch_size=2)
    times = sorted(Message.objects.values_list("send_after", flat=True))
    gaps = [(b - a).total_seconds() for a, b in zip(times, times[1:], strict=False)]
    assert gaps == [pytest.approx(1, abs=0.01)] * 2  # across batches too


def test_enqueue_batch_carries_headers_and_html():
    enqueue_batch([{"to": "a@example.org", "subject": "S", "body": "B", "html_body": "<p>B</p>",
                    "headers": {"X-Test": "one\ntwo"}}])  # fmt: skip
    message = Message.objects.get()
    assert message.headers == {"X-Test": "one two"}  # one line: no header injection
    deliver(message.pk)
    assert mail.outbox[0].extra_headers["X-Test"] == "one two"


def test_unsubscribing_during_a_send_cancels_the_copy_still_waiting(client):
    campaign = make_campaign()
    stays, leaves = _recipients(campaign, 2)
    update = make_update(campaign)
    start_sending(update, user=make_user())
    queue_remaining(update.pk)
    token = tokens.make_unsubscribe_token(leaves)
    assert client.post(f"/campaigns/supporter/unsubscribe/{token}/").status_code == 200
    send_everything()
    assert [m.to[0] for m in mail.outbox] == [stays.email]
    states = dict(Delivery.objects.values_list("supporter_id", "state"))
    assert states == {stays.pk: Delivery.State.SENT, leaves.pk: Delivery.State.CANCELLED}
    assert Supporter.objects.filter(pk=leaves.pk, wants_updates=False).exists()
