"""The HTTP API and the web workbench: ``create_app(db_path)`` builds the FastAPI application.

One process serves one store. DuckDB lets a single process write a database file, so the server holds
the only read-write :class:`~hadath.store.database.Store` of it: writes (``POST /documents``) go through
:meth:`Store.write` under a lock, reads each use a cursor of their own (:mod:`hadath.serve.queries`).
The :class:`~hadath.pipeline.Pipeline` is loaded once, at startup, and analyses on one worker thread
(it is not written to be shared between threads, and the GIL would gain nothing from more); a request
whose analysis outlasts ``analysis_timeout`` gets a 503 and its remaining documents are not analysed.

Every request, the workbench's files and ``/openapi.json`` included, needs the token when one is set:
``Authorization: Bearer TOKEN``, or HTTP Basic with the token as the password, which is what a browser
sends after its log-in prompt, so the workbench works behind the token with no code of its own.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import secrets
import threading
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hadath import __version__
from hadath.mosaic.dyads import role_blocks_of
from hadath.schema import Analysis, Document, InputError
from hadath.serve import DEFAULT_ANALYSIS_TIMEOUT, DEFAULT_MAX_BODY_BYTES
from hadath.serve.models import ErrorResponse

if TYPE_CHECKING:  # both load much (the lexicon, DuckDB): imported when the application starts
    import duckdb

    from hadath.pipeline import Pipeline
    from hadath.store.database import Store

STATIC_DIR = Path(__file__).resolve().parent / "static"
# The repository's web/node_modules, where `make install` (npm ci --prefix web) puts Cytoscape.js.
WEB_MODULES = Path(__file__).resolve().parents[3] / "web" / "node_modules"
CYTOSCAPE = Path("cytoscape") / "dist" / "cytoscape.min.js"

# Cytoscape.js inserts one <style> element, `.__________cytoscape_container { position: relative; }`;
# its hash lets exactly that one in (a new Cytoscape.js that changes it shows up as a CSP error in the
# browser tests).
CYTOSCAPE_STYLE_HASH = "sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8="
# The workbench loads nothing from elsewhere; the policy makes a stray CDN reference fail loudly.
CONTENT_SECURITY_POLICY = (
    f"default-src 'self'; script-src 'self'; style-src 'self' '{CYTOSCAPE_STYLE_HASH}'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
# Analysed once at startup: see the lifespan in create_app.
WARM_UP_TEXT = "قال وزير الخارجية إن الحكومة ستواصل المفاوضات في جنيف."


class WorkbenchMissing(RuntimeError):
    """The workbench's browser libraries are not installed."""


@dataclass(slots=True)
class Settings:
    db_path: Path
    token: str | None
    max_body_bytes: int
    analysis_timeout: float
    cors_origins: tuple[str, ...]
    web_modules: Path


