//! Readable outlines of imported plans. Texts are printed whole (nothing
//! cut), locations as `file:line`.

use crate::core::{Plan, Role};
use crate::vn::Import;
use std::fmt::Write as _;

/// The header, the sections with their obligations (leads, support,
/// deadline, source lines), then the unattributed lines.
pub(super) fn plan_outline(plan: &Plan, file: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", plan.label());
    if let Some(t) = &plan.title {
        let _ = writeln!(s, "  {}", whole(t));
    }
    let mut meta = Vec::new();
    if let Some(i) = &plan.issuer {
        meta.push(i.clone());
    }
    if let Some(d) = plan.date {
        meta.push(d.to_string());
    }
    if let Some(l) = plan.level {
        meta.push(format!("{l:?}").to_lowercase());
    }
    if !meta.is_empty() {
        let _ = writeln!(s, "  {}", meta.join(" · "));
    }
    for r in &plan.implements {
        let _ = writeln!(
            s,
            "  implements {}{}",
            r.number.as_deref().unwrap_or("(no number)"),
            r.date.map(|d| format!(" of {d}")).unwrap_or_default()
        );
    }
    let mut current: Option<&str> = None;
    for o in &plan.obligations {
        let sec = o.section.as_deref();
        if sec != current {
            current = sec;
            if let Some(id) = sec {
                let title = plan
                    .sections
                    .iter()
                    .find(|x| x.id == id)
                    .map(|x| whole(&x.title))
                    .unwrap_or_default();
                let _ = writeln!(s, "\n§ {id} {title}");
            }
        }
        let at = match &o.source.place {
            Some(place) => format!("{file} {place}"),
            None => format!("{file}:{:<5}", o.source.line_start),
        };
        let _ = writeln!(s, "  {:<10} {at} {}", o.id, whole(&o.text));
        let names = |role: Role| {
            o.assignments
                .iter()
                .filter(|a| a.role == role)
                .map(|a| {
                    let mut n = a.agency.name.clone();
                    if a.requested {
                        n.insert_str(0, "(đề nghị) ");
                    }
                    n
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let lead = names(Role::Lead);
        if !lead.is_empty() {
            let _ = writeln!(s, "{:>18} {lead}", "lead:");
        }
        let support = names(Role::Support);
        if !support.is_empty() {
            let _ = writeln!(s, "{:>18} {}", "support:", whole(&support));
        }
        match (&o.deadline, &o.deadline_text) {
            (Some(d), _) => {
                let _ = writeln!(s, "{:>18} {}", "deadline:", d.to_vietnamese());
            }
            (None, Some(t)) => {
                let _ = writeln!(s, "{:>18} {t} (not parsed)", "deadline:");
            }
            (None, None) => {}
        }
    }
    s
}

/// The outline `obligraph import --format text` prints (carried over from
/// the importer's first version of the command): header, sections,
/// obligations with leads and deadlines, unattributed lines, counts.
pub(super) fn import_outline(import: &Import, file: &str) -> String {
    let plan: &Plan = &import.plan;
    let mut s = String::new();
    let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "(unknown)".into());
    let _ = writeln!(s, "Plan     {}", plan.label());
    let _ = writeln!(s, "Number   {}", opt(&plan.number));
    let _ = writeln!(s, "Issuer   {}", opt(&plan.issuer));
    let _ = writeln!(
        s,
        "Date     {}",
        plan.date.map_or("(unknown)".into(), |d| d.to_string())
    );
    let _ = writeln!(
        s,
        "Level    {}",
        plan.level.map_or("(unknown)", |l| l.vietnamese())
    );
    if let Some(t) = &plan.title {
        let _ = writeln!(s, "Title    {t}");
    }
    for r in &plan.implements {
        let _ = writeln!(
            s,
            "Implements {} ({})",
            opt(&r.number),
            r.date.map_or("?".into(), |d| d.to_string())
        );
    }
    let _ = writeln!(s, "\nSections");
    for sec in &plan.sections {
        let depth = sec.id.matches(['.', '-']).count();
        let _ = writeln!(s, "{}{}  {}", "  ".repeat(depth), sec.id, whole(&sec.title));
    }
    let _ = writeln!(s, "\nObligations ({})", plan.obligations.len());
    for o in &plan.obligations {
        let leads: Vec<String> = o
            .leads()
            .map(|a| {
                let mut n = a.agency.name.clone();
                if a.requested {
                    n.insert_str(0, "đề nghị ");
                }
                n
            })
            .collect();
        let _ = writeln!(
            s,
            "  [{}] {:?} {}\n      lead: {}  deadline: {}",
            o.id,
            o.kind,
            whole(&o.text),
            if leads.is_empty() {
                "-".into()
            } else {
                leads.join("; ")
            },
            o.deadline.as_ref().map_or_else(
                || o.deadline_text.clone().unwrap_or_else(|| "-".into()),
                |d| d.to_vietnamese()
            )
        );
        // A Word document's or a spreadsheet's obligations say where a
        // reader finds them; a PDF's lines are found by page.
        if let Some(place) = &o.source.place {
            let _ = writeln!(s, "      at: {file} {place}");
        } else if import.page_line(o.source.line_start).is_some() {
            let _ = writeln!(s, "      at: {file} {}", import.place(o.source.line_start));
        }
    }
    let _ = writeln!(s, "\nUnattributed lines ({})", import.unattributed.len());
    for u in &import.unattributed {
        let at = match (&u.place, import.page_line(u.line)) {
            (Some(place), _) => format!("{file} {place}"),
            (None, Some(_)) => format!("{file} {}", import.place(u.line)),
            (None, None) => format!("{file}:{:<5}", u.line),
        };
        let _ = writeln!(s, "{at}  {:?}  {}", u.reason, whole(&u.text));
    }
    let _ = writeln!(
        s,
        "\n{} non-empty lines: {} attributed, {} unattributed",
        import.stats.nonempty_lines, import.stats.attributed, import.stats.unattributed
    );
    s
}

pub(super) fn lifted_outline(l: &crate::rules::Lifted, file: &str) -> String {
    let mut s = plan_outline(&l.plan, file);
    let mapped: Vec<String> = {
        let mut v: Vec<String> = l
            .provenance
            .iter()
            .flat_map(|p| p.agencies.iter())
            .filter_map(|m| m.to.as_ref().map(|t| format!("{} → {t}", m.from)))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    if !mapped.is_empty() {
        let _ = writeln!(s, "\nAgencies mapped:");
        for m in mapped {
            let _ = writeln!(s, "  {m}");
        }
    }
    let dropped: Vec<&crate::rules::Provenance> = l
        .provenance
        .iter()
        .filter(|p| p.dropped_deadline.is_some())
        .collect();
    if !dropped.is_empty() {
        let _ = writeln!(s, "\nDeadline parts dropped (set by the level above):");
        for p in dropped {
            let _ = writeln!(
                s,
                "  {:<10} {file}:{:<5} {}",
                p.id,
                p.line_start,
                p.dropped_deadline.as_deref().unwrap_or_default()
            );
        }
    }
    s
}

pub(super) fn consensus_outline(k: &crate::rules::Consensus) -> String {
    let mut s = String::new();
    let n = k.siblings.len();
    let _ = writeln!(
        s,
        "Consensus skeleton at {} of {} plans: {}",
        k.level.vietnamese(),
        n,
        k.siblings.join(", ")
    );
    for t in &k.tasks {
        let carriers: Vec<String> = t
            .carriers
            .iter()
            .map(|c| format!("{}#{}", c.plan, c.obligation_id))
            .collect();
        let _ = writeln!(
            s,
            "  {:<5} {}/{}  {}\n          [{}]  {}",
            t.id,
            t.count,
            n,
            whole(&t.text),
            t.leads.join(", "),
            carriers.join(", ")
        );
    }
    for sib in &k.siblings {
        let miss = k.missing_from(sib);
        if !miss.is_empty() {
            let ids: Vec<&str> = miss.iter().map(|t| t.id.as_str()).collect();
            let _ = writeln!(
                s,
                "\nMost siblings carry, {sib} does not: {}",
                ids.join(", ")
            );
        }
    }
    s
}

/// `s` whole, its whitespace (the extraction's hard line breaks)
/// collapsed to single spaces.
fn whole(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
