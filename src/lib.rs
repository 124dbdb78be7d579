//! # obligraph
//!
//! Models Vietnamese government implementation plans as a graph of
//! obligations and audits derived plans against the plans they implement.
//!
//! This facade re-exports the workspace crates:
//! - [`core`]: the model, the deadline engine and the obligation graph;
//! - [`vn`]: the importer of Vietnamese plan documents (text, DOCX, JSON);
//! - [`rules`]: the coverage audit;
//!
//! and adds output formats: [`calendar`] (text, JSON, iCalendar) and
//! [`export`] (DOT, Mermaid, JSON graphs), with [`label`] naming plans
//! shortly and [`lang`] choosing the reports' language.
//!
//! # Embedding
//! Embedders depend on this crate. Its stable surface is small: [`audit`],
//! [`check`] and [`Auditor`] (one parent indexed once, for fleets) return
//! the contract's [`AuditReport`] (owned strings, `#[non_exhaustive]`
//! types); [`contract::handle`] takes and gives the JSON every transport
//! shares. The re-exported crates (`core`, `vn`, `rules`) are for those who
//! need more and may change faster.
//!
//! ```
//! use obligraph::core::{Obligation, Plan};
//! use obligraph::{audit, check, Auditor, Config, Status};
//!
//! let mut parent = Plan::default();
//! parent.number = Some("74/KH-UBND".into());
//! parent.obligations.push(Obligation::new("II.1", "Tuyên truyền Công ước chống tra tấn"));
//! parent.obligations.push(Obligation::new("II.2", "Chương trình mục tiêu quốc gia phòng chống ma túy"));
//! let mut child = Plan::default();
//! child.obligations.push(Obligation::new("1", "Tuyên truyền Công ước chống tra tấn"));
//!
//! let report = audit(&parent, &child, &Config::default());
//! assert_eq!(report.parent_obligation("II.1").unwrap().status, Status::Covered);
//! let missing = report.findings_with("OG001").next().unwrap();
//! assert_eq!(missing.parent_id.as_deref(), Some("II.2"));
//! assert_eq!(missing.fingerprint.len(), 16);
//!
//! // Many children, one parent: index it once.
//! let auditor = Auditor::new(&parent);
//! assert_eq!(auditor.audit(&child, &Config::default()), report);
//!
//! // The rules that need no parent.
//! assert_eq!(check(&child, &Config::default()).parent, None);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub use obligraph_core as core;
pub use obligraph_rules as rules;
pub use obligraph_vn as vn;

pub mod calendar;
#[cfg(feature = "cli")]
pub mod cli;
pub mod contract;
pub mod export;
pub mod label;
pub mod lang;
#[cfg(feature = "cli")]
pub mod report;
#[cfg(feature = "serve")]
pub mod serve;

pub use contract::{AuditReport, Finding, Severity, Status};
pub use obligraph_rules::Config;

use obligraph_core::Plan;

/// Audits `child` against `parent` with every built-in rule.
///
/// Any reference plan can be the parent: a national decision, the plan
/// one level up, or a sibling carrying out the same decision. The report's
/// inputs are named by the plans' labels (use [`contract::handle`] to name
/// documents by your own ids). See the [crate docs](crate) for an example.
pub fn audit(parent: &Plan, child: &Plan, config: &Config) -> AuditReport {
    AuditReport::from_plans(obligraph_rules::audit(parent, child, config))
}

/// Runs the rules that need no parent on `plan` (leads, deadlines,
/// requested bodies, defunct agencies, citations).
pub fn check(plan: &Plan, config: &Config) -> AuditReport {
    AuditReport::from_plans(obligraph_rules::check(plan, config))
}

/// One parent plan indexed once, to audit many derived plans against it
/// (a fleet): the same reports as [`audit`], faster from the second on.
///
/// ```
/// use obligraph::core::{Obligation, Plan};
/// use obligraph::{Auditor, Config};
/// let mut parent = Plan::default();
/// parent.obligations.push(Obligation::new("1", "Tuyên truyền pháp luật"));
/// let children: Vec<Plan> = (0..3).map(|_| parent.clone()).collect();
/// let auditor = Auditor::new(&parent);
/// for c in &children {
///     assert_eq!(auditor.audit(c, &Config::default()).coverage.covered, 1);
/// }
/// ```
pub struct Auditor<'p> {
    index: obligraph_rules::ParentIndex<'p>,
}

impl std::fmt::Debug for Auditor<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Auditor")
            .field("parent", &self.index.plan().label())
            .finish_non_exhaustive()
    }
}

impl<'p> Auditor<'p> {
    /// Indexes `parent`.
    pub fn new(parent: &'p Plan) -> Auditor<'p> {
        Auditor {
            index: obligraph_rules::ParentIndex::new(parent),
        }
    }

    /// Audits `child` against the indexed parent.
    pub fn audit(&self, child: &Plan, config: &Config) -> AuditReport {
        AuditReport::from_plans(self.audit_rules(child, config))
    }

    /// The rules crate's report.
    pub(crate) fn audit_rules(
        &self,
        child: &Plan,
        config: &Config,
    ) -> obligraph_rules::AuditReport {
        obligraph_rules::audit_with_index(&self.index, child, config)
    }
}
