"""Purpose embeddings from the configured endpoint, each tool version embedded once and kept."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

import numpy as np
from sqlmodel import Session

from db import queries
from db.models import Tool, ToolEmbedding
from editorial.compose import Embedder
from editorial.similarity import Profile
from verdicts.llm import ChatClient, LLMConfig


def endpoint_embedder(config: LLMConfig) -> Embedder:
    """An embedder asking `config`'s endpoint for what is not stored; LLMError if unreachable."""
    client = ChatClient(config)

    def embed(session: Session, tools: Sequence[Tool], profiles: Sequence[Profile]) -> np.ndarray | None:
        if not profiles:
            return None
        texts = [f"{p.tagline}. {p.description}"[:4000] for p in profiles]
        hashes = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
        stored = queries.stored_embeddings(session, model=config.model, tool_ids=[p.id for p in profiles])
        vectors: list[list[float] | None] = [
            json.loads(stored[(p.id, h)]) if (p.id, h) in stored else None
            for p, h in zip(profiles, hashes, strict=True)
        ]
        missing = [i for i, v in enumerate(vectors) if v is None]
        if missing:
            fresh = client.embed([texts[i] for i in missing], model=config.model)
            for i, vector in zip(missing, fresh, strict=True):
                vectors[i] = vector
                session.add(ToolEmbedding(tool_id=profiles[i].id, model=config.model, text_hash=hashes[i],
                                          vector=json.dumps(vector)))
            session.flush()
        matrix = np.array(vectors, dtype=float)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.where(norms == 0, 1, norms)

    return embed
