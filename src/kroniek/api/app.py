"""The FastAPI application behind ``kroniek serve``: JSON API, dashboard, docs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from kroniek import __version__
from kroniek.api.assets import WEB, build_asset_router, find_node_modules
from kroniek.api.database import ReadOnlyDatabase
from kroniek.api.errors import ErrorBody, install_error_handlers
from kroniek.api.routes import router

# The dashboard loads scripts only from this server; text from articles is never markup,
# and this policy makes sure an injected inline script or handler would not run either.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
# Swagger UI's page starts itself with an inline script.
_DOCS_CSP = _CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")

_ERRORS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in (
        (400, "Bad filter (E606)"),
        (404, "No such event, document or path (E601, E604, E605)"),
        (422, "Invalid parameter (E603)"),
        (500, "Internal error (E608)"),
        (503, "Database cannot be read (E607)"),
    )
}


def create_app(db_path: Path, node_modules: Path | None = None) -> FastAPI:
    """The app for one database file, opened read-only on the first request."""
    database = ReadOnlyDatabase(db_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        """Close the database when the server stops."""
        yield
        database.close()

    app = FastAPI(
        title="kroniek",
        version=__version__,
        description="Read-only API over PLOVER events coded from Dutch news, with evidence.",
        docs_url=None,
        redoc_url=None,
        responses=_ERRORS,
        lifespan=lifespan,
    )
    app.state.database = database
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(build_asset_router(node_modules or find_node_modules()))
    app.mount("/static", StaticFiles(directory=WEB), name="static")
    app.middleware("http")(_security_headers)
    return app


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Content-Security-Policy and friends on every response."""
    response = await call_next(request)
    docs = request.url.path == "/docs"
    response.headers["Content-Security-Policy"] = _DOCS_CSP if docs else _CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
