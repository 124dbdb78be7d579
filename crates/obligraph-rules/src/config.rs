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

/// Thresholds of the matcher. The defaults are the parameter file
/// `crates/obligraph-rules/params/matching.toml`, written by the fit
/// (`cargo run --release -p obligraph-rules --example eval -- --fit`).
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
    /// procuracies, the Front) lead is applicable whatever the levels.
    /// Default `false`: it is applicable to a derived plan of the same
    /// level or below (which relays the request to its own bodies), and
    /// not applicable, with the reason, when a level is unknown.
    pub requested_only_applicable: bool,
    /// A parent element is carried by a derived task that holds at least
    /// this share of its weighted terms (see `crate::carry`; default
    /// [`crate::params::ELEMENT_CARRIED`]).
    pub element_carried: f64,
    /// The alignment's own weights: not in the configuration file (the
    /// parameter file's `[alignment]` table); see [`Matching::with_alignment`].
    #[serde(skip)]
    pub(crate) alignment: crate::params::AlignWeights,
}

impl Matching {
    /// The alignment's own weights and thresholds these settings use
    /// (default: the parameter file's `[alignment]` table).
    pub fn alignment(&self) -> crate::params::AlignWeights {
        self.alignment
    }

    /// These settings with the alignment's weights `alignment` (what the
    /// fit varies; a configuration file does not set them).
    pub fn with_alignment(mut self, alignment: crate::params::AlignWeights) -> Matching {
        self.alignment = alignment;
        self
    }
}

/// The values of the parameter file `params/matching.toml` (compiled in;
/// the file says how each was obtained), and `requested_only_applicable`
/// off.
impl Default for Matching {
    fn default() -> Self {
        use crate::params::matching as file;
        Matching {
            covered_threshold: file::COVERED_THRESHOLD,
            partial_threshold: file::PARTIAL_THRESHOLD,
            extra_match_threshold: file::EXTRA_MATCH_THRESHOLD,
            best_match_threshold: file::BEST_MATCH_THRESHOLD,
            best_margin: file::BEST_MARGIN,
            numbering_bonus: file::NUMBERING_BONUS,
            agency_bonus: file::AGENCY_BONUS,
            containment_weight: file::CONTAINMENT_WEIGHT,
            clause_weight: file::CLAUSE_WEIGHT,
            kind_bonus: file::KIND_BONUS,
            section_bonus: file::SECTION_BONUS,
            requested_only_applicable: false,
            element_carried: file::ELEMENT_CARRIED,
            alignment: crate::params::AlignWeights::default(),
        }
    }
}

/// The severity a configuration gives a rule: one of the report's, or
/// `off` (the rule does not run).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RuleLevel {
    /// The rule does not run.
    Off,
    /// For information.
    Info,
    /// Worth a look.
    Warning,
    /// A duty failed.
    Error,
}

/// Settings of one rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct RuleSettings {
    /// `false` turns the rule off; absent = on.
    pub enabled: Option<bool>,
    /// Overrides the rule's default severity; `off` turns the rule off.
    pub severity: Option<RuleLevel>,
    /// Rule parameters, e.g. `min_lead_days`.
    #[serde(flatten)]
    pub params: BTreeMap<String, serde_json::Value>,
}

