from django.urls import path

from personaldata import views

app_name = "personaldata"

urlpatterns = [
    path("", views.request_form, name="request-form"),
    path("check-your-email/", views.request_sent, name="request-sent"),
    path("erased/", views.erased, name="erased"),
    path("<str:token>/", views.data_page, name="data-page"),
    path("<str:token>/export/", views.data_export, name="data-export"),
    path("<str:token>/erase/", views.data_erase, name="data-erase"),
]
