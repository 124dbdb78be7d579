//! Review verdicts: what a person decided about a finding, kept in a plain
//! TOML file beside the plans and applied to the next audit.
//!
//! A verdict names a finding by its [fingerprint](crate::fingerprint) and
//! the pair of plans it was found in (their labels: number, else title),
//! and says one of
//!
//! - `confirmed`: the finding is right; it stays among the findings;
//! - `false-alarm`: the finding is wrong (the derived plan does carry the
//!   task out, in words the audit did not match);
//! - `not-applicable`: the task is not the derived plan's issuer's to carry
//!   out here.
//!
//! with a reason, who decided and when. The file:
//!
//! ```toml
//! [[verdict]]
//! fingerprint = "3f0c9a6b21d4e875"
//! verdict = "not-applicable"
//! reason = "Quận không có Trại tạm giam"
//! by = "Nguyễn Văn A"
//! at = "2026-12-03T02:10:00Z"
//! parent_plan = "87/QĐ-TTg"
//! child_plan = "102/KH-UBND"
//! # What the finding was, for the reader (not used to match):
//! code = "OG001"
//! parent_id = "II.2-2"
//! message = "nhiệm vụ II.2-2 của văn bản cấp trên chưa được triển khai: …"
//! ```
//!
//! [`Verdicts::apply`] sets a report's [`verdicts`](AuditReport::verdicts)
//! (a [`Review`]): findings with a false-alarm or not-applicable verdict
//! move out of
//! [`AuditReport::findings`] into [`Review::suppressed`] (so they neither
//! count nor set the exit code), confirmed ones stay, findings with no
//! verdict are listed as new, and verdicts of the pair whose finding the
//! audit no longer makes (the plan was revised, the task rewritten) are
//! listed as stale. Coverage figures are the audit's own: a verdict sets a
//! finding aside, it does not change a task's status.

use crate::report::{AuditReport, Finding};
use serde::{Deserialize, Serialize};

/// What a reviewer decided about a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum VerdictKind {
    /// The finding is right (xác nhận).
    Confirmed,
    /// The finding is wrong (báo nhầm).
    FalseAlarm,
    /// The task is not the derived plan's issuer's here (không áp dụng).
    NotApplicable,
}

impl VerdictKind {
    /// Whether the verdict sets the finding aside.
    pub fn suppresses(self) -> bool {
        !matches!(self, VerdictKind::Confirmed)
    }

    /// The name written in the file (`false-alarm`).
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictKind::Confirmed => "confirmed",
            VerdictKind::FalseAlarm => "false-alarm",
            VerdictKind::NotApplicable => "not-applicable",
        }
    }
}

/// One verdict, as the file holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Verdict {
    /// The finding's fingerprint.
    pub fingerprint: String,
    /// The decision.
    pub verdict: VerdictKind,
    /// Why.
    pub reason: String,
    /// Who decided.
    pub by: String,
    /// When (RFC 3339).
    pub at: String,
    /// The parent plan's label.
    pub parent_plan: String,
    /// The derived plan's label.
    pub child_plan: String,
    /// The finding's rule code when the verdict was recorded (for the
    /// reader).
    #[serde(default)]
    pub code: String,
    /// The parent task concerned, when there was one (for the reader).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// The derived task concerned, when there was one (for the reader).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_id: Option<String>,
    /// The finding's message (Vietnamese) when recorded (for the reader).
    #[serde(default)]
    pub message: String,
}

impl Verdict {
    /// A verdict on `finding` of `report`, by `by` at `at`.
    pub fn on(
        report: &AuditReport,
        finding: &Finding,
        verdict: VerdictKind,
        reason: impl Into<String>,
        by: impl Into<String>,
        at: impl Into<String>,
    ) -> Verdict {
        Verdict {
            fingerprint: finding.fingerprint.clone(),
            verdict,
            reason: reason.into(),
            by: by.into(),
            at: at.into(),
            parent_plan: report
                .parent
                .as_ref()
                .map(|p| p.label.clone())
                .unwrap_or_default(),
            child_plan: report.child.label.clone(),
            code: finding.code.clone(),
            parent_id: finding.parent_id.clone(),
            child_id: finding.child_id.clone(),
            message: if finding.message_vi.is_empty() {
                finding.message.clone()
            } else {
                finding.message_vi.clone()
            },
        }
    }

