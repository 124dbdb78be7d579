use crate::agencies::reaches_child;
use crate::report::Finding;
use crate::rule::{declare_rule, rule_metadata, Rule, RuleContext};
use obligraph_core::{ChainCheck, Collective, Obligation, ObligationKind, Plan, Window};

declare_rule! {
    /// ## What it does
    /// Checks reporting chains: a report sent up must be due at least
    /// `min_lead_days` days (parameter, default 5) before the report that
    /// compiles it, in every period (core `Deadline::leaves_margin`).
    /// Inside one plan it follows `feeds` links, or, when the importer set
    /// none, pairs each dated report-in duty of a collective ("các cơ quan,
    /// đơn vị, UBND các xã … báo cáo … để tổng hợp") with each dated
    /// compiling duty of a single agency ("Sở Tư pháp … tổng hợp"). In an
    /// audit against a higher-level parent it also checks that the derived
    /// plan's own compilation is due no later than the report-in date the
    /// parent sets for it, and reports a derived plan that sets none.
    ///
    /// ## Why is this bad?
    /// The compiling agency cannot report what reaches it after its own
    /// deadline; with no margin it has no time to read and compile.
    ///
    /// ## Example
    /// Units report "trước ngày 25/11 hằng năm"; the Department of Justice
    /// compiles "trước ngày 20/11 hằng năm".
    ///
    /// ## Use instead
    /// Put the report-in date well before the compilation: "trước ngày
    /// 05/11" for a compilation "trước ngày 20/11".
    pub struct ReportingChain {
        code: "OG006",
        name: "reporting-chain",
        severity: Error,
        needs_parent: false,
    }
}

fn dated(o: &Obligation, w: Window) -> bool {
    o.own_deadline()
        .is_some_and(|d| !d.due_dates(w).dates.is_empty())
}

/// A report-in duty: a collective reports to be compiled.
fn is_feeder(o: &Obligation) -> bool {
    if o.kind != ObligationKind::Report || !o.own_deadline().is_some_and(|d| d.is_recurring()) {
        return false;
    }
    let t = obligraph_vn::normalize::fold(&o.text);
    (o.own_assignments().iter().any(|a| a.agency.is_collective())
        || t.contains("để tổng hợp")
        || t.contains("để theo dõi"))
        && (t.contains("báo cáo") || t.contains("gửi"))
}

/// A compiling duty: one agency compiles and reports up.
fn is_compiler(o: &Obligation) -> bool {
    matches!(o.kind, ObligationKind::Report | ObligationKind::Monitor)
        && o.own_deadline().is_some_and(|d| d.is_recurring())
        && o.own_leads().count() >= 1
        && o.own_leads()
            .all(|a| !a.agency.is_collective() && a.agency.orderable && !a.requested)
        && {
            // "… gửi X để tổng hợp" sends to a compiler; it does not compile.
            let t = obligraph_vn::normalize::fold(&o.text);
            t.contains("tổng hợp") && !t.contains("để tổng hợp")
        }
}

fn margin_text(check: &ChainCheck) -> Option<String> {
    match check {
        ChainCheck::Violated { periods } => periods.first().map(|v| match v.margin_days {
            Some(m) => format!("{m} days before {}", v.feeds_due),
            None => format!("no date in the period of {}", v.feeds_due),
        }),
        _ => None,
    }
}

impl ReportingChain {
    fn pair(
        &self,
        ctx: &RuleContext<'_>,
        feeder: &Obligation,
        fed: &Obligation,
        fed_plan: &Plan,
        (days, w): (u32, Window),
        out: &mut Vec<Finding>,
    ) {
        let (Some(a), Some(b)) = (feeder.own_deadline(), fed.own_deadline()) else {
            return;
        };
        let check = a.leaves_margin(b, days, w);
        let Some(m) = margin_text(&check) else {
            return;
        };
        let same = std::ptr::eq(fed_plan, ctx.plan);
        let (en_where, vi_where) = if same {
            (String::new(), String::new())
        } else {
            (
                format!(" of {}", fed_plan.label()),
                format!(" của {}", fed_plan.label()),
            )
        };
        let gap_en = if days == 0 {
            "which falls after".to_string()
        } else {
            format!("which leaves fewer than {days} days before")
        };
        out.push(ctx.finding(
            self,
            format!(
                "{} is due \"{}\", {gap_en} {}{en_where} (\"{}\"): {m}",
                feeder.id,
                a.to_vietnamese(),
                fed.id,
                b.to_vietnamese()
            ),
            format!(
                "{} có hạn \"{}\", không còn đủ {days} ngày trước hạn tổng hợp của {}{vi_where} (\"{}\")",
                feeder.id,
                a.to_vietnamese(),
                fed.id,
                b.to_vietnamese()
            ),
            if same { None } else { Some(fed) },
            Some(feeder),
        )
        // The report fed, when it is the derived plan's own (no parent).
        .with_key(if same { &fed.text } else { "" }));
    }
}

