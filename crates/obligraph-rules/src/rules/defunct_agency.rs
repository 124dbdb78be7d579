use crate::agencies::display;
use crate::report::Finding;
use crate::rule::{declare_rule, rule_metadata, Rule, RuleContext};
use obligraph_core::Level;

declare_rule! {
    /// ## What it does
    /// Reports an agency, or a level of government, that did not exist on
    /// the plan's date, by the 2025 reorganisation table: a 2026 plan
    /// naming "Sở Lao động - Thương binh và Xã hội" (merged 1 March 2025),
    /// "Ủy ban nhân dân cấp huyện" or any district body (the district level
    /// ended 1 July 2025), or a district plan dated after that day. Each
    /// agency is reported once, at its first mention.
    ///
    /// ## Why is this bad?
    /// A task given to a body that no longer exists has no one to carry it
    /// out; copying an older plan is the usual cause.
    ///
    /// ## Example
    /// A plan dated 05/02/2026: "Sở Tư pháp, Sở Lao động - Thương binh và
    /// Xã hội chủ trì".
    ///
    /// ## Use instead
    /// Name the successor (Sở Nội vụ, Sở Y tế) or the commune People's
    /// Committees.
    pub struct DefunctAgency {
        code: "OG010",
        name: "defunct-agency",
        severity: Error,
        needs_parent: false,
    }
}

impl Rule for DefunctAgency {
    rule_metadata!();
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let plan = ctx.plan;
        let Some(date) = plan.date else {
            return;
        };
        if plan.level == Some(Level::District) {
            if let Some(end) = crate::vn::district_abolished().filter(|e| date >= *e) {
                out.push(ctx.finding(
                    self,
                    format!(
                        "the plan is issued at district level on {date}, after the district level ended on {end}"
                    ),
                    format!(
                        "kế hoạch do cấp huyện ban hành ngày {}, sau khi cấp huyện chấm dứt hoạt động (01/7/2025)",
                        date.format("%d/%m/%Y")
                    ),
                    None,
                    None,
                ).with_key("district level"));
            }
        }
        // "công chức Văn hóa - Xã hội" in a plan of 2023 names the post a
        // commune had then, filed under the office created in 2025: it
        // existed.
        let before_offices = crate::vn::district_abolished().is_some_and(|d| date < d);
        let mut seen: Vec<String> = Vec::new();
        // Agencies found to exist on `date` (plans name the same few
        // bodies again and again).
        let mut existing: Vec<&obligraph_core::Agency> = Vec::new();
        for o in &plan.obligations {
            for a in o.own_assignments() {
                if seen.contains(&a.agency.id) || existing.contains(&&a.agency) {
                    continue;
                }
                let defunct = crate::vn::defunct_on(&a.agency, date).filter(|_| {
                    !(before_offices && crate::vn::names_a_commune_post(&a.as_written))
                });
                let Some((en, vi)) = defunct else {
                    existing.push(&a.agency);
                    continue;
                };
                seen.push(a.agency.id.clone());
                let name = display(a);
                out.push(ctx.finding(
                    self,
                    format!("{} names `{name}`, which did not exist on the plan's date {date}: {en}", o.id),
                    format!("{} giao nhiệm vụ cho `{name}`, cơ quan không còn tồn tại vào ngày ban hành: {vi}", o.id),
                    None,
                    Some(o),
                ).with_key(&a.agency.id));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::{check, Config};
    use obligraph_core::{Collective, Level, Role};

    #[test]
    fn district_committees_after_july_2025() {
        let mut p = plan(
            "P",
            Level::Province,
            vec![task(
                "1",
                "Tuyên truyền",
                vec![asg(
                    collective(Collective::DistrictCommittees, "Ủy ban nhân dân cấp huyện"),
                    Role::Support,
                    false,
                )],
            )],
        );
        p.date = chrono::NaiveDate::from_ymd_opt(2023, 4, 14);
        assert_eq!(
            check(&p, &Config::default()).findings_with("OG010").count(),
            0
        );
        p.date = chrono::NaiveDate::from_ymd_opt(2026, 4, 14);
        assert_eq!(
            check(&p, &Config::default()).findings_with("OG010").count(),
            1
        );
        p.level = Some(Level::District);
        assert_eq!(
            check(&p, &Config::default()).findings_with("OG010").count(),
            2
        );
    }

    /// A commune's civil servant named by the post it had before the
    /// offices of July 2025 existed then; the office's own name did not.
    #[test]
    fn a_commune_post_before_the_commune_offices() {
        let office = obligraph_vn::agency::agency_by_id("commune:culture_society").expect("row");
        let named = |written: &str, y: i32| {
            let mut a = asg(office.clone(), Role::Lead, false);
            a.as_written = written.into();
            let mut p = plan(
                "P",
                Level::Commune,
                vec![task("1", "Tuyên truyền", vec![a])],
            );
            p.date = chrono::NaiveDate::from_ymd_opt(y, 4, 18);
            check(&p, &Config::default()).findings_with("OG010").count()
        };
        assert_eq!(named("công chức Văn hóa - Xã hội", 2023), 0);
        assert_eq!(named("Phòng Văn hóa - Xã hội", 2023), 1);
        assert_eq!(named("Phòng Văn hóa - Xã hội", 2026), 0);
    }

    /// A dissolved body named in a row is reported at the row, not at the
    /// body item that carries the row's roles (`roles_from`).
    #[test]
    fn reported_at_the_row_not_the_body_item_carrying_it() {
        let dissolved = || {
            asg(
                collective(Collective::DistrictCommittees, "Ủy ban nhân dân cấp huyện"),
                Role::Support,
                false,
            )
        };
        let mut body = task("II.1", "Tuyên truyền", vec![dissolved()]);
        body.roles_from = vec!["PL.1".into()];
        let mut p = plan(
            "P",
            Level::Province,
            vec![body, task("PL.1", "Tuyên truyền", vec![dissolved()])],
        );
        p.date = chrono::NaiveDate::from_ymd_opt(2026, 4, 14);
        let r = check(&p, &Config::default());
        let at: Vec<_> = r
            .findings_with("OG010")
            .map(|f| f.parent_id.clone().or(f.child_id.clone()))
            .collect();
        assert_eq!(at, [Some("PL.1".to_string())], "{:?}", r.findings);
    }
}
