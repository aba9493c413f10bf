"""An OpenAI-compatible chat server on loopback: /v1/chat/completions and /v1/embeddings.

It speaks the wire protocol the real endpoints speak (OpenRouter, vLLM, llama.cpp, Ollama) and
answers from a `responder` the test gives it: a function from the request's JSON body to the
assistant's content (a string, or a dict that is sent as JSON). It records every request, checks
the bearer key when one is set, reports token usage, and can be told to fail the next N calls
with a status code, so that retries, refusals and bad answers are tested for real.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Responder = Callable[[dict[str, Any]], str | dict[str, Any]]


def _default_responder(body: dict[str, Any]) -> str:
    return "{}"


class OpenAICompatibleServer:
    """A real HTTP server; use as a context manager; `base_url` ends in /v1."""

    def __init__(self, responder: Responder = _default_responder, *, api_key: str | None = None,
                 embed: Callable[[str], list[float]] | None = None) -> None:
        self.responder = responder
        self.api_key = api_key
        self.embed = embed or (lambda text: [float(len(text)), float(text.count(" ")), 1.0])
        self.requests: list[dict[str, Any]] = []
        self.failures: list[int] = []  # status codes to answer with, first the next call's
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def fail_next(self, *statuses: int) -> None:
        """Answer the next calls with these HTTP statuses, in order, before answering normally."""
        with self._lock:
            self.failures.extend(statuses)

    def chat_requests(self) -> list[dict[str, Any]]:
        """The bodies of the chat completion requests received, oldest first."""
        return [r for r in self.requests if "messages" in r]

    def __enter__(self) -> OpenAICompatibleServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _answer(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self.requests.append(body)
            status = self.failures.pop(0) if self.failures else None
        if status is not None:
            return status, {"error": {"message": f"injected failure {status}", "type": "server_error"}}
        if path == "/v1/embeddings":
            inputs = body.get("input") or []
            inputs = [inputs] if isinstance(inputs, str) else inputs
            data = [{"object": "embedding", "index": i, "embedding": self.embed(text)}
                    for i, text in enumerate(inputs)]
            return 200, {"object": "list", "data": data, "model": body.get("model", ""),
                         "usage": {"prompt_tokens": sum(len(t.split()) for t in inputs),
                                   "total_tokens": sum(len(t.split()) for t in inputs)}}
        if path != "/v1/chat/completions":
            return 404, {"error": {"message": f"no route {path}"}}
        content = self.responder(body)
        text = content if isinstance(content, str) else json.dumps(content)
        prompt = sum(len(str(m.get("content", "")).split()) for m in body.get("messages", []))
        return 200, {
            "id": f"chatcmpl-{len(self.requests)}", "object": "chat.completion", "created": 0,
            "model": body.get("model", ""),
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": text}}],
            "usage": {"prompt_tokens": prompt, "completion_tokens": len(text.split()),
                      "total_tokens": prompt + len(text.split())},
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802  (http.server's naming)
                if server.api_key and self.headers.get("Authorization") != f"Bearer {server.api_key}":
                    self._send(401, {"error": {"message": "invalid api key", "type": "auth"}})
                    return
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                except ValueError:
                    self._send(400, {"error": {"message": "body is not JSON"}})
                    return
                self._send(*server._answer(self.path, body))

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

        return Handler
