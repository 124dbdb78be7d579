//! Style invariance: a task's roles come out the same whichever way the
//! plan writes them.
//!
//! Every task of the five seeds whose roles the importer reads from a
//! parenthesis or a table row is written again in each style plans use
//! (parenthesis, labelled lines, "X chủ trì, phối hợp với Y …", "Giao X
//! chủ trì …", "X: chủ trì …; Y: phối hợp", "X chủ trì, Y phối hợp …",
//! "X chịu / có trách nhiệm …, phối hợp với Y", with "đề nghị" before the
//! requested bodies) and imported; the (agency, role, requested) set must
//! be the one read from the seed. A property test then draws agencies,
//! roles, styles and task texts at random (deterministic runner).

mod common;
use common::{root, SEEDS};

use obligraph_core::{Assignment, Role};
use obligraph_vn::import_text;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// One task with its roles, as written in a seed.
#[derive(Debug, Clone)]
struct Task {
    origin: String,
    /// The seed's header, up to its first section: agency names resolve
    /// by the plan's date and level.
    header: String,
    text: String,
    leads: Vec<Assignment>,
    supports: Vec<Assignment>,
}

/// (agency id, lead?, requested).
type Key = (String, bool, bool);

fn keys<'a>(a: impl IntoIterator<Item = &'a Assignment>) -> Vec<Key> {
    let mut v: Vec<Key> = a
        .into_iter()
        .map(|a| (a.agency.id.clone(), a.role == Role::Lead, a.requested))
        .collect();
    v.sort();
    v
}

/// Words that would give a task's own text a role of its own in a
/// sentence style: such tasks are ambiguous when the roles are written in
/// prose, so they are left out (and counted).
const ROLE_WORDS: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "trách nhiệm",
    "theo dõi",
    "đôn đốc",
    "đề nghị",
    "giao ",
];

/// The text of a task without its roles parenthesis, cut to its first
/// clause.
fn bare_text(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let cut = lower.find(" (").map_or(text.len(), |i| i);
    let t = text.get(..cut)?;
    let t = t
        .split(';')
        .next()?
        .trim()
        .trim_end_matches(['.', ',', ':']);
    let tl = t.to_lowercase();
    // The duty to report difficulties names its own subject after its
    // condition ("Quá trình triển khai …, nếu có vướng mắc, các sở …
    // báo cáo …"): no role phrase can be put before it.
    let own_subject = ["quá trình", "trong quá trình"]
        .iter()
        .any(|w| tl.starts_with(w));
    if t.chars().count() < 12
        || ROLE_WORDS.iter().any(|w| tl.contains(w))
        || t.contains(':')
        || own_subject
    {
        return None;
    }
    Some(t.to_string())
}

fn seed_tasks() -> (Vec<Task>, usize) {
    let mut out = Vec::new();
    let mut skipped = 0;
    for name in SEEDS {
        let rel = format!("examples/data/seeds/{name}.txt");
        let text = std::fs::read_to_string(root().join(&rel)).unwrap();
        let import = import_text(&text, &rel).unwrap();
        let header: String = text
            .lines()
            .take_while(|l| !l.trim_start_matches(['#', '*', ' ']).starts_with("I."))
            .collect::<Vec<_>>()
            .join("\n");
        for o in &import.plan.obligations {
            if o.kind != obligraph_core::ObligationKind::Task || o.assignments.is_empty() {
                continue;
            }
            let mut ids: Vec<&str> = o.assignments.iter().map(|a| a.agency.id.as_str()).collect();
            ids.sort_unstable();
            let n = ids.len();
            ids.dedup();
            let clean = ids.len() == n
                && o.leads().next().is_some()
                && o.assignments
                    .iter()
                    .all(|a| !a.agency.id.starts_with("unresolved:") && a.scope.is_none());
            // A duty that opens with its own subject ("Công an quận đề xuất
            // nhu cầu kinh phí …") takes no role phrase before it.
            let own_subject = |t: &String| {
                let tl = t.to_lowercase();
                o.leads().any(|a| {
                    !a.as_written.is_empty() && tl.starts_with(&a.as_written.to_lowercase())
                })
            };
            let Some(bare) = bare_text(&o.text).filter(|t| clean && !own_subject(t)) else {
                skipped += 1;
                continue;
            };
            out.push(Task {
                origin: format!("{name} {}", o.id),
                header: header.clone(),
                text: bare,
                leads: o.leads().cloned().collect(),
                supports: o.supports().cloned().collect(),
            });
        }
    }
    (out, skipped)
}

