//! Many derived plans against one parent, and chains of plans.

use crate::align::ParentIndex;
use crate::audit::audit_indexed;
use crate::config::Config;
use crate::registry::Registry;
use crate::report::{AuditReport, Coverage, PlanSummary, Severity, Status};
use obligraph_core::Plan;
use serde::{Deserialize, Serialize};

/// Figures for one derived plan of a fleet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FleetEntry {
    /// The derived plan.
    pub child: PlanSummary,
    /// Its coverage of the parent.
    pub coverage: Coverage,
    /// Findings that are errors.
    pub errors: usize,
    /// Findings that are warnings.
    pub warnings: usize,
    /// Findings for information.
    pub infos: usize,
    /// Ids of the parent obligations it misses.
    pub missing: Vec<String>,
}

/// How one parent obligation fares across the fleet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FleetObligation {
    /// The parent obligation's id.
    pub id: String,
    /// Derived plans that cover it.
    pub covered: usize,
    /// Derived plans that cover it in part.
    pub partial: usize,
    /// Derived plans that miss it.
    pub missing: usize,
}

/// Many derived plans audited against one parent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FleetReport {
    /// The parent.
    pub parent: PlanSummary,
    /// One entry per derived plan, in input order.
    pub children: Vec<FleetEntry>,
    /// Per parent obligation, across the fleet.
    pub obligations: Vec<FleetObligation>,
}

fn entry(r: &AuditReport) -> FleetEntry {
    let count = |s: Severity| r.findings.iter().filter(|f| f.severity == s).count();
    FleetEntry {
        child: r.child.clone(),
        coverage: r.coverage,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        missing: r
            .parent_obligations
            .iter()
            .filter(|p| p.status == Status::Missing)
            .map(|p| p.id.to_string())
            .collect(),
    }
}

/// Audits every child against `parent` and keeps the full reports. The
/// parent's index is built once; children are shared among the available
/// cores.
pub fn audit_many(parent: &Plan, children: &[Plan], config: &Config) -> Vec<AuditReport> {
    audit_all(parent, children, config)
}

/// [`audit_many`] for children held elsewhere (no need to gather them in
/// one slice of plans first).
///
/// ```
/// use obligraph_core::{Obligation, Plan};
/// let mut parent = Plan::default();
/// parent.obligations.push(Obligation::new("1", "Tuyên truyền Công ước chống tra tấn"));
/// let child = parent.clone();
/// let r = obligraph_rules::audit_many_refs(&parent, &[&child], &obligraph_rules::Config::default());
/// assert_eq!(r[0].coverage.covered, 1);
/// ```
pub fn audit_many_refs(parent: &Plan, children: &[&Plan], config: &Config) -> Vec<AuditReport> {
    audit_all(parent, children, config)
}

fn audit_all<C>(parent: &Plan, children: &[C], config: &Config) -> Vec<AuditReport>
where
    C: std::borrow::Borrow<Plan> + Sync,
{
    let registry = Registry::default();
    let ix = ParentIndex::new(parent);
    crate::parallel::in_parallel(children.len(), |i| {
        let c = children.get(i)?;
        Some(audit_indexed(&registry, &ix, c.borrow(), config))
    })
    .into_iter()
    .flatten()
    .collect()
}

/// Audits many derived plans against one parent, with figures per child
/// and per parent obligation.
///
/// ```
/// use obligraph_core::{Level, Plan, Obligation};
/// let mut parent = Plan::default();
/// parent.level = Some(Level::Province);
/// parent.obligations.push(Obligation::new("1", "Tuyên truyền Công ước chống tra tấn"));
/// let child = parent.clone();
/// let empty = Plan { level: Some(Level::Province), ..Plan::default() };
/// let f = obligraph_rules::audit_fleet(&parent, &[child, empty], &obligraph_rules::Config::default());
/// assert_eq!(f.children[0].coverage.covered, 1);
/// assert_eq!(f.children[1].missing, vec!["1".to_string()]);
/// assert_eq!(f.obligations[0].missing, 1);
/// ```
pub fn audit_fleet(parent: &Plan, children: &[Plan], config: &Config) -> FleetReport {
    let reports = audit_many(parent, children, config);
    let mut obligations: Vec<FleetObligation> = parent
        .obligations
        .iter()
        .map(|o| FleetObligation {
            id: o.id.clone(),
            covered: 0,
            partial: 0,
            missing: 0,
        })
        .collect();
    for r in &reports {
        for (fo, p) in obligations.iter_mut().zip(&r.parent_obligations) {
            match p.status {
                Status::Covered => fo.covered += 1,
                Status::Partial => fo.partial += 1,
                Status::Missing => fo.missing += 1,
                Status::NotApplicable => {}
            }
        }
    }
    FleetReport {
        parent: PlanSummary::of(parent),
        children: reports.iter().map(entry).collect(),
        obligations,
    }
}

