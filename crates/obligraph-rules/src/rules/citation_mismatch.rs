use crate::citations::{citations, known, same_doc_number};
use crate::report::{Finding, Location};
use crate::rule::{declare_rule, rule_metadata, Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Checks each citation of a national decision (`…/QĐ-TTg`,
    /// `…/QH..`) in the plan's header and task texts against a small
    /// registry of known decisions: a known number cited with another date,
    /// or an unknown number cited with the date and type of a known one
    /// ("did you mean …?").
    ///
    /// ## Why is this bad?
    /// A wrong number or date points the reader — and the audit — at
    /// another document; plans copied from one another spread the slip.
    ///
    /// ## Example
    /// "Quyết định số 1079/QĐ-TTg ngày 14/09/2023".
    ///
    /// ## Use instead
    /// "Quyết định số 1079/QĐ-TTg ngày 14/09/2022".
    pub struct CitationMismatch {
        code: "OG011",
        name: "citation-mismatch",
        severity: Warning,
        needs_parent: false,
    }
}

impl Rule for CitationMismatch {
    rule_metadata!();
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let known = known();
        for c in citations(ctx.plan) {
            let Some(date) = c.date else {
                continue;
            };
            let suffix = |n: &str| {
                n.split_once('/')
                    .map(|x| x.1.to_string())
                    .unwrap_or_default()
            };
            let msg = if let Some(k) = known.iter().find(|k| same_doc_number(&k.number, &c.number))
            {
                (k.date != date).then(|| {
                    (
                        format!(
                            "cites {} dated {date}; the decision is dated {}",
                            c.number, k.date
                        ),
                        format!(
                            "trích dẫn {} ngày {}; văn bản này ban hành ngày {}",
                            c.number,
                            date.format("%d/%m/%Y"),
                            k.date.format("%d/%m/%Y")
                        ),
                    )
                })
            } else {
                known
                    .iter()
                    .find(|k| k.date == date && suffix(&k.number) == suffix(&c.number))
                    .map(|k| {
                        (
                            format!("cites {} dated {date}: no such decision is known; did you mean `{}`?", c.number, k.number),
                            format!(
                                "trích dẫn {} ngày {}: không có văn bản này; có phải là `{}`?",
                                c.number,
                                date.format("%d/%m/%Y"),
                                k.number
                            ),
                        )
                    })
            };
            let Some((en, vi)) = msg else {
                continue;
            };
            let o = c.obligation.as_deref().and_then(|id| ctx.obligation(id));
            let mut f = ctx.finding(self, en, vi, None, o).with_key(&c.number);
            if o.is_none() {
                f.child_location = c.line.map(|l| Location {
                    plan: ctx.plan.label().into(),
                    line_start: l,
                    line_end: l,
                    place: None,
                });
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::{check, Config};
    use obligraph_core::{DocRef, Level};

    #[test]
    fn wrong_date_and_wrong_number() {
        let mut p = plan(
            "P",
            Level::Province,
            vec![task(
                "1",
                "Tuyên truyền Đề án theo Quyết định số 1079/QĐ-TTg ngày 14/09/2022 của Thủ tướng",
                vec![],
            )],
        );
        p.implements.push(DocRef {
            number: Some("2715/QĐ-TTg".into()),
            date: chrono::NaiveDate::from_ymd_opt(2025, 12, 13),
            ..DocRef::default()
        });
        assert_eq!(
            check(&p, &Config::default()).findings_with("OG011").count(),
            0
        );
        p.obligations[0].text = p.obligations[0].text.replace("2022", "2023");
        assert_eq!(
            check(&p, &Config::default()).findings_with("OG011").count(),
            1
        );
        p.implements[0].number = Some("2751/QĐ-TTg".into());
        let r = check(&p, &Config::default());
        assert_eq!(r.findings_with("OG011").count(), 2);
        assert!(r
            .findings
            .iter()
            .any(|f| f.message.contains("did you mean `2715/QĐ-TTg`")));
    }
}
