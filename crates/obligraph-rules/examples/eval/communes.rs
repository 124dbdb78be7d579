//! Applicability below the province: the Đồng Nai plan against commune
//! and ward plans, with labels written blind (`tests/fixtures/applicability/`):
//! which Đồng Nai tasks a commune must carry out at all, and the expected
//! verdict of each task for two ward/commune plans written for the test
//! with planted gaps.
use super::*;

#[derive(serde::Deserialize)]
struct Applicability {
    parent: String,
    verdicts: Vec<Label>,
}

#[derive(serde::Deserialize)]
struct Label {
    parent: String,
    parent_line: u32,
    applicable: bool,
}

#[derive(serde::Deserialize)]
struct Expected {
    plan: String,
    parent: String,
    verdicts: Vec<ExpectedVerdict>,
}

#[derive(serde::Deserialize)]
struct ExpectedVerdict {
    parent: String,
    parent_line: u32,
    expected: String,
}

/// The plans written for the test, with their expected verdicts: two
/// commune/ward plans under the Đồng Nai plan (session 9), a sibling
/// province plan against the Huế plan and a district plan under the Bình
/// Thuận plan (session 15, written blind by engineers who did not run the
/// audit; `examples/data/written/`), a department's plan and a ward under
/// its district (session 16), a ward under its city after the 2025
/// reorganisation and a provincial police plan (session 17), a sector
/// department's plan under its province and a district office's plan
/// under its district (session 18). The first is
/// also the applicability
/// check's plan.
pub const PLANS: [&str; 35] = [
    "long-hung-ward-2026",
    "suoi-tre-commune-2026",
    "quang-tri-qd2715-2026",
    "ham-thuan-bac-87-2023",
    "hue-sotuphap-qd2715-2026",
    "lach-tray-ward-87-2023",
    "thuan-hoa-ward-qd2715-2026",
    "binh-thuan-congan-87-2023",
    "dong-nai-sogddt-74-2026",
    "ngo-quyen-phongtuphap-87-2023",
    "binh-thuan-soyte-87-2023",
    "dong-nai-xa-74-2026",
    "ninh-thuan-qd87-2023",
    "lam-dong-qd87-2023",
    "tuy-phong-87-2023",
    "le-chan-87-2023",
    "dong-nai-sonoivu-74-2026",
    "binh-thuan-sotuphap-87-2023",
    "da-nang-qd2715-2026",
    "la-gi-87-2023",
    "tay-ninh-iccpr-2026",
    "may-chai-ward-87-2023",
    "hue-sovhtt-qd2715-2026",
    "a-luoi-commune-qd2715-2026",
    "binh-thuan-soldtbxh-87-2023",
    "hue-congan-qd2715-2026",
    "dong-nai-soyte-74-2026",
    "hue-soxaydung-de-an-65-2026",
    "ham-liem-commune-87-2023",
    "ngo-quyen-congan-87-2023",
    "khanh-hoa-iccpr-2026",
    "quang-ngai-qd2715-2026",
    "phan-thiet-87-2023",
    "phu-yen-87-2023",
    "hong-bang-87-2023",
];

fn read(rel: &str) -> Plan {
    let t = std::fs::read_to_string(root().join(rel)).expect("plan");
    import(&t, rel).expect("plan imports")
}

/// The obligation of `plan` labelled (`id`, `line`): the same id, else the
/// one whose lines hold `line`.
fn find<'a>(plan: &'a Plan, id: &str, line: u32) -> Option<&'a obligraph_core::Obligation> {
    plan.obligations.iter().find(|o| o.id == id).or_else(|| {
        plan.obligations
            .iter()
            .find(|o| o.source.line_start <= line && line <= o.source.line_end)
    })
}

/// The status of parent obligation `id` as a reader counts it: a body item
/// the report counts at its appendix twin ("restated by X") or at the
/// rows under its heading takes their status (all covered → covered, all
/// not applicable → not applicable, all missing → missing, else partial;
/// rows not applicable are left out when another row is applicable).
fn effective(r: &obligraph_rules::AuditReport, id: &str) -> Option<Status> {
    effective_reviewed(r, id).map(|(s, _)| s)
}

/// [`effective`], and whether the report flags it for review (itself, or
/// one of the obligations it is counted at).
fn effective_reviewed(r: &obligraph_rules::AuditReport, id: &str) -> Option<(Status, bool)> {
    let p = r.parent_obligation(id)?;
    let reason = p.reason.as_deref().unwrap_or("");
    let ids: Vec<&str> = if let Some(rest) = reason.strip_prefix("restated by ") {
        rest.split([',', ' ']).take(1).collect()
    } else if let Some(rest) = reason.strip_prefix("states the heading of the rows ") {
        rest.split(", which")
            .next()
            .unwrap_or("")
            .split(", ")
            .collect()
    } else {
        return Some((p.status, p.review));
    };
    let counted: Vec<_> = ids
        .iter()
        .filter_map(|i| r.parent_obligation(i.trim()))
        .collect();
    let review = p.review || counted.iter().any(|q| q.review);
    // Rows that are not the derived plan's do not count against it (a
    // heading whose applicable rows are all carried is carried).
    let mut statuses: Vec<Status> = counted.iter().map(|q| q.status).collect();
    if statuses.iter().any(|s| *s != Status::NotApplicable) {
        statuses.retain(|s| *s != Status::NotApplicable);
    }
    let all = |s: Status| !statuses.is_empty() && statuses.iter().all(|x| *x == s);
    let status = if statuses.is_empty() {
        p.status
    } else if all(Status::Covered) {
        Status::Covered
    } else if all(Status::NotApplicable) {
        Status::NotApplicable
    } else if all(Status::Missing) {
        Status::Missing
    } else {
        Status::Partial
    };
    Some((status, review))
}

