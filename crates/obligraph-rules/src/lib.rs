//! # obligraph-rules
//!
//! The coverage audit: does a derived plan carry out the plan or decision
//! above it?
//!
//! - [`audit`]: one derived plan against any reference plan — a national
//!   decision, the plan one level up, or a sibling carrying out the same
//!   decision. Agencies are compared across the two plans' levels through
//!   their field (Bộ Tư pháp ↔ Sở Tư pháp ↔ Phòng Tư pháp).
//! - [`check`]: the rules that need no parent (leads, deadlines, requested
//!   bodies, agencies that no longer exist, citations).
//! - [`lift`], [`consensus`]: raise a derived plan one level; merge
//!   lifted siblings into a skeleton that says how many carry each task.
//! - [`audit_cascade`], [`audit_fleet`]: chains and fleets.
//! - [`Registry`], [`Rule`], [`Config`]: the rules (codes `OG001`…, see
//!   [`CODES`]), extensible by embedders, configurable from TOML or JSON.
//!
//! ## How an audit works
//! 1. **Applicability**: a parent obligation applies when one of its
//!    agencies has a counterpart at the derived plan's level, or a
//!    collective takes the issuer in ("UBND các tỉnh, thành phố", "các sở,
//!    ban, ngành", "các cơ quan, đơn vị liên quan"). Below the province the
//!    *kind* of task decides first: making and reviewing law, court and
//!    procuracy work, treaty reports and international cooperation stay
//!    above the commune whoever leads them; dissemination, legal aid,
//!    complaints, vulnerable groups, domestic violence and trafficking reach
//!    it whoever leads them (`obligraph_vn::subjects::task_scope_in`).
//!    Obligations only requested bodies lead ("Đề nghị Tòa án nhân dân tỉnh
//!    chủ trì") are applicable to a plan of the same level or below, which
//!    relays the request to its own court, procuracy or Front where its
//!    level has one; a "missing" one is flagged for review (readers split
//!    on the convention). Every not-applicable verdict says why.
//! 2. **Alignment** ([`align`] module docs): explicit references, then
//!    TF-IDF over syllable 1–2-grams with numbering and agency bonuses,
//!    then a Hungarian assignment per component, plus strong extra matches
//!    (one broad task covering several, one task split in several). This
//!    finds *candidates*.
//! 3. **Carrying** (the `carry` module): each parent obligation is split into its
//!    elements (clauses, enumerated items, joint duties, [`elements_of`]);
//!    an element is carried by a matched derived task that holds at least
//!    `matching.element_carried` of its terms, each weighted by how
//!    distinctive it is in the parent plan (asymmetric: how much of the
//!    parent is in the derived text). A derived task naming another
//!    convention or national decision carries nothing. Covered = every
//!    element carried, partial = some (OG002 names the dropped ones),
//!    missing = none (the matcher's pairs are kept as `candidates`). Each
//!    verdict has a `confidence`; below [`params::REVIEW_BELOW`] it is
//!    flagged `review`. Every number is in [`params`] with how it was set.
//! 4. **Rules** on the verdicts and the paired tasks.
//!
//! ## JSON contract
//! [`AuditReport`] serialises with `coverage` {`applicable`, `covered`,
//! `partial`, `missing`, `ratio`}, `parent_obligations` [{`plan`, `id`,
//! `text`, `status`, `matches` [{`child_id`, `child_text`, `score`,
//! `evidence`}], `reason`}], `findings` [{`code`, `severity`, `message`,
//! `message_vi`, `parent_id`, `child_id`, `parent_location`,
//! `child_location`, `fingerprint`}], plus `sections` and
//! `local_initiatives`. A finding's `fingerprint` stays the same on a
//! re-audit of an edited plan ([`fingerprint`] module). Each parent
//! obligation also carries `confidence` (0–1), `review` (bool), `elements`
//! [{`text`, `carried_by`}] when it has several or some are dropped, and
//! `candidates` (matches that carry none of it, for a missing verdict).
//! With review verdicts applied ([`Verdicts::apply`]) the report has
//! `verdicts` {`counts` {`suppressed`, `confirmed`, `new`, `stale`},
//! `suppressed` [{`finding`, `verdict`}], `confirmed` and `new`
//! (fingerprints), `stale` (the verdicts whose finding is gone)}; without,
//! no such field.
//!
//! ```
//! use obligraph_core::{Level, Plan, Obligation};
//! use obligraph_rules::{audit, Config, Status};
//!
//! let mut parent = Plan::default();
//! parent.level = Some(Level::Province);
//! parent.obligations.push(Obligation::new("B.II.4", "Chương trình mục tiêu quốc gia phòng chống ma túy đến năm 2030"));
//! parent.obligations.push(Obligation::new("C.1", "Triển khai hiệu quả Đề án truyền thông về quyền con người ở Việt Nam"));
//! let mut child = Plan::default();
//! child.level = Some(Level::Province);
//! child.obligations.push(Obligation::new("II.3.3", "Tuyên truyền, phổ biến Đề án truyền thông về quyền con người ở Việt Nam"));
//!
//! let report = audit(&parent, &child, &Config::default());
//! assert_eq!(report.coverage.applicable, 2);
//! assert_eq!(report.parent_obligation("C.1").unwrap().status, Status::Covered);
//! assert_eq!(report.parent_obligation("B.II.4").unwrap().status, Status::Missing);
//! assert_eq!(report.findings_with("OG001").count(), 1);
//! let json = serde_json::to_value(&report).unwrap();
//! assert_eq!(json["coverage"]["covered"], 1);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod agencies;
pub mod align;
mod assignment;
mod audit;
mod carry;
mod citations;
mod codes;
mod config;
pub mod fingerprint;
mod fleet;
mod lift;
pub mod parallel;
pub mod params;
mod registry;
mod report;
pub mod review;
mod rule;
pub mod rules;
mod text;
mod vn;

