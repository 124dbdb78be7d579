use crate::report::Finding;
use crate::rule::{declare_rule, rule_metadata, Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Lists derived obligations that carry out no parent obligation:
    /// local initiatives, or tasks the matcher could not place.
    ///
    /// ## Why is this bad?
    /// It is not: a derived plan may add its own tasks. The list helps a
    /// reviewer check that each is intended and not a garbled copy of a
    /// parent task.
    ///
    /// ## Example
    /// A city plan adds "Tăng cường hợp tác quốc tế về văn hoá, du lịch".
    ///
    /// ## Use instead
    /// Nothing to change; if the task does carry out a parent task, cite
    /// it so the audit links them.
    pub struct LocalInitiativeRule {
        code: "OG013",
        name: "local-initiative",
        severity: Info,
        needs_parent: true,
    }
}

impl Rule for LocalInitiativeRule {
    rule_metadata!();
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        for l in ctx.local_initiatives() {
            let o = ctx.obligation(&l.id);
            out.push(ctx.finding(
                self,
                format!("{} carries out no parent obligation (best score {:.2}): a local initiative", l.id, l.best_score),
                format!("{} không tương ứng với nhiệm vụ nào của cấp trên (điểm cao nhất {:.2}): nhiệm vụ do địa phương bổ sung", l.id, l.best_score),
                None,
                o,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::{audit, Config};
    use obligraph_core::Level;

    #[test]
    fn extra_task_is_local() {
        let parent = plan(
            "P",
            Level::Province,
            vec![task(
                "1",
                "Tuyên truyền Công ước về quyền dân sự và chính trị",
                vec![],
            )],
        );
        let mut child = parent.clone();
        assert_eq!(
            audit(&parent, &child, &Config::default())
                .findings_with("OG013")
                .count(),
            0
        );
        child.obligations.push(task(
            "2",
            "Tăng cường hợp tác quốc tế về văn hoá, du lịch",
            vec![],
        ));
        let r = audit(&parent, &child, &Config::default());
        assert_eq!(r.findings_with("OG013").count(), 1);
        assert_eq!(r.local_initiatives[0].id, "2");
    }
}
