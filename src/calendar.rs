//! Deadline calendars of plans: as data, as text, and as iCalendar (RFC 5545).
//!
//! # What gets a date, and what does not
//!
//! A calendar must not invent deadlines: a reminder on a day the document
//! never gave is worse than none. Each part of a deadline is placed one of
//! three ways:
//!
//! | the document says | example | placed as |
//! |---|---|---|
//! | a day, or a year / quarter / month | "trước ngày 05/11 hằng năm", "năm 2030" | a dated entry (ICS: `VEVENT`, `STATUS:CONFIRMED`, with a reminder) |
//! | a recurrence with no day | "hằng năm", "định kỳ 06 tháng" | a *tentative* entry on the period's last day (ICS: `VEVENT`, `STATUS:TENTATIVE`, no reminder) |
//! | no date at all | "theo yêu cầu của Bộ Công an hằng năm", "theo hướng dẫn của …", "thường xuyên", "trong 05 ngày kể từ …" | an undated duty (ICS: a `VTODO` with no `DUE`, no reminder) |
//!
//! An event-driven duty keeps its recurrence in its description ("each
//! year, when the ministry asks") but gets no date: the year's last day is
//! not in the document. When the document does give a day
//! ("theo yêu cầu …, trước ngày 01/11 hằng năm"), that day is a dated entry
//! and the event-driven part is listed as undated too.
//!
//! # One entry per due date per task
//!
//! A task due "định kỳ 06 tháng và hằng năm" is due on 30/06 and 31/12: one
//! entry (one ICS event) on 31/12, not one per part. A date given both by a
//! written day and by a period end is dated, not tentative.
//!
//! # The window
//!
//! [`own_window`] is a plan's own span: its validity, else its date to 31
//! December four years later, else the years its deadlines name. The
//! `calendar` command's default window is the span of the plans' own windows
//! (never the current year); a plan with none of these needs `--from` and
//! `--to`. A plan with a validity window never gets dates outside it,
//! whatever the query window.
//!
//! Recurring dated entries become one event with an `RRULE` whenever the
//! rule reproduces the engine's due dates exactly; otherwise (e.g. "chậm
//! nhất ngày 29/02" in common years, where the engine clamps to 28/02) the
//! event lists its dates with `RDATE`.

use crate::core::{Deadline, Obligation, OpenTerm, Period, Plan, Role, Window};
use crate::lang::Lang;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, EventStatus, Todo, TodoStatus};
use serde::Serialize;

/// The `PRODID` of the ICS output (RFC 5545 §3.7.3).
pub const PRODID: &str = concat!(
    "-//obligraph//obligraph ",
    env!("CARGO_PKG_VERSION"),
    "//EN"
);

/// One due date of one obligation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct CalendarEntry {
    /// Last allowed day.
    pub date: NaiveDate,
    /// Whether the day is only the end of a period the document names
    /// without a day ("hằng năm" alone): shown as tentative.
    pub tentative: bool,
    /// The plan's short label ([`short_label`](crate::label::short_label)).
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct UndatedEntry {
    /// The plan's short label ([`short_label`](crate::label::short_label)).
    pub plan: String,
    /// The obligation id.
    pub obligation: String,
    /// Lead agencies, comma-separated, or empty.
    pub lead: String,
    /// Why there is no date.
    pub open: OpenTerm,
    /// The obligation text.
    pub text: String,
    /// The deadline in Vietnamese.
    pub deadline_vi: String,
    /// The deadline in English.
    pub deadline_en: String,
}

