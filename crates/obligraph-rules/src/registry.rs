//! The rule registry: which rules an audit runs, with what settings.

use crate::report::Finding;
use crate::rule::{Rule, RuleContext, RuleInfo};

/// A set of rules. [`Registry::default`] holds every built-in rule.
pub struct Registry {
    rules: Vec<Box<dyn Rule>>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.rules.iter().map(|r| r.code()))
            .finish()
    }
}

impl Default for Registry {
    fn default() -> Self {
        Registry {
            rules: crate::rules::builtin(),
        }
    }
}

impl Registry {
    /// An empty registry.
    pub fn empty() -> Registry {
        Registry { rules: Vec::new() }
    }

    /// Adds a rule (a rule with the same code is replaced).
    pub fn register(&mut self, rule: Box<dyn Rule>) {
        self.rules.retain(|r| r.code() != rule.code());
        self.rules.push(rule);
    }

    /// The rules, in code order.
    pub fn rules(&self) -> Vec<RuleInfo> {
        let mut v: Vec<RuleInfo> = self
            .rules
            .iter()
            .map(|r| RuleInfo {
                code: r.code().to_string(),
                name: r.name().to_string(),
                default_severity: r.default_severity(),
                needs_parent: r.needs_parent(),
                summary: summary(r.explanation()),
            })
            .collect();
        v.sort_by(|a, b| a.code.cmp(&b.code));
        v
    }

    /// The documentation of the rule with `code` (or name).
    pub fn explain(&self, code: &str) -> Option<String> {
        self.rules
            .iter()
            .find(|r| r.code().eq_ignore_ascii_case(code) || r.name() == code)
            .map(|r| {
                let body: Vec<&str> = r
                    .explanation()
                    .lines()
                    .map(|l| l.strip_prefix(' ').unwrap_or(l))
                    .collect();
                format!(
                    "{} ({}) — default severity: {}\n\n{}",
                    r.code(),
                    r.name(),
                    r.default_severity(),
                    body.join("\n").trim()
                )
            })
    }

    pub(crate) fn run(&self, ctx: &RuleContext<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        for r in &self.rules {
            if !ctx.config.enabled(r.code()) || (r.needs_parent() && ctx.parent.is_none()) {
                continue;
            }
            r.check(ctx, &mut out);
        }
        out.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then_with(|| a.code.cmp(&b.code))
        });
        crate::fingerprint::assign(&mut out);
        out
    }
}

/// The first non-heading line of an explanation.
fn summary(doc: &str) -> String {
    doc.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::CODES;

    #[test]
    fn every_code_has_a_documented_rule() {
        let reg = Registry::default();
        let listed = reg.rules();
        assert_eq!(listed.len(), CODES.len());
        for (code, name) in CODES {
            let info = listed.iter().find(|r| r.code == *code).unwrap();
            assert_eq!(info.name, *name);
            let doc = reg.explain(code).unwrap();
            for section in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Use instead",
            ] {
                assert!(doc.contains(section), "{code} lacks {section}");
            }
        }
        assert!(reg.explain("reporting-chain").unwrap().starts_with("OG006"));
        assert!(reg.explain("OG999").is_none());
    }

    /// The table read from the rules' own declarations: codes unique and
    /// in order (the order `builtin_rules!` lists them), names unique and
    /// kebab-case.
    #[test]
    fn codes_are_unique_and_sorted() {
        assert!(
            CODES.windows(2).all(|w| w[0].0 < w[1].0),
            "codes not strictly increasing: {CODES:?}"
        );
        let mut names: Vec<&str> = CODES.iter().map(|(_, n)| *n).collect();
        assert!(names
            .iter()
            .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CODES.len(), "a name is used twice");
        for (code, _) in CODES {
            assert!(
                code.len() == 5
                    && code.starts_with("OG")
                    && code[2..].chars().all(|c| c.is_ascii_digit()),
                "{code}"
            );
        }
    }
}
