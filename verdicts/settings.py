"""Settings from VERDICTS_* environment variables and an optional .env file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
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
    comparisons_per_issue: int = Field(default=5, ge=1, le=20)
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
    # How ingest reads facts from launch text: "rules" (offline) or "llm" (the endpoint above, with
    # the rules when it fails).
    fact_extractor: Literal["rules", "llm"] = "rules"
    # --- web (issue 10): the public site, subscribing, the editor's desk ---
    # "production" refuses the default or a short secret, and a desk without an editor account.
    environment: str = "development"
    confirm_expiry_hours: float = Field(default=48.0, gt=0)  # confirm links; then unconfirmed ones expire
    preferences_link_days: float = Field(default=30.0, gt=0)  # emailed links to the preferences page
    # Where rate-limit counters live, shared by every web worker: "" is the database; or a `limits`
    # storage URI such as redis://127.0.0.1:6379/0. Limits are `limits` strings: "10/hour".
    rate_limit_storage: str = ""
    subscribe_limit_per_ip: str = "10/hour"
    subscribe_limit_per_address: str = "3/day"
    login_failures_per_ip: str = "20/hour"
    login_failures_per_account: str = "5/15minutes"
    desk_enabled: bool = True
    desk_session_hours: float = Field(default=12.0, gt=0)

    @field_validator("subscribe_limit_per_ip", "subscribe_limit_per_address", "login_failures_per_ip",
                     "login_failures_per_account")
    @classmethod
    def _rate_limit(cls, value: str) -> str:
        from limits import parse

        try:
            parse(value)
        except ValueError:
            raise ValueError(f"not a rate limit: {value!r} (write e.g. '10/hour' or '5/15minutes')") from None
        return value

    @field_validator("environment")
    @classmethod
    def _environment(cls, value: str) -> str:
        if value not in ("development", "production", "test"):
            raise ValueError(f"VERDICTS_ENVIRONMENT must be development, test or production, not {value!r}")
        return value

    def is_production(self) -> bool:
        """True when VERDICTS_ENVIRONMENT=production."""
        return self.environment == "production"

    # --- delivery (issue 8): batches, retries, one send at a time, providers, SMTP ---------------
    send_batch_size: int = Field(default=1000, ge=1, le=1000)  # recipients per request (SendGrid: 1,000)
    send_max_attempts: int = Field(default=5, ge=1, le=50)  # then a temporary failure is for good
    send_retry_base_seconds: float = Field(default=30.0, ge=0)  # back-off: base x 2^(attempt-1) ...
    send_retry_max_seconds: float = Field(default=3600.0, ge=0)  # ... capped here
    send_wait_in_run_seconds: float = Field(default=300.0, ge=0)  # longer back-offs: the next run
    send_lease_seconds: float = Field(default=60.0, ge=2)  # a dead run's claim expires after this
    send_lease_wait_seconds: float = Field(default=0.0, ge=0)  # a second run waits this long, then exits
    list_id: str = ""  # RFC 2919 List-Id; default: "<sender name> <verdicts.SENDER-DOMAIN>"
    reconcile_grace_minutes: float = Field(default=60.0, ge=0)  # before an operator may decide
    sendgrid_timeout_seconds: float = Field(default=30.0, gt=0)
    # The Event Webhook's verification key (base64 DER, from SendGrid's Mail Settings), and how old
    # a signed post may be.
    sendgrid_webhook_public_key: str = ""
    sendgrid_webhook_tolerance_seconds: int = Field(default=300, ge=1)
    smtp_host: str = "localhost"
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_security: Literal["starttls", "tls", "none"] = "starttls"
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_timeout_seconds: float = Field(default=30.0, gt=0)
    smtp_tls_ca_file: Path | None = None  # trust this CA for the server's certificate (default: system)
    smtp_connections: int = Field(default=2, ge=1, le=32)  # sent over at once, each reused
    smtp_rate_per_second: float = Field(default=0.0, ge=0)  # 0: as fast as the server takes them
    smtp_return_path: str = ""  # envelope sender; "bounces+{delivery_id}@example.com" for VERP
    smtp_dkim_domain: str = ""
    smtp_dkim_selector: str = ""
    smtp_dkim_private_key_file: Path | None = None  # PEM; signing is on when all three are set
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
    # --- operations (issue 9) ---
    # The per-host gap held across processes through the database (false: within one process only).
    shared_host_gate: bool = True
    # How the ingest flow runs its per-source tasks: "threads" (one process) or "dask" (prefect-dask).
    ingest_task_runner: str = Field(default="threads", pattern="^(threads|dask)$")
    dask_address: str = ""  # a Dask scheduler, e.g. tcp://10.0.0.5:8786; empty: a local cluster
    dask_workers: int = Field(default=2, ge=1, le=256)  # the local cluster's worker processes
    fetch_log_days: int = Field(default=30, ge=1)  # the maintenance flow prunes older fetch log rows
    unconfirmed_days: int = Field(default=7, ge=1)  # and unconfirmed subscribers older than this
    publish_deployment: str = "publish/publish-approved"  # run on approval when a Prefect API is set

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

    def resolved_list_id(self) -> str:
        """The List-Id header: VERDICTS_LIST_ID or one made from the sender's name and domain."""
        if self.list_id:
            return self.list_id
        domain = self.sender_email.rpartition("@")[2] or "localhost"
        return f"{self.sender_name} <verdicts.{domain}>"

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
