from django.utils.translation import gettext_lazy as _

from personaldata.models import DataRequest


class DataRequestSource:
    key = "data-requests"
    label = _("Requests to see this data")

    def find(self, email):
        requests = DataRequest.objects.filter(email__iexact=email).order_by("created_at")
        return [{"asked": r.created_at.isoformat()} for r in requests]

    def erase(self, email, **options):
        deleted, _ = DataRequest.objects.filter(email__iexact=email).delete()
        return deleted
