"""One JSON shape for every error the API returns.

``{"error": {"status": 404, "code": "E604", "message": "no event with id 'x'"}}`` — for
unknown paths, refused methods, invalid parameters, bad filters, missing records, an
unreadable database and unexpected failures alike, so a client needs one error path.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from kroniek.errors import Msg

log = logging.getLogger("kroniek.api")


class ErrorDetail(BaseModel):
    """The body of an error: HTTP status, kroniek message code and the message."""

    status: int
    code: str
    message: str


class ErrorBody(BaseModel):
    """What every error response contains."""

    error: ErrorDetail


class ApiError(Exception):
    """An error to answer with ``status`` and a filled ``Msg`` template."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(status: int, message: str) -> JSONResponse:
    """The JSON error response for a filled ``Msg`` template (its first word is the code)."""
    code, _, text = message.partition(" ")
    body = ErrorBody(error=ErrorDetail(status=status, code=code, message=text))
    return JSONResponse(status_code=status, content=body.model_dump())


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    """An ApiError raised by a route or dependency."""
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    """Starlette's own errors: unknown path (404) and refused method (405)."""
    assert isinstance(exc, StarletteHTTPException)
    path = request.url.path
    if exc.status_code == 404:
        return error_response(404, Msg.E601.format(path=path))
    if exc.status_code == 405:
        response = error_response(405, Msg.E602.format(method=request.method, path=path))
        response.headers["Allow"] = "GET, HEAD"
        return response
    return error_response(exc.status_code, Msg.E603.format(detail=exc.detail))


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    """A parameter of the wrong type or out of range: 422 naming the parameter."""
    assert isinstance(exc, RequestValidationError)
    problems = []
    for item in exc.errors():
        where = ".".join(str(part) for part in item.get("loc", ()) if part != "query")
        problems.append(f"{where}: {item.get('msg', 'invalid')}")
    return error_response(422, Msg.E603.format(detail="; ".join(problems)))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    """Anything else: logged with its traceback, answered without internals."""
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, Msg.E608.format(kind=type(exc).__name__))


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure through the one error shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
