"""The native module: obligraph's JSON contract, bytes in and bytes out."""

SCHEMA_VERSION: str
TOOL_VERSION: str

def handle_json(request: bytes) -> bytes:
    """Carries out a request given as JSON bytes; returns the response's
    bytes exactly as every transport writes them (never raises for bad
    input: the response then has ``"op": "error"``)."""