pub use align::ParentIndex;
pub use audit::CountedAt;
pub use carry::elements_of;
pub use citations::{known_decisions, KnownDecision};
pub use config::{Config, ConfigError, Matching, RuleLevel, RuleSettings};
pub use fleet::{
    audit_cascade, audit_fleet, audit_many, audit_many_refs, CascadeReport, FleetEntry,
    FleetObligation, FleetReport, Trace, TraceStep,
};
pub use lift::{
    consensus, lift, AgencyMapping, Carrier, Consensus, ConsensusTask, Lifted, Provenance,
};
pub use registry::Registry;
pub use report::{
    AuditReport, Coverage, ElementReport, Evidence, Finding, LocalInitiative, Location, Match,
    ParentObligationReport, PlanSummary, SectionCoverage, Severity, Status,
};
pub use review::{Review, ReviewCounts, Suppressed, Verdict, VerdictKind, Verdicts, VerdictsError};
pub use rule::{Rule, RuleContext, RuleInfo, CODES};

use obligraph_core::Plan;

/// The canonical syllables of `text` as the matcher reads them (NFC, lower
/// case, tone split, abbreviations expanded, stop words, digits left out,
/// level words as `∗`).
pub fn text_tokens(text: &str) -> Vec<String> {
    text::tokens(text)
}

/// Why obligation `o` of `parent` is not for a derived plan at
/// `child_level` to carry out, or `None` when it is: the audit's rule of
/// applicability (the kind of task below the province, then the agencies
/// and their counterparts; see the crate docs). A body item restated by an
/// appendix row is not judged here (the audit counts it at the row).
pub fn not_applicable(
    parent: &Plan,
    o: &obligraph_core::Obligation,
    child_level: obligraph_core::Level,
    config: &Config,
) -> Option<String> {
    audit::not_applicable_reason(o, parent, Some(child_level), None, config)
}

/// Audits `child` against `parent` with every built-in rule.
///
/// Any reference plan can be the parent: a national decision, the plan one
/// level up, or a sibling carrying out the same decision. See the crate
/// docs for an example.
pub fn audit(parent: &Plan, child: &Plan, config: &Config) -> AuditReport {
    Registry::default().audit(parent, child, config)
}

/// Audits `child` against a parent indexed once with [`ParentIndex::new`]
/// (for many children against one parent).
pub fn audit_with_index(parent: &ParentIndex<'_>, child: &Plan, config: &Config) -> AuditReport {
    audit::audit_indexed(&Registry::default(), parent, child, config)
}

/// Runs the rules that need no parent on `plan`.
///
/// ```
/// use obligraph_core::{Agency, Assignment, Obligation, Plan, Role};
/// let court = Agency { id: "province:court".into(), name: "Tòa án nhân dân tỉnh".into(),
///     level: None, field: Some("court".into()), orderable: false, collective: None };
/// let mut o = Obligation::new("1", "Trợ giúp pháp lý");
/// o.assignments.push(Assignment { agency: court, role: Role::Support, requested: false,
///     scope: None, as_written: "Tòa án nhân dân tỉnh".into() });
/// let mut plan = Plan::default();
/// plan.obligations.push(o);
/// let r = obligraph_rules::check(&plan, &obligraph_rules::Config::default());
/// assert_eq!(r.findings_with("OG009").count(), 1);
/// ```
pub fn check(plan: &Plan, config: &Config) -> AuditReport {
    Registry::default().check(plan, config)
}
