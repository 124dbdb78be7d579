//! The audit report as embedders see it: owned strings, `#[non_exhaustive]`
//! types, no internals. Converted at the boundary from the rules crate's
//! report (whose shared `Arc<str>` strings serve the cascade's memory), so
//! the JSON keys are the same ones, plus the inputs.

use super::InputRef;
use crate::rules;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// For information: nothing to fix.
    Info,
    /// Worth a look.
    Warning,
    /// The derived plan fails a duty it has.
    Error,
}

/// Status of one parent obligation in the derived plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// A derived obligation carries it out.
    Covered,
    /// Some of its elements are carried.
    Partial,
    /// Applicable, and nothing carries it out.
    Missing,
    /// The derived plan's issuer does not have to carry it out.
    NotApplicable,
}

/// A place in a source document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Location {
    /// The plan's label.
    pub plan: String,
    /// First line (1-based).
    pub line_start: u32,
    /// Last line (inclusive).
    pub line_end: u32,
    /// Where a reader finds it in a Word document or a spreadsheet
    /// (paragraph, table row, sheet cell); the lines are then those of the
    /// text the importer made of the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<crate::core::Place>,
}

/// One diagnostic of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Finding {
    /// Rule code, e.g. `OG001`.
    pub code: String,
    /// The rule's name, e.g. `missing-obligation`.
    pub rule: String,
    /// Severity after configuration.
    pub severity: Severity,
    /// Message in English.
    pub message: String,
    /// Message in Vietnamese.
    pub message_vi: String,
    /// The parent obligation concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// The derived obligation concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_id: Option<String>,
    /// Where in the parent document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_location: Option<Location>,
    /// Where in the derived document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_location: Option<Location>,
    /// Stable identity across re-audits of edited plans (16 hex digits;
    /// see `obligraph_rules::fingerprint`), unique in a report.
    pub fingerprint: String,
}

/// Which signals support a match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Evidence {
    /// The derived obligation cites the parent obligation.
    pub explicit_reference: bool,
    /// The two carry the same number in their documents.
    pub numbering: bool,
    /// TF-IDF cosine, 0..=1.
    pub text_similarity: f64,
    /// The heaviest shared terms (folded), at most eight.
    pub shared_terms: Vec<String>,
    /// The derived lead is the counterpart of the parent's lead.
    pub agency_counterpart: bool,
}

/// A derived obligation matched to a parent obligation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Match {
    /// The derived obligation's id.
    pub child_id: String,
    /// Its text.
    pub child_text: String,
    /// Combined score, 0..=1.
    pub score: f64,
    /// Why it matched.
    pub evidence: Evidence,
    /// Where in the derived document.
    pub child_location: Location,
}

/// One element of a parent obligation and who carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ElementReport {
    /// The element as written.
    pub text: String,
    /// Ids of the derived obligations that carry it (empty: dropped).
    pub carried_by: Vec<String>,
    /// Whether the derived plan must carry it (written only when `false`).
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

fn is_yes(b: &bool) -> bool {
    *b
}

/// A parent obligation and how the derived plan carries it out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ParentObligationReport {
    /// The parent plan's label.
    pub plan: String,
    /// The parent obligation's id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Its section, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The verdict.
    pub status: Status,
    /// Derived obligations that carry it out, best first.
    pub matches: Vec<Match>,
    /// Why it is not applicable (when it is not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Where in the parent document.
    pub location: Location,
    /// Confidence in the status, in [0, 1].
    pub confidence: f64,
    /// Whether a person should check the status.
    pub review: bool,
    /// The obligation's elements and who carries each (when several, or
    /// some dropped).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<ElementReport>,
    /// For a missing verdict: the matcher's pairs that carry none of it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Match>,
}

/// Counts of parent obligations by status.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
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

/// Coverage of one top-level section of the parent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct SectionCoverage {
    /// Section id, or `(none)`.
    pub section: String,
    /// Its heading, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Counts.
    pub coverage: Coverage,
}

/// A derived obligation that carries out no parent obligation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct LocalInitiative {
    /// Its id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Best score against any parent obligation.
    pub best_score: f64,
    /// Where in the derived document.
    pub location: Location,
}

/// A short description of an audited plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct PlanSummary {
    /// Label (number, else title).
    pub label: String,
    /// Issuer, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Level (`national`, `province`, `district`, `commune`, …), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Date of issue, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Number of obligations.
    pub obligations: usize,
}

/// The audit of one derived plan against one parent, or the check of one
/// plan alone (no `parent`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AuditReport {
    /// The parent document (none in a check).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_input: Option<InputRef>,
    /// The derived (or checked) document.
    pub child_input: InputRef,
    /// The parent plan (none in a check).
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
    /// Derived obligations with no parent.
    pub local_initiatives: Vec<LocalInitiative>,
    /// Diagnostics, most severe first (those a review verdict sets aside
    /// are under `verdicts` instead).
    pub findings: Vec<Finding>,
    /// The review verdicts applied; absent when none were given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdicts: Option<Review>,
}

/// A finding set aside by a review verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Suppressed {
    /// The finding, as the audit made it.
    pub finding: Finding,
    /// The verdict that sets it aside.
    pub verdict: rules::Verdict,
}

