//! The deadline calendar of a plan for one year.
//!
//! ```sh
//! cargo run --release --example deadline_calendar            # Đồng Nai 74/KH-UBND, 2026
//! cargo run --release --example deadline_calendar -- 2027
//! cargo run --release --example deadline_calendar -- path/to/plan.json 2028
//! ```
//!
//! Reads a plan in the JSON format of `docs/plan-format.md` and prints:
//! every calendar due date of the year in order (obligation, lead agency,
//! deadline in Vietnamese and English), from `obligraph::calendar`: only
//! days the document gives are dated, a recurrence with no day ("hằng
//! năm") is marked tentative `?`; the obligations with no date in the
//! document (event-driven, continuous); and the reporting-chain check of every
//! `feeds` edge (how many days the level above has to compile).

use chrono::{Datelike, NaiveDate};
use obligraph::calendar::calendar;
use obligraph_core::{
    ChainCheck, Deadline, EdgeKind, Obligation, OpenTerm, Plan, PlanGraph, Window,
};
use std::process::ExitCode;

const DEFAULT_PLAN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/dong-nai-74-2026.plan.json"
);

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("deadline_calendar: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut path = DEFAULT_PLAN.to_string();
    let mut year = None;
    for arg in std::env::args().skip(1) {
        match arg.parse::<i32>() {
            Ok(y) if (1000..=9999).contains(&y) => year = Some(y),
            _ if arg == "-h" || arg == "--help" => {
                println!("usage: deadline_calendar [PLAN.json] [YEAR]");
                return Ok(());
            }
            _ => path = arg,
        }
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
    let plan: Plan = serde_json::from_str(&text).map_err(|e| {
        format!(
            "`{path}` is not a plan: {e} (line {}, column {})",
            e.line(),
            e.column()
        )
    })?;
    let validity = plan
        .effective_window()
        .ok_or_else(|| format!("`{path}`: the plan has neither a validity window nor a date"))?;
    let year = year.unwrap_or_else(|| plan.date.map_or(validity.start.year(), |d| d.year()));

    print_header(&plan, validity);
    let Some(window) = validity.intersect(&Window::years(year, year)) else {
        println!(
            "{year} lies outside the plan's validity window: recurring deadlines do not apply then."
        );
        return Ok(());
    };
    print_calendar(&plan, year, window);
    print_undated(&plan, year, window);
    print_later(&plan, year, validity);
    print_chains(&plan, validity);
    Ok(())
}

fn print_header(plan: &Plan, validity: Window) {
    println!(
        "Kế hoạch {} — {}{}",
        plan.label(),
        plan.issuer.as_deref().unwrap_or("(issuer unknown)"),
        plan.date
            .map(|d| format!(", {}", d.format("%d/%m/%Y")))
            .unwrap_or_default()
    );
    if let Some(t) = &plan.title {
        println!("{t}");
    }
    for d in &plan.implements {
        println!(
            "Implements {}{}",
            d.number.as_deref().unwrap_or("(number lost)"),
            d.date
                .map(|x| format!(" of {}", x.format("%d/%m/%Y")))
                .unwrap_or_default()
        );
    }
    println!(
        "Validity window: {} to {}; {} obligations",
        validity.start,
        validity.end,
        plan.obligations.len()
    );
}

/// Lead agencies, requested ones marked "(đề nghị)".
fn leads(o: &Obligation) -> String {
    let names: Vec<String> = o
        .leads()
        .map(|a| {
            if a.requested {
                format!("{} (đề nghị)", a.agency.name)
            } else {
                a.agency.name.clone()
            }
        })
        .collect();
    if names.is_empty() {
        "(no lead)".to_string()
    } else {
        names.join("; ")
    }
}

fn print_calendar(plan: &Plan, year: i32, window: Window) {
    // The library's calendar: only days the document gives are dated;
    // "hằng năm" alone is tentative; event-driven duties are undated.
    let cal = calendar(std::slice::from_ref(plan), window);
    let by_id = |id: &str| plan.obligations.iter().find(|o| o.id == id);
    println!();
    println!(
        "== Deadline calendar {year} ({} to {}): {} due dates, {} tentative ==",
        window.start,
        window.end,
        cal.entries.len(),
        cal.entries.iter().filter(|e| e.tentative).count()
    );
    for e in &cal.entries {
        let Some(o) = by_id(&e.obligation) else {
            continue;
        };
        let also_open = cal.undated.iter().any(|u| u.obligation == e.obligation);
        println!(
            "{}{} {:<14} {}",
            e.date,
            if e.tentative { " ?" } else { "  " },
            o.id,
            leads(o)
        );
        println!("            vi: {}", e.deadline_vi);
        println!(
            "            en: {}{}",
            e.deadline_en,
            if also_open {
                "  (may fall due earlier: see below)"
            } else {
                ""
            }
        );
    }
    if cal.entries.iter().any(|e| e.tentative) {
        println!("? tentative: a period (\"hằng năm\") with no day written; its last day is shown");
    }
}

fn open_term_en(t: &OpenTerm) -> String {
    match t {
        OpenTerm::Event { trigger } => Deadline::event(trigger.clone()).to_english(),
        OpenTerm::Continuous => "continuous".to_string(),
        OpenTerm::Relative { from } => format!("counted from {from}"),
        OpenTerm::UndatedMilestone { milestone } => format!("{milestone:?} (year not given)"),
    }
}

fn print_undated(plan: &Plan, year: i32, window: Window) {
    let cal = calendar(std::slice::from_ref(plan), window);
    println!();
    println!("== No date in the document, {year}: event-driven or continuous ==");
    let mut shown: Vec<&str> = Vec::new();
    for u in &cal.undated {
        if shown.contains(&u.obligation.as_str()) {
            continue;
        }
        shown.push(&u.obligation);
        let Some(o) = plan.obligations.iter().find(|o| o.id == u.obligation) else {
            continue;
        };
        let terms: Vec<String> = cal
            .undated
            .iter()
            .filter(|x| x.obligation == u.obligation)
            .map(|x| open_term_en(&x.open))
            .collect();
        let dated = cal
            .entries
            .iter()
            .filter(|e| e.obligation == u.obligation)
            .count();
        let dated = if dated == 0 {
            String::new()
        } else {
            format!(" (also dated: {dated} in the calendar above)")
        };
        println!("{:<14} {}", o.id, leads(o));
        println!(
            "               no calendar date: {}{dated} | vi: {}",
            terms.join("; "),
            u.deadline_vi
        );
    }
    let none: Vec<&str> = cal
        .without_deadline
        .iter()
        .map(|(_, id)| id.as_str())
        .collect();
    if !none.is_empty() {
        println!("No deadline written: {}", none.join(", "));
    }
}

/// Dated obligations with nothing due in `year`: their next due date, also
/// past the validity window (flagged).
fn print_later(plan: &Plan, year: i32, validity: Window) {
    let after = Window::years(year + 1, year + 100);
    let mut rows = Vec::new();
    for (i, o) in plan.obligations.iter().enumerate() {
        let Some(d) = &o.deadline else { continue };
        if !d.due_dates(Window::years(year, year)).dates.is_empty() {
            continue;
        }
        let later = d.due_dates(after).dates;
        if let Some(first) = later.first() {
            rows.push((*first, i, o, d, later));
        }
    }
    if rows.is_empty() {
        return;
    }
    rows.sort_by_key(|r| (r.0, r.1));
    println!();
    println!("== Not due in {year}: due later ==");
    for (_, _, o, d, later) in rows {
        let dates: Vec<String> = later
            .iter()
            .map(|x| {
                if validity.contains(*x) {
                    x.to_string()
                } else {
                    format!("{x} (after the validity window)")
                }
            })
            .collect();
        println!("{:<14} {}", o.id, dates.join(", "));
        println!("               vi: {d} | en: {}", d.to_english());
    }
}

fn print_chains(plan: &Plan, validity: Window) {
    let graph = PlanGraph::new(vec![plan.clone()]);
    println!();
    println!("== Reporting chain (feeds edges), over the validity window ==");
    let mut any = false;
    for e in graph.edges().iter().filter(|e| e.kind == EdgeKind::Feeds) {
        any = true;
        let (Some(from), Some(to)) = (graph.obligation(&e.from), graph.obligation(&e.to)) else {
            continue;
        };
        println!("{} ({}) → {} ({})", from.id, leads(from), to.id, leads(to));
        let (Some(a), Some(b)) = (&from.deadline, &to.deadline) else {
            println!("    undetermined: a deadline is missing");
            continue;
        };
        println!("    {a}  →  {b}");
        let margins = margins(a, b, validity);
        for (fed, own) in &margins {
            match own {
                Some(c) => println!(
                    "    {}: report due {c}, compilation due {fed}: margin {} days",
                    fed.year(),
                    (*fed - *c).num_days()
                ),
                None => println!(
                    "    {}: no report due before the compilation of {fed}",
                    fed.year()
                ),
            }
        }
        let min = margins
            .iter()
            .filter_map(|(f, c)| c.map(|c| (*f - c).num_days()))
            .min();
        match (min, a.leaves_margin(b, 0, validity)) {
            (Some(m), ChainCheck::Holds { periods }) => {
                let m = u32::try_from(m).unwrap_or(0);
                let holds = matches!(a.leaves_margin(b, m, validity), ChainCheck::Holds { .. });
                let tighter = matches!(
                    a.leaves_margin(b, m + 1, validity),
                    ChainCheck::Violated { .. }
                );
                println!(
                    "    holds in all {periods} periods; the level above always has at least {m} days (checked: {} / {})",
                    if holds { "holds" } else { "fails" },
                    if tighter { "one more day fails" } else { "one more day holds" }
                );
            }
            (_, ChainCheck::Violated { periods }) => {
                println!("    VIOLATED in {} periods", periods.len());
            }
            (_, ChainCheck::Undetermined { feeding, fed }) => println!(
                "    undetermined: the report's open parts {feeding:?}, the compilation's {fed:?}"
            ),
            (None, ChainCheck::Holds { periods }) => println!("    holds in all {periods} periods"),
        }
    }
    if !any {
        println!("(the plan has no feeds edges)");
    }
}

/// For each due date of `fed` in the window: the latest due date of
/// `feeding` on or before it in the same calendar period.
fn margins(feeding: &Deadline, fed: &Deadline, w: Window) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    let step = fed.recurrence().map_or(12, |r| r.period.months());
    fed.due_dates(w)
        .dates
        .into_iter()
        .map(|p| {
            let m0 = p.month0() / step * step;
            let start = NaiveDate::from_ymd_opt(p.year(), m0 + 1, 1).unwrap_or(p);
            let own = feeding.due_dates(Window::new(start, p)).dates;
            (p, own.last().copied())
        })
        .collect()
}