fn names(list: &[&Assignment], and: bool) -> String {
    // One written name can give two assignments ("các Sở, cơ quan, đoàn
    // thể liên quan": the departments and the mass organisations): it is
    // written once.
    let mut n: Vec<&str> = Vec::new();
    for a in list {
        if !n.contains(&a.as_written.as_str()) {
            n.push(a.as_written.as_str());
        }
    }
    match (and, n.split_last()) {
        (true, Some((last, init))) if !init.is_empty() => {
            format!("{} và {last}", init.join(", "))
        }
        _ => n.join(", "),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The styles a task's roles can be written in.
#[derive(Debug, Clone, Copy)]
enum Style {
    Parenthesis,
    Labels,
    LeadWith,
    Assign,
    Colons,
    LeadThenSupport,
    Responsible,
    HasDuty,
}

const STYLES: [Style; 8] = [
    Style::Parenthesis,
    Style::Labels,
    Style::LeadWith,
    Style::Assign,
    Style::Colons,
    Style::LeadThenSupport,
    Style::Responsible,
    Style::HasDuty,
];

/// The task written in `style` as the body of a small plan, or `None` when
/// the style cannot say these roles (no ordered lead for "Giao", "chịu
/// trách nhiệm").
fn write(task: &Task, style: Style, and: bool) -> Option<String> {
    fn part(v: &[Assignment], req: bool) -> Vec<&Assignment> {
        v.iter().filter(|a| a.requested == req).collect()
    }
    let (l, lr) = (part(&task.leads, false), part(&task.leads, true));
    let (s, sr) = (part(&task.supports, false), part(&task.supports, true));
    let t = task.text.as_str();
    let tl = lower_first(t);
    let n = |v: &[&Assignment]| names(v, and);
    // "X chủ trì, đề nghị Y chủ trì" / "Đề nghị Y chủ trì".
    let leads_verb = |verb: &str| -> String {
        let mut parts = Vec::new();
        if !l.is_empty() {
            parts.push(format!("{} {verb}", n(&l)));
        }
        if !lr.is_empty() {
            parts.push(format!("đề nghị {} {verb}", n(&lr)));
        }
        let s = parts.join(", ");
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    };
    let requested_supports = if sr.is_empty() {
        String::new()
    } else {
        format!("; đề nghị {} phối hợp", n(&sr))
    };
    let body = match style {
        Style::Parenthesis => {
            let mut roles = Vec::new();
            if !l.is_empty() {
                roles.push(format!("{} chủ trì", n(&l)));
            }
            if !lr.is_empty() {
                roles.push(format!("Đề nghị {} chủ trì", n(&lr)));
            }
            if !s.is_empty() {
                roles.push(format!("{} phối hợp", n(&s)));
            }
            if !sr.is_empty() {
                roles.push(format!("Đề nghị {} phối hợp", n(&sr)));
            }
            format!("1. Nhiệm vụ\n- {t} ({}).", roles.join("; "))
        }
        Style::Labels => {
            let mut lead = n(&l);
            if !lr.is_empty() {
                lead = [lead, format!("Đề nghị {}", n(&lr))]
                    .into_iter()
                    .filter(|x| !x.is_empty())
                    .collect::<Vec<_>>()
                    .join("; ");
            }
            let mut text = format!("1. Nhiệm vụ\n- {t}.\nĐơn vị chủ trì: {lead}");
            let mut sup = n(&s);
            if !sr.is_empty() {
                sup = [sup, format!("Đề nghị {} phối hợp", n(&sr))]
                    .into_iter()
                    .filter(|x| !x.is_empty())
                    .collect::<Vec<_>>()
                    .join("; ");
            }
            if !sup.is_empty() {
                text.push_str(&format!("\nĐơn vị phối hợp: {sup}"));
            }
            text
        }
        Style::LeadWith | Style::Assign => {
            if matches!(style, Style::Assign) && (l.is_empty() || !lr.is_empty()) {
                return None;
            }
            let head = match style {
                Style::Assign => format!("Giao {} chủ trì", n(&l)),
                _ => leads_verb("chủ trì"),
            };
            let with = if s.is_empty() {
                String::new()
            } else {
                format!(", phối hợp với {}", n(&s))
            };
            format!("1. {head}{with} {tl}{requested_supports}.")
        }
        Style::Colons => {
            let mut clauses = Vec::new();
            if !l.is_empty() {
                clauses.push(format!("{}: chủ trì {tl}", n(&l)));
            }
            if !lr.is_empty() {
                clauses.push(format!("Đề nghị {}: chủ trì {tl}", n(&lr)));
            }
            if !s.is_empty() {
                clauses.push(format!("{}: phối hợp", n(&s)));
            }
            if !sr.is_empty() {
                clauses.push(format!("Đề nghị {}: phối hợp", n(&sr)));
            }
            format!("1. {}.", clauses.join("; "))
        }
        Style::LeadThenSupport => {
            let head = leads_verb("chủ trì");
            let sup = if s.is_empty() {
                String::new()
            } else {
                format!(", {} phối hợp", n(&s))
            };
            format!("1. {head}{sup} {tl}{requested_supports}.")
        }
        Style::Responsible | Style::HasDuty => {
            if l.is_empty() || !lr.is_empty() {
                return None;
            }
            let verb = match style {
                Style::Responsible => "chịu trách nhiệm",
                _ => "có trách nhiệm",
            };
            let with = if s.is_empty() {
                String::new()
            } else {
                format!(", phối hợp với {}", n(&s))
            };
            format!("1. {} {verb} {tl}{with}{requested_supports}.", n(&l))
        }
    };
    // A numbered item opens with a capital.
    let body = match body.strip_prefix("1. ") {
        Some(rest) => {
            let mut c = rest.chars();
            let first: String = c
                .next()
                .map(|f| f.to_uppercase().collect())
                .unwrap_or_default();
            format!("1. {first}{}", c.as_str())
        }
        None => body,
    };
    Some(format!(
        "{}\n\nII. NHIỆM VỤ, GIẢI PHÁP\n{body}\n",
        task.header
    ))
}

/// The assignments of the obligations the written plan holds.
fn read_back(plan_text: &str) -> Vec<Key> {
    let import = import_text(plan_text, "style.txt").unwrap();
    keys(import.plan.obligations.iter().flat_map(|o| &o.assignments))
}

fn expected(task: &Task) -> Vec<Key> {
    keys(task.leads.iter().chain(&task.supports))
}

#[test]
fn every_seed_task_in_every_style() {
    let (tasks, skipped) = seed_tasks();
    assert!(
        tasks.len() >= 60,
        "{} tasks kept, {skipped} left out",
        tasks.len()
    );
    let mut failures = Vec::new();
    let mut checked = 0;
    for task in &tasks {
        for style in STYLES {
            for and in [false, true] {
                let Some(text) = write(task, style, and) else {
                    continue;
                };
                checked += 1;
                let got = read_back(&text);
                if got != expected(task) {
                    failures.push(format!(
                        "{} in {style:?}:\n{text}\n  want {:?}\n  got  {got:?}",
                        task.origin,
                        expected(task)
                    ));
                }
            }
        }
    }
    let which: Vec<&str> = failures.iter().filter_map(|f| f.lines().next()).collect();
    assert!(
        failures.is_empty(),
        "{} of {checked} rewritings differ:\n{}\n\nthe first in full:\n{}",
        failures.len(),
        which.join("\n"),
        failures
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A task made up of agencies and a text drawn from the seeds.
fn arbitrary_task(
    pool: &[Assignment],
    texts: &[String],
    header: String,
) -> impl Strategy<Value = Task> {
    let n = pool.len();
    let texts = texts.to_vec();
    let pool = pool.to_vec();
    (
        proptest::sample::subsequence((0..n).collect::<Vec<_>>(), 1..5usize),
        proptest::collection::vec((any::<bool>(), any::<bool>()), 5),
        0..texts.len(),
    )
        .prop_map(move |(picks, flags, ti)| {
            let mut leads = Vec::new();
            let mut supports = Vec::new();
            for (k, &i) in picks.iter().enumerate() {
                let Some(a) = pool.get(i) else { continue };
                let (lead, req) = flags.get(k).copied().unwrap_or((true, false));
                let mut a = a.clone();
                // The first agency leads: a task has a lead.
                a.role = if k == 0 || lead {
                    Role::Lead
                } else {
                    Role::Support
                };
                a.requested = req && !a.agency.orderable;
                if a.role == Role::Lead {
                    leads.push(a);
                } else {
                    supports.push(a);
                }
            }
            Task {
                origin: "generated".into(),
                header: header.clone(),
                text: texts.get(ti).cloned().unwrap_or_default(),
                leads,
                supports,
            }
        })
}

#[test]
fn generated_tasks_in_every_style() {
    let (tasks, _) = seed_tasks();
    // Every distinct agency the seeds of one province plan name, once,
    // under that plan's header (names resolve by date and level).
    let header = tasks
        .iter()
        .find(|t| t.origin.starts_with("dong-nai"))
        .map(|t| t.header.clone())
        .unwrap_or_default();
    let mut pool: Vec<Assignment> = Vec::new();
    let province =
        |t: &&Task| t.origin.starts_with("dong-nai") || t.origin.starts_with("binh-thuan");
    for a in tasks
        .iter()
        .filter(province)
        .flat_map(|t| t.leads.iter().chain(&t.supports))
    {
        if !pool.iter().any(|p| p.agency.id == a.agency.id) {
            pool.push(a.clone());
        }
    }
    let texts: Vec<String> = tasks.iter().map(|t| t.text.clone()).collect();
    let config = Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let strategy = (
        arbitrary_task(&pool, &texts, header),
        0..STYLES.len(),
        any::<bool>(),
    );
    let result = runner.run(&strategy, |(task, style, and)| {
        let style = STYLES[style];
        if let Some(text) = write(&task, style, and) {
            prop_assert_eq!(read_back(&text), expected(&task), "{:?}\n{}", style, text);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
