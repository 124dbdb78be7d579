use crate::report::{quoted, Finding, Status};
use crate::rule::{declare_rule, rule_metadata, Rule, RuleContext};
use obligraph_core::ObligationKind;

declare_rule! {
    /// ## What it does
    /// Reports a plan-level duty of the parent — draft a derived plan by a
    /// date, report by a date each year, monitor and compile — that applies
    /// to the derived plan's issuer while the derived plan has no duty of
    /// that kind at all.
    ///
    /// ## Why is this bad?
    /// These duties are how the level above learns anything: without a
    /// reporting duty the derived plan's results never reach the parent's
    /// compilation.
    ///
    /// ## Example
    /// Parent: "… định kỳ báo cáo kết quả thực hiện trước ngày 05/11 hàng
    /// năm về UBND tỉnh (qua Sở Tư pháp)"; the derived plan assigns tasks
    /// but no report.
    ///
    /// ## Use instead
    /// Add the duty with a date before the parent's: "các phòng, ban báo
    /// cáo trước ngày 25/10 hằng năm; Phòng Tư pháp tổng hợp, báo cáo trước
    /// ngày 01/11".
    pub struct PlanDutyMissing {
        code: "OG012",
        name: "plan-duty-missing",
        severity: Warning,
        needs_parent: true,
    }
}

fn kind_vi(k: ObligationKind) -> &'static str {
    match k {
        ObligationKind::Report => "báo cáo",
        ObligationKind::DraftPlan => "xây dựng kế hoạch",
        ObligationKind::Monitor => "theo dõi, đôn đốc, tổng hợp",
        ObligationKind::Task => "nhiệm vụ",
    }
}

fn kind_en(k: ObligationKind) -> &'static str {
    match k {
        ObligationKind::Report => "reporting",
        ObligationKind::DraftPlan => "plan-drafting",
        ObligationKind::Monitor => "monitoring",
        ObligationKind::Task => "task",
    }
}

impl Rule for PlanDutyMissing {
    rule_metadata!();
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        if ctx.parent.is_none() {
            return;
        }
        let mut reported: Vec<ObligationKind> = Vec::new();
        for r in ctx.parent_obligations {
            if r.status == Status::NotApplicable {
                continue;
            }
            let Some(p) = ctx.parent_obligation(&r.id) else {
                continue;
            };
            if p.kind == ObligationKind::Task || reported.contains(&p.kind) {
                continue;
            }
            if ctx.plan.obligations.iter().any(|c| c.kind == p.kind) || r.status == Status::Covered
            {
                continue;
            }
            reported.push(p.kind);
            let t = quoted(p);
            out.push(ctx.finding(
                self,
                format!(
                    "the parent's {} duty {} has no counterpart in the derived plan: \"{t}\"",
                    kind_en(p.kind),
                    p.id
                ),
                format!(
                    "kế hoạch không có nhiệm vụ {} tương ứng với {} của cấp trên: \"{t}\"",
                    kind_vi(p.kind),
                    p.id
                ),
                Some(p),
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::{audit, Config};
    use obligraph_core::{Level, ObligationKind, Role};

    #[test]
    fn report_duty_dropped() {
        let mut d = task("IV.1", "Định kỳ báo cáo kết quả thực hiện trước ngày 05/11 hàng năm về UBND tỉnh (qua Sở Tư pháp)", vec![asg(sotp(), Role::Lead, false)]);
        d.kind = ObligationKind::Report;
        let parent = plan(
            "P",
            Level::Province,
            vec![
                task(
                    "1",
                    "Tuyên truyền Công ước",
                    vec![asg(sotp(), Role::Lead, false)],
                ),
                d,
            ],
        );
        let mut child = parent.clone();
        assert_eq!(
            audit(&parent, &child, &Config::default())
                .findings_with("OG012")
                .count(),
            0
        );
        child.obligations.truncate(1);
        assert_eq!(
            audit(&parent, &child, &Config::default())
                .findings_with("OG012")
                .count(),
            1
        );
    }
}
