//! The table of rule codes, generated from the rules' own declarations
//! (`build.rs` reads each `declare_rule!` block in `src/rules/`). A leaf:
//! configuration and the default rule name read it without depending on
//! the rules; the registry's test checks it against the rules themselves.

include!(concat!(env!("OUT_DIR"), "/codes.rs"));

/// The name of a code in [`CODES`] (`unknown` for another code).
pub(crate) fn name_of(code: &str) -> &'static str {
    CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("unknown", |(_, n)| n)
}
