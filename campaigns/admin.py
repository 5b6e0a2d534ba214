from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter

from audit.trail import Action, record
from campaigns import consent
from campaigns.admin_stats import campaign_stats
from campaigns.export import supporters_csv_response
from campaigns.models import Campaign, CampaignDocument, Supporter


class CampaignDocumentInline(admin.StackedInline):
    model = CampaignDocument
    extra = 0
    prepopulated_fields = {"slug": ("title",)}
    fields = (
        ("title", "slug"),
        ("kind", "order"),
        "summary",
        "body",
        "file",
        ("language", "published_on"),
    )


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "status",
        "opens_at",
        "closes_at",
        "confirmed_supporters",
        "pending_supporters",
        "withdrawn_count",
    )
    list_filter = ("status",)
    search_fields = ("title", "summary")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("withdrawn_count",)
    inlines = [CampaignDocumentInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "status", ("opens_at", "closes_at"), "summary")}),
        (_("Page"), {"fields": ("hero_image", "hero_image_alt", "body", "acknowledgements")}),
        (
            _("Sign-up"),
            {
                "fields": (
                    "call_to_action",
                    "signup_goal",
                    "list_supporter_names",
                    "thank_you_text",
                    "withdrawn_count",
                )
            },
        ),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).with_supporter_counts()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        campaign = Campaign.objects.filter(pk=object_id).first() if object_id.isdigit() else None
        if campaign is not None:
            extra_context = {**(extra_context or {}), "signup_stats": campaign_stats(campaign)}
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("confirmed"), ordering="confirmed_count")
    def confirmed_supporters(self, obj):
        return obj.confirmed_count

    @admin.display(description=_("awaiting confirmation"), ordering="pending_count")
    def pending_supporters(self, obj):
        return obj.pending_count


@admin.register(Supporter)
class SupporterAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "email",
        "campaign",
        "status",
        "country",
        "show_name",
        "wants_updates",
        "created_at",
        "confirmed_at",
    )
    list_filter = (
        "campaign",
        "status",
        ("country", CountryFilter),
        "wants_updates",
        "show_name",
    )
    search_fields = ("name", "email", "organisation")
    list_select_related = ("campaign",)
    readonly_fields = (
        "campaign",
        "email",
        "status",
        "created_at",
        "confirmed_at",
        "last_emailed_at",
        "language",
        "consent_wording",
    )
    fields = (
        "campaign",
        "name",
        "email",
        "country",
        "organisation",
        "show_name",
        "wants_updates",
        "status",
        "created_at",
        "confirmed_at",
        "last_emailed_at",
        "language",
        "consent_wording",
    )
    actions = ["export_csv"]

    @admin.display(description=_("what they agreed to"))
    def consent_wording(self, obj):
        return f"{obj.consent_version or '—'}: {consent.describe(obj.consent_version)}"

    def has_add_permission(self, request):
        # Supporters give consent themselves, through the double opt-in.
        return False

    def has_export_permission(self, request):
        return request.user.has_perm("campaigns.export_supporters")

    @admin.action(description=_("Export selected supporters as CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        campaigns = sorted(set(queryset.values_list("campaign__title", flat=True)))
        record(
            Action.SUPPORTERS_EXPORTED,
            user=request.user,
            count=queryset.count(),
            campaigns=campaigns,
        )
        return supporters_csv_response(queryset)
