"""The audit trail in the admin: superusers read it; nobody adds, changes or deletes."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from audit.models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["at", "action", "actor_name", "subject_name", "target_repr", "short_ip_hash"]
    list_filter = ["action"]
    search_fields = ["actor_name", "subject_name", "target_repr"]
    date_hierarchy = "at"
    list_select_related = False
    fields = [
        "at",
        "action",
        "actor",
        "actor_name",
        "subject",
        "subject_name",
        "target_type",
        "target_id",
        "target_repr",
        "ip_hash",
        "details",
    ]
    readonly_fields = fields

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("IP hash"))
    def short_ip_hash(self, obj):
        # Enough to tell senders apart in the list; the whole hash is on the event's page.
        return obj.ip_hash[:12]
