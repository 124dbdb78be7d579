//! Python bindings: `obligraph._obligraph`, the native half of the
//! `obligraph` Python package (the Python half, in `python/obligraph`,
//! builds requests and raises errors). One function carries everything:
//! [`handle_json`] passes the request's bytes to
//! [`obligraph::contract::handle`] and returns its bytes untouched, so the
//! Python package answers with the same bytes as every other transport.
//!
//! Unsafe code: none. PyO3's `#[pymodule]` and `#[pyfunction]` macros
//! wrap CPython's C API in unsafe glue of their own, which the
//! `unsafe_code` lint does not count against this crate (checked with
//! PyO3 0.28), so it stays forbidden.
#![forbid(unsafe_code)]

#[pyo3::pymodule]
mod _obligraph {
    use pyo3::prelude::*;
    use pyo3::types::PyBytes;

    /// The contract's schema version (`schema_version` in every response).
    #[pymodule_export]
    const SCHEMA_VERSION: &str = obligraph::contract::SCHEMA_VERSION;

    /// obligraph's version (`tool_version` in every response).
    #[pymodule_export]
    const TOOL_VERSION: &str = obligraph::contract::TOOL_VERSION;

    /// Carries out a request given as JSON bytes and returns the response's
    /// bytes, exactly as `obligraph::contract::handle` writes them. Never
    /// raises for bad input: the response then has `"op": "error"`. The
    /// interpreter is released while the request runs.
    #[pyfunction]
    fn handle_json<'py>(py: Python<'py>, request: &[u8]) -> Bound<'py, PyBytes> {
        let out = py.detach(|| obligraph::contract::handle(request));
        PyBytes::new(py, &out)
    }
}
