"""The course's About pages in Studio: overview, short description and effort."""

from __future__ import annotations

from html import escape

from .loader import LoadedVersion
from .prose import inner_html, render


def about_pages(loaded: LoadedVersion) -> dict[str, bytes]:
    """about/overview.html, short_description.html and effort.html (H:MM)."""
    version = loaded.version
    course = version.course
    parts = [f"<h2>{escape(course.title.get('en', ''))}</h2>"]
    if course.title.get("cy"):
        parts.append(f'<p lang="cy">{escape(course.title["cy"])}</p>')
    parts.append(inner_html(render(version.overview.get("en", ""))))
    if version.overview.get("cy"):
        parts.append(f'<div lang="cy">{inner_html(render(version.overview["cy"]))}</div>')
    parts.append("<h3>Sections</h3><ol>")
    for section in version.sections:
        minutes = f" (about {section.total_minutes} minutes)" if section.total_minutes else ""
        parts.append(f"<li>{escape(section.title)}{minutes}</li>")
    parts.append("</ol>")
    people = [*course.partners, *course.authors]
    if people:
        parts.append("<h3>Written by</h3><ul>")
        for person in people:
            role = person.get("role") or person.get("affiliation") or ""
            suffix = f" ({escape(role)})" if role else ""
            parts.append(f"<li>{escape(person['name'])}{suffix}</li>")
        parts.append("</ul>")
    parts.append(f"<p>Version {escape(version.version)}. Licence: {escape(course.licence)}.</p>")
    total = sum(section.total_minutes for section in version.sections)
    return {
        "about/overview.html": ("\n".join(parts) + "\n").encode("utf-8"),
        "about/short_description.html": escape(version.overview.get("en", "")).encode("utf-8"),
        "about/effort.html": f"{total // 60}:{total % 60:02d}".encode(),
    }
