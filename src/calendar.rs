//! Deadline calendars of plans: as data, as text, and as iCalendar (RFC 5545).
//!
//! Recurring deadlines become one event with an `RRULE` (so calendar
//! programs show every year) whenever the rule reproduces the engine's due
//! dates exactly; otherwise (e.g. "chậm nhất ngày 29/02" in common years,
//! where the engine clamps to 28/02) the event lists its dates with `RDATE`.
//! Event-driven, continuous and relative deadlines have no calendar date:
//! they are listed in [`DeadlineCalendar::undated`] and left out of the ICS
//! output.

use crate::core::{Deadline, Obligation, OpenTerm, Period, Plan, Recurrence, Role, Window};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike};
use serde::Serialize;

/// One due date of one obligation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CalendarEntry {
    /// Last allowed day.
    pub date: NaiveDate,
    /// The plan's label.
    pub plan: String,
    /// The obligation id.
    pub obligation: String,
    /// Lead agencies, comma-separated, or empty.
    pub lead: String,
    /// The obligation text.
    pub text: String,
    /// The deadline in Vietnamese.
    pub deadline_vi: String,
    /// The deadline in English.
    pub deadline_en: String,
}

/// An obligation part with no calendar date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UndatedEntry {
    /// The plan's label.
    pub plan: String,
    /// The obligation id.
    pub obligation: String,
    /// Lead agencies, comma-separated, or empty.
    pub lead: String,
    /// Why there is no date.
    pub open: OpenTerm,
    /// The deadline in Vietnamese.
    pub deadline_vi: String,
    /// The deadline in English.
    pub deadline_en: String,
}

/// The deadlines of one or more plans in a window.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DeadlineCalendar {
    /// The window.
    pub window: Option<Window>,
    /// Dated entries, by date then plan then obligation.
    pub entries: Vec<CalendarEntry>,
    /// Parts with no date (on request, continuous …).
    pub undated: Vec<UndatedEntry>,
    /// Obligations with no parsed deadline: plan label and obligation id.
    pub without_deadline: Vec<(String, String)>,
}

