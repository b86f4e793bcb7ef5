"""Admin API of the help desk, included under ``/api/admin/``."""
from django.urls import path

from .privacy import DataExportDownloadApi, DataExportListApi

urlpatterns = [
    path("privacy/exports", DataExportListApi.as_view(), name="admin-privacy-exports"),
    path(
        "privacy/exports/<int:export_id>/download",
        DataExportDownloadApi.as_view(),
        name="admin-privacy-export-download",
    ),
]
