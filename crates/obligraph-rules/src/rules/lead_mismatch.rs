use crate::agencies::{display, is_counterpart, reaches_child};
use crate::report::{Finding, Status};
use crate::rule::{declare_rule, rule_metadata, Rule, RuleContext};
use obligraph_core::Collective;

declare_rule! {
    /// ## What it does
    /// For a parent obligation the derived plan carries out, checks that
    /// the derived lead (chủ trì) is the counterpart of the parent's lead at
    /// the derived level: Bộ Tư pháp → Sở Tư pháp → Phòng Tư pháp; Công an
    /// tỉnh → Công an quận. Parent leads that are only requested (courts,
    /// procuracies) or that have no counterpart at the derived level are
    /// left out of the comparison.
    ///
    /// ## Why is this bad?
    /// The upward chain follows the field: the ministry asks its own
    /// department for results. A task led locally by another body falls out
    /// of that chain and is reported by nobody.
    ///
    /// ## Example
    /// Parent: "Pháp luật về phòng, chống ma túy — Công an tỉnh chủ trì";
    /// derived: the same task, "Sở Y tế chủ trì".
    ///
    /// ## Use instead
    /// Give the lead to the counterpart (Công an thành phố) and name the
    /// other body as support (phối hợp).
    pub struct LeadMismatch {
        code: "OG003",
        name: "lead-mismatch",
        severity: Warning,
        needs_parent: true,
    }
}

