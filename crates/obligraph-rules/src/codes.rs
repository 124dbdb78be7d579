//! The table of rule codes (a leaf: the configuration and the rules both
//! read it).

/// The table of rule codes: code and short name, one line per rule. Codes
/// are stable: a retired rule keeps its code unused.
pub const CODES: &[(&str, &str)] = &[
    ("OG001", "missing-obligation"),
    ("OG002", "partial-coverage"),
    ("OG003", "lead-mismatch"),
    ("OG004", "support-dropped"),
    ("OG005", "looser-deadline"),
    ("OG006", "reporting-chain"),
    ("OG007", "no-lead"),
    ("OG008", "several-leads-unscoped"),
    ("OG009", "requested-body-ordered"),
    ("OG010", "defunct-agency"),
    ("OG011", "citation-mismatch"),
    ("OG012", "plan-duty-missing"),
    ("OG013", "local-initiative"),
    ("OG014", "pairing"),
];

/// The name of a code in [`CODES`] (`unknown` for another code).
pub(crate) fn name_of(code: &str) -> &'static str {
    CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("unknown", |(_, n)| n)
}
