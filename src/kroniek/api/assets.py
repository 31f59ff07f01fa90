"""Files the browser needs: the dashboard, its libraries from node_modules, and Swagger UI.

Nothing is fetched from a CDN. The libraries are npm packages the set-up installs into the
project's ``node_modules`` (``npm ci``); only the files named in ``VENDOR`` are served from
it, so the rest of node_modules is never reachable over HTTP.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from kroniek.api.errors import ApiError
from kroniek.errors import Msg

WEB = Path(__file__).resolve().parent.parent / "web" / "static"
"""The dashboard's own HTML, CSS and JavaScript."""

VENDOR = {
    "echarts.min.js": "echarts/dist/echarts.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
    "swagger-favicon.png": "swagger-ui-dist/favicon-32x32.png",
}
"""URL name under /vendor/ → path inside node_modules."""


def find_node_modules() -> Path:
    """Where the npm packages are: $KRONIEK_NODE_MODULES, else the project root's folder.

    The project root is found by walking up from this file (an editable install lives in
    the project) and then from the working directory, to the first folder with echarts.
    """
    configured = os.environ.get("KRONIEK_NODE_MODULES")
    if configured:
        return Path(configured)
    for start in (Path(__file__).resolve().parent, Path.cwd()):
        for folder in (start, *start.parents):
            candidate = folder / "node_modules"
            if (candidate / "echarts").is_dir():
                return candidate
    return Path.cwd() / "node_modules"


def vendor_file(node_modules: Path, name: str) -> Path:
    """The file behind /vendor/NAME; 404 for names not served, E609 when not installed."""
    relative = VENDOR.get(name)
    if relative is None:
        raise ApiError(404, Msg.E601.format(path=f"/vendor/{name}"))
    path = node_modules / relative
    if not path.is_file():
        raise ApiError(404, Msg.E609.format(name=relative, folder=node_modules.parent))
    return path


def build_asset_router(node_modules: Path) -> APIRouter:
    """Routes for /, /vendor/NAME and /docs."""
    router = APIRouter(include_in_schema=False)

    @router.get("/")
    def dashboard() -> FileResponse:
        """The single-page dashboard."""
        return FileResponse(WEB / "index.html", media_type="text/html")

    @router.get("/vendor/{name}")
    def vendor(name: str) -> FileResponse:
        """A whitelisted file from node_modules, cacheable for a day."""
        headers = {"Cache-Control": "public, max-age=86400"}
        return FileResponse(vendor_file(node_modules, name), headers=headers)

    @router.get("/docs")
    def docs(request: Request) -> HTMLResponse:
        """Swagger UI for /openapi.json, its script and style served from node_modules."""
        return get_swagger_ui_html(
            openapi_url=str(request.app.openapi_url),
            title="kroniek API",
            swagger_js_url="/vendor/swagger-ui-bundle.js",
            swagger_css_url="/vendor/swagger-ui.css",
            swagger_favicon_url="/vendor/swagger-favicon.png",
            # The default asks swagger.io to validate the spec: there is no network here.
            swagger_ui_parameters={"validatorUrl": None},
        )

    return router