/// (agreeing, labelled, wrongly applicable, wrongly not applicable) of the
/// applicability of the Đồng Nai tasks to the commune plans, and the
/// disagreements.
pub fn applicability(config: &Config) -> (usize, usize, usize, usize, Vec<String>) {
    let path = root().join("tests/fixtures/applicability/dong-nai-74-2026.commune.json");
    let a: Applicability =
        serde_json::from_str(&std::fs::read_to_string(path).expect("labels")).expect("json");
    let parent = read(&a.parent);
    let child = read(&format!("examples/data/communes/{}.txt", PLANS[0]));
    let r = audit(&parent, &child, config);
    let (mut agree, mut n, mut over, mut under, mut wrong) = (0, 0, 0, 0, Vec::new());
    for l in &a.verdicts {
        let Some(o) = find(&parent, &l.parent, l.parent_line) else {
            continue;
        };
        let (Some(p), Some(status)) = (r.parent_obligation(&o.id), effective(&r, &o.id)) else {
            continue;
        };
        n += 1;
        let said = status != Status::NotApplicable;
        if said == l.applicable {
            agree += 1;
        } else {
            if said {
                over += 1;
            } else {
                under += 1;
            }
            wrong.push(format!(
                "{} labelled {} said {:?} ({}) {}",
                o.id,
                if l.applicable {
                    "applicable"
                } else {
                    "not applicable"
                },
                status,
                p.reason.as_deref().unwrap_or(""),
                o.text.chars().take(60).collect::<String>()
            ));
        }
    }
    (agree, n, over, under, wrong)
}

/// One plan written for the test, as the audit reads it.
pub struct Planted {
    pub name: String,
    /// Verdicts the audit gives as labelled, of `n` labelled.
    pub exact: usize,
    pub n: usize,
    /// Recall and precision of the gaps (expected partial or missing).
    pub recall: f64,
    pub precision: f64,
    /// Wrong verdicts flagged for review; right verdicts flagged.
    pub wrong_flagged: usize,
    pub right_flagged: usize,
    pub wrong: Vec<String>,
    /// Each wrong verdict's kind: the label, then the audit's verdict.
    pub kinds: Vec<(String, &'static str)>,
}

/// Per plan written for the test: its [`Planted`] figures.
pub fn planted(config: &Config) -> Vec<Planted> {
    PLANS
        .iter()
        .map(|name| {
            let path = root().join(format!("tests/fixtures/applicability/{name}.expected.json"));
            let e: Expected = serde_json::from_str(&std::fs::read_to_string(path).expect("labels"))
                .expect("json");
            let parent = read(&e.parent);
            let child = read(&e.plan);
            let r = audit(&parent, &child, config);
            let (mut exact, mut n, mut tp, mut fp, mut fn_) = (0, 0, 0, 0, 0);
            let (mut wrong_flagged, mut right_flagged) = (0, 0);
            let mut wrong = Vec::new();
            let mut kinds = Vec::new();
            for v in &e.verdicts {
                let Some(o) = find(&parent, &v.parent, v.parent_line) else {
                    continue;
                };
                let Some((status, review)) = effective_reviewed(&r, &o.id) else {
                    continue;
                };
                n += 1;
                let said = match status {
                    Status::Covered => "covered",
                    Status::Partial => "partial",
                    Status::Missing => "missing",
                    _ => "not_applicable",
                };
                let gap = matches!(v.expected.as_str(), "partial" | "missing");
                let flagged = matches!(said, "partial" | "missing");
                match (gap, flagged) {
                    (true, true) => tp += 1,
                    (false, true) => fp += 1,
                    (true, false) => fn_ += 1,
                    _ => {}
                }
                if said == v.expected {
                    exact += 1;
                    right_flagged += usize::from(review);
                } else {
                    wrong_flagged += usize::from(review);
                    kinds.push((v.expected.clone(), said));
                    wrong.push(format!(
                        "{name} {} expected {} said {said} {}",
                        o.id,
                        v.expected,
                        o.text.chars().take(60).collect::<String>()
                    ));
                }
            }
            let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
            Planted {
                name: name.to_string(),
                exact,
                n,
                recall: ratio(tp, tp + fn_),
                precision: ratio(tp, tp + fp),
                wrong_flagged,
                right_flagged,
                wrong,
                kinds,
            }
        })
        .collect()
}
