use crate::registry::{declare_rule, Rule, RuleContext};
use crate::report::{excerpt, Finding, Severity, Status};

declare_rule! {
    /// ## What it does
    /// Reports a parent obligation whose best derived match is weaker than
    /// the covering threshold but above the partial one: the derived plan
    /// touches the subject but leaves part of it out.
    ///
    /// ## Why is this bad?
    /// Partial copies lose the specific groups, fields or outputs the
    /// parent named ("nhóm người khuyết tật, trẻ em, người dân tộc thiểu
    /// số"), and those are what the upward report is asked about.
    ///
    /// ## Example
    /// Parent: "Nâng cao hiệu quả tiếp nhận, giải quyết khiếu nại, tố cáo
    /// theo hướng thuận tiện, an toàn và tăng tỷ lệ giải quyết …"; derived:
    /// "Tiếp nhận, giải quyết dứt điểm các trường hợp khiếu nại".
    ///
    /// ## Use instead
    /// Carry the parent's task whole, or split it into derived tasks that
    /// together cover it.
    pub struct PartialCoverage;
}

impl Rule for PartialCoverage {
    fn code(&self) -> &'static str {
        "OG002"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn explanation(&self) -> &'static str {
        Self::DOC
    }
    fn needs_parent(&self) -> bool {
        true
    }
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        for r in ctx.with_status(Status::Partial) {
            let (Some(p), Some(m)) = (ctx.parent_obligation(&r.id), r.matches.first()) else {
                continue;
            };
            let c = ctx.obligation(&m.child_id);
            let t = excerpt(p, 80);
            out.push(ctx.finding(
                self,
                format!(
                    "parent obligation {} is only partly carried out by {} (score {:.2}): \"{t}\"",
                    p.id, m.child_id, m.score
                ),
                format!(
                    "nhiệm vụ {} mới được triển khai một phần tại {} (điểm {:.2}): \"{t}\"",
                    p.id, m.child_id, m.score
                ),
                Some(p),
                c,
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
    fn weak_match_is_partial() {
        let parent = plan("P", Level::Province, vec![task(
            "1",
            "Nâng cao hiệu quả tiếp nhận, giải quyết khiếu nại, tố cáo theo hướng thuận tiện, an toàn và tăng tỷ lệ giải quyết khiếu nại, tố cáo liên quan đến vi phạm quyền dân sự",
            vec![asg(sotp(), Role::Lead, false)],
        )]);
        let full = parent.clone();
        assert_eq!(
            audit(&parent, &full, &Config::default())
                .findings_with("OG002")
                .count(),
            0
        );
        let weak = plan("C", Level::Province, vec![task(
            "a",
            "Tiếp nhận, giải quyết dứt điểm các trường hợp khiếu nại, tố cáo của công dân về đất đai, nhà ở và môi trường",
            vec![asg(sotp(), Role::Lead, false)],
        )]);
        let mut cfg = Config::default();
        cfg.matching.covered_threshold = 0.5;
        let r = audit(&parent, &weak, &cfg);
        assert_eq!(
            r.parent_obligations[0].status,
            crate::Status::Partial,
            "{:?}",
            r.parent_obligations[0].matches
        );
        assert_eq!(r.findings_with("OG002").count(), 1);
    }
}
