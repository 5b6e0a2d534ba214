"""The contact form's answer: the page that carries the form (pages/views.py) calls this."""

from django.conf import settings
from django.shortcuts import render

from contact import services
from contact.forms import ContactForm
from throttle.counters import hit_ip


def receive_message(request, page, render_form):
    """Store a message sent from ``page``; ``render_form(form, status)`` shows the page
    with the form again. Every answer is private: it is the outcome of one person's form."""
    response = _receive(request, page, render_form)
    response["Cache-Control"] = "private, no-store"
    return response


def _receive(request, page, render_form):
    if request.POST.get(ContactForm.HONEYPOT):
        # A bot filled the hidden field: look exactly like success, keep nothing.
        return render(request, "contact/sent.html", {"page": page})
    form = ContactForm(request.POST)
    if not form.is_valid():
        return render_form(form, 400)
    allowed = hit_ip(
        "contact-message",
        request,
        limit=settings.CONTACT_RATE_LIMIT,
        window=settings.CONTACT_RATE_WINDOW_SECONDS,
    )
    if not allowed:
        context = {"page": page, "minutes": settings.CONTACT_RATE_WINDOW_SECONDS // 60}
        return render(request, "contact/rate_limited.html", context, status=429)
    data = form.cleaned_data
    services.receive(
        request=request,
        page=page,
        topic=data["topic"],
        name=data["name"],
        reply_to=data["reply_to"],
        message=data["message"],
    )
    return render(request, "contact/sent.html", {"page": page})