/// The review verdicts applied to one report (see
/// `obligraph_rules::review`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Review {
    /// The counts of the lists below.
    pub counts: rules::ReviewCounts,
    /// Findings set aside (false alarm, not applicable), with their
    /// verdicts.
    pub suppressed: Vec<Suppressed>,
    /// Fingerprints of the confirmed findings (still in the findings).
    pub confirmed: Vec<String>,
    /// Fingerprints of the findings no verdict names.
    pub new: Vec<String>,
    /// Verdicts of this pair of plans whose finding is gone.
    pub stale: Vec<rules::Verdict>,
}

impl AuditReport {
    /// Findings with `code`.
    pub fn findings_with<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.code == code)
    }

    /// The report on parent obligation `id`.
    pub fn parent_obligation(&self, id: &str) -> Option<&ParentObligationReport> {
        self.parent_obligations.iter().find(|p| p.id == id)
    }

    /// Whether no finding is an error.
    pub fn passed(&self) -> bool {
        self.findings.iter().all(|f| f.severity != Severity::Error)
    }

    /// The rules crate's report, converted, naming its inputs.
    pub(crate) fn from_rules(
        r: rules::AuditReport,
        parent_input: Option<InputRef>,
        child_input: InputRef,
    ) -> AuditReport {
        AuditReport {
            parent_input,
            child_input,
            parent: r.parent.map(summary),
            child: summary(r.child),
            coverage: coverage(r.coverage),
            sections: r
                .sections
                .into_iter()
                .map(|s| SectionCoverage {
                    section: s.section,
                    title: s.title,
                    coverage: coverage(s.coverage),
                })
                .collect(),
            parent_obligations: r
                .parent_obligations
                .into_iter()
                .map(|p| ParentObligationReport {
                    plan: p.plan.to_string(),
                    id: p.id.to_string(),
                    text: p.text.to_string(),
                    section: p.section.map(|s| s.to_string()),
                    status: status(p.status),
                    matches: p.matches.into_iter().map(matched).collect(),
                    reason: p.reason.map(|s| s.to_string()),
                    location: location(p.location),
                    confidence: p.confidence,
                    review: p.review,
                    elements: p
                        .elements
                        .into_iter()
                        .map(|e| ElementReport {
                            text: e.text.to_string(),
                            carried_by: e.carried_by,
                            required: e.required,
                        })
                        .collect(),
                    candidates: p.candidates.into_iter().map(matched).collect(),
                })
                .collect(),
            local_initiatives: r
                .local_initiatives
                .into_iter()
                .map(|l| LocalInitiative {
                    id: l.id,
                    text: l.text.to_string(),
                    best_score: l.best_score,
                    location: location(l.location),
                })
                .collect(),
            findings: r.findings.into_iter().map(finding).collect(),
            verdicts: r.verdicts.map(|v| Review {
                counts: v.counts,
                suppressed: v
                    .suppressed
                    .into_iter()
                    .map(|s| Suppressed {
                        finding: finding(s.finding),
                        verdict: s.verdict,
                    })
                    .collect(),
                confirmed: v.confirmed,
                new: v.new,
                stale: v.stale,
            }),
        }
    }

    /// A report of the rules crate, converted, its inputs named by the
    /// plans' labels only (for embedders who audit plans, not documents).
    pub(crate) fn from_plans(r: rules::AuditReport) -> AuditReport {
        let input = |s: &rules::PlanSummary| InputRef {
            id: None,
            name: None,
            label: s.label.clone(),
            plan_found: true,
        };
        let parent = r.parent.as_ref().map(input);
        let child = input(&r.child);
        AuditReport::from_rules(r, parent, child)
    }
}

fn severity(s: rules::Severity) -> Severity {
    match s {
        rules::Severity::Info => Severity::Info,
        rules::Severity::Warning => Severity::Warning,
        rules::Severity::Error => Severity::Error,
    }
}

fn status(s: rules::Status) -> Status {
    match s {
        rules::Status::Covered => Status::Covered,
        rules::Status::Partial => Status::Partial,
        rules::Status::Missing => Status::Missing,
        rules::Status::NotApplicable => Status::NotApplicable,
    }
}

fn finding(f: rules::Finding) -> Finding {
    Finding {
        code: f.code,
        rule: f.rule,
        severity: severity(f.severity),
        message: f.message,
        message_vi: f.message_vi,
        parent_id: f.parent_id,
        child_id: f.child_id,
        parent_location: f.parent_location.map(location),
        child_location: f.child_location.map(location),
        fingerprint: f.fingerprint,
    }
}

fn location(l: rules::Location) -> Location {
    Location {
        plan: l.plan.to_string(),
        line_start: l.line_start,
        line_end: l.line_end,
        place: l.place,
    }
}

fn coverage(c: rules::Coverage) -> Coverage {
    Coverage {
        applicable: c.applicable,
        covered: c.covered,
        partial: c.partial,
        missing: c.missing,
        ratio: c.ratio,
    }
}

fn matched(m: rules::Match) -> Match {
    Match {
        child_id: m.child_id,
        child_text: m.child_text.to_string(),
        score: m.score,
        evidence: Evidence {
            explicit_reference: m.evidence.explicit_reference,
            numbering: m.evidence.numbering,
            text_similarity: m.evidence.text_similarity,
            shared_terms: m
                .evidence
                .shared_terms
                .iter()
                .map(|t| t.to_string())
                .collect(),
            agency_counterpart: m.evidence.agency_counterpart,
        },
        child_location: location(m.child_location),
    }
}

fn summary(s: rules::PlanSummary) -> PlanSummary {
    PlanSummary {
        label: s.label,
        issuer: s.issuer,
        level: s.level.and_then(|l| {
            serde_json::to_value(l)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
        }),
        date: s.date,
        obligations: s.obligations,
    }
}
