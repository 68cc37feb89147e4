"""The data of one appraisal exercise: a study, and an expert's appraisal of it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .instrument_types import Instrument
from .library import InstrumentLibrary, default_library

OVERALL = "overall"

# Optional attributes of <eip_appraisal> and their defaults.
DEFAULTS: Mapping[str, object] = {
    "competencies": "",
    "weight": 1.0,
    "max_attempts": 0,
    "require_reasons": "all",
}


@dataclass(frozen=True)
class Exhibit:
    """A table or figure shown with the study, in Markdown."""

    title: str
    body_md: str


@dataclass(frozen=True)
class Study:
    title: str
    fictional: bool
    label: str
    citation: str
    summary_md: str
    exhibits: tuple[Exhibit, ...] = ()


@dataclass(frozen=True)
class ExpertAnswer:
    """The expert's answer to one item: a value (None for a text-only item) and why."""

    item_id: str
    value: str | None
    rationale_md: str


@dataclass(frozen=True)
class Exercise:
    """One appraisal exercise.

    `authored` keeps the attribute text as written (compared by meaning, not kept in
    equality), so that exporting writes back what the author wrote, defaults included.
    `library` is where the instrument is loaded from (the shipped instruments by default).
    """

    display_name: str
    instrument_id: str
    instrument_version: str
    competencies: str
    weight: float
    max_attempts: int
    require_reasons: str
    study: Study
    expert_answers: Mapping[str, ExpertAnswer]
    overall_value: str
    overall_rationale_md: str
    authored: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    library: InstrumentLibrary | None = field(default=None, compare=False, repr=False)

    @property
    def instrument(self) -> Instrument:
        """The instrument this exercise is written against (UnknownInstrument if missing)."""
        library = self.library or default_library()
        return library.load(self.instrument_id, self.instrument_version)

    def reason_required(self, item_id: str) -> bool:
        """Whether the learner must give a reason for item `item_id` (or "overall")."""
        if item_id != OVERALL:
            instrument = self.instrument
            if not instrument.has_item(item_id) or instrument.item(item_id).text_only:
                return False
        words = self.require_reasons.split()
        if words == ["all"]:
            return True
        if words == ["none"]:
            return False
        return item_id in words

    def __hash__(self) -> int:
        return hash((self.instrument_id, self.instrument_version, self.display_name))
