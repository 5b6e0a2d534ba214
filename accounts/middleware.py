from django.contrib import auth, messages
from django.utils.translation import gettext_lazy as _

from accounts import sessions

ENDED = {
    sessions.IDLE: _("You were logged out after a while without activity. Please log in again."),
    sessions.EXPIRED: _("Your session has ended. Please log in again."),
    sessions.UNVERIFIED: _("Please log in again with your password and a code."),
}


class StaffSessionMiddleware:
    """End staff sessions that are idle, too old, or not verified by a second factor.

    After OTPMiddleware and MessageMiddleware. An ended session becomes an anonymous
    visitor for this request and every view after it: the admin asks for a login, the
    CKEditor upload refuses, drafts are not shown.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            problem = sessions.problem(request)
            if problem is None:
                sessions.touch(request)
            else:
                auth.logout(request)
                if request.path.startswith("/admin/"):
                    messages.warning(request, ENDED[problem])
        return self.get_response(request)