    /// Whether the verdict is about the pair of plans `report` audits.
    pub fn concerns(&self, report: &AuditReport) -> bool {
        self.concerns_plans(
            report.parent.as_ref().map(|p| p.label.as_str()),
            &report.child.label,
        )
    }

    /// Whether the verdict is about the plans labelled `parent` (none: a
    /// check) and `child`.
    pub fn concerns_plans(&self, parent: Option<&str>, child: &str) -> bool {
        self.child_plan == child && self.parent_plan == parent.unwrap_or_default()
    }
}

/// A verdict file: every verdict recorded, in the order recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdicts {
    /// The verdicts (`[[verdict]]` tables).
    #[serde(default, rename = "verdict")]
    pub verdicts: Vec<Verdict>,
}

/// A verdict file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VerdictsError {
    /// The TOML is invalid, or a verdict lacks a field or has an unknown
    /// one or an unknown verdict (the message says where).
    #[error("{message}")]
    Toml {
        /// What and where (line and column).
        message: String,
    },
    /// Two verdicts of one pair of plans name the same finding.
    #[error("verdicts {first} and {second} both name finding `{fingerprint}` of `{child_plan}`: keep one")]
    Duplicate {
        /// The fingerprint.
        fingerprint: String,
        /// The derived plan.
        child_plan: String,
        /// The first verdict's position (1-based).
        first: usize,
        /// The second verdict's position (1-based).
        second: usize,
    },
}

/// The head of a verdict file.
const HEADER: &str = "\
# Review verdicts of obligraph findings (see `obligraph review --help`).
# One [[verdict]] per finding: its fingerprint and the two plans name it;
# verdict = confirmed | false-alarm | not-applicable. `code`, `parent_id`,
# `child_id` and `message` only say what the finding was when recorded.

";

impl Verdicts {
    /// Reads a verdict file.
    pub fn from_toml_str(s: &str) -> Result<Verdicts, VerdictsError> {
        let v: Verdicts = toml::from_str(s).map_err(|e| VerdictsError::Toml {
            message: e.to_string().trim_end().replace('\n', " "),
        })?;
        for (i, a) in v.verdicts.iter().enumerate() {
            if let Some(j) = v.verdicts.iter().skip(i + 1).position(|b| {
                b.fingerprint == a.fingerprint
                    && b.child_plan == a.child_plan
                    && b.parent_plan == a.parent_plan
            }) {
                return Err(VerdictsError::Duplicate {
                    fingerprint: a.fingerprint.clone(),
                    child_plan: a.child_plan.clone(),
                    first: i + 1,
                    second: i + j + 2,
                });
            }
        }
        Ok(v)
    }

    /// The file's text: a comment saying what it is, then the verdicts.
    pub fn to_toml_string(&self) -> String {
        let body = toml::to_string_pretty(self).unwrap_or_default();
        format!("{HEADER}{body}")
    }

    /// Records `v`, replacing an earlier verdict on the same finding of the
    /// same pair of plans.
    pub fn record(&mut self, v: Verdict) {
        match self.verdicts.iter_mut().find(|o| {
            o.fingerprint == v.fingerprint
                && o.child_plan == v.child_plan
                && o.parent_plan == v.parent_plan
        }) {
            Some(old) => *old = v,
            None => self.verdicts.push(v),
        }
    }

