from django.urls import path

from . import views

urlpatterns = [
    path("shopify", views.shopify_webhook, name="webhooks-shopify"),
    path("compliance", views.compliance_webhook, name="webhooks-compliance"),
]
