//! Loading the real seeds; measuring an alignment against labelled pairs.

use obligraph_core::{Obligation, Plan};
use obligraph_rules::AuditReport;
use std::collections::{BTreeSet, HashMap};
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

/// A hand-labelled alignment (`tests/fixtures/alignment/{name}.json`):
/// the two plans and the pairs read off both documents.
#[derive(serde::Deserialize)]
pub struct Labels {
    /// The parent plan's file, from the workspace root.
    pub parent: String,
    /// The derived plan's file.
    pub child: String,
    /// The labelled pairs.
    pub pairs: Vec<Label>,
}

/// One labelled pair: a derived obligation carrying a parent one, each by
/// its id and source line as labelled.
#[derive(serde::Deserialize)]
pub struct Label {
    pub child: String,
    pub child_line: u32,
    pub parent: String,
    pub parent_line: u32,
    /// Why the two are paired: every label says.
    #[allow(dead_code)] // read for documentation, not used by the measure
    pub why: String,
}

/// The labelled alignment `name`.
pub fn labels(name: &str) -> Labels {
    let path = root().join(format!("tests/fixtures/alignment/{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A (child id, parent id) pair of an alignment.
pub type IdPair = (String, String);

/// An audit's alignment measured against labelled pairs: the one measure
/// of the alignment tests and of the `eval` example (which includes this
/// file). Body items the parent restates in its appendix count as their
/// appendix twin on both sides.
pub struct Alignment<'r> {
    /// Parent id → the appendix row that restates it.
    restated: HashMap<&'r str, &'r str>,
    /// The labelled pairs.
    pub gold: BTreeSet<IdPair>,
    /// The matcher's pairs: the carriers, and the candidates of tasks the
    /// verdict finds missing (pairing is measured apart from the verdict).
    pub predicted: BTreeSet<IdPair>,
}

impl<'r> Alignment<'r> {
    /// The matcher's pairs in `report`, no labelled pair yet.
    pub fn of(report: &'r AuditReport) -> Alignment<'r> {
        let restated: HashMap<&str, &str> = report
            .parent_obligations
            .iter()
            .filter_map(|p| {
                let r = p.reason.as_deref()?.strip_prefix("restated by ")?;
                Some((&*p.id, r.split(',').next()?))
            })
            .collect();
        let mut a = Alignment {
            restated,
            gold: BTreeSet::new(),
            predicted: BTreeSet::new(),
        };
        a.predicted = report
            .parent_obligations
            .iter()
            .flat_map(|p| {
                p.matches
                    .iter()
                    .chain(&p.candidates)
                    .map(|m| (m.child_id.clone(), a.canon(&p.id)))
            })
            .collect();
        a
    }

    /// The parent id `id` is counted as.
    pub fn canon(&self, id: &str) -> String {
        self.restated.get(id).copied().unwrap_or(id).to_string()
    }

    /// The labelled pair of the child obligation at `child_line` and the
    /// parent obligation at `parent_line` (ids as labelled, to break ties;
    /// see [`at_line`]), `None` when either line holds none.
    pub fn label(
        &self,
        (child, child_line, child_id): (&Plan, u32, &str),
        (parent, parent_line, parent_id): (&Plan, u32, &str),
    ) -> Option<IdPair> {
        let c = at_line(child, child_line, child_id)?;
        let q = at_line(parent, parent_line, parent_id)?;
        Some((c.id.clone(), self.canon(&q.id)))
    }

    /// Share of the predicted pairs that are labelled (0 for none).
    pub fn precision(&self) -> f64 {
        share(self.hits(), self.predicted.len())
    }

    /// Share of the labelled pairs that are predicted (0 for none).
    pub fn recall(&self) -> f64 {
        share(self.hits(), self.gold.len())
    }

    /// Labelled pairs not predicted.
    pub fn missed(&self) -> Vec<IdPair> {
        self.gold.difference(&self.predicted).cloned().collect()
    }

    /// Predicted pairs not labelled.
    pub fn extra(&self) -> Vec<IdPair> {
        self.predicted.difference(&self.gold).cloned().collect()
    }

    fn hits(&self) -> usize {
        self.predicted.intersection(&self.gold).count()
    }
}

fn share(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Wordings a drafter may use for the seeds' (as the seeds write it, as
/// another drafter may): coordinated pairs in the other order, one
/// spelling for another, abbreviations. The lexicon must know them: the
/// wording test (`tests/wording.rs`) and the eval's wording row use this
/// list as their own data and do not read the lexicon.
pub const DRAFTING_VARIANTS: [(&str, &str); 12] = [
    ("tuyên truyền, phổ biến", "phổ biến, tuyên truyền"),
    ("cán bộ, công chức", "công chức, cán bộ"),
    ("kiểm tra, giám sát", "giám sát, kiểm tra"),
    ("theo dõi, đôn đốc", "đôn đốc, theo dõi"),
    ("khiếu nại, tố cáo", "tố cáo, khiếu nại"),
    ("tập huấn, bồi dưỡng", "bồi dưỡng, tập huấn"),
    ("sơ kết, tổng kết", "tổng kết, sơ kết"),
    ("bảo đảm", "đảm bảo"),
    ("hằng năm", "hàng năm"),
    ("Ủy ban nhân dân", "UBND"),
    ("Hội đồng nhân dân", "HĐND"),
    ("UBND", "Ủy ban nhân dân"),
];

/// The report of the parent obligation whose text holds `words`, from an
/// audit of `child` (text) against `parent` (text); panics when none does.
pub fn audited(parent: &str, child: &str, words: &str) -> obligraph_rules::ParentObligationReport {
    let load = |t: &str, name: &str| obligraph_vn::import_text(t, name).unwrap().plan;
    let parent = load(parent, "parent.txt");
    let child = load(child, "child.txt");
    let r = obligraph_rules::audit(&parent, &child, &obligraph_rules::Config::default());
    let o = parent
        .obligations
        .iter()
        .find(|o| o.text.contains(words))
        .unwrap_or_else(|| panic!("an obligation reading {words:?}"));
    r.parent_obligation(&o.id).expect("reported").clone()
}