    /// `text`, a verdict file, with `v` recorded as [`record`](Self::record)
    /// does, and everything else (comments, order, layout) kept as written:
    /// a file people edit by hand keeps their notes. An empty `text` starts
    /// a new file with its explanatory header.
    pub fn record_in(text: &str, v: &Verdict) -> Result<String, VerdictsError> {
        Verdicts::from_toml_str(text)?;
        let bad = |e: &dyn std::fmt::Display| VerdictsError::Toml {
            message: e.to_string().trim_end().replace('\n', " "),
        };
        let one = Verdicts {
            verdicts: vec![v.clone()],
        };
        if text.trim().is_empty() {
            return Ok(one.to_toml_string());
        }
        let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e| bad(&e))?;
        let serialised = toml::to_string(&one).map_err(|e| bad(&e))?;
        if doc.get("verdict").is_none() {
            // Only comments so far: the verdict goes after them.
            let sep = if text.ends_with('\n') { "\n" } else { "\n\n" };
            return Ok(format!("{text}{sep}{serialised}"));
        }
        let fresh: toml_edit::DocumentMut = serialised.parse().map_err(|e| bad(&e))?;
        let Some(table) = fresh
            .get("verdict")
            .and_then(toml_edit::Item::as_array_of_tables)
            .and_then(|a| a.get(0))
            .cloned()
        else {
            return Err(bad(&"the verdict did not serialise as a [[verdict]] table"));
        };
        let field =
            |t: &toml_edit::Table, k: &str| t.get(k).and_then(|i| i.as_str()).map(str::to_string);
        let same = |t: &toml_edit::Table| {
            ["fingerprint", "child_plan", "parent_plan"]
                .iter()
                .all(|k| field(t, k) == field(&table, k))
        };
        let Some(aot) = doc
            .get_mut("verdict")
            .and_then(toml_edit::Item::as_array_of_tables_mut)
        else {
            return Err(bad(&"`verdict` is not an array of [[verdict]] tables"));
        };
        let at = aot.iter().position(same);
        match at.and_then(|i| aot.get_mut(i)) {
            Some(old) => {
                // The comments above the old table stay with it.
                let decor = old.decor().clone();
                *old = table;
                *old.decor_mut() = decor;
            }
            None => aot.push(table),
        }
        Ok(doc.to_string())
    }

    /// Applies the verdicts to `report` (see the [module docs](self)).
    pub fn apply(&self, report: &mut AuditReport) {
        let mine: Vec<&Verdict> = self
            .verdicts
            .iter()
            .filter(|v| v.concerns(report))
            .collect();
        let verdict_of = |f: &Finding| {
            mine.iter()
                .find(|v| v.fingerprint == f.fingerprint)
                .copied()
        };
        let mut review = Review::default();
        let mut kept = Vec::with_capacity(report.findings.len());
        for f in std::mem::take(&mut report.findings) {
            match verdict_of(&f) {
                Some(v) if v.verdict.suppresses() => review.suppressed.push(Suppressed {
                    finding: f,
                    verdict: v.clone(),
                }),
                Some(_) => {
                    review.confirmed.push(f.fingerprint.clone());
                    kept.push(f);
                }
                None => {
                    review.new.push(f.fingerprint.clone());
                    kept.push(f);
                }
            }
        }
        report.findings = kept;
        review.stale = mine
            .iter()
            .filter(|v| {
                !report
                    .findings
                    .iter()
                    .any(|f| f.fingerprint == v.fingerprint)
                    && !review
                        .suppressed
                        .iter()
                        .any(|s| s.finding.fingerprint == v.fingerprint)
            })
            .map(|v| (*v).clone())
            .collect();
        review.counts = ReviewCounts {
            suppressed: review.suppressed.len(),
            confirmed: review.confirmed.len(),
            new: review.new.len(),
            stale: review.stale.len(),
        };
        report.verdicts = Some(review);
    }
}

/// A finding set aside by a verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Suppressed {
    /// The finding, as the audit made it.
    pub finding: Finding,
    /// The verdict that sets it aside.
    pub verdict: Verdict,
}

