//! Auditing a generated cascade and scoring the audit against the ground
//! truth.

use crate::{Cascade, Mutation, SynthPlan};
use obligraph_core::Plan;
use obligraph_rules::{audit_many_refs, AuditReport, Config, Status};
use serde::Serialize;
use std::collections::BTreeMap;

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
pub fn audit_cascade(c: &Cascade, config: &Config) -> CascadeAudit {
    let province_plans: Vec<&Plan> = c.provinces.iter().map(|p| &p.plan).collect();
    let provinces = audit_many_refs(&c.national, &province_plans, config);
    // Group communes by province so each province is indexed once.
    let mut by_parent: BTreeMap<usize, Vec<(usize, &Plan)>> = BTreeMap::new();
    for (i, s) in c.communes.iter().enumerate() {
        by_parent
            .entry(s.parent.unwrap_or(0))
            .or_default()
            .push((i, &s.plan));
    }
    let mut communes: Vec<Option<AuditReport>> = Vec::new();
    communes.resize_with(c.communes.len(), || None);
    for (p, kids) in by_parent {
        let Some(parent) = c.provinces.get(p) else {
            continue;
        };
        let plans: Vec<&Plan> = kids.iter().map(|(_, pl)| *pl).collect();
        for ((i, _), r) in kids
            .iter()
            .zip(audit_many_refs(&parent.plan, &plans, config))
        {
            if let Some(slot) = communes.get_mut(*i) {
                *slot = Some(r);
            }
        }
    }
    CascadeAudit {
        provinces,
        communes: communes.into_iter().flatten().collect(),
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
pub fn evaluate(plans: &[SynthPlan], reports: &[AuditReport]) -> Evaluation {
    evaluate_pairs(plans.iter().zip(reports))
}

/// Scores a whole cascade audit ([`audit_cascade`]) against the ground
/// truth of `c`: provinces and communes together, without gathering
/// copies of the plans and reports first.
pub fn evaluate_cascade(c: &Cascade, audit: &CascadeAudit) -> Evaluation {
    evaluate_pairs(
        c.provinces
            .iter()
            .zip(&audit.provinces)
            .chain(c.communes.iter().zip(&audit.communes)),
    )
}

fn evaluate_pairs<'a>(pairs: impl Iterator<Item = (&'a SynthPlan, &'a AuditReport)>) -> Evaluation {
    let mut e = Evaluation::default();
    for (s, r) in pairs {
        let missing: Vec<String> = r
            .parent_obligations
            .iter()
            .filter(|p| p.status == Status::Missing)
            .map(|p| p.id.clone())
            .collect();
        e.missing.add(
            &truth_ids(s, |m| match m {
                Mutation::Dropped { parent_id } => Some(parent_id),
                _ => None,
            }),
            &missing,
        );
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
