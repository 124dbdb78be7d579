use crate::report::{quoted, Finding, Status};
use crate::rule::{declare_rule, rule_metadata, Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Reports a parent obligation the derived plan carries only in part:
    /// some of its elements (clauses, enumerated items, joint duties) are
    /// carried by the matched derived tasks, others by none. The message
    /// names the dropped elements as written.
    ///
    /// ## Why is this bad?
    /// Partial copies lose the specific groups, fields or outputs the
    /// parent named ("nhóm người khuyết tật, trẻ em, người dân tộc thiểu
    /// số"), and those are what the upward report is asked about.
    ///
    /// ## Example
    /// Parent: "Xây dựng báo cáo sơ kết hằng năm và báo cáo tổng kết 05 năm
    /// thực hiện Kế hoạch"; derived: "Xây dựng báo cáo tổng kết 05 năm thực
    /// hiện Kế hoạch" (drops the annual preliminary report).
    ///
    /// ## Use instead
    /// Carry the parent's task whole, or split it into derived tasks that
    /// together cover it.
    pub struct PartialCoverage {
        code: "OG002",
        name: "partial-coverage",
        severity: Warning,
        needs_parent: true,
    }
}

impl Rule for PartialCoverage {
    rule_metadata!();
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        for r in ctx.with_status(Status::Partial) {
            let (Some(p), Some(m)) = (ctx.parent_obligation(&r.id), r.matches.first()) else {
                continue;
            };
            let c = ctx.obligation(&m.child_id);
            let t = quoted(p);
            let dropped: Vec<String> = r.dropped().map(|d| format!("\"{d}\"")).collect();
            let dropped = dropped.join("; ");
            out.push(ctx.finding(
                self,
                format!(
                    "parent obligation {} is only partly carried out by {} (score {:.2}): \"{t}\"; dropped: {dropped}",
                    p.id, m.child_id, m.score
                ),
                format!(
                    "nhiệm vụ {} mới được triển khai một phần tại {} (điểm {:.2}): \"{t}\"; bỏ: {dropped}",
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
            "Xây dựng báo cáo sơ kết hằng năm và báo cáo tổng kết 05 năm thực hiện Kế hoạch về phòng, chống tra tấn",
            vec![asg(sotp(), Role::Lead, false)],
        )]);
        let full = parent.clone();
        assert_eq!(
            audit(&parent, &full, &Config::default())
                .findings_with("OG002")
                .count(),
            0
        );
        let weak = plan(
            "C",
            Level::Province,
            vec![task(
                "a",
                "Xây dựng báo cáo tổng kết 05 năm thực hiện Kế hoạch về phòng, chống tra tấn",
                vec![asg(sotp(), Role::Lead, false)],
            )],
        );
        let r = audit(&parent, &weak, &Config::default());
        assert_eq!(
            r.parent_obligations[0].status,
            crate::Status::Partial,
            "{:?}",
            r.parent_obligations[0].matches
        );
        let f: Vec<_> = r.findings_with("OG002").collect();
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message_vi
                .contains("bỏ: \"Xây dựng báo cáo sơ kết hằng năm\""),
            "{}",
            f[0].message_vi
        );
    }
}
