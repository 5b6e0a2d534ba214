from django.contrib import admin

from wordpress.models import ImportedObject


@admin.register(ImportedObject)
class ImportedObjectAdmin(admin.ModelAdmin):
    """Read-only: what each WordPress object became, e.g. to find a page's old address."""

    list_display = ["kind", "wp_id", "old_path", "file", "content_type", "object_id"]
    list_filter = ["kind"]
    search_fields = ["old_path", "guid", "file"]
    ordering = ["kind", "wp_id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
