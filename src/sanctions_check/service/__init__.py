"""`sanctions-check serve`: the library behind an HTTP API (FastAPI on uvicorn).

The flow, by module: `settings` (what the operator chose), `limits` and `auth` (what a
request must pass before it is read), `body` (request bytes -> validated events),
`checking` (events -> report, with the CLI's own writers), `workers` (the one checker a
process owns, behind a lock), `routes` (the endpoints), `observe`, `access_log` and
`metrics` (what operators see), `app` (the assembly), `supervise` (the worker processes).
"""
