//! Audit configuration: thresholds, and per rule enable / severity /
//! parameters. Reads TOML or JSON.
//!
//! ```
//! use obligraph_rules::{Config, Severity};
//! let cfg = Config::from_toml_str(r#"
//! [matching]
//! covered_threshold = 0.4
//!
//! [rules.OG006]
//! min_lead_days = 10
//!
//! [rules.OG013]
//! enabled = false
//!
//! [rules.OG003]
//! severity = "error"
//! "#).unwrap();
//! assert_eq!(cfg.min_lead_days(), 10);
//! assert!(!cfg.enabled("OG013"));
//! assert_eq!(cfg.severity("OG003", Severity::Warning), Severity::Error);
//! ```

use crate::report::Severity;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Thresholds of the matcher.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Matching {
    /// A match at or above this score covers the parent obligation.
    pub covered_threshold: f64,
    /// A best match at or above this score (and below `covered_threshold`)
    /// covers it in part.
    pub partial_threshold: f64,
    /// Extra matches (a parent split across several derived obligations,
    /// or one broad derived obligation covering several parents) are kept
    /// when their score reaches this.
    pub extra_match_threshold: f64,
    /// A pair that is the best of its parent or of its child is kept, even
    /// beyond the one-to-one assignment, when its score reaches this.
    pub best_match_threshold: f64,
    /// How far below the best score of its parent or child a pair may be
    /// and still count as "best" for `best_match_threshold`.
    pub best_margin: f64,
    /// Score added when both obligations carry the same number.
    pub numbering_bonus: f64,
    /// Score added when the derived lead is the counterpart of the parent's.
    pub agency_bonus: f64,
    /// Weight of the best clause-to-clause cosine (texts split at ";",
    /// ".", ":" and bullets) against the whole-text cosine.
    pub clause_weight: f64,
    /// Score added when both are duties of the same kind (subtracted when
    /// a duty meets a task).
    pub kind_bonus: f64,
    /// Score added when the top-level section titles are close (subtracted
    /// when they are unrelated).
    pub section_bonus: f64,
    /// Weight of containment (one text's weight found in the other)
    /// against the cosine; see the `align` module.
    pub containment_weight: f64,
    /// Whether a parent obligation that only requested bodies (courts,
    /// procuracies, the Front) lead is applicable. Default `false`: the
    /// derived plan's issuer can relay the request but cannot order it, so
    /// it is reported not applicable, with the reason and any matches.
    pub requested_only_applicable: bool,
    /// A parent element is carried by a derived task that holds at least
    /// this share of its weighted terms (see `crate::carry`; default
    /// [`crate::params::ELEMENT_CARRIED`], fitted).
    pub element_carried: f64,
}

impl Default for Matching {
    fn default() -> Self {
        Matching {
            covered_threshold: 0.40,
            partial_threshold: 0.30,
            extra_match_threshold: 0.50,
            best_match_threshold: 0.30,
            best_margin: 0.0,
            numbering_bonus: 0.08,
            agency_bonus: 0.05,
            containment_weight: 0.75,
            clause_weight: 0.7,
            kind_bonus: 0.12,
            section_bonus: 0.08,
            requested_only_applicable: false,
            element_carried: crate::params::ELEMENT_CARRIED,
        }
    }
}

/// Settings of one rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct RuleSettings {
    /// `false` turns the rule off; absent = on.
    pub enabled: Option<bool>,
    /// Overrides the rule's default severity.
    pub severity: Option<Severity>,
    /// Rule parameters, e.g. `min_lead_days`.
    #[serde(flatten)]
    pub params: BTreeMap<String, serde_json::Value>,
}

/// Audit configuration. `Config::default()` is what the CLI uses with no
/// file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Config {
    /// Matcher thresholds.
    pub matching: Matching,
    /// Per-rule settings, keyed by code (`OG006`) or name
    /// (`reporting-chain`).
    pub rules: BTreeMap<String, RuleSettings>,
}