/// One step of a trace through a chain of plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceStep {
    /// The plan's label.
    pub plan: String,
    /// Obligations of that plan that carry the traced obligation.
    pub ids: Vec<String>,
}

/// A top obligation followed down a chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trace {
    /// The top obligation's id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// One step per lower plan, as far as the obligation reaches.
    pub path: Vec<TraceStep>,
    /// Whether it reaches the last plan of the chain.
    pub reaches_bottom: bool,
    /// The label of the first plan where it is lost (missing or not
    /// applicable), if it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost_at: Option<String>,
}

/// A chain of plans audited pair by pair, with traces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CascadeReport {
    /// The plans, top first.
    pub plans: Vec<PlanSummary>,
    /// The audit of each plan against the one above it.
    pub audits: Vec<AuditReport>,
    /// Each top obligation traced down.
    pub traces: Vec<Trace>,
}

/// Audits a chain (national → province → commune, or any length): each
/// plan against the one above, and each top obligation traced through the
/// middle plans (covered or partial matches carry it on).
///
/// ```
/// use obligraph_core::{Level, Plan, Obligation};
/// let mk = |l: Level, t: &str| {
///     let mut p = Plan::default();
///     p.level = Some(l);
///     p.obligations.push(Obligation::new("1", t));
///     p
/// };
/// let chain = [
///     mk(Level::National, "Tuyên truyền Công ước chống tra tấn"),
///     mk(Level::Province, "Tuyên truyền, phổ biến Công ước chống tra tấn"),
///     mk(Level::Commune, "Tổ chức hội nghị về an toàn giao thông"),
/// ];
/// let r = obligraph_rules::audit_cascade(&chain, &obligraph_rules::Config::default());
/// assert_eq!(r.audits.len(), 2);
/// assert!(!r.traces[0].reaches_bottom);
/// assert_eq!(r.traces[0].path.len(), 1);
/// ```
pub fn audit_cascade(chain: &[Plan], config: &Config) -> CascadeReport {
    let registry = Registry::default();
    let audits: Vec<AuditReport> = chain
        .windows(2)
        .filter_map(|w| match w {
            [p, c] => Some(registry.audit(p, c, config)),
            _ => None,
        })
        .collect();
    let mut traces = Vec::new();
    if let Some(top) = chain.first() {
        for o in &top.obligations {
            let mut ids = vec![o.id.clone()];
            let mut path = Vec::new();
            let mut lost_at = None;
            for (a, plan) in audits.iter().zip(chain.iter().skip(1)) {
                let mut next: Vec<String> = Vec::new();
                for r in a
                    .parent_obligations
                    .iter()
                    .filter(|r| ids.iter().any(|i| **i == *r.id))
                {
                    if matches!(r.status, Status::Covered | Status::Partial) {
                        for m in &r.matches {
                            if !next.contains(&m.child_id) {
                                next.push(m.child_id.clone());
                            }
                        }
                    }
                }
                if next.is_empty() {
                    lost_at = Some(plan.label());
                    break;
                }
                path.push(TraceStep {
                    plan: plan.label(),
                    ids: next.clone(),
                });
                ids = next;
            }
            traces.push(Trace {
                id: o.id.clone(),
                text: o.text.clone(),
                reaches_bottom: lost_at.is_none() && path.len() == audits.len(),
                path,
                lost_at,
            });
        }
    }
    CascadeReport {
        plans: chain.iter().map(PlanSummary::of).collect(),
        audits,
        traces,
    }
}
