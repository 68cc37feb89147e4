"""EIPBlock: the base class of the project's blocks (services, templates, static files)."""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import importlib.resources
from collections.abc import Iterable
from typing import IO, Any, ClassVar

from django.utils.safestring import mark_safe
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.exceptions import DisallowedFileError
from xblock.fields import Scope, String

from xblocks.core import users
from xblocks.core.language import BlockLanguage, Shown
from xblocks.core.messages import _
from xblocks.core.messages import shown as shown_problem
from xblocks.core.resources import render_template
from xblocks.core.xml import OLXError, OLXErrors

TEMPLATES_DIR = "templates/"
STATIC_DIR = "static/"
# Static files every block shares: xblocks/core/static/<file>, served by each block class
# at static/eip-core/<file> so that the LMS and the workbench find them under the block.
CORE_STATIC_DIR = "static/eip-core/"
CORE_PACKAGE = "xblocks.core"
CORE_CSS = "eip-core.css"
CORE_JS = "eip-core.js"


def _under(folder: str, path: str) -> str:
    return path if path.startswith(folder) else folder + path


def now_iso() -> str:
    """The current UTC time to the second, as ISO 8601 (what the blocks store)."""
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def page_language() -> str:
    """ "cy" when the request's language is Welsh, else "en" (also without Django)."""
    try:
        from django.utils.translation import get_language

        language = get_language() or "en"
    except Exception:  # Django absent or not configured: English.
        language = "en"
    return "cy" if language.lower().startswith("cy") else "en"


