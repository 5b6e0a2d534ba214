"""The contact inbox: read/unread, a topic filter, delete. Only for "read messages" staff."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from audit import trail
from contact import roles
from contact.models import ContactMessage


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ["received_at", "topic", "name", "is_read", "page"]
    list_display_links = ["received_at", "topic"]
    list_filter = ["is_read", "topic"]
    list_select_related = ["page"]
    search_fields = ["reply_to", "name"]
    date_hierarchy = "received_at"
    fields = ["received_at", "topic", "name", "reply_to", "message", "page", "is_read"]
    readonly_fields = fields
    actions = ["mark_read", "mark_unread", "delete_selected"]

    def has_module_permission(self, request):
        return roles.can_read(request.user)

    def has_view_permission(self, request, obj=None):
        return roles.can_read(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # nothing in a message is edited; read/unread are actions

    def has_delete_permission(self, request, obj=None):
        return roles.can_read(request.user) and request.user.has_perm(
            "contact.delete_contactmessage"
        )

    def has_read_permission(self, request):
        return roles.can_read(request.user)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        message = self.get_object(request, object_id)
        if message is not None and response.status_code == 200:
            if not message.is_read:
                ContactMessage.objects.filter(pk=message.pk).update(is_read=True)
            trail.record(
                trail.Action.CONTACT_MESSAGE_READ, user=request.user, request=request,
                target=message,
            )  # fmt: skip
        return response

    def delete_model(self, request, obj):
        trail.record(trail.Action.CONTACT_MESSAGES_DELETED, user=request.user, count=1)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        count = queryset.count()
        trail.record(trail.Action.CONTACT_MESSAGES_DELETED, user=request.user, count=count)
        super().delete_queryset(request, queryset)

    @admin.action(description=_("Mark as read"), permissions=["read"])
    def mark_read(self, request, queryset):
        changed = queryset.update(is_read=True)
        self.message_user(
            request, ngettext("%d message marked as read.", "%d messages marked as read.", changed)
            % changed,
        )  # fmt: skip

    @admin.action(description=_("Mark as unread"), permissions=["read"])
    def mark_unread(self, request, queryset):
        changed = queryset.update(is_read=False)
        self.message_user(
            request,
            ngettext("%d message marked as unread.", "%d messages marked as unread.", changed)
            % changed,
        )
