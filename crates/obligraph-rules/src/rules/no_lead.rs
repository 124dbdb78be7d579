use crate::report::{quoted, Finding};
use crate::rule::{declare_rule, rule_metadata, Rule, RuleContext};
use obligraph_core::ObligationKind;

declare_rule! {
    /// ## What it does
    /// Reports a task that names agencies but no lead (chủ trì): only
    /// support or requested bodies. Tasks that name no agency at all are
    /// left alone (plans often list the subject in the body and assign it
    /// in the appendix), unless no task of the plan names one: then the
    /// plan assigns nothing, and that is said once.
    ///
    /// ## Why is this bad?
    /// Without a lead nobody is answerable for the task, and nobody reports
    /// on it.
    ///
    /// ## Example
    /// "Đơn vị phối hợp: Sở Nội vụ và các cơ quan liên quan" with no
    /// "Đơn vị chủ trì".
    ///
    /// ## Use instead
    /// Name one lead; the others support.
    pub struct NoLead {
        code: "OG007",
        name: "no-lead",
        severity: Warning,
        needs_parent: false,
    }
}

impl Rule for NoLead {
    rule_metadata!();
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        // A plan whose tasks name nobody at all assigns nothing: said once
        // for the plan (the tasks alone are left alone, see above).
        let tasks = ctx
            .plan
            .obligations
            .iter()
            .filter(|o| o.kind == ObligationKind::Task);
        let (n, unassigned) = tasks.fold((0, 0), |(n, u), o| {
            (n + 1, u + usize::from(o.own_assignments().is_empty()))
        });
        if n > 0 && unassigned == n {
            out.push(ctx.finding(
                self,
                format!("no task of the plan ({n}) names an agency: nobody is assigned anything"),
                format!("không nhiệm vụ nào ({n}) xác định cơ quan thực hiện: chưa giao cho ai"),
                None,
                None,
            ));
        }
        for o in &ctx.plan.obligations {
            if o.kind != ObligationKind::Task
                || o.own_assignments().is_empty()
                || o.own_leads().next().is_some()
            {
                continue;
            }
            let t = quoted(o);
            out.push(ctx.finding(
                self,
                format!("task {} names agencies but no lead: \"{t}\"", o.id),
                format!("nhiệm vụ {} không xác định cơ quan chủ trì: \"{t}\"", o.id),
                None,
                Some(o),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::{check, Config};
    use obligraph_core::{Level, Role};

    #[test]
    fn support_only_task() {
        let mut p = plan(
            "P",
            Level::Province,
            vec![task(
                "1",
                "Tuyên truyền",
                vec![
                    asg(sotp(), Role::Lead, false),
                    asg(police(), Role::Support, false),
                ],
            )],
        );
        assert_eq!(
            check(&p, &Config::default()).findings_with("OG007").count(),
            0
        );
        p.obligations[0].assignments.remove(0);
        assert_eq!(
            check(&p, &Config::default()).findings_with("OG007").count(),
            1
        );
    }

    #[test]
    fn a_plan_that_assigns_nothing_is_said() {
        let p = plan(
            "P",
            Level::Province,
            vec![
                task("1", "Tuyên truyền pháp luật", vec![]),
                task("2", "Rà soát văn bản", vec![]),
            ],
        );
        let r = check(&p, &Config::default());
        assert_eq!(r.findings_with("OG007").count(), 1);
        let mut q = p.clone();
        q.obligations[0]
            .assignments
            .push(asg(sotp(), Role::Lead, false));
        assert_eq!(
            check(&q, &Config::default()).findings_with("OG007").count(),
            0
        );
    }
}
