"""The story format as frozen pydantic models: what a writer may put in story/, and its JSON Schema.

Only validation and `foxbat schema` use these: a file the quick builder (build.py) does not
accept as it stands is checked here, for pydantic's exact verdict and its errors, and what it
accepts becomes the plain classes of model.py that the game plays. Importing this module
imports pydantic (about a tenth of a second), so nothing on the way to play imports it.
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from .model import DEFAULT_BOUND

#: Stable ids: saves, translations and statistics point at these, so they never change.
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64),
    Field(description="A stable id: lower case letters, digits and underscores, starting with a letter."),
]

#: Local time of a moment: a date, or a date and time with the UTC offset of the place.
When = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}([+-]\d{2}:\d{2})?)?)?$"),
    Field(
        description="Local date and time of the moment, as precise as the record allows: "
        "'1976-09-06T13:50+09:00', '1976-09-06' or '1976-10'.",
        examples=["1976-09-06T13:50+09:00"],
    ),
]

Text = Annotated[str, StringConstraints(min_length=1), Field(description="Text shown to the player (English).")]


class Frozen(BaseModel):
    """Base for every story model: immutable, and unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)




class Variable(Frozen):
    """A typed story variable with an optional range; the player may see it as a gauge."""

    type: Literal["int", "bool"] = Field("int", description="int (a number, usually 0-100) or bool (true/false).")
    initial: Union[bool, int] = Field(0, description="The value at the start of the role.")
    min: Optional[int] = Field(None, description="The lowest value an int may hold; effects are clamped to it "
                               "(-1,000,000 when not given).")
    max: Optional[int] = Field(None, description="The highest value an int may hold; effects are clamped to it "
                               "(1,000,000 when not given).")
    label: Text = Field(description="The name shown on the gauge, such as 'Fuel'.")
    unit: str = Field("", description="A unit shown after the value, such as '%'.")
    visible: bool = Field(True, description="Whether the player sees this variable as a gauge.")
    description: str = Field("", description="One line saying what the variable stands for.")

    @property
    def bounds(self) -> tuple[int, int]:
        """The range effects clamp an int to: the declared min and max, else -1,000,000 and 1,000,000."""
        low = self.min if self.min is not None else -DEFAULT_BOUND
        high = self.max if self.max is not None else DEFAULT_BOUND
        return low, high


class Quote(Frozen):
    """An exact quote from a cited document, with its translation when not in English."""

    source: Id = Field(description="A key in story/sources.yaml.")
    quote: Text = Field(description="Words that appear in the source exactly (after NFC and whitespace folding).")
    translation: Optional[str] = Field(None, description="An English translation, for a quote in another language.")
    summary: bool = Field(
        False, description="true when the words summarise the source rather than quote it (a reference known "
        "through a summary of it); shown without quotation marks, as a summary.")

class Version(Frozen):
    """One side of a disputed fact, with the sources that give it."""

    claim: Text = Field(description="What this version says happened.")
    sources: list[Quote] = Field(min_length=1, description="The sources that give this version.")


class History(Frozen):
    """What actually happened at this moment, and how sure the record is."""

    status: Literal["documented", "contested", "dramatized"] = Field(
        description="documented: the sources agree; contested: they disagree (list versions); "
        "dramatized: detail invented for the game."
    )
    what_happened: Text = Field(description="What the real person did and what followed.")
    sources: list[Quote] = Field(default_factory=list, description="Quotes that back what_happened.")
    versions: list[Version] = Field(default_factory=list, description="For contested facts: each version with its sources.")
    dramatized: str = Field("", description="What in the scene is invented (dialogue, names, small detail).")


class Dossier(Frozen):
    """An optional document the player can open beside a scene."""

    id: Id
    kind: Literal["cable", "telex", "radar_log", "police_form", "charge_sheet", "notebook", "newspaper", "memo", "map"] = Field(
        description="How the document is drawn: telex paper, police form, radar plot..."
    )
    title: Text
    text: Text
    status: Literal["documented", "reconstructed", "dramatized"] = Field(
        "dramatized", description="documented: every line is backed by the sources below; reconstructed: the "
        "content is backed by the sources below but the form (layout, wording of the log, cable or sheet) is "
        "made for the game; dramatized: invented."
    )
    sources: list[Quote] = Field(default_factory=list)


class Choice(Frozen):
    """One thing the player can do in a scene."""

    id: Id
    text: Text = Field(description="The choice as the player reads it.")
    goto: Id = Field(description="The scene this choice leads to, in the same role.")
    condition: Optional[str] = Field(None, alias="if", description="An expression that must be true to offer this choice.")
    effects: Union[str, list[str], None] = Field(
        None, alias="set", description="Assignments applied when chosen: 'fuel = fuel - 15; nerve += 5'."
    )
    record: Optional[Literal["actual", "considered", "invented"]] = Field(
        None,
        description="actual: what the real person did; considered: documented as open at the time; "
        "invented: a counterfactual made up for the game. Leave out for a plain 'continue'.",
    )
    note: str = Field("", description="Why this option was open, or what is known of it.")


class Ending(Frozen):
    """What makes a scene an ending: what follows, and how it differs from history."""

    kind: Literal["historical", "alternative"] = Field(description="historical: it happened; alternative: it did not.")
    title: Text
    outcome: Text = Field(description="What follows from this ending.")
    differs: Text = Field(description="How this differs from what actually happened.")


class Position(Frozen):
    """A place on the flight map."""

    lon: float = Field(ge=-180, le=180)
    lat: float = Field(ge=-90, le=90)