/// Audit configuration. `Config::default()` is what the CLI uses with no
/// file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
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
    /// A rule the configuration names does not exist.
    #[error("{place}unknown rule `{key}`{hint}")]
    UnknownRule {
        /// The key as written.
        key: String,
        /// "did you mean …" when a code or name is close.
        hint: String,
        /// "line L, column C: " where the key is written, when found.
        place: String,
    },
    /// A rule's setting is not one the rule has, or has the wrong type or
    /// range.
    #[error("{place}rule `{rule}`: {message}")]
    RuleSetting {
        /// The rule's key as written.
        rule: String,
        /// What is wrong (with "did you mean …" where it helps).
        message: String,
        /// "line L, column C: " where the setting is written, when found.
        place: String,
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
        c.validate_in(s)?;
        Ok(c)
    }

    /// Reads a JSON configuration.
    pub fn from_json_str(s: &str) -> Result<Config, ConfigError> {
        let c: Config = serde_json::from_str(s).map_err(|e| ConfigError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        c.validate_in(s)?;
        Ok(c)
    }

    /// [`Config::validate`], and the rules: every key a known code or
    /// name, every setting one the rule has, of the right type and range.
    /// `source` is the text read, to say where a wrong key is written.
    fn validate_in(&self, source: &str) -> Result<(), ConfigError> {
        self.validate()?;
        let place = |needle: &str| -> String {
            source
                .lines()
                .enumerate()
                .find_map(|(i, l)| l.find(needle).map(|c| (i + 1, c + 1)))
                .map_or_else(String::new, |(l, c)| format!("line {l}, column {c}: "))
        };
        let names: Vec<&str> = crate::codes::CODES
            .iter()
            .flat_map(|(c, n)| [*c, *n])
            .collect();
        for (key, settings) in &self.rules {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(key)) {
                return Err(ConfigError::UnknownRule {
                    hint: did_you_mean(key, &names),
                    place: place(key),
                    key: key.clone(),
                });
            }
            let code = crate::codes::CODES
                .iter()
                .find(|(c, n)| c.eq_ignore_ascii_case(key) || n == key)
                .map_or("", |(c, _)| *c);
            let known: &[&str] = match code {
                "OG006" => &["min_lead_days"],
                _ => &[],
            };
            for (name, value) in &settings.params {
                let mut allowed: Vec<&str> = vec!["enabled", "severity"];
                allowed.extend(known);
                if !known.contains(&name.as_str()) {
                    return Err(ConfigError::RuleSetting {
                        rule: key.clone(),
                        message: format!(
                            "unknown setting `{name}`{}",
                            did_you_mean(name, &allowed)
                        ),
                        place: place(name),
                    });
                }
                if name == "min_lead_days" {
                    let ok = value
                        .as_f64()
                        .is_some_and(|d| d.fract() == 0.0 && (0.0..=366.0).contains(&d));
                    if !ok {
                        return Err(ConfigError::RuleSetting {
                            rule: key.clone(),
                            message: format!(
                                "`min_lead_days` must be a whole number of days from 0 to 366, not {value}"
                            ),
                            place: place(name),
                        });
                    }
                }
            }
        }
        Ok(())
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

    /// Whether the rule `code` is on (rules are on unless turned off, by
    /// `enabled = false` or `severity = "off"`).
    pub fn enabled(&self, code: &str) -> bool {
        self.settings(code)
            .is_none_or(|s| s.enabled.unwrap_or(true) && s.severity != Some(RuleLevel::Off))
    }

    /// The severity of rule `code`, or `default`.
    pub fn severity(&self, code: &str, default: Severity) -> Severity {
        match self.settings(code).and_then(|s| s.severity) {
            Some(RuleLevel::Info) => Severity::Info,
            Some(RuleLevel::Warning) => Severity::Warning,
            Some(RuleLevel::Error) => Severity::Error,
            Some(RuleLevel::Off) | None => default,
        }
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

/// ", did you mean `x`?" when a candidate is within two edits of `key`
/// (case aside), else "".
fn did_you_mean(key: &str, candidates: &[&str]) -> String {
    let k = key.to_lowercase();
    candidates
        .iter()
        .map(|c| (edits(&k, &c.to_lowercase()), *c))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map_or_else(String::new, |(_, c)| format!("; did you mean `{c}`?"))
}

/// Levenshtein distance over chars.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_that_says_no() {
        let e =
            Config::from_toml_str("[rules.reporting-chain]\nseverty = \"warning\"\n").unwrap_err();
        let m = e.to_string();
        assert!(
            m.contains("line 2, column 1") && m.contains("did you mean `severity`"),
            "{m}"
        );
        let e = Config::from_toml_str("[rules.OG999]\nenabled = false\n").unwrap_err();
        assert!(e.to_string().contains("unknown rule `OG999`"), "{e}");
        let e = Config::from_toml_str("[rules.OG06]\nenabled = false\n").unwrap_err();
        assert!(e.to_string().contains("did you mean `OG006`"), "{e}");
        for bad in ["\"ten\"", "-5", "2.5", "400"] {
            let t = format!("[rules.OG006]\nmin_lead_days = {bad}\n");
            let e = Config::from_toml_str(&t).unwrap_err();
            assert!(e.to_string().contains("min_lead_days"), "{bad}: {e}");
        }
        let e = Config::from_toml_str("[matchng]\ncovered_threshold = 0.5\n").unwrap_err();
        assert!(e.to_string().contains("matchng"), "{e}");
        let c = Config::from_toml_str("[rules.OG013]\nseverity = \"off\"\n").unwrap();
        assert!(!c.enabled("OG013"));
        assert!(c.enabled("OG001"));
        let c = Config::from_toml_str("[rules.OG006]\nmin_lead_days = 12\nseverity = \"error\"\n")
            .unwrap();
        assert_eq!(c.min_lead_days(), 12);
        assert_eq!(c.severity("OG006", Severity::Warning), Severity::Error);
    }

    #[test]
    fn the_example_file_reads() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/data/obligraph.toml"
        );
        let c = Config::from_toml_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert_eq!(c.min_lead_days(), 10);
        assert!(!c.enabled("OG013"));
    }

    /// The parameter file's `[matching]` table is a valid configuration,
    /// and what build.rs compiled in from the file is `Matching::default()`
    /// and `AlignWeights::default()`.
    #[test]
    fn the_parameter_file_is_the_default() {
        let text = include_str!("../params/matching.toml");
        let table: toml::Table = toml::from_str(text).unwrap();
        let written = table["matching"].as_table().unwrap();
        let c = Config::from_toml_str(&format!("[matching]\n{written}")).unwrap();
        assert_eq!(c.matching, Matching::default());
        assert_eq!(c, Config::default());
        // Every number is written in the file (a field left out would read
        // as the default and pass the comparison above).
        let fields = serde_json::to_value(Matching::default()).unwrap();
        for (name, value) in fields.as_object().unwrap() {
            if value.is_f64() {
                let v = written.get(name).and_then(|v| v.as_float());
                assert_eq!(v, value.as_f64(), "{name}");
            }
        }
        assert_eq!(
            Matching::default().element_carried,
            crate::params::ELEMENT_CARRIED
        );
        let a = table["alignment"].as_table().unwrap();
        let d = crate::params::AlignWeights::default();
        let read = |k: &str| a.get(k).and_then(|v| v.as_float());
        assert_eq!(a.len(), 6);
        assert_eq!(read("cross_theme_factor"), Some(d.cross_theme_factor));
        assert_eq!(read("verbatim_clause"), Some(d.verbatim_clause));
        assert_eq!(read("group_restated"), Some(d.group_restated));
        assert_eq!(read("group_weight"), Some(d.group_weight));
        assert_eq!(read("echo_margin"), Some(d.echo_margin));
        assert_eq!(read("verbatim_twin"), Some(d.verbatim_twin));
        assert_eq!(Matching::default().alignment(), d);
    }

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
