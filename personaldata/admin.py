"""Admin › Personal data: staff with the permission find, export and erase by address.

The address is sent by POST (never in a URL, so it stays out of logs and history) and is
never written to the audit trail: only who, when, and how many records of each kind.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from audit.trail import Action, record
from personaldata import finder
from personaldata.forms import EraseForm
from personaldata.models import DataRequest

PERMISSION = "personaldata.manage_personal_data"


class FindForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)


@admin.register(DataRequest)
class PersonalDataAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return request.user.has_perm(PERMISSION)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(PERMISSION)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        form = FindForm(request.POST if request.method == "POST" else None)
        erase_form = EraseForm()
        found = None
        if form.is_valid():
            email = form.cleaned_data["email"]
            action = request.POST.get("do", "find")
            if action == "export":
                return finder.export_response(email, user=request.user, request=request)
            if action == "erase":
                erase_form = EraseForm(request.POST)
                if erase_form.is_valid():
                    erased = finder.erase(
                        email,
                        user=request.user,
                        request=request,
                        keep_comment_text=erase_form.keep_comment_text,
                    )
                    total = sum(erased.values())
                    self.message_user(
                        request,
                        _("Erased %(count)d records.") % {"count": total},
                        messages.SUCCESS,
                    )
            found = finder.find(email)
            if action == "find":
                record(
                    Action.PERSONAL_DATA_EXPORTED,
                    user=request.user,
                    request=request,
                    counts=finder.counts(found),
                    shown_in="admin",
                )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Find personal data"),
            "opts": self.model._meta,
            "form": form,
            "erase_form": erase_form,
            "found": found,
            "total": sum(len(group["items"]) for group in found or []),
        }
        return TemplateResponse(request, "admin/personaldata/finder.html", context)
