"""The tables. One module, so the whole data model reads in one place."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Boolean, Column, Index, Integer, String, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from db.states import DeliveryStatus, IssueStatus, SubscriberStatus


def utcnow() -> datetime:
    """Now, timezone-aware in UTC (what every datetime column stores and returns)."""
    return datetime.now(UTC)


class Source(SQLModel, table=True):
    __tablename__ = "sources"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True, max_length=200)
    kind: str = Field(max_length=20)
    url: str = Field(sa_column=Column(Text, nullable=False))
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    last_fetched_at: datetime | None = None
    next_fetch_at: datetime | None = None
    last_status: str | None = Field(default=None, max_length=40)
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    error_count: int = 0
    created_at: datetime = Field(default_factory=utcnow)


class Tool(SQLModel, table=True):
    __tablename__ = "tools"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=300)
    slug: str = Field(unique=True, index=True, max_length=300)
    domain: str | None = Field(default=None, index=True, max_length=300)
    url: str | None = Field(default=None, sa_column=Column(Text))
    tagline: str | None = Field(default=None, sa_column=Column(Text))
    description: str | None = Field(default=None, sa_column=Column(Text))
    vendor: str | None = Field(default=None, max_length=200)
    category: str | None = Field(default=None, max_length=100)
    pricing: str | None = Field(default=None, sa_column=Column(Text))
    pricing_model: str | None = Field(default=None, max_length=40)
    first_seen_at: datetime = Field(default_factory=utcnow, index=True)


class Launch(SQLModel, table=True):
    __tablename__ = "launches"
    __table_args__ = (UniqueConstraint("source_id", "guid", name="uq_launch_source_guid"),)
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="sources.id", index=True)
    tool_id: int | None = Field(default=None, foreign_key="tools.id", index=True)
    guid: str = Field(max_length=1000)
    url: str | None = Field(default=None, sa_column=Column(Text))
    title: str = Field(sa_column=Column(Text, nullable=False))
    tool_name: str = Field(max_length=300)
    tagline: str | None = Field(default=None, sa_column=Column(Text))
    summary: str | None = Field(default=None, sa_column=Column(Text))
    published_at: datetime | None = None
    fetched_at: datetime = Field(default_factory=utcnow)
    is_ai_tool: bool = True
    # launch | release | other (scrapers.classify.EntryKind); an "other" entry has no tool and
    # `skip_reason` says what it is: article, paper, newsletter, podcast, job, event, ...
    kind: str = Field(default="launch", sa_column=Column(String(20), nullable=False, server_default="launch"))
    skip_reason: str | None = Field(default=None, max_length=40)


class Fact(SQLModel, table=True):
    __tablename__ = "facts"
    __table_args__ = (UniqueConstraint("tool_id", "kind", "value", name="uq_fact_tool_kind_value"),)
    id: int | None = Field(default=None, primary_key=True)
    tool_id: int = Field(foreign_key="tools.id", index=True)
    launch_id: int | None = Field(default=None, foreign_key="launches.id")
    kind: str = Field(max_length=40)
    value: str = Field(max_length=500)
    snippet: str = Field(sa_column=Column(Text, nullable=False))
    negated: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default=false()))


class NewsletterIssue(SQLModel, table=True):
    __tablename__ = "issues"
    id: int | None = Field(default=None, primary_key=True)
    week: str = Field(unique=True, index=True, max_length=10)
    subject: str = Field(max_length=300)
    status: IssueStatus = Field(
        default=IssueStatus.DRAFT, sa_column=Column(String(20), nullable=False, index=True)
    )
    content_hash: str | None = Field(default=None, max_length=64)
    rendered_html: str | None = Field(default=None, sa_column=Column(Text))
    rendered_text: str | None = Field(default=None, sa_column=Column(Text))
    render_errors: str | None = Field(default=None, sa_column=Column(Text))
    approved_by: str | None = Field(default=None, max_length=320)
    approved_at: datetime | None = None
    approved_hash: str | None = Field(default=None, max_length=64)
    rejected_reason: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utcnow)
    sent_at: datetime | None = None
    # judgement (issue 7): the moment up to which this issue took tools; the next one starts there
    cutoff: datetime | None = None


class Comparison(SQLModel, table=True):
    __tablename__ = "comparisons"
    __table_args__ = (UniqueConstraint("week", "tool_a_id", "tool_b_id", name="uq_comparison_pair"),)
    id: int | None = Field(default=None, primary_key=True)
    week: str = Field(index=True, max_length=10)
    issue_id: int = Field(foreign_key="issues.id", index=True)
    position: int = 0
    tool_a_id: int = Field(foreign_key="tools.id")
    tool_b_id: int = Field(foreign_key="tools.id")
    # judgement (issue 7): how well the two match, and why, as composed; pinned by an editor or not
    score: float | None = None
    why: str | None = Field(default=None, sa_column=Column(Text))  # JSON list of reasons
    pinned: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default=false()))


class PanelReview(SQLModel, table=True):
    __tablename__ = "panel_reviews"
    # judgement (issue 7): one review per tool version, persona brief and provider/model (the key)
    __table_args__ = (UniqueConstraint("tool_id", "persona", "review_key", name="uq_review_key"),)
    id: int | None = Field(default=None, primary_key=True)
    tool_id: int = Field(foreign_key="tools.id", index=True)
    persona: str = Field(max_length=40)
    provider: str = Field(max_length=40)
    # score, decision and take are all None when the persona has no take on the tool.
    score: int | None = Field(default=None, ge=0, le=100)
    decision: str | None = Field(default=None, max_length=10)
    take: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utcnow)
    model: str = Field(default="", max_length=200)
    tool_hash: str = Field(default="", max_length=64)
    persona_hash: str = Field(default="", max_length=64)
    review_key: str = Field(default="", max_length=64, index=True)
    # why a take was dropped by the grounding check (take is then None), else None
    dropped: str | None = Field(default=None, sa_column=Column(Text))
    attempts: int = 1
    latency_ms: int | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0


class Subscriber(SQLModel, table=True):
    __tablename__ = "subscribers"
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True, index=True, max_length=320)
    name: str | None = Field(default=None, max_length=200)
    status: SubscriberStatus = Field(
        default=SubscriberStatus.PENDING, sa_column=Column(String(20), nullable=False, index=True)
    )
    created_at: datetime = Field(default_factory=utcnow)
    confirmed_at: datetime | None = None
    unsubscribed_at: datetime | None = None
    # delivery (issue 8): why and when the address stopped receiving (bounce, complaint, provider)
    suppressed_reason: str | None = Field(default=None, sa_column=Column(Text))
    suppressed_at: datetime | None = None


class Delivery(SQLModel, table=True):
    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("issue_id", "subscriber_id", name="uq_delivery_issue_subscriber"),
        # What a send claims: an issue's rows in id order from its cursor (issue 8). Status is left
        # out of every index, so a status change rewrites no index entry (a HOT update on
        # PostgreSQL, whose table keeps pages half free: migration 0008).
        Index("ix_deliveries_issue_id_id", "issue_id", "id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    issue_id: int = Field(foreign_key="issues.id")
    subscriber_id: int = Field(foreign_key="subscribers.id", index=True)
    status: DeliveryStatus = Field(
        default=DeliveryStatus.PENDING, sa_column=Column(String(20), nullable=False)
    )
    backend: str | None = Field(default=None, max_length=40)
    message_id: str | None = Field(default=None, max_length=500)
    error: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    # --- delivery (issue 8): retries, the request a row went out in, the provider's word on it
    attempts: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    next_attempt_at: datetime | None = None  # a temporary failure waits until then
    batch: str | None = Field(default=None, max_length=40)  # "<run>:<n>": one request's rows
    provider_status: str | None = Field(default=None, max_length=20)  # processed, delivered, ...
    provider_at: datetime | None = None


class CommunityVote(SQLModel, table=True):
    __tablename__ = "community_votes"
    __table_args__ = (
        UniqueConstraint("subscriber_id", "comparison_id", "tool_id", name="uq_vote_once"),
    )
    id: int | None = Field(default=None, primary_key=True)
    # None once the subscriber deleted their data: the vote still counts, anonymously (issue 10).
    subscriber_id: int | None = Field(default=None, foreign_key="subscribers.id", index=True)
    comparison_id: int = Field(foreign_key="comparisons.id", index=True)
    tool_id: int = Field(foreign_key="tools.id", index=True)
    decision: str = Field(max_length=10)
    created_at: datetime = Field(default_factory=utcnow)


# --- web (issue 10): consent, suppression list, editors, desk decisions, rate-limit counters -----


class ConsentRecord(SQLModel, table=True):
    """One request to receive the newsletter at an address: when and from where, confirmed when."""

    __tablename__ = "consent_records"
    id: int | None = Field(default=None, primary_key=True)
    subscriber_id: int = Field(foreign_key="subscribers.id", index=True)
    email: str = Field(max_length=320)  # the address consented for (a change of address is a new one)
    action: str = Field(max_length=20)  # subscribe | resubscribe | change_address
    requested_at: datetime = Field(default_factory=utcnow)
    request_ip: str | None = Field(default=None, max_length=45)
    request_user_agent: str | None = Field(default=None, sa_column=Column(Text))
    confirmed_at: datetime | None = None
    confirm_ip: str | None = Field(default=None, max_length=45)
    confirm_user_agent: str | None = Field(default=None, sa_column=Column(Text))


class Suppression(SQLModel, table=True):
    """An address deleted at its owner's request, kept only as a hash so it is not re-imported."""

    __tablename__ = "suppressions"
    id: int | None = Field(default=None, primary_key=True)
    address_hash: str = Field(unique=True, index=True, max_length=64)  # sha256 of the normalised address
    reason: str = Field(max_length=40)
    created_at: datetime = Field(default_factory=utcnow)


