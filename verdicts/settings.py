"""Settings from VERDICTS_* environment variables and an optional .env file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from verdicts.llm import LLMConfig

PACKAGE_DIR = Path(__file__).resolve().parent
SAMPLES_DIR = PACKAGE_DIR / "samples"


class Settings(BaseSettings):
    """Everything an operator can set; defaults run the whole week with no services."""

    model_config = SettingsConfigDict(env_prefix="VERDICTS_", env_file=".env", extra="ignore")

    data_dir: Path = Path("var")
    database_url: str = ""
    sources_file: Path = SAMPLES_DIR / "sources.toml"
    delivery_backend: str = "outbox"
    outbox_dir: Path | None = None
    public_base_url: str = "https://verdicts.example.com"
    sender_email: str = "verdicts@example.com"
    sender_name: str = "Weekly AI Tool Verdicts"
    secret_key: str = "change-me-in-production"
    sendgrid_api_key: str = ""
    sendgrid_host: str = "https://api.sendgrid.com"
    panel_provider: str = "rules"
    comparisons_per_issue: int = Field(default=3, ge=1, le=20)
    user_agent: str = "VerdictsBot/0.1 (+https://verdicts.example.com/bot; bot@verdicts.example.com)"
    fetch_timeout_seconds: float = Field(default=20.0, gt=0)
    fetch_attempts: int = Field(default=3, ge=1, le=10)
    fetch_retry_wait_seconds: float = Field(default=2.0, ge=0)
    host_gap_seconds: float = Field(default=1.0, ge=0)
    ingest_workers: int = Field(default=8, ge=1, le=64)  # sources fetched at once (different hosts)
    min_fetch_interval_minutes: float = Field(default=15.0, ge=0)
    max_fetch_interval_hours: float = Field(default=24.0, gt=0)
    backoff_base_minutes: float = Field(default=30.0, ge=0)
    # An OpenAI-compatible endpoint (OpenRouter, vLLM, llama.cpp, Ollama) for the `llm` extractor and
    # panel; empty means none: everything runs on the offline rules. The key comes from the environment.
    llm_base_url: str = ""
    llm_api_key: str = ""
    llm_model: str = ""
    llm_timeout_seconds: float = Field(default=60.0, gt=0)
    # --- judgement (issue 7): pairing and the panel ---
    # the model that speaks for each persona on the `llm` panel, as JSON: {"Skeptic": "model-b"};
    # a persona not named uses VERDICTS_LLM_MODEL, so the panel can be one model or several
    panel_models: dict[str, str] = Field(default_factory=dict)
    personas_dir: Path | None = None  # persona files (default: the bundled editorial/personas)
    # an embedding model on the LLM endpoint for pairing by purpose; empty: TF-IDF alone
    pairing_embedding_model: str = ""
    pairing_min_score: float = Field(default=0.36, ge=0, le=1)  # a pair scoring less stays out
    # a new tool without a match may face a notable tool of the last N weeks, if they score this much
    pairing_recent_weeks: int = Field(default=8, ge=0, le=52)
    pairing_opponent_min_score: float = Field(default=0.68, ge=0, le=1)

    def llm_config(self, model: str | None = None) -> LLMConfig:
        """The endpoint settings for `model` (default: VERDICTS_LLM_MODEL)."""
        return LLMConfig(base_url=self.llm_base_url, model=model or self.llm_model,
                         api_key=self.llm_api_key, timeout_seconds=self.llm_timeout_seconds)

    def resolved_personas_dir(self) -> Path:
        """Where the persona files are read from."""
        from editorial.panel.personas import PERSONAS_DIR

        return self.personas_dir or PERSONAS_DIR

    def resolved_database_url(self) -> str:
        """The database URL: VERDICTS_DATABASE_URL or the SQLite file in the data dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'verdicts.db').resolve()}"

    def resolved_outbox_dir(self) -> Path:
        """Where the outbox backend writes its .eml files."""
        return self.outbox_dir or self.data_dir / "outbox"

    def issues_dir(self) -> Path:
        """Where rendered issues are written for editors to preview."""
        return self.data_dir / "issues"


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
