//! Report types: what an audit returns. Every type here serialises with
//! serde; the JSON field names are a contract (see the crate docs).

use obligraph_core::{Level, Obligation, Place, Plan, SourceSpan};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// For information: nothing to fix (e.g. a local initiative).
    Info,
    /// Worth a look: likely a weakness of the derived plan.
    Warning,
    /// The derived plan fails a duty it has.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A place in a source document: which plan, which lines.
///
/// The strings a report repeats (plan labels, the parent's texts, the
/// derived texts) are shared (`Arc<str>`): a national cascade's reports
/// name the same parent obligation thousands of times. They read as
/// `&str` (`&*location.plan`) and serialise as strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// The plan's label (its number, else its title).
    pub plan: Arc<str>,
    /// First line (1-based).
    pub line_start: u32,
    /// Last line (inclusive).
    pub line_end: u32,
    /// Where a reader finds it in a Word document or a spreadsheet (the
    /// lines are then those of the text the importer made of the file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
}

impl Location {
    /// The location of an obligation of `plan`.
    pub fn of(plan: &Plan, span: &SourceSpan) -> Location {
        Location::at(&plan.label().into(), span)
    }

    /// The location `span` in the plan labelled `plan` (the label shared).
    pub fn at(plan: &Arc<str>, span: &SourceSpan) -> Location {
        Location {
            plan: Arc::clone(plan),
            line_start: span.line_start,
            line_end: span.line_end,
            place: span.place.clone(),
        }
    }
}

/// One diagnostic of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule code, e.g. `OG001`.
    pub code: String,
    /// The rule's short name, e.g. `missing-obligation`.
    pub rule: String,
    /// Severity after configuration.
    pub severity: Severity,
    /// Message in English.
    pub message: String,
    /// Message in Vietnamese.
    pub message_vi: String,
    /// The parent obligation concerned, if any.
    pub parent_id: Option<String>,
    /// The derived obligation concerned, if any.
    pub child_id: Option<String>,
    /// Where in the parent document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_location: Option<Location>,
    /// Where in the derived document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_location: Option<Location>,
    /// Stable identity of the finding across re-audits of edited plans (16
    /// hex digits; see [`crate::fingerprint`]): the rule code, the parent
    /// plan and the texts of the obligations concerned, and the rule's
    /// kind-specific key; never ids, lines or wording. Unique in a report.
    #[serde(default)]
    pub fingerprint: String,
    /// What the fingerprint is the hash of, before the audit sets it.
    #[serde(skip)]
    pub(crate) preimage: String,
}

impl Finding {
    /// Adds a kind-specific key to the finding's identity, for a rule that
    /// can make several findings on the same obligations (one per defunct
    /// agency, per cited number…). The key is part of the
    /// [fingerprint](crate::fingerprint); keep it free of ids, lines and
    /// wording.
    #[must_use]
    pub fn with_key(mut self, key: &str) -> Finding {
        self.preimage.push_str(key);
        self
    }
}

/// Status of one parent obligation in the derived plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A derived obligation carries it out.
    Covered,
    /// Something close, but weaker than the covering threshold.
    Partial,
    /// Applicable, and nothing carries it out.
    Missing,
    /// The derived plan's issuer does not have to carry it out.
    NotApplicable,
}

/// Which signals support a match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Evidence {
    /// The derived obligation cites the parent obligation (`implements`).
    pub explicit_reference: bool,
    /// The two obligations carry the same number in their documents.
    pub numbering: bool,
    /// TF-IDF cosine over syllable 1–2-grams, 0..=1.
    pub text_similarity: f64,
    /// The heaviest terms both texts share (folded), at most eight.
    pub shared_terms: Vec<Arc<str>>,
    /// The derived lead is the counterpart of the parent's lead.
    pub agency_counterpart: bool,
}

/// A derived obligation matched to a parent obligation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// The derived obligation's id.
    pub child_id: String,
    /// Its text.
    pub child_text: Arc<str>,
    /// Combined score, 0..=1.
    pub score: f64,
    /// Why it matched.
    pub evidence: Evidence,
    /// Where in the derived document.
    pub child_location: Location,
}

/// A parent obligation and how the derived plan carries it out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParentObligationReport {
    /// The parent plan's label.
    pub plan: Arc<str>,
    /// The parent obligation's id.
    pub id: Arc<str>,
    /// Its text.
    pub text: Arc<str>,
    /// Its section, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Arc<str>>,
    /// Covered, partial, missing or not applicable.
    pub status: Status,
    /// Derived obligations that carry it out, best first.
    pub matches: Vec<Match>,
    /// Why it is not applicable (when it is not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Arc<str>>,
    /// Where in the parent document.
    pub location: Location,
    /// Confidence in the status, in [0, 1] (see [`crate::params`]).
    #[serde(default)]
    pub confidence: f64,
    /// Whether a person should check the status (confidence below
    /// [`crate::params::REVIEW_BELOW`]).
    #[serde(default)]
    pub review: bool,
    /// The obligation's elements (clauses, enumerated items, joint
    /// duties) and the derived obligations that carry each; an element no
    /// one carries is what a partial verdict says was dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<ElementReport>,
    /// For a missing verdict: the derived obligations the matcher paired
    /// with it, which carry none of its elements whole (where a reader may
    /// look before agreeing). The rules on paired tasks ignore them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Match>,
}

