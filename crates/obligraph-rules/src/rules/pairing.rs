use crate::report::{Finding, Severity};
use crate::rule::{declare_rule, rule_metadata, Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Checks that the two plans of an audit make a pair: the parent holds
    /// obligations; it is not at a level below the derived plan; both
    /// carry out the same decision and convention (by the decisions and
    /// instruments their headers and titles cite); and, when the derived
    /// plan says which plan it carries out, whether the parent is that plan
    /// or another one standing in for it (a sibling, a plan of another
    /// province).
    ///
    /// ## Why is this bad?
    /// An audit of unrelated plans gives a normal-looking coverage figure
    /// that means nothing; an empty parent gives 100 %.
    ///
    /// ## Example
    /// A plan carrying out QĐ 87/QĐ-TTg (CAT) audited against one carrying
    /// out QĐ 2715/QĐ-TTg (ICCPR).
    ///
    /// ## Use instead
    /// Audit each plan against the decision or plan it cites, or read the
    /// report knowing which plan stands in.
    pub struct Pairing {
        code: "OG014",
        name: "pairing",
        severity: Warning,
        needs_parent: true,
    }
}

impl Rule for Pairing {
    rule_metadata!();
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let (Some(parent), child) = (ctx.parent, ctx.plan) else {
            return;
        };
        let finding =
            |key: &str, en: String, vi: String| ctx.finding(self, en, vi, None, None).with_key(key);
        if parent.obligations.is_empty() {
            // Not a weakness of the derived plan: the audit itself is void,
            // so the exit code says so (error unless configured).
            let f = finding(
                "empty parent",
                format!(
                    "the parent plan {} holds no obligation: there is nothing to audit against (wrong file?)",
                    parent.label()
                ),
                format!(
                    "văn bản cấp trên {} không có nhiệm vụ nào để đối chiếu (nhầm tệp?)",
                    parent.label()
                ),
            );
            out.push(Finding {
                severity: ctx.config.severity(self.code(), Severity::Error),
                ..f
            });
        }
        if let (Some(p), Some(c)) = (parent.level, child.level) {
            if p > c {
                out.push(finding(
                    "parent below",
                    format!(
                        "the parent plan is at a lower level ({}) than the derived one ({}): were they given the other way round?",
                        p.vietnamese(),
                        c.vietnamese()
                    ),
                    format!(
                        "văn bản cấp trên ở cấp thấp hơn ({}) văn bản được rà soát ({}): có nhầm thứ tự không?",
                        p.vietnamese(),
                        c.vietnamese()
                    ),
                ));
            }
        }
        let (ps, cs) = (
            crate::carry::plan_subjects(parent),
            crate::carry::plan_subjects(child),
        );
        let kinds: std::collections::BTreeSet<_> = ps.iter().map(|s| s.kind).collect();
        for kind in kinds {
            let p: Vec<&str> = ps
                .iter()
                .filter(|s| s.kind == kind)
                .map(|s| s.key.as_str())
                .collect();
            let c: Vec<&str> = cs
                .iter()
                .filter(|s| s.kind == kind)
                .map(|s| s.key.as_str())
                .collect();
            if !c.is_empty() && !p.iter().any(|k| c.contains(k)) {
                out.push(finding(
                    "different decisions",
                    format!(
                        "the plans carry out different decisions or conventions: the parent {}, the derived plan {}; the coverage compares unrelated tasks",
                        p.join(", ").to_uppercase(),
                        c.join(", ").to_uppercase()
                    ),
                    format!(
                        "hai văn bản triển khai các văn bản khác nhau: cấp trên {}, văn bản được rà soát {}; kết quả đối chiếu không có ý nghĩa",
                        p.join(", ").to_uppercase(),
                        c.join(", ").to_uppercase()
                    ),
                ));
                break;
            }
        }
        // The derived plan names the plan it carries out, and it is not the
        // parent given.
        let cited: Vec<&obligraph_core::DocRef> = child
            .implements
            .iter()
            .filter(|d| d.number.as_deref().is_some_and(|n| n.contains("/KH")))
            .collect();
        // The parent is named by its number, else by its issuer.
        let parent_name = parent.number.clone().or_else(|| parent.issuer.clone());
        if let (Some(pn), false) = (parent_name, cited.is_empty()) {
            let folded =
                |s: &str| obligraph_vn::normalize::lower_nfc(s).replace("ủy ban nhân dân", "ubnd");
            let same = cited.iter().any(|d| {
                match (&parent.number, &d.number, &parent.issuer, &d.issuer) {
                    (Some(a), Some(b), _, _) => crate::citations::same_doc_number(a, b),
                    (None, _, Some(a), Some(b)) => folded(a) == folded(b),
                    _ => true,
                }
            });
            if !same {
                let names: Vec<String> = cited
                    .iter()
                    .map(|d| {
                        let n = d.number.clone().unwrap_or_default();
                        match &d.issuer {
                            Some(i) => format!("{n} ({i})"),
                            None => n,
                        }
                    })
                    .collect();
                out.push(Finding {
                    severity: ctx.config.severity(self.code(), Severity::Info),
                    ..ctx.finding(
                        self,
                        format!(
                            "the derived plan carries out {}, not {pn}: the parent stands in for it (a sibling or another plan of the same family)",
                            names.join(", ")
                        ),
                        format!(
                            "văn bản được rà soát triển khai {}, không phải {pn}: văn bản cấp trên được dùng thay (văn bản cùng cấp hoặc cùng hệ thống)",
                            names.join(", ")
                        ),
                        None,
                        None,
                    )
                    .with_key("stand-in")
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::{audit, Config};
    use obligraph_core::{DocRef, Level, Role};

    fn implementing(number: &str, title: &str, level: Level) -> obligraph_core::Plan {
        let mut p = plan(
            number,
            level,
            vec![task(
                "1",
                "Tuyên truyền pháp luật",
                vec![asg(sotp(), Role::Lead, false)],
            )],
        );
        p.title = Some(title.into());
        p
    }

    #[test]
    fn pairs_that_make_no_sense_are_said() {
        let cfg = Config::default();
        let cat = implementing(
            "1/KH",
            "Kế hoạch thực hiện Công ước chống tra tấn",
            Level::Province,
        );
        let iccpr = implementing("2/KH", "Kế hoạch thực hiện Công ước ICCPR", Level::Province);
        assert_eq!(audit(&cat, &iccpr, &cfg).findings_with("OG014").count(), 1);
        assert_eq!(audit(&cat, &cat, &cfg).findings_with("OG014").count(), 0);
        let commune = implementing(
            "3/KH",
            "Kế hoạch thực hiện Công ước chống tra tấn",
            Level::Commune,
        );
        assert_eq!(
            audit(&commune, &cat, &cfg).findings_with("OG014").count(),
            1
        );
        let mut empty = cat.clone();
        empty.obligations.clear();
        let r = audit(&empty, &cat, &cfg);
        assert!(r
            .findings_with("OG014")
            .any(|f| f.message.contains("no obligation")));
        let mut child = cat.clone();
        child.implements.push(DocRef {
            number: Some("108/KH-UBND".into()),
            ..DocRef::default()
        });
        let r = audit(&cat, &child, &cfg);
        let f: Vec<_> = r.findings_with("OG014").collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, crate::Severity::Info);
    }
}