class Scene(Frozen):
    """A moment in a role: text, choices, history, and optional documents."""

    when: When
    where: Text = Field(description="The place, such as 'Hakodate Airport, control tower'.")
    title: str = Field("", description="A short heading for menus, the history log and the story map.")
    text: Text = Field(description="30-90 words, present tense, second person.")
    choices: list[Choice] = Field(default_factory=list)
    ending: Optional[Ending] = Field(None, description="Present only on endings, which have no choices.")
    history: Optional[History] = None
    dossier: list[Dossier] = Field(default_factory=list)
    image: Optional[str] = Field(None, description="An image under assets/images/ shown with the scene.")
    at: Optional[Position] = Field(None, description="Where on the flight map this moment is.")

    @property
    def is_ending(self) -> bool:
        """True for an ending scene."""
        return self.ending is not None

    @property
    def is_decision(self) -> bool:
        """True when any choice carries a record marker: a decision the real person faced."""
        return any(c.record is not None for c in self.choices)

    def choice(self, choice_id: str) -> Choice | None:
        """The choice with this id, or None."""
        return next((c for c in self.choices if c.id == choice_id), None)


class Source(Frozen):
    """A document the story cites."""

    title: Text
    author: str = ""
    publisher: str = ""
    date: str = ""
    language: str = Field("en", description="BCP 47 code of the document's language.")
    kind: Literal["seed", "secondary", "primary"] = Field(
        "secondary", description="seed: one of the project's source documents; secondary: an external reference."
    )
    file: Optional[str] = Field(None, description="For seeds: the file name in shared/seeds/, used to check quotes.")
    url: Optional[str] = None
    reliability: Text = Field(description="One line on how far to trust it.")


class Premise(Frozen):
    """What a role's scenes take for granted of the other seats, for ensemble play."""

    condition: str = Field(alias="if", description="An expression over other roles' names ('pilot.cameras.fire', "
                           "'pilot.nerve') that is true while this role's scenes still make sense, such as "
                           "'the jet landed at Hakodate'.")
    text: Text = Field(description="What the player reads, at this seat's card, once another seat has broken "
                                   "the premise: this seat's day then goes on as it happened.")


class Role(Frozen):
    """One playable person and the scenes of their story."""

    id: Id
    name: Text = Field(description="Who the player is, such as 'Lt. Viktor Belenko'.")
    title: Text = Field(description="One line: who they are.")
    summary: Text = Field(description="Where they stand on 6 September 1976.")
    start: Id = Field(description="The first scene.")
    variables: dict[Id, Variable] = Field(default_factory=dict)
    epilogue: str = Field("", description="What happened next, grounded in the sources.")
    question: str = Field("", description="A discussion question for families and school groups.")
    premise: Optional[Premise] = Field(None, description="Ensemble play: what this role's scenes take for granted of the others.")
    scenes: dict[Id, Scene] = Field(default_factory=dict)

    def initial_variables(self) -> dict[str, int | bool]:
        """Every variable at its starting value."""
        return {name: var.initial for name, var in self.variables.items()}


class Story(Frozen):
    """A whole story: roles, scenes and the sources they cite (its rules and places: loaded.LoadedStory)."""

    id: Id
    title: Text
    version: str = "1"
    language: str = "en"
    roles: dict[Id, Role]
    sources: dict[Id, Source] = Field(default_factory=dict)


# --- the shapes of the files on disk -------------------------------------------------------


class StoryManifest(Frozen):
    """story/story.yaml: the story's title, version and the roles in order."""

    id: Id
    title: Text
    version: str = "1"
    language: str = "en"
    sources: str = Field("sources.yaml", description="The file listing every cited document.")
    roles: list[Id] = Field(min_length=1, description="Role ids in the order they are offered; each has story/roles/<id>/.")


class SourcesFile(Frozen):
    """story/sources.yaml: every document the story cites."""

    sources: dict[Id, Source]


class RoleFile(Frozen):
    """story/roles/<role>/role.yaml: who the player is and the role's variables."""

    name: Text
    title: Text
    summary: Text
    start: Id
    variables: dict[Id, Variable] = Field(default_factory=dict)
    epilogue: str = ""
    question: str = ""
    premise: Optional[Premise] = None


class SceneFile(Frozen):
    """story/roles/<role>/*.yaml: a few related scenes of one role."""

    scenes: dict[Id, Scene]


# --- translation files (game/engine/i18n.py reads them) ------------------------------------


class Entry(BaseModel):
    """One translated string: the hash of the English it translates, that English, and the translation."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    hash: str = Field(description="text_hash() of the English this translates; lint reports it stale when they differ.")

    @field_validator("hash", mode="before")
    @classmethod
    def _digits_are_text(cls, value):
        """An all-digit hash reads as a YAML number; it is still a hash."""
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    en: str = Field("", description="The English, for the translator's eyes only.")
    text: str = Field("", description="The translation; empty means not yet translated.")


class TranslationFile(BaseModel):
    """story/i18n/<lang>/*.yaml: translated strings keyed by stable ids."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    language: str = Field(description="The language code of this folder, such as 'ja'.")
    name: str = Field("", description="The language's name in its own script, such as '日本語' (give it in ui.yaml).")
    scope: Literal["story", "ui"] = Field(
        "story", description="story: the whole game is translated; ui: only interface strings so far (give it in ui.yaml).")
    entries: dict[str, Entry] = Field(default_factory=dict)