/// An error reading a configuration.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The TOML text is invalid.
    #[error("invalid toml configuration: {0}")]
    Toml(#[from] toml::de::Error),
    /// The JSON text is invalid.
    #[error("invalid json configuration at line {line}, column {column}: {message}")]
    Json {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
        /// What went wrong.
        message: String,
    },
    /// A threshold is outside 0..=1 or the thresholds are out of order.
    #[error("invalid threshold `{name}` = {value}: {why}")]
    Threshold {
        /// The threshold's name.
        name: &'static str,
        /// Its value.
        value: f64,
        /// Why it is refused.
        why: &'static str,
    },
}

impl Config {
    /// Reads a TOML configuration.
    pub fn from_toml_str(s: &str) -> Result<Config, ConfigError> {
        let c: Config = toml::from_str(s)?;
        c.validate()?;
        Ok(c)
    }

    /// Reads a JSON configuration.
    pub fn from_json_str(s: &str) -> Result<Config, ConfigError> {
        let c: Config = serde_json::from_str(s).map_err(|e| ConfigError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        c.validate()?;
        Ok(c)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let m = &self.matching;
        for (name, value) in [
            ("covered_threshold", m.covered_threshold),
            ("partial_threshold", m.partial_threshold),
            ("extra_match_threshold", m.extra_match_threshold),
            ("best_match_threshold", m.best_match_threshold),
            ("best_margin", m.best_margin),
            ("numbering_bonus", m.numbering_bonus),
            ("agency_bonus", m.agency_bonus),
            ("containment_weight", m.containment_weight),
            ("kind_bonus", m.kind_bonus),
            ("clause_weight", m.clause_weight),
            ("section_bonus", m.section_bonus),
            ("element_carried", m.element_carried),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return Err(ConfigError::Threshold {
                    name,
                    value,
                    why: "must lie between 0 and 1",
                });
            }
        }
        if m.partial_threshold > m.covered_threshold {
            return Err(ConfigError::Threshold {
                name: "partial_threshold",
                value: m.partial_threshold,
                why: "must not exceed covered_threshold",
            });
        }
        Ok(())
    }

    fn settings(&self, code: &str) -> Option<&RuleSettings> {
        self.rules.get(code).or_else(|| {
            crate::codes::CODES
                .iter()
                .find(|(c, _)| *c == code)
                .and_then(|(_, name)| self.rules.get(*name))
        })
    }

    /// Whether the rule `code` is on (rules are on unless turned off).
    pub fn enabled(&self, code: &str) -> bool {
        self.settings(code).and_then(|s| s.enabled).unwrap_or(true)
    }

    /// The severity of rule `code`, or `default`.
    pub fn severity(&self, code: &str, default: Severity) -> Severity {
        self.settings(code)
            .and_then(|s| s.severity)
            .unwrap_or(default)
    }

    /// A numeric parameter of rule `code`.
    pub fn param_f64(&self, code: &str, name: &str) -> Option<f64> {
        self.settings(code)
            .and_then(|s| s.params.get(name))
            .and_then(|v| v.as_f64())
    }

    /// Minimum days between a report and the report it feeds (rule
    /// `OG006`, parameter `min_lead_days`; default 5).
    pub fn min_lead_days(&self) -> u32 {
        self.param_f64("OG006", "min_lead_days")
            .filter(|d| d.is_finite() && *d >= 0.0 && *d <= 366.0)
            // In range 0..=366 after the filter: the cast is exact.
            .map_or(5, |d| d as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_and_validation() {
        let c = Config::from_json_str(
            r#"{"matching": {"covered_threshold": 0.5}, "rules": {"reporting-chain": {"min_lead_days": 12}, "OG013": {"enabled": false}}}"#,
        )
        .unwrap();
        assert_eq!(c.matching.covered_threshold, 0.5);
        assert_eq!(c.min_lead_days(), 12);
        assert!(!c.enabled("OG013") && c.enabled("OG001"));
        let e = Config::from_toml_str("[matching]\npartial_threshold = 0.9\n").unwrap_err();
        assert!(e.to_string().contains("partial_threshold"), "{e}");
        let e = Config::from_json_str("{\"matching\": {\"nope\": 1}}").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("invalid json configuration at line 1"),
            "{e}"
        );
    }
}
