"""kiosk.yaml: what a museum configures, validated so every mistake is reported at file:line:col."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from game.engine import Problem, SourceLocation, did_you_mean, error, parse_yaml, read_yaml, summarize

#: Languages the kiosk can name in their own script on the language picker.
KNOWN_LANGUAGES = ("en", "ja", "vi", "ru", "de", "fr", "es", "zh", "ko")


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt key must not be silently ignored in a gallery."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Screen(Strict):
    """The physical screen, so buttons and text can be sized in millimetres."""

    diagonal_inches: Optional[float] = Field(None, gt=5, le=200, description="Visible diagonal of the screen.")
    dpi: Optional[float] = Field(None, gt=20, le=1000, description="Pixels per inch, instead of the diagonal.")
    window: Optional[tuple[int, int]] = Field(
        None, description="[width, height] of a window instead of fullscreen (for testing and screenshots).")

    @model_validator(mode="after")
    def _one_of(self) -> "Screen":
        if self.diagonal_inches is not None and self.dpi is not None:
            raise ValueError("give either diagonal_inches or dpi, not both")
        if self.window is not None and min(self.window) < 320:
            raise ValueError("window must be at least 320 pixels each way")
        return self


class Attract(Strict):
    """Timing of the attract loop shown while nobody plays."""

    scene_seconds: float = Field(7.0, ge=1, le=120, description="How long each scene of the historical autoplay shows.")
    line_seconds: float = Field(8.0, ge=1, le=120, description="How long each statistics line shows.")
    debrief_seconds: float = Field(75.0, ge=10, le=900, description="How long the debrief stays before attract returns.")


class KioskConfig(Strict):
    """Everything in kiosk.yaml."""

    languages: list[str] = Field(default_factory=lambda: ["en"], min_length=1)
    default_language: str = "en"
    staff_language: Optional[str] = Field(
        None, description="Language of the PIN pad and the staff screen; default_language when left out.")
    roles: Optional[list[str]] = Field(None, description="Roles offered, in order; all of the story's when left out.")
    idle_timeout: int = Field(90, ge=30, le=3600, description="Seconds without input before 'Still there?'.")
    warning_seconds: int = Field(20, ge=5, le=120, description="Length of the 'Still there?' countdown.")
    min_sessions: int = Field(30, ge=1, le=1_000_000, description="Visitors needed before a percentage shows.")
    screen: Screen = Field(default_factory=Screen)
    pin: Optional[str] = Field(None, pattern=r"^[0-9]{4,8}$",
                               description="Staff PIN in plain text (4 to 8 digits); prefer pin_hash.")
    pin_hash: Optional[str] = Field(None, pattern=r"^(scrypt|pbkdf2_sha256)\$[0-9$]+\$[A-Za-z0-9_=-]+\$[A-Za-z0-9_=-]+$",
                                    description="Salted hash of the staff PIN, as `foxbat kiosk set-pin` writes it.")
    allow_default_pin: bool = Field(False, description="Start even with the default PIN 1976 (for trying it out).")
    stats_path: Optional[Path] = Field(None, description="SQLite file; the platform's data folder when left out.")
    stats_url: Optional[str] = Field(None, description="postgresql://user@host/db: statistics shared by kiosks.")
    kiosk_id: Optional[str] = Field(None, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$",
                                    description="This kiosk's name in shared statistics; the machine's name when left out.")
    retry_seconds: float = Field(30.0, ge=1, le=3600,
                                 description="Seconds between start-up retries while the kiosk shows 'out of order'.")
    stats_backups: int = Field(7, ge=0, le=366, description="Daily backups of the SQLite file to keep (0: none).")
    story: Optional[Path] = Field(None, description="Story folder; the shipped story when left out.")
    show_dossier: bool = False
    show_cursor: bool = False
    attract: Attract = Field(default_factory=Attract)

    @field_validator("stats_url")
    @classmethod
    def _postgres_url(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not value.startswith(("postgresql://", "postgres://")):
            raise ValueError("stats_url must start with postgresql:// (such as postgresql://foxbat@db.local/foxbat)")
        return value

    @model_validator(mode="after")
    def _one_pin(self) -> "KioskConfig":
        if self.pin is not None and self.pin_hash is not None:
            raise ValueError("pin_hash and pin are both given: remove pin (foxbat kiosk set-pin writes pin_hash)")
        return self

    @model_validator(mode="after")
    def _default_in_languages(self) -> "KioskConfig":
        if self.default_language not in self.languages:
            raise ValueError(_default_message(self.default_language, self.languages))
        return self

    @field_validator("staff_language")
    @classmethod
    def _staff_in_languages(cls, value: Optional[str], info: ValidationInfo) -> Optional[str]:
        languages = info.data.get("languages")
        if value is not None and languages is not None and value not in languages:
            raise ValueError(f"'{value}' is not one of languages: {', '.join(map(str, languages))}")
        return value

    @property
    def staff(self) -> str:
        """The language staff read the PIN pad and the staff screen in."""
        return self.staff_language or self.default_language


def _default_message(default: str, languages: list) -> str:
    return f"default_language '{default}' is not one of languages: {', '.join(map(str, languages))}"


class ConfigError(Exception):
    """A kiosk.yaml that cannot be used; carries every problem, each at file:line:col."""

    def __init__(self, problems: list[Problem], document=None):
        self.problems = problems
        self.document = document  # the parsed file, when it parsed: the story checks can still run on it
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join([p.format() for p in self.problems] + [summarize(self.problems)])


class LoadedConfig:
    """A valid config and where its values came from (to point at them when the story disagrees)."""

    def __init__(self, config: KioskConfig, document=None, path: str = "kiosk.yaml"):
        self.config = config
        self.document = document
        self.path = path

    def locate(self, *key: Any) -> SourceLocation:
        """Where a value of the config was written (the file's start for defaults)."""
        if self.document is None:
            return SourceLocation(self.path, 1, 1)
        return self.document.locate(tuple(key))


def load_config(path: Path | None) -> LoadedConfig:
    """Read kiosk.yaml (defaults when path is None); ConfigError listing every problem otherwise."""
    if path is None:
        return LoadedConfig(KioskConfig())
    document, problems = read_yaml(Path(path))
    return _validate(document, problems, str(path))


def parse_config(text: str, shown: str = "kiosk.yaml") -> LoadedConfig:
    """Validate kiosk.yaml text (for tests and the staff screen); ConfigError on problems."""
    document, problems = parse_yaml(text, shown)
    return _validate(document, problems, shown)


def _validate(document, problems: list[Problem], shown: str) -> LoadedConfig:
    if document is None:
        raise ConfigError(problems)
    if not isinstance(document.data, dict):
        raise ConfigError([error("K001", document.locate(()), "kiosk.yaml must be a mapping of keys such as 'pin: 1234'")])
    try:
        config = KioskConfig.model_validate(document.data)
    except ValidationError as exc:
        found = _problems(exc, document)
        # The cross-field check runs only once every field is valid; staff want every mistake at once.
        data = document.data
        languages = data.get("languages", ["en"])
        default = data.get("default_language", "en")
        if isinstance(languages, list) and isinstance(default, str) and default not in languages:
            message = _default_message(default, languages)
            if not any(p.message == message for p in found):
                found.append(error("K003", document.locate(("default_language",)), message))
        raise ConfigError(sorted(found, key=lambda p: (p.location.line, p.location.column)), document) from None
    return LoadedConfig(config, document, shown)


def _problems(exc: ValidationError, document) -> list[Problem]:
    """pydantic's errors as staff-readable problems, one per place, in file order."""
    problems = []
    for item in exc.errors(include_url=False):
        loc = tuple(p for p in item["loc"] if p != "[key]")
        name = ".".join(str(p) for p in loc) or "kiosk.yaml"
        kind = item["type"]
        if kind == "extra_forbidden":
            allowed = _allowed(loc[:-1])
            hint = did_you_mean(str(loc[-1]), allowed) or f"allowed keys: {', '.join(allowed)}"
            problems.append(error("K002", document.locate(loc, key=True), f"unknown key '{name}'", hint))
        elif kind == "value_error":
            message = str(item.get("ctx", {}).get("error", item["msg"]))
            where = _value_error_place(loc, message, document)
            problems.append(error("K003", where, message))
        else:
            value = item.get("input")
            shown = f" (found {value!r})" if not isinstance(value, (dict, list)) else ""
            problems.append(error("K003", document.locate(loc), f"'{name}': {item['msg'][0].lower()}{item['msg'][1:]}{shown}",
                                  _HINTS.get(loc[-1] if loc else "", "")))
    return sorted(problems, key=lambda p: (p.location.line, p.location.column))


def _value_error_place(loc: tuple, message: str, document) -> SourceLocation:
    """Cross-field errors point at the key they are about."""
    for key in ("default_language", "window", "dpi", "pin_hash", "stats_url"):
        if loc and loc[-1] == key:
            break  # a field's own check: its place is already right
        if f"{key} " in message or message.startswith(f"give either") and key == "dpi":
            return document.locate(loc + (key,))
    return document.locate(loc)


def _allowed(path: tuple) -> list[str]:
    model: Any = KioskConfig
    for part in path:
        field = model.model_fields.get(part) if isinstance(part, str) and hasattr(model, "model_fields") else None
        if field is None or not (isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel)):
            return []
        model = field.annotation
    return sorted(model.model_fields)