/// One element of a parent obligation and who carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElementReport {
    /// The element as written in the parent.
    pub text: Arc<str>,
    /// Ids of the derived obligations that carry it (empty: dropped).
    pub carried_by: Vec<String>,
    /// Whether the derived plan must carry it: `false` for a part of the
    /// task that is for the levels above a commune plan (their bodies or
    /// audiences, court work). Written only when `false`.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

fn is_yes(b: &bool) -> bool {
    *b
}

impl ParentObligationReport {
    /// The elements no derived obligation carries, as written.
    pub fn dropped(&self) -> impl Iterator<Item = &str> {
        self.elements
            .iter()
            .filter(|e| e.required && e.carried_by.is_empty())
            .map(|e| &*e.text)
    }
}

/// Counts of parent obligations by status.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct Coverage {
    /// Parent obligations the derived plan must carry out.
    pub applicable: usize,
    /// Of those, covered.
    pub covered: usize,
    /// Of those, partially covered.
    pub partial: usize,
    /// Of those, missing.
    pub missing: usize,
    /// (covered + partial / 2) / applicable; 1 when nothing is applicable.
    pub ratio: f64,
}

impl Coverage {
    /// Counts statuses.
    pub fn from_statuses<'a>(statuses: impl IntoIterator<Item = &'a Status>) -> Coverage {
        let mut c = Coverage::default();
        for s in statuses {
            match s {
                Status::Covered => c.covered += 1,
                Status::Partial => c.partial += 1,
                Status::Missing => c.missing += 1,
                Status::NotApplicable => continue,
            }
            c.applicable += 1;
        }
        c.ratio = if c.applicable == 0 {
            1.0
        } else {
            // Counts are small; the conversion is exact.
            let r = (c.covered as f64 + c.partial as f64 / 2.0) / c.applicable as f64;
            (r * 10_000.0).round() / 10_000.0
        };
        c
    }
}

/// Coverage of one top-level section of the parent plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionCoverage {
    /// Section id (`II`, `A`, …), or `(none)`.
    pub section: String,
    /// Its heading, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Counts.
    pub coverage: Coverage,
}

/// A derived obligation that carries out no parent obligation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalInitiative {
    /// Its id.
    pub id: String,
    /// Its text.
    pub text: Arc<str>,
    /// Best score against any parent obligation (below the threshold).
    pub best_score: f64,
    /// Where in the derived document.
    pub location: Location,
}

/// A short description of an audited plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSummary {
    /// Label (number, else title).
    pub label: String,
    /// Issuer, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Level, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Date of issue, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<chrono::NaiveDate>,
    /// Number of obligations.
    pub obligations: usize,
}

impl PlanSummary {
    /// Summarises `plan`.
    pub fn of(plan: &Plan) -> PlanSummary {
        PlanSummary {
            label: plan.label(),
            issuer: plan.issuer.clone(),
            level: plan.level,
            date: plan.date,
            obligations: plan.obligations.len(),
        }
    }
}

/// The audit of one derived plan against one parent (or of one plan alone,
/// from [`check`](crate::check), with no parent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditReport {
    /// The parent plan, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<PlanSummary>,
    /// The derived plan.
    pub child: PlanSummary,
    /// Overall coverage of the parent's applicable obligations.
    pub coverage: Coverage,
    /// Coverage per top-level section of the parent.
    pub sections: Vec<SectionCoverage>,
    /// Every parent obligation with its status and matches.
    pub parent_obligations: Vec<ParentObligationReport>,
    /// Derived obligations with no parent (local initiatives).
    pub local_initiatives: Vec<LocalInitiative>,
    /// Diagnostics of the rules, most severe first (without those a
    /// review verdict set aside: see [`verdicts`](Self::verdicts)).
    pub findings: Vec<Finding>,
    /// The review verdicts applied ([`Verdicts::apply`](crate::review::Verdicts::apply)):
    /// findings set aside, new findings, stale verdicts. Absent when none
    /// were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdicts: Option<crate::review::Review>,
}

impl AuditReport {
    /// Findings with `code`.
    pub fn findings_with(&self, code: &str) -> impl Iterator<Item = &Finding> {
        let code = code.to_string();
        self.findings.iter().filter(move |f| f.code == code)
    }

    /// The report on parent obligation `id`.
    pub fn parent_obligation(&self, id: &str) -> Option<&ParentObligationReport> {
        self.parent_obligations.iter().find(|p| &*p.id == id)
    }

    /// Whether no finding is an error.
    pub fn passed(&self) -> bool {
        self.findings.iter().all(|f| f.severity != Severity::Error)
    }
}

/// The text of `o` as quoted in a message: whole, trimmed. Messages are
/// read by people who act on them, so nothing is cut; renderers wrap.
pub(crate) fn quoted(o: &Obligation) -> &str {
    o.text.trim()
}
