//! Loading the real seeds.

use obligraph_core::{Obligation, Plan};
use std::path::PathBuf;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn text(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap()
}

pub fn import(rel: &str) -> Plan {
    obligraph_vn::import_text(&text(rel), rel).unwrap().plan
}

pub fn seed(name: &str) -> Plan {
    import(&format!("examples/data/seeds/{name}.txt"))
}

/// The obligation of `plan` at source line `line`: one whose range holds
/// it; on a tie the one with `id`, else the same ":kind" suffix, else the
/// latest start.
pub fn at_line<'a>(plan: &'a Plan, line: u32, id: &str) -> Option<&'a Obligation> {
    let hits: Vec<&Obligation> = plan
        .obligations
        .iter()
        .filter(|o| o.source.line_start <= line && line <= o.source.line_end)
        .collect();
    if let Some(o) = hits.iter().find(|o| o.id == id) {
        return Some(o);
    }
    if let Some((_, kind)) = id.split_once(':') {
        if let Some(o) = hits.iter().find(|o| o.id.ends_with(&format!(":{kind}"))) {
            return Some(o);
        }
    }
    hits.into_iter()
        .max_by_key(|o| o.source.line_start)
        .or_else(|| {
            // A heading line merged into the task below it.
            plan.obligations
                .iter()
                .filter(|o| o.source.line_start > line && o.source.line_start <= line + 3)
                .min_by_key(|o| o.source.line_start)
        })
}

/// Whether the importer has landed far enough to give obligations with
/// assignments (the lexicon filled).
pub fn lexicon_ready(p: &Plan) -> bool {
    p.obligations.iter().any(|o| !o.assignments.is_empty())
}