fn leads(o: &Obligation) -> String {
    o.assignments
        .iter()
        .filter(|a| a.role == Role::Lead)
        .map(|a| a.agency.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The window a plan's deadlines are expanded in: its validity intersected
/// with the query window (the query window alone when the plan has none).
fn plan_window(plan: &Plan, window: Window) -> Option<Window> {
    match plan.effective_window() {
        Some(v) => v.intersect(&window),
        None => Some(window),
    }
}

/// The deadline calendar of `plans` between the window's days.
///
/// ```
/// use obligraph::calendar::calendar;
/// use obligraph::core::{Deadline, DueDay, Obligation, Plan, Window};
/// let mut plan = Plan::default();
/// let mut o = Obligation::new("IV.1", "Báo cáo kết quả");
/// o.deadline = Some(Deadline::annual(DueDay::before(11, 5)));
/// plan.obligations.push(o);
/// let cal = calendar(&[plan], Window::years(2026, 2026));
/// assert_eq!(cal.entries[0].date.to_string(), "2026-11-04");
/// ```
pub fn calendar(plans: &[Plan], window: Window) -> DeadlineCalendar {
    let mut cal = DeadlineCalendar {
        window: Some(window),
        ..DeadlineCalendar::default()
    };
    for plan in plans {
        let label = plan.label();
        let Some(w) = plan_window(plan, window) else {
            continue;
        };
        for o in &plan.obligations {
            let Some(d) = &o.deadline else {
                cal.without_deadline.push((label.clone(), o.id.clone()));
                continue;
            };
            let lead = leads(o);
            let s = d.due_dates(w);
            for date in s.dates {
                cal.entries.push(CalendarEntry {
                    date,
                    plan: label.clone(),
                    obligation: o.id.clone(),
                    lead: lead.clone(),
                    text: o.text.clone(),
                    deadline_vi: d.to_vietnamese(),
                    deadline_en: d.to_english(),
                });
            }
            for open in s.open {
                cal.undated.push(UndatedEntry {
                    plan: label.clone(),
                    obligation: o.id.clone(),
                    lead: lead.clone(),
                    open,
                    deadline_vi: d.to_vietnamese(),
                    deadline_en: d.to_english(),
                });
            }
        }
    }
    cal.entries
        .sort_by(|a, b| (a.date, &a.plan, &a.obligation).cmp(&(b.date, &b.plan, &b.obligation)));
    cal
}

/// Renders a calendar as readable text, one line per due date.
pub fn to_text(cal: &DeadlineCalendar) -> String {
    let mut out = String::new();
    if let Some(w) = cal.window {
        out.push_str(&format!("Deadlines from {} to {}\n\n", w.start, w.end));
    }
    for e in &cal.entries {
        let lead = if e.lead.is_empty() {
            "(no lead)"
        } else {
            &e.lead
        };
        out.push_str(&format!(
            "{}  {} {}  [{}]  {} / {}\n    {}\n",
            e.date,
            e.plan,
            e.obligation,
            lead,
            e.deadline_vi,
            e.deadline_en,
            shorten(&e.text, 110)
        ));
    }
    if !cal.undated.is_empty() {
        out.push_str("\nNo calendar date:\n");
        for u in &cal.undated {
            let lead = if u.lead.is_empty() {
                "(no lead)"
            } else {
                &u.lead
            };
            out.push_str(&format!(
                "  {} {}  [{}]  {} / {}\n",
                u.plan, u.obligation, lead, u.deadline_vi, u.deadline_en
            ));
        }
    }
    if !cal.without_deadline.is_empty() {
        out.push_str(&format!(
            "\n{} obligation(s) with no parsed deadline\n",
            cal.without_deadline.len()
        ));
    }
    out
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}

/// Options for [`to_ics`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IcsOptions {
    /// The window.
    pub window: Window,
    /// A reminder (VALARM) this many days before each due date; 0 = none.
    pub reminder_days: u32,
    /// DTSTAMP of every event (fixed, so that output is reproducible).
    pub stamp: DateTime<Utc>,
}

impl IcsOptions {
    /// A window with a 7-day reminder and a DTSTAMP at the window's start.
    pub fn new(window: Window) -> Self {
        IcsOptions {
            window,
            reminder_days: 7,
            stamp: window.start.and_time(chrono::NaiveTime::MIN).and_utc(),
        }
    }
}

/// How a recurrence's dates can be written as an RRULE.
fn rrule_for(r: &Recurrence, dates: &[NaiveDate]) -> Option<String> {
    let first = *dates.first()?;
    let step = r.period.months();
    // The day spec every date must satisfy.
    let last_day = |d: NaiveDate| {
        d.checked_add_months(chrono::Months::new(1))
            .and_then(|n| n.with_day(1))
            .and_then(|n| n.pred_opt())
            .map(|n| n.day())
    };
    let all_last = dates.iter().all(|d| last_day(*d) == Some(d.day()));
    let all_same = dates.iter().all(|d| d.day() == first.day());
    // Dates must be exactly one period apart in months.
    let months = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let spaced = dates
        .windows(2)
        .all(|w| months(w[1]) - months(w[0]) == step as i32);
    if !spaced {
        return None;
    }
    let day = if all_same && first.day() <= 28 {
        first.day().to_string()
    } else if all_last {
        "-1".to_string()
    } else if all_same {
        first.day().to_string()
    } else {
        return None;
    };
    let count = dates.len();
    Some(match r.period {
        Period::Year => format!(
            "FREQ=YEARLY;BYMONTH={};BYMONTHDAY={day};COUNT={count}",
            first.month()
        ),
        _ => format!("FREQ=MONTHLY;INTERVAL={step};BYMONTHDAY={day};COUNT={count}"),
    })
}

fn uid_part(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// Renders the deadlines of `plans` as an iCalendar (RFC 5545) document.
///
/// One event per dated deadline part: an all-day event on the last allowed
/// day, recurring ones with an `RRULE` (or `RDATE`s when no rule gives the
/// same dates), the lead agency in the summary and description, and a
/// display alarm `reminder_days` before.
///
/// ```
/// use obligraph::calendar::{to_ics, IcsOptions};
/// use obligraph::core::{Deadline, DueDay, Obligation, Plan, Window};
/// let mut plan = Plan::default();
/// let mut o = Obligation::new("IV.4", "Tổng hợp báo cáo");
/// o.deadline = Some(Deadline::annual(DueDay::before(11, 20)));
/// plan.obligations.push(o);
/// let ics = to_ics(&[plan], &IcsOptions::new(Window::years(2026, 2030)));
/// assert!(ics.contains("RRULE:FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=19;COUNT=5"));
/// ```
pub fn to_ics(plans: &[Plan], opts: &IcsOptions) -> String {
    let mut cal = Calendar::new();
    cal.name("obligraph deadlines");
    for plan in plans {
        let label = plan.label();
        let Some(w) = plan_window(plan, opts.window) else {
            continue;
        };
        for o in &plan.obligations {
            let Some(d) = &o.deadline else { continue };
            let lead = leads(o);
            for (pi, part) in d.parts().into_iter().enumerate() {
                let dates = part.due_dates(w).dates;
                let Some(first) = dates.first().copied() else {
                    continue;
                };
                let rec = match part {
                    Deadline::Recurring(r)
                    | Deadline::Event {
                        recurrence: Some(r),
                        ..
                    } => Some(r),
                    _ => None,
                };
                let mut ev = Event::new();
                let uid = format!("{}-{}-{}@obligraph", uid_part(&label), uid_part(&o.id), pi);
                ev.uid(&uid)
                    .timestamp(opts.stamp)
                    .starts(first)
                    .ends(first + Duration::days(1))
                    .summary(&format!(
                        "{}{} {}: {}",
                        if lead.is_empty() {
                            String::new()
                        } else {
                            format!("{lead} — ")
                        },
                        label,
                        o.id,
                        shorten(&o.text, 80)
                    ))
                    .description(&format!(
                        "{}\n\nThời hạn: {}\nDeadline: {}\nChủ trì / lead: {}",
                        o.text,
                        part.to_vietnamese(),
                        part.to_english(),
                        if lead.is_empty() { "—" } else { &lead }
                    ));
                if dates.len() > 1 {
                    match rec.and_then(|r| rrule_for(r, &dates)) {
                        Some(rule) => {
                            ev.add_property("RRULE", rule);
                        }
                        None => {
                            let rdates: Vec<String> = dates
                                .iter()
                                .skip(1)
                                .map(|d| d.format("%Y%m%d").to_string())
                                .collect();
                            ev.append_property(
                                icalendar::Property::new("RDATE", rdates.join(","))
                                    .add_parameter("VALUE", "DATE")
                                    .done(),
                            );
                        }
                    }
                }
                if opts.reminder_days > 0 {
                    let mut alarm = Alarm::display(
                        &format!("{} {}: {}", label, o.id, part.to_vietnamese()),
                        -Duration::days(i64::from(opts.reminder_days)),
                    );
                    // Fixed UID and DTSTAMP: the library would draw random ones.
                    alarm.uid(&format!("{uid}-alarm")).timestamp(opts.stamp);
                    ev.alarm(alarm.done());
                }
                cal.push(ev.done());
            }
        }
    }
    cal.done().to_string()
}