/// How many findings each kind of outcome has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ReviewCounts {
    /// Findings set aside (false alarm, not applicable).
    pub suppressed: usize,
    /// Findings confirmed (kept).
    pub confirmed: usize,
    /// Findings with no verdict.
    pub new: usize,
    /// Verdicts whose finding the audit no longer makes.
    pub stale: usize,
}

/// The verdicts applied to one report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Review {
    /// The counts of the lists below.
    pub counts: ReviewCounts,
    /// Findings set aside, with their verdicts.
    pub suppressed: Vec<Suppressed>,
    /// Fingerprints of the confirmed findings (still in the findings).
    pub confirmed: Vec<String>,
    /// Fingerprints of the findings no verdict names.
    pub new: Vec<String>,
    /// Verdicts of this pair of plans whose finding is gone.
    pub stale: Vec<Verdict>,
}

impl Review {
    /// Whether the finding with `fingerprint` has no verdict.
    pub fn is_new(&self, fingerprint: &str) -> bool {
        self.new.iter().any(|f| f == fingerprint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"
[[verdict]]
fingerprint = "00000000000000aa"
verdict = "false-alarm"
reason = "r"
by = "b"
at = "2026-12-03T00:00:00Z"
parent_plan = "P"
child_plan = "C"
"#;

    #[test]
    fn a_file_reads_and_writes_back() {
        let v = Verdicts::from_toml_str(FILE).unwrap();
        assert_eq!(v.verdicts.len(), 1);
        assert_eq!(v.verdicts[0].verdict, VerdictKind::FalseAlarm);
        let again = Verdicts::from_toml_str(&v.to_toml_string()).unwrap();
        assert_eq!(again, v);
    }

    #[test]
    fn bad_files_say_where() {
        let e = Verdicts::from_toml_str(&FILE.replace("false-alarm", "maybe")).unwrap_err();
        let m = e.to_string();
        assert!(m.contains("line 4") && m.contains("maybe"), "{m}");
        let e = Verdicts::from_toml_str(&FILE.replace("by = ", "who = ")).unwrap_err();
        assert!(e.to_string().contains("who"), "{e}");
        let twice = format!("{FILE}{FILE}");
        let e = Verdicts::from_toml_str(&twice).unwrap_err();
        assert!(e.to_string().contains("verdicts 1 and 2"), "{e}");
    }

    #[test]
    fn recording_keeps_what_people_wrote() {
        let written =
            format!("# Reviewed with the district on 2 December.\n{FILE}\n# Still to discuss.\n");
        let mut v = Verdicts::from_toml_str(FILE).unwrap().verdicts[0].clone();
        // Replacing the verdict on the same finding keeps both comments.
        v.verdict = VerdictKind::Confirmed;
        v.reason = "the district agrees".into();
        let replaced = Verdicts::record_in(&written, &v).unwrap();
        assert!(
            replaced.starts_with("# Reviewed with the district on 2 December.\n"),
            "{replaced}"
        );
        assert!(replaced.contains("# Still to discuss."), "{replaced}");
        let read = Verdicts::from_toml_str(&replaced).unwrap();
        assert_eq!(read.verdicts, vec![v.clone()]);
        // Another finding is added after it; the file reads as `record` says.
        let mut w = v.clone();
        w.fingerprint = "00000000000000bb".into();
        let added = Verdicts::record_in(&replaced, &w).unwrap();
        let mut expected = read.clone();
        expected.record(w.clone());
        assert_eq!(Verdicts::from_toml_str(&added).unwrap(), expected);
        assert!(added.contains("# Reviewed with the district"), "{added}");
        // A new file starts with the header that explains it.
        let fresh = Verdicts::record_in("", &w).unwrap();
        assert!(fresh.starts_with(HEADER), "{fresh}");
        assert_eq!(Verdicts::from_toml_str(&fresh).unwrap().verdicts, vec![w]);
        // A broken file is refused, not overwritten.
        assert!(Verdicts::record_in("verdict = 3", &v).is_err());
    }
}
