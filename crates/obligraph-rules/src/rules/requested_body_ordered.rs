use crate::agencies::display;
use crate::report::Finding;
use crate::rule::{declare_rule, rule_metadata, Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Reports a body outside the issuer's command — a court (Tòa án), a
    /// procuracy (Viện kiểm sát), the Fatherland Front (Mặt trận Tổ quốc)
    /// and its member organisations, the Bar (Đoàn Luật sư) — given a role
    /// without "đề nghị" (the agency table marks them not orderable).
    ///
    /// ## Why is this bad?
    /// A People's Committee cannot order bodies it does not command; the
    /// plan must request them. An order reads as overreach and is not
    /// binding on them.
    ///
    /// ## Example
    /// "Sở Tư pháp chủ trì; Công an tỉnh, Viện kiểm sát nhân dân tỉnh, Tòa
    /// án nhân dân tỉnh … phối hợp thực hiện".
    ///
    /// ## Use instead
    /// "… ; đề nghị Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh phối
    /// hợp".
    pub struct RequestedBodyOrdered {
        code: "OG009",
        name: "requested-body-ordered",
        severity: Warning,
        needs_parent: false,
    }
}

impl Rule for RequestedBodyOrdered {
    rule_metadata!();
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        for o in &ctx.plan.obligations {
            let names: Vec<&str> = o
                .own_assignments()
                .iter()
                .filter(|a| !a.agency.orderable && !a.requested)
                .map(display)
                .collect();
            if names.is_empty() {
                continue;
            }
            out.push(ctx.finding(
                self,
                format!(
                    "{} orders {} without \"đề nghị\": the issuer does not command them",
                    o.id,
                    names.join(", ")
                ),
                format!(
                    "{} giao nhiệm vụ cho {} mà không dùng \"đề nghị\" (cơ quan không thuộc quyền chỉ đạo của Ủy ban nhân dân)",
                    o.id,
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
    fn dropped_de_nghi() {
        let mut p = plan(
            "P",
            Level::Province,
            vec![task(
                "1",
                "Trợ giúp pháp lý",
                vec![
                    asg(sotp(), Role::Lead, false),
                    asg(court(), Role::Support, true),
                ],
            )],
        );
        assert_eq!(
            check(&p, &Config::default()).findings_with("OG009").count(),
            0
        );
        p.obligations[0].assignments[1].requested = false;
        assert_eq!(
            check(&p, &Config::default()).findings_with("OG009").count(),
            1
        );
    }
}
