"""A framework as an Open edX content-tagging taxonomy (the CSV Studio's taxonomy import reads).

Columns `id`, `value`, `parent_id`, `comments`: one row per domain (no parent), then one per
competency of that domain (parent = the domain id), so every parent comes before its
children. Ids are the framework's stable ids; values are titles, which must be unique in a
taxonomy; comments (ignored by the import) carry each domain's or competency's summary.
"""

from __future__ import annotations

import csv
import io

from xblocks.core.messages import Message, _
from xblocks.core.xml import OLXError

from .framework_types import Framework

COLUMNS = ("id", "value", "parent_id", "comments")


def taxonomy_rows(framework: Framework, lang: str = "en") -> list[dict[str, str]]:
    """The rows of the taxonomy, titles in `lang` (English where there is no translation)."""
    rows = []
    for domain in framework.domains:
        rows.append(_row(domain.id, domain.title.get(lang), "", domain.description.get(lang)))
        for competency in domain.competencies:
            rows.append(
                _row(
                    competency.id,
                    competency.title.get(lang),
                    domain.id,
                    competency.description.get(lang),
                )
            )
    _check_unique_values(rows)
    return rows


def taxonomy_csv(framework: Framework, lang: str = "en") -> str:
    """The taxonomy as CSV text (write it as UTF-8 without a byte-order mark)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(taxonomy_rows(framework, lang))
    return buffer.getvalue()


def _row(identifier: str, value: str, parent_id: str, comments: str) -> dict[str, str]:
    return {"id": identifier, "value": value, "parent_id": parent_id, "comments": comments}


def _check_unique_values(rows: list[dict[str, str]]) -> None:
    seen: dict[str, str] = {}
    for row in rows:
        key = row["value"].casefold()
        if key in seen:
            raise OLXError(
                Message(
                    _(
                        '"{id}" and "{other}" have the same title "{title}"; tag values in a '
                        "taxonomy must be unique"
                    ),
                    id=row["id"],
                    other=seen[key],
                    title=row["value"],
                )
            )
        seen[key] = row["id"]