class Editor(SQLModel, table=True):
    """A desk account; `session_epoch` moves on at logout, voiding every session cookie issued before."""

    __tablename__ = "editors"
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True, index=True, max_length=320)
    password_hash: str = Field(sa_column=Column(Text, nullable=False))
    session_epoch: int = 0
    created_at: datetime = Field(default_factory=utcnow)
    last_login_at: datetime | None = None


class DeskDecision(SQLModel, table=True):
    """An approval or rejection made on the desk: who, with which note, on which content."""

    __tablename__ = "desk_decisions"
    id: int | None = Field(default=None, primary_key=True)
    issue_id: int = Field(foreign_key="issues.id", index=True)
    editor_email: str = Field(max_length=320)
    decision: str = Field(max_length=20)  # approved | rejected
    note: str | None = Field(default=None, sa_column=Column(Text))
    content_hash: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class RateLimitCounter(SQLModel, table=True):
    """A fixed-window counter of the `limits` library, shared by every web worker through the database."""

    __tablename__ = "rate_limit_counters"
    key: str = Field(primary_key=True, max_length=300)
    count: int = 0
    expires_at: float = Field(index=True)  # seconds since the epoch


# --- delivery (issue 8): one send per issue at a time, and what providers report -----------------


class SendLease(SQLModel, table=True):
    """Who is sending an issue right now; a lease whose heartbeat stopped expires."""

    __tablename__ = "send_leases"
    issue_id: int = Field(foreign_key="issues.id", primary_key=True)
    holder: str = Field(max_length=200)  # "host pid 1234"
    token: str = Field(max_length=64)  # this run's own secret: only it renews or releases
    acquired_at: datetime = Field(default_factory=utcnow)
    heartbeat_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime = Field(default_factory=utcnow)