impl Rule for LeadMismatch {
    rule_metadata!();
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let (Some(parent), child) = (ctx.parent, ctx.plan) else {
            return;
        };
        // One department's plan under its government's plan: its leads are
        // its own units ("Phòng Phổ biến, giáo dục pháp luật"), and the
        // department is the counterpart of whatever it carries.
        if ctx.body_plan {
            return;
        }
        for r in ctx.parent_obligations {
            if !matches!(r.status, Status::Covered | Status::Partial) {
                continue;
            }
            let Some(p) = ctx.parent_obligation(&r.id) else {
                continue;
            };
            // The parent gives the task to the derived plan's issuer ("Ủy
            // ban nhân dân các xã, phường chủ trì" in a commune's plan): the
            // issuer decides which of its bodies leads.
            let to_issuer = p.own_leads().any(|a| {
                !a.requested
                    && a.agency.collective.is_some_and(|c| {
                        matches!(
                            c,
                            Collective::CommuneCommittees
                                | Collective::DistrictCommittees
                                | Collective::ProvinceCommittees
                        ) && child.level.is_some_and(|l| c.includes_level(l))
                    })
            });
            if to_issuer {
                continue;
            }
            // A body the agency table does not know ("Cơ quan chủ trì giải
            // quyết bồi thường") has no known counterpart at another level;
            // between plans of one level its name is compared.
            let known = |a: &&obligraph_core::Assignment| {
                parent.level == child.level || !a.agency.id.starts_with("unresolved:")
            };
            let p_leads: Vec<_> = p
                .own_leads()
                .filter(|a| !a.requested && a.agency.orderable && a.agency.collective.is_none())
                .filter(known)
                .filter(|a| reaches_child(a, parent.level, child.level))
                .collect();
            if p_leads.is_empty() {
                continue;
            }
            // The best match that names a lead (a body item restating an
            // appendix row names none; the row does).
            let matched = ctx.matched_children(r);
            let Some(c) = matched
                .iter()
                .copied()
                .find(|m| m.own_leads().next().is_some())
            else {
                continue;
            };
            let c_leads: Vec<_> = c.own_leads().collect();
            // Any matched derived obligation may carry the lead; a
            // collective ("UBND các phường") stands for it only when the
            // derived obligation names no body of its own as lead.
            let ok = matched.iter().any(|m| {
                let named = m.own_leads().any(|ca| ca.agency.collective.is_none());
                m.own_leads().any(|ca| {
                    (ca.agency.collective.is_some() && !named)
                        || p_leads.iter().any(|pa| {
                            is_counterpart(&pa.agency, parent.level, &ca.agency, child.level)
                        })
                })
            });
            if ok {
                continue;
            }
            let pn: Vec<&str> = p_leads.iter().map(|a| display(a)).collect();
            let cn: Vec<&str> = c_leads.iter().map(|a| display(a)).collect();
            out.push(ctx.finding(
                self,
                format!(
                    "lead of {} is {}, not the counterpart of the parent's lead {} (parent {})",
                    c.id,
                    cn.join(", "),
                    pn.join(", "),
                    p.id
                ),
                format!(
                    "cơ quan chủ trì của {} là {}, không tương ứng với cơ quan chủ trì {} của nhiệm vụ {} cấp trên",
                    c.id,
                    cn.join(", "),
                    pn.join(", "),
                    p.id
                ),
                Some(p),
                Some(c),
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
    fn swapped_lead_is_reported() {
        let parent = plan(
            "P",
            Level::Province,
            vec![task(
                "1",
                "Pháp luật về phòng, chống ma túy, cai nghiện bắt buộc",
                vec![
                    asg(police(), Role::Lead, false),
                    asg(sotp(), Role::Support, false),
                ],
            )],
        );
        let mut child = parent.clone();
        assert_eq!(
            audit(&parent, &child, &Config::default())
                .findings_with("OG003")
                .count(),
            0
        );
        child.obligations[0].assignments[0].agency = sotp();
        let r = audit(&parent, &child, &Config::default());
        assert_eq!(r.findings_with("OG003").count(), 1, "{:?}", r.findings);
    }

    #[test]
    fn a_collective_co_lead_does_not_excuse_a_wrong_named_lead() {
        use obligraph_core::Collective;
        let text = "Tuyên truyền, phổ biến pháp luật về trợ giúp pháp lý cho người dân";
        let parent = plan(
            "P",
            Level::Province,
            vec![task("1", text, vec![asg(sotp(), Role::Lead, false)])],
        );
        let communes = collective(Collective::CommuneCommittees, "UBND các xã, phường");
        let swapped = plan(
            "C",
            Level::Province,
            vec![task(
                "a",
                text,
                vec![
                    asg(police(), Role::Lead, false),
                    asg(communes.clone(), Role::Lead, false),
                ],
            )],
        );
        let r = audit(&parent, &swapped, &Config::default());
        assert_eq!(r.findings_with("OG003").count(), 1);
        // The collective alone stands for the lead.
        let only = plan(
            "C",
            Level::Province,
            vec![task("a", text, vec![asg(communes, Role::Lead, false)])],
        );
        assert_eq!(
            audit(&parent, &only, &Config::default())
                .findings_with("OG003")
                .count(),
            0
        );
    }

    /// A commune plan against its province plan: the commune's own
    /// bodies, as real ward plans (Tân An, Trấn Biên, Phú Lý) assign them.
    fn commune_audit(parent_leads: Vec<obligraph_core::Assignment>, child_lead: &str) -> usize {
        let text = "Giải quyết các vụ việc bồi thường đúng quy định pháp luật, bảo vệ quyền lợi";
        let parent = plan("P", Level::Province, vec![task("1", text, parent_leads)]);
        let office = obligraph_vn::agency::agency_by_id(child_lead).expect("known");
        let child = plan(
            "C",
            Level::Commune,
            vec![task("a", text, vec![asg(office, Role::Lead, false)])],
        );
        audit(&parent, &child, &Config::default())
            .findings_with("OG003")
            .count()
    }

    #[test]
    fn a_departments_own_unit_leads_in_its_plan() {
        let text = "Tuyên truyền, phổ biến pháp luật về trợ giúp pháp lý cho người dân";
        let parent = plan(
            "P",
            Level::Province,
            vec![task(
                "1",
                text,
                vec![
                    asg(police(), Role::Lead, false),
                    asg(sotp(), Role::Support, false),
                ],
            )],
        );
        let unit = obligraph_vn::agency::resolve_agency(
            "Trung tâm Trợ giúp pháp lý nhà nước",
            &obligraph_vn::agency::AgencyContext::default(),
        );
        let mut child = plan(
            "C",
            Level::Unit,
            vec![task("a", text, vec![asg(unit, Role::Lead, false)])],
        );
        child.issuer = Some("Sở Tư pháp".into());
        let count = |c: &obligraph_core::Plan| {
            audit(&parent, c, &Config::default())
                .findings_with("OG003")
                .count()
        };
        assert_eq!(count(&child), 0);
        // The same plan read as a province's: a swapped lead.
        child.level = Some(Level::Province);
        child.issuer = None;
        assert_eq!(count(&child), 1);
    }

    #[test]
    fn a_commune_office_may_lead_what_its_field_takes_in() {
        // Sở Tư pháp → Văn phòng HĐND và UBND xã (tư pháp), with Công an
        // tỉnh co-leading (Đồng Nai PL.C.2).
        assert_eq!(
            commune_audit(
                vec![
                    asg(sotp(), Role::Lead, false),
                    asg(police(), Role::Lead, false)
                ],
                "commune:government_office"
            ),
            0
        );
        // Công an tỉnh → Công an xã, not the Văn phòng.
        assert_eq!(
            commune_audit(
                vec![asg(police(), Role::Lead, false)],
                "commune:government_office"
            ),
            1
        );
    }

    #[test]
    fn no_mismatch_against_a_task_given_to_the_communes_or_an_unknown_body() {
        use obligraph_core::Collective;
        let communes = collective(
            Collective::CommuneCommittees,
            "Ủy ban nhân dân các xã, phường",
        );
        // "UBND các xã, phường" lead with Công an tỉnh: the commune decides.
        assert_eq!(
            commune_audit(
                vec![
                    asg(police(), Role::Lead, false),
                    asg(communes, Role::Lead, false)
                ],
                "commune:government_office"
            ),
            0
        );
        // A description of a body the table does not know.
        let unknown = obligraph_vn::agency::resolve_agency(
            "Cơ quan chủ trì giải quyết bồi thường",
            &obligraph_vn::agency::AgencyContext::default(),
        );
        assert!(unknown.id.starts_with("unresolved:"), "{unknown:?}");
        assert_eq!(
            commune_audit(
                vec![asg(unknown, Role::Lead, false)],
                "commune:government_office"
            ),
            0
        );
    }
}
