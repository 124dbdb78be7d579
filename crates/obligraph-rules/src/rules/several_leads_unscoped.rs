use crate::agencies::display;
use crate::report::Finding;
use crate::rule::{declare_rule, rule_metadata, Rule, RuleContext};
use obligraph_core::ObligationKind;

declare_rule! {
    /// ## What it does
    /// Reports a task with several named leads (chủ trì) and no scope note
    /// telling them apart ("Công an tỉnh (đối với quyền biểu tình); Sở
    /// Ngoại vụ (về Quyết định 06/2020/QĐ-TTg)"). Collective leads and
    /// requested bodies are not counted.
    ///
    /// ## Why is this bad?
    /// Joint leads without a split of the work leave each lead waiting for
    /// the others, and the report upward has no single author.
    ///
    /// ## Example
    /// "Đơn vị chủ trì: Sở Nội vụ, Sở Y tế, Thanh tra thành phố, Sở Tư
    /// pháp."
    ///
    /// ## Use instead
    /// One lead, the others in support; or a scope note per lead.
    pub struct SeveralLeadsUnscoped {
        code: "OG008",
        name: "several-leads-unscoped",
        severity: Info,
        needs_parent: false,
    }
}

impl Rule for SeveralLeadsUnscoped {
    rule_metadata!();
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        for o in &ctx.plan.obligations {
            if o.kind != ObligationKind::Task {
                continue;
            }
            let leads: Vec<_> = o
                .own_leads()
                // A court, procuracy or the Front ordered to lead is OG009's
                // finding: counting it here would report one slip twice.
                .filter(|a| !a.requested && a.agency.orderable && a.agency.collective.is_none())
                .collect();
            if leads.len() < 2
                || leads
                    .iter()
                    .any(|a| a.scope.as_deref().is_some_and(|s| !s.trim().is_empty()))
            {
                continue;
            }
            let names: Vec<&str> = leads.iter().map(|a| display(a)).collect();
            out.push(ctx.finding(
                self,
                format!(
                    "task {} has {} leads with no scope notes: {}",
                    o.id,
                    leads.len(),
                    names.join(", ")
                ),
                format!(
                    "nhiệm vụ {} có {} cơ quan chủ trì mà không phân định phạm vi: {}",
                    o.id,
                    leads.len(),
                    names.join(", ")
                ),
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
    fn joint_leads_need_scope() {
        let mut p = plan(
            "P",
            Level::Province,
            vec![task(
                "1",
                "Thống kê",
                vec![
                    asg(sotp(), Role::Lead, false),
                    asg(police(), Role::Lead, false),
                ],
            )],
        );
        assert_eq!(
            check(&p, &Config::default()).findings_with("OG008").count(),
            1
        );
        p.obligations[0].assignments[1].scope = Some("đối với số liệu tội phạm".into());
        assert_eq!(
            check(&p, &Config::default()).findings_with("OG008").count(),
            0
        );
    }

    #[test]
    fn a_court_ordered_to_lead_is_not_counted_again() {
        let p = plan(
            "P",
            Level::Province,
            vec![task(
                "1",
                "Thống kê số liệu",
                vec![
                    asg(police(), Role::Lead, false),
                    asg(court(), Role::Lead, false),
                ],
            )],
        );
        assert_eq!(
            check(&p, &Config::default()).findings_with("OG008").count(),
            0
        );
    }

    /// A body item over the heading of rows carries their leads
    /// (`roles_from`): each row has one lead, the body item names none of
    /// its own, so no one task has joint leads.
    #[test]
    fn leads_carried_from_rows_are_the_rows() {
        let row = |id: &str, a| task(id, "Thống kê", vec![asg(a, Role::Lead, false)]);
        let mut body = task(
            "II.1",
            "Thống kê số liệu",
            vec![
                asg(sotp(), Role::Lead, false),
                asg(police(), Role::Lead, false),
            ],
        );
        body.roles_from = vec!["PL.1".into(), "PL.2".into()];
        let p = plan(
            "P",
            Level::Province,
            vec![body, row("PL.1", sotp()), row("PL.2", police())],
        );
        assert_eq!(
            check(&p, &Config::default()).findings_with("OG008").count(),
            0
        );
    }
}