@dataclass
class ServerState:
    """What the process holds while it serves: the store, the pipeline, the analysis thread."""

    settings: Settings
    store: Store
    pipeline: Pipeline
    executor: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=1, thread_name_prefix="hadath-analysis")
    )
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    role_blocks: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        # the country-level mosaic leaves out codes that name no country, as `hadath mosaic` does
        self.role_blocks = role_blocks_of(self.pipeline.compiled.lexicon)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own to the store's database, for one request's reads."""
        return self.store.connection.cursor()

    async def analyse(self, documents: Sequence[Document]) -> list[Analysis | InputError]:
        """Analyse ``documents`` on the analysis thread; 503 past the timeout (the documents not yet
        started are dropped). A document whose analysis raises comes back as an InputError."""
        stop = threading.Event()
        future = asyncio.get_running_loop().run_in_executor(
            self.executor, _analyse_all, self.pipeline, list(documents), stop
        )
        timeout = self.settings.analysis_timeout
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            stop.set()
            raise HTTPException(
                503,
                f"analysis took longer than {timeout:g} s; send shorter or fewer texts",
                headers={"Retry-After": "10"},
            ) from None


def _analyse_all(
    pipeline: Pipeline, documents: list[Document], stop: threading.Event
) -> list[Analysis | InputError]:
    results: list[Analysis | InputError] = []
    for document in documents:
        if stop.is_set():
            break
        try:
            results.append(pipeline.analyze(document))
        except Exception as problem:  # one failing document must not fail the others
            cause = f"analysis failed: {type(problem).__name__}: {problem}"
            results.append(InputError(document.origin, cause, document.id))
    return results


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    analysis_timeout: float = DEFAULT_ANALYSIS_TIMEOUT,
    cors_origins: Sequence[str] = (),
    workbench: bool = True,
    web_modules: Path = WEB_MODULES,
) -> FastAPI:
    """The application serving the store at ``db_path`` (created when absent).

    The store and the pipeline are opened when the application starts (its lifespan), not here, so
    building the application is cheap. Raises :class:`WorkbenchMissing` when ``workbench`` is on and
    Cytoscape.js is not installed under ``web_modules``.
    """
    if max_body_bytes < 1:
        raise ValueError(f"max_body_bytes must be >= 1, not {max_body_bytes}")
    if analysis_timeout <= 0:
        raise ValueError(f"analysis_timeout must be > 0, not {analysis_timeout}")
    if workbench and not (web_modules / CYTOSCAPE).is_file():
        raise WorkbenchMissing(
            f"the workbench needs Cytoscape.js at {web_modules / CYTOSCAPE}, which is missing: "
            "run `make install` (it runs npm ci --prefix web), or serve the API alone with --no-workbench"
        )
    settings = Settings(
        db_path=Path(db_path),
        token=token or None,
        max_body_bytes=max_body_bytes,
        analysis_timeout=analysis_timeout,
        cors_origins=tuple(cors_origins),
        web_modules=web_modules,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from hadath.pipeline import Pipeline
        from hadath.store.database import Store

        store = Store(settings.db_path)
        try:
            pipeline = Pipeline()
            # The first analysis of a process loads what the pipeline loads lazily (about a second);
            # done here, it is not the first analyst's wait.
            pipeline.analyze(Document(id="warm-up", text=WARM_UP_TEXT))
            state = ServerState(settings, store, pipeline)
            app.state.hadath = state
            yield
            state.executor.shutdown(wait=True, cancel_futures=True)
        finally:
            store.close()

    app = FastAPI(
        title="Hadath",
        version=__version__,
        description=(
            "Arabic political event data: analyse texts, ingest them into a store, and read its events, "
            "actors, quotations, claims and the actor mosaic. Every character offset indexes the original "
            "text. See docs/serve.md."
        ),
        lifespan=lifespan,
        generate_unique_id_function=lambda route: route.name,  # operation ids: analyze, list_events ...
        docs_url=None,  # Swagger UI and ReDoc load their code from a CDN; the spec is at /openapi.json
        redoc_url=None,
        responses={
            400: {"model": ErrorResponse, "description": "The body is not valid JSON"},
            401: {"model": ErrorResponse, "description": "The token is missing or wrong (when one is set)"},
            413: {"model": ErrorResponse, "description": "The body is larger than the server accepts"},
            422: {"model": ErrorResponse, "description": "A parameter or a body field is invalid"},
        },
    )
    _install_error_handlers(app)

    from hadath.serve.routes import router

    app.include_router(router)
    if workbench:
        _mount_workbench(app, settings)

    # Starlette runs the middleware added last first: CORS (preflights carry no token), headers, auth,
    # then the body limit, so a request without the token is refused before its body is read.
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(TokenAuth, token=settings.token)
    app.add_middleware(SecurityHeaders)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    return app


def _mount_workbench(app: FastAPI, settings: Settings) -> None:
    @app.get("/", include_in_schema=False)
    def workbench_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/vendor/cytoscape.min.js", include_in_schema=False)
    def cytoscape() -> FileResponse:
        return FileResponse(settings.web_modules / CYTOSCAPE, media_type="text/javascript")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")


# ------------------------------------------------------------------------------------------ errors


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, problem: RequestValidationError) -> JSONResponse:
        errors = list(problem.errors())
        broken_json = next((e for e in errors if e.get("type") == "json_invalid"), None)
        if broken_json is not None:
            reason = broken_json.get("ctx", {}).get("error", "")
            return _error(400, f"the request body is not valid JSON: {reason}".rstrip(": "))
        problems = [{"location": _location(e.get("loc", ())), "message": _message(e)} for e in errors]
        summary = "; ".join(f"{p['location']}: {p['message']}" for p in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        return _error(422, f"invalid request: {summary}{more}", problems)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, problem: Exception) -> JSONResponse:
        return _error(500, f"internal error: {type(problem).__name__}: {problem}")


def _location(loc: Sequence[Any]) -> str:
    return ".".join(str(part) for part in loc) or "request"


def _message(error: dict[str, Any]) -> str:
    message = str(error.get("msg", "invalid"))
    # pydantic prefixes the messages of our own validators; the location already says where
    return message.removeprefix("Value error, ")


def _error(status: int, detail: str, problems: list[dict[str, str]] | None = None) -> JSONResponse:
    body = ErrorResponse(detail=detail, problems=problems)  # type: ignore[arg-type]
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status)


# ------------------------------------------------------------------------------------------ middleware


async def _send_error(
    send: Send, status: int, detail: str, headers: Sequence[tuple[bytes, bytes]] = ()
) -> None:
    body = ErrorResponse(detail=detail).model_dump_json(exclude_none=True).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class TokenAuth:
    """Refuse every HTTP request without the token (when one is set) with 401, whatever its path."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token.encode() if token else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.token is None or self._authorised(scope):
            await self.app(scope, receive, send)
            return
        await _send_error(
            send,
            401,
            "this server needs its token: send 'Authorization: Bearer TOKEN' (or HTTP Basic with the token "
            "as the password)",
            [
                (b"www-authenticate", b'Basic realm="Hadath", charset="UTF-8"'),
                (b"www-authenticate", b"Bearer"),
            ],
        )

    def _authorised(self, scope: Scope) -> bool:
        assert self.token is not None
        header = dict(scope["headers"]).get(b"authorization", b"")
        scheme, _, credentials = header.partition(b" ")
        scheme = scheme.lower()
        if scheme == b"bearer":
            return secrets.compare_digest(credentials.strip(), self.token)
        if scheme == b"basic":
            try:
                decoded = base64.b64decode(credentials.strip(), validate=True)
            except (binascii.Error, ValueError):
                return False
            password = decoded.partition(b":")[2]
            return secrets.compare_digest(password, self.token)
        return False


class BodyLimit:
    """413 for a request body over ``max_bytes``, told by Content-Length or found while reading a
    chunked body; the body is read before the application sees it, so it never sees a partial one."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                await _send_error(send, 400, "the Content-Length header is not a number")
                return
            if length > self.max_bytes:
                await _send_error(send, 413, self._too_large(length))
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _send_error(send, 413, self._too_large(None))
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()  # after the body: wait for the disconnect, as the server would
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    def _too_large(self, length: int | None) -> str:
        told = f" ({length} bytes)" if length is not None else ""
        return f"the request body is too large{told}; this server accepts at most {self.max_bytes} bytes"


class SecurityHeaders:
    """Headers that keep the workbench to its own origin and its responses from being reinterpreted."""

    HEADERS = (
        (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    )

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