class ProviderEvent(SQLModel, table=True):
    """One event a delivery provider posted (SendGrid's Event Webhook), stored once by its id."""

    __tablename__ = "provider_events"
    __table_args__ = (UniqueConstraint("provider", "event_id", name="uq_provider_event"),)
    id: int | None = Field(default=None, primary_key=True)
    provider: str = Field(max_length=20)
    event_id: str = Field(max_length=100)  # sg_event_id
    event: str = Field(max_length=30)  # processed, delivered, bounce, dropped, spamreport, ...
    delivery_id: int | None = Field(default=None, index=True)  # from custom_args; None if absent
    email: str | None = Field(default=None, max_length=320)
    occurred_at: datetime | None = None
    payload: str = Field(sa_column=Column(Text, nullable=False))
    received_at: datetime = Field(default_factory=utcnow)
# --- judgement (issue 7): editors' pairing decisions, the reviews a comparison was composed with ---


class PairingDecision(SQLModel, table=True):
    """An editor's decision for one week: pin a pair, forbid a pair, or drop a tool (tool_b_id None)."""

    __tablename__ = "pairing_decisions"
    id: int | None = Field(default=None, primary_key=True)
    week: str = Field(index=True, max_length=10)
    action: str = Field(max_length=10)  # pin | forbid | drop
    tool_a_id: int = Field(foreign_key="tools.id")
    tool_b_id: int | None = Field(default=None, foreign_key="tools.id")
    editor: str = Field(max_length=320)
    created_at: datetime = Field(default_factory=utcnow)


