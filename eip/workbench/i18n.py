"""Languages in `eip serve`: the blocks' own catalogues, as the LMS loads them, and a switch.

The Open edX LMS gives each block an i18n service that reads the catalogue shipped in the
block's top-level package, `<package>/translations/<locale>/LC_MESSAGES/text.mo`, for the
learner's language, and falls back to Django's catalogues when there is none. The SDK's
workbench service knows only Django's catalogues, so `BlockI18nService` does what the LMS
does. The SDK makes one service for every block rather than one per block, so it reads the
catalogue of every installed block package, in turn (ours share one: `xblocks`).

`?lang=cy` on any page chooses the language and keeps it in Django's language cookie, so the
blocks' handlers answer in it too; `language_switch` gives the pages their switch.
"""

from __future__ import annotations

import functools
import gettext
import importlib.resources
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from xblock.runtime import NullI18nService

DOMAIN = "text"
LOCALE_FOLDER = "translations"
COOKIE_AGE = 365 * 24 * 60 * 60


def block_packages() -> tuple[str, ...]:
    """The top-level package of every installed block, where the LMS looks for catalogues."""
    packages: list[str] = []
    for point in entry_points(group="xblock.v1"):
        package = point.value.split(":")[0].split(".")[0]
        if package not in packages:
            packages.append(package)
    return tuple(packages)


def _locale_folder(package: str) -> Path | None:
    try:
        folder = Path(str(importlib.resources.files(package) / LOCALE_FOLDER))
    except (ModuleNotFoundError, TypeError):
        return None
    return folder if folder.is_dir() else None


@functools.lru_cache(maxsize=16)
def block_translations(language: str, packages: tuple[str, ...]) -> Any:
    """The packages' catalogues for `language` chained in order; None if none has one."""
    found = None
    for package in packages:
        folder = _locale_folder(package)
        if folder is None:
            continue
        try:
            catalogue = gettext.translation(DOMAIN, folder, [translation.to_locale(language)])
        except OSError:
            continue
        if found is None:
            found = catalogue
        else:
            found.add_fallback(catalogue)
    return found


class BlockI18nService(NullI18nService):
    """The runtime's "i18n" service: `gettext`, `ngettext`... in the current language."""

    def __init__(self, packages: tuple[str, ...] | None = None) -> None:
        super().__init__()
        self._packages = block_packages() if packages is None else packages

    def translator(self) -> Any:
        """The blocks' catalogues for the active language, else Django's (as in the LMS)."""
        language = translation.get_language() or settings.LANGUAGE_CODE
        return block_translations(language, self._packages) or translation

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_packages":
            raise AttributeError(name)
        name = "gettext" if name == "ugettext" else "ngettext" if name == "ungettext" else name
        return getattr(self.translator(), name)

    @property
    def ugettext(self) -> Callable[[str], str]:
        return self.translator().gettext

    @property
    def ungettext(self) -> Callable[[str, str, int], str]:
        return self.translator().ngettext


def chosen_language(request: HttpRequest) -> str | None:
    """The language `?lang=` asks for, if the workbench offers it."""
    wanted = request.GET.get("lang", "").strip().lower()
    return wanted if wanted in dict(settings.LANGUAGES) else None


class LanguageSwitchMiddleware:
    """`?lang=<code>` activates that language for this page and keeps it in the cookie.

    Runs after Django's LocaleMiddleware, which reads the cookie on later requests.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = chosen_language(request)
        if language is None:
            return self.get_response(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, language, max_age=COOKIE_AGE, samesite="Lax"
        )
        return response


def language_switch(request: HttpRequest) -> dict[str, Any]:
    """Template context: a link to this page in each other language the workbench offers."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        query = request.GET.copy()
        query["lang"] = code
        links.append({"code": code, "name": name, "url": f"{request.path}?{query.urlencode()}"})
    return {"language_links": links}
