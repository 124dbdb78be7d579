//! Auditing a generated cascade and scoring the audit against the ground
//! truth.

use crate::{Cascade, Mutation, SynthPlan};
use obligraph_core::Plan;
use obligraph_rules::{AuditReport, Config, ParentIndex, Status};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

#[cfg(doc)]
use obligraph_rules::audit_many_refs;

/// Every audit of a cascade: each province against the decision, each
/// commune against its province.
#[derive(Debug, Clone, Serialize)]
pub struct CascadeAudit {
    /// Province reports, in cascade order.
    pub provinces: Vec<AuditReport>,
    /// Commune reports, in cascade order.
    pub communes: Vec<AuditReport>,
}

/// Audits the whole cascade: the decision indexed once for the provinces,
/// each province plan indexed once for its communes.
///
/// All the audits share the available cores through one queue (the
/// provinces, then the communes of each province in turn); a province's
/// index is built by the thread that reaches the middle of the group
/// before it (or the first that needs it), while the other threads carry
/// on, and dropped once its last commune is audited. The
/// reports are those of [`audit_many_refs`] on each group, in cascade
/// order.
pub fn audit_cascade(c: &Cascade, config: &Config) -> CascadeAudit {
    // Communes grouped by province, in cascade order within each.
    let mut by_parent: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, s) in c.communes.iter().enumerate() {
        by_parent.entry(s.parent.unwrap_or(0)).or_default().push(i);
    }
    // Groups of children against one parent plan: the decision's first.
    let mut groups: Vec<Group<'_>> = vec![Group::new(
        &c.national,
        c.provinces.iter().map(|p| &p.plan).enumerate().collect(),
        true,
    )];
    for (p, kids) in by_parent {
        let Some(parent) = c.provinces.get(p) else {
            continue;
        };
        let kids = kids
            .into_iter()
            .filter_map(|i| Some((i, &c.communes.get(i)?.plan)))
            .collect();
        groups.push(Group::new(&parent.plan, kids, false));
    }
    let jobs: Vec<(usize, usize)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, gr)| (0..gr.children.len()).map(move |k| (g, k)))
        .collect();
    let done = obligraph_rules::parallel::in_parallel(jobs.len(), |j| {
        let &(g, k) = jobs.get(j)?;
        let gr = groups.get(g)?;
        let &(slot, child) = gr.children.get(k)?;
        // Half-way through a group, the next group's index is built,
        // while the other threads go on with this group.
        if k == gr.children.len() / 2 {
            if let Some(next) = groups.get(g + 1) {
                if next.left.load(Ordering::Acquire) > 0 {
                    drop(next.index());
                }
            }
        }
        let ix = gr.index();
        let report = obligraph_rules::audit_with_index(&ix, child, config);
        drop(ix);
        gr.done();
        Some((gr.provinces, slot, report))
    });
    let mut provinces: Vec<Option<AuditReport>> = Vec::new();
    provinces.resize_with(c.provinces.len(), || None);
    let mut communes: Vec<Option<AuditReport>> = Vec::new();
    communes.resize_with(c.communes.len(), || None);
    for (is_province, i, r) in done.into_iter().flatten() {
        let slots = if is_province {
            &mut provinces
        } else {
            &mut communes
        };
        if let Some(slot) = slots.get_mut(i) {
            *slot = Some(r);
        }
    }
    CascadeAudit {
        provinces: provinces.into_iter().flatten().collect(),
        communes: communes.into_iter().flatten().collect(),
    }
}

/// Derived plans audited against one parent, with the parent's index
/// while some are left.
struct Group<'a> {
    parent: &'a Plan,
    /// (slot in the cascade's provinces or communes, plan).
    children: Vec<(usize, &'a Plan)>,
    /// Whether the children are the provinces.
    provinces: bool,
    index: Mutex<Option<Arc<ParentIndex<'a>>>>,
    left: AtomicUsize,
}

impl<'a> Group<'a> {
    fn new(parent: &'a Plan, children: Vec<(usize, &'a Plan)>, provinces: bool) -> Group<'a> {
        let left = AtomicUsize::new(children.len());
        Group {
            parent,
            children,
            provinces,
            index: Mutex::new(None),
            left,
        }
    }

    /// The parent's index, built on first use.
    fn index(&self) -> Arc<ParentIndex<'a>> {
        let mut slot = match self.index.lock() {
            Ok(g) => g,
            Err(e) => e.into_inner(),
        };
        Arc::clone(slot.get_or_insert_with(|| Arc::new(ParentIndex::new(self.parent))))
    }

    /// One child audited: the index is dropped after the last.
    fn done(&self) {
        if self.left.fetch_sub(1, Ordering::AcqRel) == 1 {
            let mut slot = match self.index.lock() {
                Ok(g) => g,
                Err(e) => e.into_inner(),
            };
            *slot = None;
        }
    }
}

