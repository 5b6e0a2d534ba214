from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from updates.models import Update
from updates.sending import send_preview, start_sending


@admin.register(Update)
class UpdateAdmin(admin.ModelAdmin):
    list_display = (
        "subject",
        "campaign",
        "language",
        "status",
        "recipient_count",
        "queued",
        "sent",
        "failed",
        "sending_started_at",
    )
    list_filter = ("status", "campaign")
    search_fields = ("subject",)
    list_select_related = ("campaign",)
    actions = ["preview_to_me", "send"]
    fields = ("campaign", "subject", "body", "html_body", "language")
    sent_fields = (
        "status",
        "created_by",
        "sent_by",
        "sending_started_at",
        "queued_at",
        "recipient_count",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).with_progress()

    def get_fields(self, request, obj=None):
        return self.fields + (self.sent_fields if obj else ())

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status != Update.Status.DRAFT:
            return self.fields + self.sent_fields  # an update is sent as it was
        return self.sent_fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("queued"), ordering="queued_count")
    def queued(self, obj):
        return obj.queued_count

    @admin.display(description=_("sent"), ordering="sent_count")
    def sent(self, obj):
        return obj.sent_count

    @admin.display(description=_("failed"), ordering="failed_count")
    def failed(self, obj):
        return obj.failed_count

    def has_send_permission(self, request):
        return request.user.has_perm("updates.send_update")

    @admin.action(description=_("Send a preview to me"), permissions=["change"])
    def preview_to_me(self, request, queryset):
        if not request.user.email:
            self.message_user(
                request,
                _("Your account has no email address to send a preview to."),
                messages.ERROR,
            )
            return
        for update in queryset.select_related("campaign"):
            send_preview(update, to=request.user.email)
        self.message_user(
            request,
            _("A preview is on its way to %(email)s.") % {"email": request.user.email},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Send to every supporter who asked for updates"), permissions=["send"]
    )
    def send(self, request, queryset):
        drafts = list(
            queryset.filter(status=Update.Status.DRAFT).select_related("campaign").with_progress()
        )
        if not drafts:
            self.message_user(
                request, _("Only drafts can be sent; these were sent already."), messages.ERROR
            )
            return None
        if request.POST.get("confirm") != "yes":
            for update in drafts:
                update.expected = update.recipients().count()
            context = {
                **self.admin_site.each_context(request),
                "title": _("Send these updates?"),
                "updates": drafts,
                "queryset": queryset,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/updates/update/confirm_send.html", context)
        for update in drafts:
            start_sending(update, user=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d update is being sent.", "%(count)d updates are being sent.", len(drafts)
            )
            % {"count": len(drafts)},
            messages.SUCCESS,
        )
        return None
