use crate::agencies::{display, is_counterpart, reaches_child};
use crate::report::{Finding, Status};
use crate::rule::{declare_rule, rule_metadata, Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// For a parent obligation the derived plan carries out, lists the
    /// parent's named support agencies (phối hợp) that have a counterpart at
    /// the derived level but appear nowhere in the matched derived
    /// obligations. Collective supports ("các Sở, ngành có liên quan") and
    /// requested bodies are not counted.
    ///
    /// ## Why is this bad?
    /// The parent named the support because the task needs it; a lead
    /// working alone may lack the data or the remit (e.g. statistics from
    /// the Department of Finance).
    ///
    /// ## Example
    /// Parent: "Sở Tư pháp chủ trì; Công an tỉnh phối hợp"; derived: "Sở
    /// Tư pháp chủ trì" only.
    ///
    /// ## Use instead
    /// Name the counterpart of each support body, or the collective that
    /// includes it.
    pub struct SupportDropped {
        code: "OG004",
        name: "support-dropped",
        severity: Info,
        needs_parent: true,
    }
}

impl Rule for SupportDropped {
    rule_metadata!();
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let Some(parent) = ctx.parent else {
            return;
        };
        let child = ctx.plan;
        for r in ctx.parent_obligations {
            if r.status != Status::Covered {
                continue;
            }
            let Some(p) = ctx.parent_obligation(&r.id) else {
                continue;
            };
            // The derived obligations that carry it best (within 10 % of the
            // best score): weaker extra matches do not excuse a dropped
            // support.
            let top = r.matches.first().map_or(0.0, |m| m.score);
            let matched: Vec<&obligraph_core::Obligation> = r
                .matches
                .iter()
                .filter(|m| m.score >= 0.9 * top)
                .filter_map(|m| ctx.obligation(&m.child_id))
                .collect();
            let Some(first) = matched.first() else {
                continue;
            };
            if matched.iter().all(|c| c.own_assignments().is_empty()) {
                continue;
            }
            let dropped: Vec<&str> = p
                .own_supports()
                .filter(|a| !a.requested && a.agency.orderable && a.agency.collective.is_none())
                .filter(|a| reaches_child(a, parent.level, child.level))
                .filter(|a| {
                    !matched.iter().any(|c| {
                        c.own_assignments().iter().any(|ca| {
                            is_counterpart(&a.agency, parent.level, &ca.agency, child.level)
                        })
                    })
                })
                .map(display)
                .collect();
            if dropped.is_empty() {
                continue;
            }
            out.push(ctx.finding(
                self,
                format!(
                    "{} drops the parent's support agencies: {} (parent {})",
                    first.id,
                    dropped.join(", "),
                    p.id
                ),
                format!(
                    "{} bỏ các cơ quan phối hợp của nhiệm vụ {} cấp trên: {}",
                    first.id,
                    p.id,
                    dropped.join(", ")
                ),
                Some(p),
                Some(first),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::{audit, Config};
    use obligraph_core::{Level, Role};

    #[test]
    fn dropped_support_is_reported() {
        let parent = plan(
            "P",
            Level::Province,
            vec![task(
                "1",
                "Đẩy mạnh việc thực hiện trợ giúp pháp lý cho nhóm dễ bị tổn thương",
                vec![
                    asg(sotp(), Role::Lead, false),
                    asg(police(), Role::Support, false),
                ],
            )],
        );
        let mut child = parent.clone();
        assert_eq!(
            audit(&parent, &child, &Config::default())
                .findings_with("OG004")
                .count(),
            0
        );
        child.obligations[0].assignments.truncate(1);
        let r = audit(&parent, &child, &Config::default());
        let f: Vec<_> = r.findings_with("OG004").collect();
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("Công an tỉnh"));
    }
}