@XBlock.needs("i18n")
@XBlock.wants("user")
class EIPBlock(XBlock):
    """Base of every EIP block. Subclasses set EVENT_FAMILY and RESOURCE_PACKAGE.

    Templates live in `<package>/templates/`, static files in `<package>/static/`; names may
    be given with or without that folder.
    """

    EVENT_FAMILY: ClassVar[str] = ""
    RESOURCE_PACKAGE: ClassVar[str] = ""
    # The block's own stylesheet in static/, loaded after eip-core.css.
    STYLESHEET: ClassVar[str] = ""
    # The block's kind in course search (`index_dictionary`'s content_type).
    SEARCH_TYPE: ClassVar[str] = ""
    # Fields the mobile apps get as they are (`student_view_data`), after the display name.
    MOBILE_FIELDS: ClassVar[tuple[str, ...]] = ()
    # Files under static/ are what the runtime may serve for local_resource_url.
    public_dir = "static"

    course_version = String(
        display_name=_("Course version"),
        help=_("The course release this block belongs to; blank to take it from the course run."),
        scope=Scope.settings,
        default="",
    )

    @classmethod
    def open_local_resource(cls, uri: str | bytes) -> IO[bytes]:
        """Serve static/eip-core/<file> from xblocks/core/static/, the rest as XBlock does."""
        if isinstance(uri, bytes):
            uri = uri.decode("utf-8")
        if not uri.startswith(CORE_STATIC_DIR):
            return super().open_local_resource(uri)
        name = uri[len(CORE_STATIC_DIR) :]
        # As XBlock's own checks: no "/." component (so no "..") and nothing outside static/.
        if not name or "/." in uri or name.startswith(".") or "\\" in name:
            raise DisallowedFileError(f"Only safe file names are allowed: {uri!r}")
        return importlib.resources.files(CORE_PACKAGE).joinpath("static", name).open("rb")

    def _i18n(self) -> Any:
        return self.runtime.service(self, "i18n")

    def ugettext(self, text: str) -> str:
        """`text` translated through the runtime's i18n service."""
        service = self._i18n()
        gettext = getattr(service, "gettext", None) or service.ugettext
        return gettext(text)

    def language(self) -> BlockLanguage:
        """The language the block is shown in: the learner's (see `page_language`)."""
        return BlockLanguage(page_language())

    def display_title(self) -> Shown:
        """The display name as shown: translated when it is a default the catalogue has,
        else as authored (in English)."""
        return self.language().translated(getattr(self, "display_name", ""), self.ugettext)

    def render_html(self, template: str, context: dict[str, Any]) -> str:
        """The block's template rendered (autoescaped; {% trans %} uses the i18n service).

        `block_lang` in the template is the block's language, for its root element's `lang`.
        """
        return render_template(
            self._resource_package(),
            _under(TEMPLATES_DIR, template),
            {"block_lang": self.language().code, **context},
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
        core_css: Iterable[str] = (),
        core_js: Iterable[str] = (),
    ) -> Fragment:
        """A Fragment of the rendered template with the block's static CSS and JS by URL.

        `core_css` and `core_js` name shared files of xblocks/core/static/; they come before
        the block's own. The i18n service's JavaScript catalogue, when the runtime has one,
        comes before any script.
        """
        fragment = Fragment(self.render_html(template, context))
        return self._add_resources(
            fragment, css, js, js_init, js_init_args, core_css=core_css, core_js=core_js
        )

    def _add_resources(
        self,
        fragment: Fragment,
        css: Iterable[str],
        js: Iterable[str],
        js_init: str | None,
        js_init_args: dict[str, Any] | None,
        *,
        core_css: Iterable[str],
        core_js: Iterable[str],
    ) -> Fragment:
        css_paths = [CORE_STATIC_DIR + name for name in core_css]
        css_paths += [_under(STATIC_DIR, path) for path in css]
        for path in css_paths:
            fragment.add_css_url(self.runtime.local_resource_url(self, path))
        catalog = getattr(self._i18n(), "get_javascript_i18n_catalog_url", None)
        catalog_url = catalog(self) if callable(catalog) else None
        if catalog_url:
            fragment.add_javascript_url(catalog_url)
        js_paths = [CORE_STATIC_DIR + name for name in core_js]
        js_paths += [_under(STATIC_DIR, path) for path in js]
        for path in js_paths:
            fragment.add_javascript_url(self.runtime.local_resource_url(self, path))
        if js_init:
            fragment.initialize_js(js_init, json_args=js_init_args)
        return fragment

    def learner_fragment(
        self,
        template: str,
        context: dict[str, Any],
        *,
        js: Iterable[str] = (),
        js_init: str | None = None,
        js_init_args: dict[str, Any] | None = None,
    ) -> Fragment:
        """`fragment` with eip-core.css and the block's STYLESHEET, and eip-core.js first
        when the block has a script."""
        return self.fragment(
            template,
            context,
            css=[self.STYLESHEET] if self.STYLESHEET else [],
            js=js,
            js_init=js_init,
            js_init_args=js_init_args,
            core_css=[CORE_CSS],
            core_js=[CORE_JS] if js else [],
        )

    def unavailable_fragment(self, error: Exception, *, staff_only: bool = True) -> Fragment:
        """The block's unavailable.html for content that does not load: its problems are
        listed for staff (always, when `staff_only` is false, as in Studio's preview)."""
        errors = list(error) if isinstance(error, OLXErrors) else [error]
        # In the staff's language where the blocks' catalogue words the problem.
        language = self.language()
        shown = (
            [shown_problem(item, language, self.ugettext) for item in errors]
            if not staff_only or self.is_staff()
            else []
        )
        return self.learner_fragment(
            "unavailable.html", {"display_name": self.display_title(), "errors": shown}
        )

    def studio_fragment(
        self, fields_template: str, context: dict[str, Any], *, modifier: str
    ) -> Fragment:
        """The shared Studio editor around the block's own fields.

        `fields_template` renders the block's fields (with `uid` and `context`); the editor
        posts every named field of the form to the block's `studio_submit` handler.
        `modifier` is the block's class on the editor, e.g. "eip-appraisal-studio".
        """
        uid = self._uid()
        fields_html = self.render_html(fields_template, {**context, "uid": uid})
        html = render_template(
            CORE_PACKAGE,
            TEMPLATES_DIR + "studio.html",
            {
                "uid": uid,
                "modifier": modifier,
                "fields_html": mark_safe(fields_html),
                "block_lang": self.language().code,
            },
            i18n_service=self._i18n(),
        )
        strings = {
            "saving": _("Saving\u2026"),
            "invalid": _("Nothing was saved: fix these problems first."),
            "failed": _("Could not save. Please try again."),
        }
        return self._add_resources(
            Fragment(html),
            [],
            [],
            "EIPStudio",
            {"strings": {key: self.ugettext(text) for key, text in strings.items()}},
            core_css=["studio.css"],
            core_js=[CORE_JS, "studio.js"],
        )

    def student_view_data(self, context: dict | None = None) -> dict:
        """For the mobile apps: the display name and MOBILE_FIELDS, with `available` and
        `mobile_data()` when the block's content loads, else with `available` false."""
        data = {name: getattr(self, name) for name in ("display_name", *self.MOBILE_FIELDS)}
        try:
            return {**data, "available": True, **self.mobile_data()}
        except (OLXError, OLXErrors):
            return {**data, "available": False}

    def mobile_data(self) -> dict:
        """What `student_view_data` says of the block's content (OLXError or OLXErrors when
        it does not load): never an answer key or anything the learner has not reached."""
        return {}

    def index_dictionary(self) -> dict:
        """For course search: the platform's entry, with the display name, `search_content()`
        unless the block's content does not load, and SEARCH_TYPE as the content type."""
        parent = getattr(super(), "index_dictionary", None)
        body = parent() if callable(parent) else {}
        content = {"display_name": getattr(self, "display_name", "")}
        with contextlib.suppress(OLXError, OLXErrors):
            content.update(self.search_content())
        body.setdefault("content", {}).update(content)
        body["content_type"] = self.SEARCH_TYPE
        return body

    def search_content(self) -> dict[str, str]:
        """The block's content as plain text for course search (OLXError or OLXErrors when
        it does not load)."""
        return {}

    def _uid(self) -> str:
        """A short id prefix unique to this block on a page (usage ids can be long)."""
        digest = hashlib.sha1(str(self.scope_ids.usage_id).encode(), usedforsecurity=False)
        return "eip" + digest.hexdigest()[:8]

    def _attempts_left(self) -> int | None:
        """Attempts the learner has left (`max_attempts` less `attempts`); None when unlimited."""
        max_attempts = getattr(self, "max_attempts", 0)
        if not max_attempts:
            return None
        return max(max_attempts - getattr(self, "attempts", 0), 0)

    def is_staff(self) -> bool:
        """Whether the current user is course staff (see xblocks.core.users.is_staff)."""
        return users.is_staff(self)

    def _resource_package(self) -> str:
        if not self.RESOURCE_PACKAGE:
            raise ValueError(f"{type(self).__name__} must set RESOURCE_PACKAGE")
        return self.RESOURCE_PACKAGE