_HINTS = {
    "pin": "write the PIN in quotes, 4 to 8 digits: pin: \"4711\"",
    "idle_timeout": "seconds; at least 30 so a visitor can read a scene",
    "languages": "a list of language codes, such as [en, ja, vi]",
    "pin_hash": "write it with `foxbat kiosk set-pin --config kiosk.yaml`",
    "kiosk_id": "letters, digits, '.', '_' and '-', such as hall-2",
}


def check_against_story(loaded: LoadedConfig, role_ids: list[str], languages: list[str]) -> list[Problem]:
    """Problems where the config names roles or languages the story does not have."""
    if loaded.document is not None:
        return check_document(loaded.document, role_ids, languages)
    config = loaded.config
    data = {"roles": config.roles, "languages": config.languages}
    return _check_names(data, loaded.locate, role_ids, languages)


def check_document(document, role_ids: list[str], languages: list[str]) -> list[Problem]:
    """The same checks on a parsed kiosk.yaml, even one with other mistakes (staff see them all at once)."""
    data = document.data if isinstance(document.data, dict) else {}
    return _check_names(data, lambda *key: document.locate(tuple(key)), role_ids, languages)


def _check_names(data: dict, locate, role_ids: list[str], languages: list[str]) -> list[Problem]:
    problems = []
    roles = data.get("roles")
    for i, role in enumerate(roles if isinstance(roles, list) else []):
        if isinstance(role, str) and role not in role_ids:
            hint = did_you_mean(role, role_ids) or f"the story has: {', '.join(role_ids)}"
            problems.append(error("K010", locate("roles", i), f"unknown role '{role}'", hint))
    wanted = data.get("languages", ["en"])
    for i, lang in enumerate(wanted if isinstance(wanted, list) else []):
        if isinstance(lang, str) and lang not in languages:
            hint = did_you_mean(lang, languages) or f"the story has: {', '.join(languages)}"
            problems.append(error("K011", locate("languages", i), f"no translation for language '{lang}'", hint))
    return problems
