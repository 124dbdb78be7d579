use crate::report::{quoted, Finding, Status};
use crate::rule::{declare_rule, rule_metadata, Rule, RuleContext};
use obligraph_core::ObligationKind;

declare_rule! {
    /// ## What it does
    /// Reports a task of the parent plan that the derived plan must carry
    /// out (it is assigned to a counterpart of the derived plan's issuer, or
    /// to a collective that includes it) and that no derived obligation
    /// carries out.
    ///
    /// ## Why is this bad?
    /// A derived plan exists to carry out its parent. A task it drops is a
    /// task nobody at this level will do, and the report it owes upward
    /// will have a hole.
    ///
    /// ## Example
    /// Parent: "Chương trình mục tiêu quốc gia phòng chống ma túy đến năm
    /// 2030 (Công an tỉnh chủ trì)"; the derived plan says nothing of drugs.
    ///
    /// ## Use instead
    /// Add the task, assigned to the counterpart of the parent's lead
    /// (Công an thành phố), or record why it does not apply locally.
    pub struct MissingObligation {
        code: "OG001",
        name: "missing-obligation",
        severity: Error,
        needs_parent: true,
    }
}

impl Rule for MissingObligation {
    rule_metadata!();
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        for r in ctx.with_status(Status::Missing) {
            let Some(p) = ctx.parent_obligation(&r.id) else {
                continue;
            };
            if p.kind != ObligationKind::Task {
                continue;
            }
            let t = quoted(p);
            out.push(ctx.finding(
                self,
                format!("parent task {} is not carried out: \"{t}\"", p.id),
                format!(
                    "nhiệm vụ {} của văn bản cấp trên chưa được triển khai: \"{t}\"",
                    p.id
                ),
                Some(p),
                None,
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
    fn deleted_task_is_missing() {
        let parent = plan(
            "P",
            Level::Province,
            vec![
                task(
                    "1",
                    "Pháp luật về phòng, chống bạo lực gia đình",
                    vec![asg(sotp(), Role::Lead, false)],
                ),
                task(
                    "2",
                    "Chương trình mục tiêu quốc gia phòng chống ma túy",
                    vec![asg(police(), Role::Lead, false)],
                ),
            ],
        );
        let mut child = parent.clone();
        let r = audit(&parent, &child, &Config::default());
        assert_eq!(r.findings_with("OG001").count(), 0);
        child.obligations.remove(1);
        let r = audit(&parent, &child, &Config::default());
        let f: Vec<_> = r.findings_with("OG001").collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].parent_id.as_deref(), Some("2"));
        assert_eq!(f[0].parent_location.as_ref().unwrap().line_start, 10);
    }

    #[test]
    fn the_message_quotes_the_whole_task() {
        let long = "Tổ chức tuyên truyền, phổ biến pháp luật về phòng, chống bạo lực gia đình cho người dân tại các thôn, tổ dân phố, nhất là phụ nữ, trẻ em và người cao tuổi, bằng nhiều hình thức phù hợp với từng nhóm đối tượng";
        let parent = plan("P", Level::Province, vec![task("1", long, vec![])]);
        let child = plan("C", Level::Province, vec![]);
        let r = crate::audit(&parent, &child, &crate::Config::default());
        let f = r.findings_with("OG001").next().expect("OG001");
        assert!(f.message.contains(long), "{}", f.message);
        assert!(f.message_vi.contains(long), "{}", f.message_vi);
    }
}
