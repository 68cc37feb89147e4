"""A learner's competency record as JSON shaped like an Open Badges 3.0 credential.

The shape follows 1EdTech's Open Badges 3.0 data model (OpenBadgeCredential over the W3C
Verifiable Credentials 2.0 context): an `Achievement` for the framework, with one `Alignment`
per competency, a `ResultDescription` per competency and per self-rating, and the learner's
`Result`s. The record is NOT signed: it carries no `proof`, so it is not a verifiable
credential, and its description says so.

Choices the data model leaves open:
- ids are `urn:uuid:` URIs: a fresh one for each download, stable ones (UUID 5) for the
  framework's achievement and result descriptions;
- `Alignment.targetType` is `ext:Competency`, the model's extension form: the enumerated
  `ceasn:Competency` means a competency published in Credential Engine's registry, which
  ours is not;
- `Alignment.targetUrl` (required) is the tracker's page describing the framework, with the
  competency id as its fragment;
- the learner is named by a salted SHA-256 hash of their username (an `IdentityObject`).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from xblocks.competency.model.attainment import Attainment
from xblocks.competency.model.evidence import Evidence
from xblocks.competency.model.framework_types import Competency, Framework
from xblocks.competency.phrasing import (
    CONFIDENCE_MAX,
    CONFIDENCE_MIN,
    PHASES,
    Strings,
    date_text,
    kind_title,
    level_label,
    percent_text,
)

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
CREDENTIAL_TYPE = ["VerifiableCredential", "OpenBadgeCredential"]
ALIGNMENT_TARGET_TYPE = "ext:Competency"
LEVEL_RESULT_TYPE = "PerformanceLevel"
RATING_RESULT_TYPE = "ext:SelfRatedConfidence"
# Stable ids for what does not change between downloads: the same framework version gives
# the same achievement id wherever it is issued.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:evidence-in-practice:competency-record")


@dataclass(frozen=True)
class Learner:
    """Who the record is about: their username (or another id, with its OB identifier type)."""

    identifier: str
    identifier_type: str = "userName"
    salt: str = field(default_factory=lambda: secrets.token_hex(8))

    def identity(self) -> dict:
        digest = hashlib.sha256((self.identifier + self.salt).encode("utf-8")).hexdigest()
        return {
            "type": "IdentityObject",
            "identityType": self.identifier_type,
            "hashed": True,
            "identityHash": f"sha256${digest}",
            "salt": self.salt,
        }


@dataclass(frozen=True)
class Issuer:
    """The course that issues the record: a stable key (the course id) and a display name."""

    key: str
    name: str


def stable_id(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, ':'.join(parts))}"


def open_badge_record(
    *,
    framework: Framework,
    attainments: Mapping[str, Attainment],
    ratings: Mapping[str, Mapping[str, int]],
    learner: Learner,
    issuer: Issuer,
    framework_url: str,
    issued_at: datetime,
    s: Strings,
) -> dict:
    """The record as a JSON-ready dict."""
    title = framework.title.get(s.lang)
    achievement_id = stable_id("framework", framework.id, framework.version)
    descriptions, results = _level_results(framework, attainments, achievement_id, framework_url, s)
    rating_descriptions, rating_results = _rating_results(framework, ratings, achievement_id, s)
    return {
        "@context": list(CONTEXT),
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": list(CREDENTIAL_TYPE),
        "name": s("{framework}: competency record").format(framework=title),
        "description": s(
            "An unsigned record of the competency levels this course's exercises and case "
            "studies evidence, and of the learner's own ratings of their confidence. It has no "
            "proof, so it is not a verifiable credential: ask the course team to confirm it."
        ),
        "issuer": {
            "id": stable_id("issuer", issuer.key),
            "type": ["Profile"],
            "name": issuer.name,
        },
        "validFrom": issued_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [learner.identity()],
            "achievement": {
                "id": achievement_id,
                "type": ["Achievement"],
                "name": title,
                "description": framework.description.get(s.lang) or title,
                "criteria": {"narrative": _criteria(framework, s)},
                "alignment": [
                    alignment(framework, competency, framework_url, s)
                    for competency in framework.competencies
                ],
                "resultDescription": descriptions + rating_descriptions,
                "version": framework.version,
            },
            "result": results + rating_results,
        },
        "evidence": _evidence(framework, attainments, s),
    }


def alignment(framework: Framework, competency: Competency, framework_url: str, s: Strings) -> dict:
    """An OB 3.0 `Alignment` to one competency of the framework."""
    return {
        "type": ["Alignment"],
        "targetName": competency.title.get(s.lang),
        "targetDescription": competency.description.get(s.lang),
        "targetCode": competency.id,
        "targetFramework": s("{framework} (version {version})").format(
            framework=framework.title.get(s.lang), version=framework.version
        ),
        "targetType": ALIGNMENT_TARGET_TYPE,
        "targetUrl": f"{framework_url}#{competency.id}",
    }


def _level_results(
    framework: Framework,
    attainments: Mapping[str, Attainment],
    achievement_id: str,
    framework_url: str,
    s: Strings,
) -> tuple[list[dict], list[dict]]:
    allowed = [level_label(framework, level, s) for level in range(framework.max_level + 1)]
    descriptions, results = [], []
    for competency in framework.competencies:
        description_id = stable_id(achievement_id, "level", competency.id)
        descriptions.append(
            {
                "id": description_id,
                "type": ["ResultDescription"],
                "name": s("Level reached in: {competency}").format(
                    competency=competency.title.get(s.lang)
                ),
                "resultType": LEVEL_RESULT_TYPE,
                "allowedValue": allowed,
                "alignment": [alignment(framework, competency, framework_url, s)],
            }
        )
        attainment = attainments.get(competency.id)
        results.append(
            {
                "type": ["Result"],
                "resultDescription": description_id,
                "value": allowed[attainment.level if attainment else 0],
            }
        )
    return descriptions, results


def _rating_results(
    framework: Framework,
    ratings: Mapping[str, Mapping[str, int]],
    achievement_id: str,
    s: Strings,
) -> tuple[list[dict], list[dict]]:
    names = {
        "before": s("Self-rated confidence before the course: {domain}"),
        "after": s("Self-rated confidence after the course: {domain}"),
    }
    descriptions, results = [], []
    for phase in PHASES:
        for domain in framework.domains:
            description_id = stable_id(achievement_id, "confidence", phase, domain.id)
            descriptions.append(
                {
                    "id": description_id,
                    "type": ["ResultDescription"],
                    "name": names[phase].format(domain=domain.title.get(s.lang)),
                    "resultType": RATING_RESULT_TYPE,
                    "valueMin": str(CONFIDENCE_MIN),
                    "valueMax": str(CONFIDENCE_MAX),
                }
            )
            rating = (ratings.get(phase) or {}).get(domain.id)
            if rating is not None:
                results.append(
                    {"type": ["Result"], "resultDescription": description_id, "value": str(rating)}
                )
    return descriptions, results


def _criteria(framework: Framework, s: Strings) -> str:
    lines = [
        s(
            "Each level of a competency is reached through the course's exercises and case "
            "studies tagged with it, completed with the scores the framework's rules ask for."
        ),
        "",
    ]
    lines += [
        f"- {level_label(framework, level.number, s)}: {level.descriptor.get(s.lang)}"
        for level in framework.levels
    ]
    return "\n".join(lines)


def _evidence(
    framework: Framework, attainments: Mapping[str, Attainment], s: Strings
) -> list[dict]:
    """Every block behind a level reached, once, with what it counts towards."""
    pieces: dict[str, Evidence] = {}
    counts: dict[str, list[str]] = {}
    for competency in framework.competencies:
        attainment = attainments.get(competency.id)
        if attainment is None or not attainment.level:
            continue
        for piece in (item for level in attainment.evidence.values() for item in level):
            pieces.setdefault(piece.usage_id, piece)
            if competency.id not in counts.setdefault(piece.usage_id, []):
                counts[piece.usage_id].append(competency.id)
    return [
        {
            "type": ["Evidence"],
            "name": piece.title,
            "genre": kind_title(piece.block_type, s),
            "description": s(
                "Score {score}, completed {date}, course version {version}. "
                "Counts towards: {competencies}."
            ).format(
                score=percent_text(piece.score),
                date=date_text(piece.completed_at) or s("date not recorded"),
                version=piece.course_version or s("not recorded"),
                competencies=", ".join(counts[usage_id]),
            ),
        }
        for usage_id, piece in pieces.items()
    ]