/// Precision and recall of one kind of finding against the ground truth.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Score {
    /// Found and true.
    pub true_positives: usize,
    /// Found but not true.
    pub false_positives: usize,
    /// True but not found.
    pub false_negatives: usize,
}

impl Score {
    /// tp / (tp + fp); 1.0 when nothing was found.
    pub fn precision(&self) -> f64 {
        let d = self.true_positives + self.false_positives;
        if d == 0 {
            1.0
        } else {
            self.true_positives as f64 / d as f64
        }
    }

    /// tp / (tp + fn); 1.0 when nothing was true.
    pub fn recall(&self) -> f64 {
        let d = self.true_positives + self.false_negatives;
        if d == 0 {
            1.0
        } else {
            self.true_positives as f64 / d as f64
        }
    }

    fn add(&mut self, truth: &[String], found: &[String]) {
        let tp = found.iter().filter(|f| truth.contains(f)).count();
        self.true_positives += tp;
        self.false_positives += found.len() - tp;
        self.false_negatives += truth.len() - truth.iter().filter(|t| found.contains(t)).count();
    }
}

/// Scores per edit kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Evaluation {
    /// Dropped tasks vs parent obligations reported missing (OG001).
    pub missing: Score,
    /// Swapped leads vs lead-mismatch findings (OG003), by child id.
    pub lead_swapped: Score,
    /// Obsolete agencies vs defunct-agency findings (OG010), by child id.
    pub obsolete_agency: Score,
    /// Dropped "đề nghị" vs requested-body-ordered findings (OG009), by child id.
    pub request_dropped: Score,
    /// Local initiatives vs child obligations with no parent, by child id.
    pub local_initiative: Score,
    /// Dropped elements (a paraphrase's cut parenthesis among them) and
    /// dropped tasks still stated in part ([`expected_partial`]) vs parent
    /// obligations reported partial, by parent id.
    pub element_dropped: Score,
}

fn child_ids_with(r: &AuditReport, code: &str) -> Vec<String> {
    let mut v: Vec<String> = r
        .findings_with(code)
        .filter_map(|f| f.child_id.clone())
        .collect();
    v.sort();
    v.dedup();
    v
}

fn truth_ids(s: &SynthPlan, pick: impl Fn(&Mutation) -> Option<&String>) -> Vec<String> {
    let mut v: Vec<String> = s.truth.iter().filter_map(|m| pick(m).cloned()).collect();
    v.sort();
    v.dedup();
    v
}

/// Scores the reports of derived plans against their ground truth
/// (`plans[i]` with `reports[i]`).
/// `parent` is the plan they all derive from.
pub fn evaluate(parent: &Plan, plans: &[SynthPlan], reports: &[AuditReport]) -> Evaluation {
    evaluate_pairs(plans.iter().zip(reports).map(|(s, r)| (parent, s, r)))
}

/// Scores a whole cascade audit ([`audit_cascade`]) against the ground
/// truth of `c`: provinces and communes together, without gathering
/// copies of the plans and reports first.
pub fn evaluate_cascade(c: &Cascade, audit: &CascadeAudit) -> Evaluation {
    let provinces = c
        .provinces
        .iter()
        .zip(&audit.provinces)
        .map(|(s, r)| (&c.national, s, r));
    let communes = c
        .communes
        .iter()
        .zip(&audit.communes)
        .filter_map(|(s, r)| Some((&c.provinces.get(s.parent?)?.plan, s, r)));
    evaluate_pairs(provinces.chain(communes))
}

/// The parent obligations the audit of `s` (derived from `parent`) should
/// call missing: the dropped ones, less those the generator found the
/// derived plan still carries (a dropped statement the audit counts at
/// others, [`Mutation::CountedElsewhere`]; a dropped task some of whose
/// elements kept obligations still state, [`Mutation::StillStated`]);
/// and the kept ones that lost every element ([`Mutation::ElementDropped`],
/// a paraphrase cutting a parenthesis that held them all).
pub fn expected_missing(s: &SynthPlan, parent: &Plan) -> Vec<String> {
    let elsewhere = truth_ids(s, |m| match m {
        Mutation::CountedElsewhere { parent_id, .. } | Mutation::StillStated { parent_id, .. } => {
            Some(parent_id)
        }
        _ => None,
    });
    let mut v: Vec<String> = truth_ids(s, |m| match m {
        Mutation::Dropped { parent_id } => Some(parent_id),
        _ => None,
    })
    .into_iter()
    .filter(|id| !elsewhere.contains(id))
    .collect();
    v.extend(emptied(s, parent));
    v.sort();
    v.dedup();
    v
}

