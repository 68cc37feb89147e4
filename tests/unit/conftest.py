"""Unit tests need no database; Django is configured only so that templates can render.

Under pytest-django the project's settings are already loaded and this does nothing.
"""

import django
from django.apps import apps
from django.conf import settings

if not settings.configured:
    settings.configure(
        INSTALLED_APPS=[],
        USE_I18N=True,
        LANGUAGE_CODE="en",
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
    )
if not apps.ready:
    django.setup()