/// The deadlines of one or more plans in a window.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, schemars::JsonSchema)]
pub struct DeadlineCalendar {
    /// The window.
    pub window: Option<Window>,
    /// Dated entries, by date then plan then obligation; one per date per
    /// obligation.
    pub entries: Vec<CalendarEntry>,
    /// Parts with no date (on request, continuous …), in document order.
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

/// A plan's own span of days: its validity; else its date to 31 December
/// four years later; else 1 January of the first year its deadlines name to
/// 31 December of the last ("năm 2026", "2024 - 2026", "sơ kết năm 2028",
/// "trước ngày 13/02/2026"). `None` when the plan gives none of these.
///
/// ```
/// use obligraph::calendar::own_window;
/// use obligraph::core::{Deadline, Obligation, Plan, Window};
/// let mut plan = Plan::default();
/// assert_eq!(own_window(&plan), None);
/// let mut o = Obligation::new("II.1", "Tuyên truyền");
/// o.deadline = Some(Deadline::During { from: 2024, to: 2026 });
/// plan.obligations.push(o);
/// assert_eq!(own_window(&plan), Some(Window::years(2024, 2026)));
/// ```
pub fn own_window(plan: &Plan) -> Option<Window> {
    if let Some(w) = plan.effective_window() {
        return Some(w);
    }
    let mut years = plan
        .obligations
        .iter()
        .filter_map(|o| o.deadline.as_ref())
        .flat_map(|d| d.parts())
        .flat_map(|p| match p {
            Deadline::Once { date, .. } => vec![date.year()],
            Deadline::WithinYear { year }
            | Deadline::WithinQuarter { year, .. }
            | Deadline::WithinMonth { year, .. }
            | Deadline::Milestone {
                year: Some(year), ..
            } => vec![*year],
            Deadline::During { from, to } => vec![*from, *to],
            Deadline::Horizon { to } => vec![*to],
            Deadline::Recurring(r)
            | Deadline::Event {
                recurrence: Some(r),
                ..
            } => r.from_year.into_iter().collect(),
            _ => Vec::new(),
        });
    let first = years.next()?;
    let (lo, hi) = years.fold((first, first), |(lo, hi), y| (lo.min(y), hi.max(y)));
    Some(Window::years(lo, hi))
}

/// Whether a plan has deadlines that can only be placed in a window it does
/// not give itself: a recurrence ("hằng năm") with no validity, no date and
/// no year named anywhere in the plan.
pub fn needs_window(plan: &Plan) -> bool {
    own_window(plan).is_none()
        && plan
            .obligations
            .iter()
            .filter_map(|o| o.deadline.as_ref())
            .flat_map(|d| d.parts())
            .any(|p| match p {
                Deadline::Recurring(_) => true,
                Deadline::Event { recurrence, .. } => {
                    recurrence.as_ref().is_some_and(|r| r.due.is_some())
                }
                _ => false,
            })
}

/// The span of the plans' own windows ([`own_window`]): the default window
/// of a calendar. `None` when no plan has one.
pub fn default_window(plans: &[Plan]) -> Option<Window> {
    plans
        .iter()
        .filter_map(own_window)
        .reduce(|a, b| Window::new(a.start.min(b.start), a.end.max(b.end)))
}

/// The window a plan's deadlines are expanded in: its validity intersected
/// with the query window (the query window alone when the plan has none).
fn plan_window(plan: &Plan, window: Window) -> Option<Window> {
    match plan.effective_window() {
        Some(v) => v.intersect(&window),
        None => Some(window),
    }
}

/// A deadline placed in a window: see the [module docs](self).
#[derive(Debug, Default)]
struct Placed {
    /// Dates the document gives (a day, or a year/quarter/month's end).
    dated: Vec<NaiveDate>,
    /// The shortest period among the recurring parts behind `dated`.
    dated_period: Option<Period>,
    /// Period ends of recurrences with no day, not already in `dated`.
    tentative: Vec<NaiveDate>,
    /// The shortest period among the recurring parts behind `tentative`.
    tentative_period: Option<Period>,
    /// Parts with no date.
    open: Vec<OpenTerm>,
}

fn shorter(a: Option<Period>, b: Period) -> Option<Period> {
    Some(a.map_or(b, |a| a.min(b)))
}

fn place(d: &Deadline, w: Window) -> Placed {
    let mut p = Placed::default();
    for part in d.parts() {
        match part {
            Deadline::Event {
                trigger,
                recurrence,
            } => {
                // Only a written day is a date; "hằng năm" alone bounds the
                // event but gives no day.
                if let Some(r) = recurrence.as_ref().filter(|r| r.due.is_some()) {
                    p.dated
                        .extend(Deadline::Recurring(r.clone()).due_dates(w).dates);
                    p.dated_period = shorter(p.dated_period, r.period);
                }
                p.open.push(OpenTerm::Event {
                    trigger: trigger.clone(),
                });
            }
            Deadline::Recurring(r) if r.due.is_none() => {
                p.tentative.extend(part.due_dates(w).dates);
                p.tentative_period = shorter(p.tentative_period, r.period);
            }
            other => {
                let s = other.due_dates(w);
                if let Deadline::Recurring(r) = other {
                    p.dated_period = shorter(p.dated_period, r.period);
                }
                p.dated.extend(s.dates);
                p.open.extend(s.open);
            }
        }
    }
    p.dated.sort_unstable();
    p.dated.dedup();
    p.tentative.sort_unstable();
    p.tentative.dedup();
    p.tentative.retain(|d| p.dated.binary_search(d).is_err());
    let mut seen = Vec::new();
    p.open.retain(|t| {
        let new = !seen.contains(t);
        if new {
            seen.push(t.clone());
        }
        new
    });
    p
}

/// The deadline calendar of `plans` between the window's days.
///
/// ```
/// use obligraph::calendar::calendar;
/// use obligraph::core::{Deadline, DueDay, Obligation, Plan, Trigger, Window};
/// let mut plan = Plan::default();
/// let mut o = Obligation::new("IV.1", "Báo cáo kết quả");
/// o.deadline = Some(Deadline::annual(DueDay::before(11, 5)));
/// plan.obligations.push(o);
/// // "theo yêu cầu của Bộ Công an" gives no date: listed apart.
/// let mut o = Obligation::new("PL.1", "Rà soát pháp luật");
/// o.deadline = Some(Deadline::event(Trigger::OnRequest { by: Some("Bộ Công an".into()) }));
/// plan.obligations.push(o);
/// let cal = calendar(&[plan], Window::years(2026, 2026));
/// assert_eq!(cal.entries.len(), 1);
/// assert_eq!(cal.entries[0].date.to_string(), "2026-11-04");
/// assert_eq!(cal.undated[0].obligation, "PL.1");
/// ```
pub fn calendar(plans: &[Plan], window: Window) -> DeadlineCalendar {
    let mut cal = DeadlineCalendar {
        window: Some(window),
        ..DeadlineCalendar::default()
    };
    for plan in plans {
        let label = crate::label::short_label(plan);
        let Some(w) = plan_window(plan, window) else {
            continue;
        };
        for o in &plan.obligations {
            // A deadline a body item carries from the rows under its
            // heading (`Obligation::deadline_from`) is the rows', placed
            // at them.
            if !o.deadline_from.is_empty() {
                continue;
            }
            let Some(d) = &o.deadline else {
                cal.without_deadline.push((label.clone(), o.id.clone()));
                continue;
            };
            let lead = leads(o);
            let placed = place(d, w);
            let dated = placed.dated.iter().map(|x| (*x, false));
            let tentative = placed.tentative.iter().map(|x| (*x, true));
            for (date, tentative) in dated.chain(tentative) {
                cal.entries.push(CalendarEntry {
                    date,
                    tentative,
                    plan: label.clone(),
                    obligation: o.id.clone(),
                    lead: lead.clone(),
                    text: o.text.clone(),
                    deadline_vi: d.to_vietnamese(),
                    deadline_en: d.to_english(),
                });
            }
            for open in placed.open {
                cal.undated.push(UndatedEntry {
                    plan: label.clone(),
                    obligation: o.id.clone(),
                    lead: lead.clone(),
                    open,
                    text: o.text.clone(),
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

/// Renders a calendar as readable text: one block per due date, tentative
/// dates marked, then the duties with no date. Texts are printed whole.
/// Headings in English; see [`to_text_in`].
pub fn to_text(cal: &DeadlineCalendar) -> String {
    to_text_in(cal, Lang::En)
}

/// [`to_text`] with headings in `lang`; each deadline is shown in both
/// languages, the chosen one first.
///
/// ```
/// use obligraph::calendar::{calendar, to_text_in};
/// use obligraph::core::{Deadline, DueDay, Obligation, Plan, Window};
/// use obligraph::lang::Lang;
/// let mut plan = Plan::default();
/// let mut o = Obligation::new("IV.1", "Báo cáo kết quả");
/// o.deadline = Some(Deadline::annual(DueDay::before(11, 5)));
/// plan.obligations.push(o);
/// let text = to_text_in(&calendar(&[plan], Window::years(2026, 2026)), Lang::Vi);
/// assert!(text.starts_with("Thời hạn từ 2026-01-01 đến 2026-12-31"));
/// assert!(text.contains("trước ngày 05/11 hằng năm / every year, before 05/11"));
/// ```
pub fn to_text_in(cal: &DeadlineCalendar, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let mut out = String::new();
    if let Some(w) = cal.window {
        out.push_str(&if vi {
            format!("Thời hạn từ {} đến {}\n\n", w.start, w.end)
        } else {
            format!("Deadlines from {} to {}\n\n", w.start, w.end)
        });
    }
    let no_lead = |l: &str| match (l.is_empty(), vi) {
        (false, _) => l.to_string(),
        (true, true) => "(không có cơ quan chủ trì)".to_string(),
        (true, false) => "(no lead)".to_string(),
    };
    let both = |v: &str, e: &str| {
        if vi {
            format!("{v} / {e}")
        } else {
            format!("{e} / {v}")
        }
    };
    for e in &cal.entries {
        out.push_str(&format!(
            "{}{}  {} {}  [{}]  {}\n    {}\n",
            e.date,
            if e.tentative { " ?" } else { "  " },
            e.plan,
            e.obligation,
            no_lead(&e.lead),
            both(&e.deadline_vi, &e.deadline_en),
            e.text
        ));
    }
    if cal.entries.iter().any(|e| e.tentative) {
        out.push_str(if vi {
            "\n? ngày dự kiến: văn bản chỉ ghi kỳ (\"hằng năm\") mà không ghi ngày; \
             lịch lấy ngày cuối kỳ.\n"
        } else {
            "\n? tentative: the document gives a period (\"hằng năm\") but no day; \
             the period's last day is shown.\n"
        });
    }
    if !cal.undated.is_empty() {
        out.push_str(if vi {
            "\nKhông có ngày trong văn bản (theo yêu cầu, thường xuyên, tính từ một sự kiện): \
             không đưa vào lịch\n"
        } else {
            "\nNo date in the document (event-driven, continuous, relative): \
             not in the calendar\n"
        });
        for u in &cal.undated {
            out.push_str(&format!(
                "  {} {}  [{}]  {}\n",
                u.plan,
                u.obligation,
                no_lead(&u.lead),
                both(&u.deadline_vi, &u.deadline_en)
            ));
        }
    }
    if !cal.without_deadline.is_empty() {
        let n = cal.without_deadline.len();
        out.push_str(&if vi {
            format!("\n{n} nhiệm vụ không có thời hạn đọc được\n")
        } else {
            format!("\n{n} obligation(s) with no parsed deadline\n")
        });
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
    /// A reminder (VALARM) this many days before each dated (not tentative)
    /// due date; 0 = none.
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

/// How dates `period` apart can be written as an RRULE, if they can.
fn rrule_for(period: Period, dates: &[NaiveDate]) -> Option<String> {
    let first = *dates.first()?;
    let step = period.months();
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
    Some(match period {
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

/// Everything one ICS component of an obligation needs.
struct Item<'a> {
    uid: String,
    label: &'a str,
    obligation: &'a Obligation,
    deadline: &'a Deadline,
    lead: &'a str,
}

impl Item<'_> {
    fn summary(&self) -> String {
        format!(
            "{}{} {}: {}",
            if self.lead.is_empty() {
                String::new()
            } else {
                format!("{} — ", self.lead)
            },
            self.label,
            self.obligation.id,
            shorten(&self.obligation.text, 80)
        )
    }

    fn description(&self, note: &str) -> String {
        format!(
            "{}\n\nThời hạn: {}\nDeadline: {}\nChủ trì / lead: {}{note}",
            self.obligation.text,
            self.deadline.to_vietnamese(),
            self.deadline.to_english(),
            if self.lead.is_empty() {
                "—"
            } else {
                self.lead
            }
        )
    }

    /// One all-day event standing for every date in `dates`.
    fn event(
        &self,
        dates: &[NaiveDate],
        period: Option<Period>,
        tentative: bool,
        opts: &IcsOptions,
    ) -> Option<Event> {
        let first = *dates.first()?;
        let mut ev = Event::new();
        let note = if tentative {
            "\n\nNgày dự kiến: văn bản không ghi ngày, lấy ngày cuối kỳ.\n\
             Tentative: the document gives no day; the period's last day is shown."
        } else {
            ""
        };
        ev.uid(&self.uid)
            .timestamp(opts.stamp)
            .starts(first)
            .ends(first + Duration::days(1))
            .status(if tentative {
                EventStatus::Tentative
            } else {
                EventStatus::Confirmed
            })
            .summary(&self.summary())
            .description(&self.description(note));
        if dates.len() > 1 {
            match period.and_then(|p| rrule_for(p, dates)) {
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
        // No reminder on a day the document did not give.
        if opts.reminder_days > 0 && !tentative {
            let mut alarm = Alarm::display(
                &format!(
                    "{} {}: {}",
                    self.label,
                    self.obligation.id,
                    self.deadline.to_vietnamese()
                ),
                -Duration::days(i64::from(opts.reminder_days)),
            );
            // Fixed UID and DTSTAMP: the library would draw random ones.
            alarm
                .uid(&format!("{}-alarm", self.uid))
                .timestamp(opts.stamp);
            ev.alarm(alarm.done());
        }
        Some(ev.done())
    }

    /// A to-do with no due date for the duties the document dates by an
    /// event, continuously or relative to an undated event.
    fn todo(&self, opts: &IcsOptions) -> Todo {
        Todo::new()
            .uid(&self.uid)
            .timestamp(opts.stamp)
            .status(TodoStatus::NeedsAction)
            .summary(&self.summary())
            .description(&self.description(
                "\n\nKhông có ngày trong văn bản (theo yêu cầu, thường xuyên …).\n\
                 No date in the document (on request, continuous …).",
            ))
            .done()
    }
}

/// Renders the deadlines of `plans` as an iCalendar (RFC 5545) document.
///
/// Per obligation, as the [module docs](self) set out: one all-day
/// `VEVENT` (`STATUS:CONFIRMED`, a display alarm `reminder_days` before)
/// for the dates the document gives, recurring ones with an `RRULE` (or
/// `RDATE`s when no rule gives the same dates); one `VEVENT`
/// (`STATUS:TENTATIVE`, no alarm) for period ends with no day written; one
/// `VTODO` with no `DUE` for the duties with no date. UIDs are
/// `{plan}-{obligation}[-tentative|-undated]@obligraph`. `PRODID` is
/// [`PRODID`].
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
/// assert!(ics.contains("PRODID:-//obligraph//"));
/// ```
pub fn to_ics(plans: &[Plan], opts: &IcsOptions) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"));
    cal.name("obligraph deadlines");
    for plan in plans {
        let label = crate::label::short_label(plan);
        let Some(w) = plan_window(plan, opts.window) else {
            continue;
        };
        for o in &plan.obligations {
            // Carried from rows: placed at the rows (see the calendar).
            let Some(d) = o.own_deadline() else { continue };
            let lead = leads(o);
            let placed = place(d, w);
            let base = format!("{}-{}", uid_part(&label), uid_part(&o.id));
            let item = |suffix: &str| Item {
                uid: format!("{base}{suffix}@obligraph"),
                label: &label,
                obligation: o,
                deadline: d,
                lead: &lead,
            };
            if let Some(ev) = item("").event(&placed.dated, placed.dated_period, false, opts) {
                cal.push(ev);
            }
            if let Some(ev) =
                item("-tentative").event(&placed.tentative, placed.tentative_period, true, opts)
            {
                cal.push(ev);
            }
            if !placed.open.is_empty() {
                cal.push(item("-undated").todo(opts));
            }
        }
    }
    cal.done().to_string()
}