/// Whether `s`'s truth says element `element` of parent obligation `id` is
/// still stated by a kept obligation.
fn still_stated(s: &SynthPlan, id: &str, element: &str) -> bool {
    s.truth.iter().any(|m| {
        matches!(m, Mutation::StillStated { parent_id, element: e, .. } if parent_id == id && e == element)
    })
}

/// The kept parent obligations every element of which was dropped and is
/// not still stated elsewhere.
fn emptied(s: &SynthPlan, parent: &Plan) -> Vec<String> {
    let lost = |id: &str, e: &str| {
        !still_stated(s, id, e)
            && s.truth.iter().any(|m| {
                matches!(m, Mutation::ElementDropped { parent_id, element, .. } if parent_id == id && element == e)
            })
    };
    truth_ids(s, |m| match m {
        Mutation::ElementDropped { parent_id, .. } => Some(parent_id),
        _ => None,
    })
    .into_iter()
    .filter(|id| {
        parent.obligation(id).is_some_and(|o| {
            let elements = obligraph_rules::elements_of(&o.text);
            !elements.is_empty() && elements.iter().all(|e| lost(id, e))
        })
    })
    .collect()
}

/// The parent obligations the audit of `s` (derived from `parent`) should
/// call partial: those with a dropped element that no kept obligation
/// still states (unless every element went, [`expected_missing`]), and
/// the dropped tasks that kept obligations still state in part only.
pub fn expected_partial(s: &SynthPlan, parent: &Plan) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for m in &s.truth {
        match m {
            Mutation::ElementDropped {
                parent_id, element, ..
            } if !still_stated(s, parent_id, element) => v.push(parent_id.clone()),
            Mutation::Dropped { parent_id } => {
                let Some(o) = parent.obligation(parent_id) else {
                    continue;
                };
                let elements = obligraph_rules::elements_of(&o.text);
                let n = elements
                    .iter()
                    .filter(|e| still_stated(s, parent_id, e))
                    .count();
                if n > 0 && n < elements.len() {
                    v.push(parent_id.clone());
                }
            }
            _ => {}
        }
    }
    let not = emptied(s, parent);
    let elsewhere = truth_ids(s, |m| match m {
        Mutation::CountedElsewhere { parent_id, .. } => Some(parent_id),
        _ => None,
    });
    v.retain(|id| !elsewhere.contains(id) && !not.contains(id));
    v.sort();
    v.dedup();
    v
}

fn evaluate_pairs<'a>(
    pairs: impl Iterator<Item = (&'a Plan, &'a SynthPlan, &'a AuditReport)>,
) -> Evaluation {
    let mut e = Evaluation::default();
    for (parent, s, r) in pairs {
        let missing: Vec<String> = r
            .parent_obligations
            .iter()
            .filter(|p| p.status == Status::Missing)
            .map(|p| p.id.to_string())
            .collect();
        e.missing.add(&expected_missing(s, parent), &missing);
        e.lead_swapped.add(
            &truth_ids(s, |m| match m {
                Mutation::LeadSwapped { child_id, .. } => Some(child_id),
                _ => None,
            }),
            &child_ids_with(r, "OG003"),
        );
        e.obsolete_agency.add(
            &truth_ids(s, |m| match m {
                Mutation::ObsoleteAgency { child_id, .. }
                | Mutation::InheritedObsoleteAgency { child_id, .. } => Some(child_id),
                _ => None,
            }),
            &child_ids_with(r, "OG010"),
        );
        e.request_dropped.add(
            &truth_ids(s, |m| match m {
                Mutation::RequestDropped { child_id, .. }
                | Mutation::InheritedRequestDropped { child_id, .. } => Some(child_id),
                _ => None,
            }),
            &child_ids_with(r, "OG009"),
        );
        let partial: Vec<String> = r
            .parent_obligations
            .iter()
            .filter(|p| p.status == Status::Partial)
            .map(|p| p.id.to_string())
            .collect();
        e.element_dropped
            .add(&expected_partial(s, parent), &partial);
        let local: Vec<String> = r.local_initiatives.iter().map(|l| l.id.clone()).collect();
        e.local_initiative.add(
            &truth_ids(s, |m| match m {
                Mutation::LocalInitiative { child_id } => Some(child_id),
                _ => None,
            }),
            &local,
        );
    }
    e
}