impl Rule for ReportingChain {
    rule_metadata!();
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let plan = ctx.plan;
        let days = ctx.config.min_lead_days();
        let Some(w) = plan.effective_window() else {
            return;
        };
        let linked = plan
            .obligations
            .iter()
            .any(|o| o.feeds.iter().any(|r| r.plan.is_none()));
        if linked {
            for o in &plan.obligations {
                for r in o.feeds.iter().filter(|r| r.plan.is_none()) {
                    if let Some(fed) = ctx.obligation(&r.id) {
                        self.pair(ctx, o, fed, plan, (days, w), out);
                    }
                }
            }
        } else {
            let feeders: Vec<&Obligation> = plan
                .obligations
                .iter()
                .filter(|o| is_feeder(o) && dated(o, w))
                .collect();
            let compilers: Vec<&Obligation> = if feeders.is_empty() {
                Vec::new()
            } else {
                plan.obligations
                    .iter()
                    .filter(|o| is_compiler(o) && dated(o, w))
                    .collect()
            };
            for f in feeders {
                for c in compilers.iter().copied() {
                    if c.id != f.id {
                        self.pair(ctx, f, c, plan, (days, w), out);
                    }
                }
            }
        }
        // Against a parent one or more levels up.
        let Some(parent) = ctx.parent else {
            return;
        };
        let (Some(pl), Some(cl)) = (parent.level, plan.level) else {
            return;
        };
        if pl >= cl {
            return;
        }
        let pw = parent
            .effective_window()
            .and_then(|x| x.intersect(&w))
            .unwrap_or(w);
        // The derived plan's own dated report-ins and compilations (the
        // same for every report-in the parent asks): found when first
        // needed.
        let mut own_found: Option<Vec<&Obligation>> = None;
        let find_own = || -> Vec<&Obligation> {
            plan.obligations
                .iter()
                .filter(|o| {
                    dated(o, pw)
                        && (is_compiler(o)
                            || o.kind == ObligationKind::Report
                                && o.own_deadline().is_some_and(|d| d.is_recurring())
                                && o.own_leads().next().is_some()
                                && o.own_leads().all(|a| {
                                    !a.agency.is_collective() && a.agency.orderable && !a.requested
                                }))
                })
                .collect()
        };
        for pf in parent
            .obligations
            .iter()
            .filter(|o| is_feeder(o) && dated(o, pw))
        {
            // Report-ins the parent asks of People's Committees or
            // departments that take the derived plan's issuer in.
            let asks_issuer = pf.own_assignments().iter().any(|a| {
                matches!(
                    a.agency.collective,
                    Some(
                        Collective::ProvinceCommittees
                            | Collective::DistrictCommittees
                            | Collective::CommuneCommittees
                            | Collective::Departments
                            | Collective::Ministries
                    )
                ) && reaches_child(a, parent.level, plan.level)
            });
            if !asks_issuer {
                continue;
            }
            let own = own_found.get_or_insert_with(find_own);
            if own.is_empty() {
                let pd = pf
                    .own_deadline()
                    .map(|d| d.to_vietnamese())
                    .unwrap_or_default();
                out.push(ctx.finding(
                    self,
                    format!(
                        "the parent asks for a report \"{pd}\" ({}), and the derived plan sets no dated report-in or compilation deadline",
                        pf.id
                    ),
                    format!(
                        "cấp trên yêu cầu báo cáo \"{pd}\" ({}), nhưng kế hoạch không đặt thời hạn báo cáo, tổng hợp nào",
                        pf.id
                    ),
                    Some(pf),
                    None,
                ));
                continue;
            }
            for o in own.iter().copied() {
                self.pair(ctx, o, pf, parent, (0, pw), out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::{check, Config};
    use obligraph_core::{Collective, Deadline, DueDay, Level, ObligationKind, Role};

    fn plan_with(report_in: DueDay) -> obligraph_core::Plan {
        let mut a = task(
            "IV.1",
            "định kỳ báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Tư pháp) để tổng hợp",
            vec![asg(
                collective(Collective::CommuneCommittees, "UBND các xã, phường"),
                Role::Lead,
                false,
            )],
        );
        a.kind = ObligationKind::Report;
        a.deadline = Some(Deadline::annual(report_in));
        let mut b = task(
            "IV.4",
            "Sở Tư pháp theo dõi, kiểm tra; tổng hợp, tham mưu UBND tỉnh báo cáo Bộ Tư pháp",
            vec![asg(sotp(), Role::Lead, false)],
        );
        b.kind = ObligationKind::Report;
        b.deadline = Some(Deadline::annual(DueDay::before(11, 20)));
        plan("74/KH-UBND", Level::Province, vec![a, b])
    }

    #[test]
    fn report_pushed_past_compilation() {
        let ok = plan_with(DueDay::before(11, 5));
        assert_eq!(
            check(&ok, &Config::default())
                .findings_with("OG006")
                .count(),
            0
        );
        let late = plan_with(DueDay::before(11, 25));
        let r = check(&late, &Config::default());
        assert_eq!(r.findings_with("OG006").count(), 1, "{:?}", r.findings);
        let tight = plan_with(DueDay::before(11, 18));
        assert_eq!(
            check(&tight, &Config::default())
                .findings_with("OG006")
                .count(),
            1
        );
    }
}
