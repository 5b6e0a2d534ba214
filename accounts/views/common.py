from django.contrib import admin
from django.shortcuts import render


def admin_context(request, **extra):
    """What the admin's templates need (site header, user links), for our own pages."""
    return {**admin.site.each_context(request), **extra}


def step_expired(request):
    """The code step without the password step, or after it expired: start again."""
    return render(request, "accounts/login_expired.html", admin_context(request), status=400)