class ComparisonReview(SQLModel, table=True):
    """A review a comparison was composed with: what its page shows, whatever is re-reviewed later."""

    __tablename__ = "comparison_reviews"
    __table_args__ = (UniqueConstraint("comparison_id", "review_id", name="uq_comparison_review"),)
    id: int | None = Field(default=None, primary_key=True)
    comparison_id: int = Field(foreign_key="comparisons.id", index=True)
    review_id: int = Field(foreign_key="panel_reviews.id", index=True)


class ToolEmbedding(SQLModel, table=True):
    """An endpoint's embedding of a tool's words, kept so one tool version is embedded once."""

    __tablename__ = "tool_embeddings"
    __table_args__ = (UniqueConstraint("tool_id", "model", "text_hash", name="uq_tool_embedding"),)
    id: int | None = Field(default=None, primary_key=True)
    tool_id: int = Field(foreign_key="tools.id", index=True)
    model: str = Field(max_length=200)
    text_hash: str = Field(max_length=64)
    vector: str = Field(sa_column=Column(Text, nullable=False))  # JSON list of floats
    created_at: datetime = Field(default_factory=utcnow)


# --- operations (issue 9): the per-host gate, fetch log, entry errors, run records, vote tallies ---


class HostGate(SQLModel, table=True):
    """When a host may next be asked, shared by every process that fetches (one request at a
    time per host, a gap between two). `holder` holds the turn until `next_allowed_at` passes."""

    __tablename__ = "host_gates"
    host: str = Field(primary_key=True, max_length=300)
    next_allowed_at: float = 0.0  # seconds since the epoch (UTC)
    holder: str | None = Field(default=None, max_length=80)


class FetchLog(SQLModel, table=True):
    """One row per fetch of a source: what came back and how long it took (pruned daily)."""

    __tablename__ = "fetch_log"
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="sources.id", index=True)
    fetched_at: datetime = Field(default_factory=utcnow, index=True)
    status: str = Field(max_length=40)
    entries: int = 0
    entry_errors: int = 0
    error: str | None = Field(default=None, sa_column=Column(Text))


class IngestError(SQLModel, table=True):
    """An entry that could not be read or stored: the rest of its feed went on without it."""

    __tablename__ = "ingest_errors"
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="sources.id", index=True)
    entry_id: str = Field(max_length=1000)
    step: str = Field(max_length=40)  # parse | normalise | resolve | store
    reason: str = Field(sa_column=Column(Text, nullable=False))
    occurred_at: datetime = Field(default_factory=utcnow, index=True)


class RunRecord(SQLModel, table=True):
    """One run of a stage (from the CLI or a flow): what `verdicts status` shows without Prefect."""

    __tablename__ = "runs"
    id: int | None = Field(default=None, primary_key=True)
    flow: str = Field(max_length=40, index=True)  # ingest | compose | publish | maintain
    origin: str = Field(max_length=20)  # cli | prefect
    flow_run_id: str | None = Field(default=None, max_length=64)  # Prefect's, for a flow run
    started_at: datetime = Field(default_factory=utcnow, index=True)
    finished_at: datetime | None = None
    outcome: str = Field(default="running", max_length=20)  # running | done | partial | failed
    detail: str | None = Field(default=None, sa_column=Column(Text))


class VoteTally(SQLModel, table=True):
    """Subscribers' ship/skip counts per tool of a comparison, refreshed by the maintenance flow."""

    __tablename__ = "vote_tallies"
    comparison_id: int = Field(foreign_key="comparisons.id", primary_key=True)
    tool_id: int = Field(foreign_key="tools.id", primary_key=True)
    ship: int = 0
    skip: int = 0
    refreshed_at: datetime = Field(default_factory=utcnow)


class ReviewApproval(SQLModel, table=True):
    """An editor's approval of one review for the site: the tool's page shows it before any issue."""

    __tablename__ = "review_approvals"
    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="panel_reviews.id", unique=True, index=True)
    editor_email: str = Field(max_length=320)
    approved_at: datetime = Field(default_factory=utcnow)
