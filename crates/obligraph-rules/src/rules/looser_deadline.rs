use crate::report::{Finding, Status};
use crate::rule::{declare_rule, rule_metadata, Rule, RuleContext};
use obligraph_core::{Deadline, Plan, Window};

declare_rule! {
    /// ## What it does
    /// Compares the deadline of a carried-out parent obligation with the
    /// derived one: reports a task that recurs in the parent (hằng năm) but
    /// not in the derived plan, a derived due date later than the parent's
    /// first due date in the same window, and a derived task with no
    /// deadline where the parent gives a date.
    ///
    /// ## Why is this bad?
    /// The level above compiles results on the parent's calendar. A derived
    /// deadline that is looser delivers after the compilation, or once
    /// where a yearly result is due.
    ///
    /// ## Example
    /// Parent: "Theo yêu cầu của Bộ Công an hàng năm"; derived: "Theo
    /// hướng dẫn của Bộ, ngành Trung ương" (no yearly term). Parent: "trước
    /// ngày 13/02/2026"; derived: "trong năm 2026".
    ///
    /// ## Use instead
    /// Keep the parent's recurrence, and a due day at or before the
    /// parent's.
    pub struct LooserDeadline {
        code: "OG005",
        name: "looser-deadline",
        severity: Warning,
        needs_parent: true,
    }
}

fn first_date(d: &Deadline, w: Window) -> Option<chrono::NaiveDate> {
    d.due_dates(w).dates.first().copied()
}

fn window(parent: &Plan, child: &Plan) -> Option<Window> {
    match (parent.effective_window(), child.effective_window()) {
        (Some(a), Some(b)) => a.intersect(&b).or(Some(b)),
        (a, b) => b.or(a),
    }
}

/// Why `child` is looser than `parent`, in English and Vietnamese.
pub(crate) fn looser(
    parent_d: Option<&Deadline>,
    child_d: Option<&Deadline>,
    w: Option<Window>,
) -> Option<(String, String)> {
    let p = parent_d?;
    let Some(c) = child_d else {
        let dated = w.is_some_and(|w| first_date(p, w).is_some());
        return dated.then(|| {
            (
                format!(
                    "has no deadline where the parent has \"{}\"",
                    p.to_vietnamese()
                ),
                format!(
                    "không có thời hạn trong khi cấp trên quy định \"{}\"",
                    p.to_vietnamese()
                ),
            )
        });
    };
    if p.is_recurring() && !c.is_recurring() && !matches!(c, Deadline::Continuous) {
        return Some((
            format!(
                "is due \"{}\" where the parent recurs: \"{}\"",
                c.to_vietnamese(),
                p.to_vietnamese()
            ),
            format!(
                "có thời hạn \"{}\" trong khi cấp trên yêu cầu định kỳ \"{}\"",
                c.to_vietnamese(),
                p.to_vietnamese()
            ),
        ));
    }
    let w = w?;
    let pd = first_date(p, w)?;
    // A derived date past the window is later still ("Năm 2027" where the
    // parent says "Năm 2026" and the plans end in 2026).
    let beyond = || {
        let end = w.end.checked_add_months(chrono::Months::new(12 * 50))?;
        first_date(c, Window::new(w.start, end))
    };
    let cd = first_date(c, w).or_else(beyond)?;
    (cd > pd).then(|| {
        (
            format!(
                "is first due {cd} (\"{}\"), after the parent's {pd} (\"{}\")",
                c.to_vietnamese(),
                p.to_vietnamese()
            ),
            format!(
                "hạn đầu tiên {} (\"{}\") muộn hơn hạn của cấp trên {} (\"{}\")",
                cd.format("%d/%m/%Y"),
                c.to_vietnamese(),
                pd.format("%d/%m/%Y"),
                p.to_vietnamese()
            ),
        )
    })
}

impl Rule for LooserDeadline {
    rule_metadata!();
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let Some(parent) = ctx.parent else {
            return;
        };
        let w = window(parent, ctx.plan);
        for r in ctx.parent_obligations {
            if !matches!(r.status, Status::Covered | Status::Partial) {
                continue;
            }
            let Some(p) = ctx.parent_obligation(&r.id) else {
                continue;
            };
            // Any matched derived obligation may carry the deadline (a body
            // item and its appendix row): report only when none keeps it.
            let matched = ctx.matched_children(r);
            let verdicts: Vec<_> = matched
                .iter()
                .map(|c| (c, looser(p.own_deadline(), c.own_deadline(), w)))
                .collect();
            if verdicts.iter().any(|(_, v)| v.is_none()) {
                continue;
            }
            let Some((c, Some((en, vi)))) = verdicts
                .iter()
                .find(|(c, _)| c.own_deadline().is_some())
                .or_else(|| verdicts.first())
                .cloned()
            else {
                continue;
            };
            {
                out.push(ctx.finding(
                    self,
                    format!("{} {en} (parent {})", c.id, p.id),
                    format!("{} {vi} (nhiệm vụ {} cấp trên)", c.id, p.id),
                    Some(p),
                    Some(c),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::{audit, Config};
    use chrono::NaiveDate;
    use obligraph_core::{Deadline, DueDay, Level, Role};

    #[test]
    fn annual_to_once_and_later_due() {
        let mut t = task(
            "1",
            "Xây dựng Kế hoạch triển khai thực hiện",
            vec![asg(sotp(), Role::Lead, false)],
        );
        t.deadline = Some(Deadline::annual(DueDay::before(11, 5)));
        let parent = plan("P", Level::Province, vec![t]);
        let mut child = parent.clone();
        assert_eq!(
            audit(&parent, &child, &Config::default())
                .findings_with("OG005")
                .count(),
            0
        );
        child.obligations[0].deadline = Some(Deadline::once_before(
            NaiveDate::from_ymd_opt(2026, 11, 5).unwrap(),
        ));
        assert_eq!(
            audit(&parent, &child, &Config::default())
                .findings_with("OG005")
                .count(),
            1
        );
        child.obligations[0].deadline = Some(Deadline::annual(DueDay::before(11, 25)));
        let r = audit(&parent, &child, &Config::default());
        let f: Vec<_> = r.findings_with("OG005").collect();
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("after the parent's"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_due_date_past_the_window_is_later() {
        let mut t = task(
            "1",
            "Xây dựng báo cáo chuyên đề",
            vec![asg(sotp(), Role::Lead, false)],
        );
        t.deadline = Some(Deadline::once_before(
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        ));
        let mut parent = plan("P", Level::Province, vec![t]);
        parent.validity = Some(obligraph_core::Window::years(2026, 2026));
        let mut child = parent.clone();
        child.obligations[0].deadline = Some(Deadline::once_before(
            NaiveDate::from_ymd_opt(2027, 12, 1).unwrap(),
        ));
        let r = audit(&parent, &child, &Config::default());
        assert_eq!(r.findings_with("OG005").count(), 1);
    }
}
