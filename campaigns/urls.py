from django.urls import path

from campaigns import views

app_name = "campaigns"

# Fixed "supporter/..." paths come first; the campaign slug "supporter" is reserved for them.
urlpatterns = [
    path("", views.campaign_list, name="campaign-list"),
    path("supporter/withdrawn/", views.supporter_withdrawn, name="supporter-withdrawn"),
    path(
        "supporter/unsubscribe/<str:token>/",
        views.supporter_unsubscribe,
        name="supporter-unsubscribe",
    ),
    path("supporter/<str:token>/", views.supporter_manage, name="supporter-manage"),
    path("supporter/<str:token>/confirm/", views.supporter_confirm, name="supporter-confirm"),
    path("supporter/<str:token>/withdraw/", views.supporter_withdraw, name="supporter-withdraw"),
    path("<slug:slug>/", views.campaign_detail, name="campaign-detail"),
    path("<slug:slug>/sign-up/", views.signup, name="signup"),
    path("<slug:slug>/check-your-email/", views.signup_sent, name="signup-sent"),
    path("<slug:slug>/thank-you/", views.signup_thanks, name="signup-thanks"),
    path("<slug:slug>/<slug:document_slug>/", views.document_detail, name="document-detail"),
]
