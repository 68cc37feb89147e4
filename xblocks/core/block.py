"""EIPBlock: the base class of the project's blocks (services, templates, static files)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Scope, String

from xblocks.core import users
from xblocks.core.resources import render_template

TEMPLATES_DIR = "templates/"
STATIC_DIR = "static/"


def _(text: str) -> str:
    """Mark a string for translation; it is translated where it is shown."""
    return text


def _under(folder: str, path: str) -> str:
    return path if path.startswith(folder) else folder + path


@XBlock.needs("i18n")
@XBlock.wants("user")
class EIPBlock(XBlock):
    """Base of every EIP block. Subclasses set EVENT_FAMILY and RESOURCE_PACKAGE.

    Templates live in `<package>/templates/`, static files in `<package>/static/`; names may
    be given with or without that folder.
    """

    EVENT_FAMILY: ClassVar[str] = ""
    RESOURCE_PACKAGE: ClassVar[str] = ""
    # Files under static/ are what the runtime may serve for local_resource_url.
    public_dir = "static"

    course_version = String(
        display_name=_("Course version"),
        help=_("The course release this block belongs to; blank to take it from the course run."),
        scope=Scope.settings,
        default="",
    )

    def _i18n(self) -> Any:
        return self.runtime.service(self, "i18n")

    def ugettext(self, text: str) -> str:
        """`text` translated through the runtime's i18n service."""
        service = self._i18n()
        gettext = getattr(service, "gettext", None) or service.ugettext
        return gettext(text)

    def render_html(self, template: str, context: dict[str, Any]) -> str:
        """The block's template rendered (autoescaped; {% trans %} uses the i18n service)."""
        return render_template(
            self._resource_package(),
            _under(TEMPLATES_DIR, template),
            context,
            i18n_service=self._i18n(),
        )

    def fragment(
        self,
        template: str,
        context: dict[str, Any],
        *,
        css: Iterable[str] = (),
        js: Iterable[str] = (),
        js_init: str | None = None,
        js_init_args: dict[str, Any] | None = None,
    ) -> Fragment:
        """A Fragment of the rendered template with the block's static CSS and JS by URL.

        The i18n service's JavaScript catalogue, when the runtime has one, comes before `js`.
        """
        fragment = Fragment(self.render_html(template, context))
        for path in css:
            fragment.add_css_url(self.runtime.local_resource_url(self, _under(STATIC_DIR, path)))
        catalog = getattr(self._i18n(), "get_javascript_i18n_catalog_url", None)
        catalog_url = catalog(self) if callable(catalog) else None
        if catalog_url:
            fragment.add_javascript_url(catalog_url)
        for path in js:
            fragment.add_javascript_url(
                self.runtime.local_resource_url(self, _under(STATIC_DIR, path))
            )
        if js_init:
            fragment.initialize_js(js_init, json_args=js_init_args)
        return fragment

    def is_staff(self) -> bool:
        """Whether the current user is course staff (see xblocks.core.users.is_staff)."""
        return users.is_staff(self)

    def _resource_package(self) -> str:
        if not self.RESOURCE_PACKAGE:
            raise ValueError(f"{type(self).__name__} must set RESOURCE_PACKAGE")
        return self.RESOURCE_PACKAGE
