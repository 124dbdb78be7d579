//! Deadlines (thời hạn): what the corpus writes, as data, and the queries an
//! audit needs.
//!
//! A [`Deadline`] is one of the shapes found in Vietnamese implementation
//! plans: once before a date, within a year, over a span of years, every
//! year / half-year / quarter / month with an optional due day, on an event
//! ("theo yêu cầu của Bộ Công an"), a milestone ("sơ kết năm 2028"), a
//! relative delay, or continuous ("thường xuyên"). Shapes combine with
//! [`Deadline::All`] ("định kỳ 06 tháng và hằng năm").
//!
//! # "Before" is strict, "at the latest" is not
//!
//! "trước ngày 01/11" means the last allowed day is 31 October;
//! "chậm nhất ngày 31/10" means the same day. [`DayBound`] keeps which one
//! the document wrote so that rendering gives the text back, and
//! [`DueDay::last_day`] turns either into the last allowed day.
//!
//! ```
//! use chrono::NaiveDate;
//! use obligraph_core::{Deadline, DueDay, Window};
//!
//! // "trước ngày 01/03 hằng năm": the last allowed day is the last day of
//! // February, 29 in a leap year.
//! let d = Deadline::annual(DueDay::before(3, 1));
//! let w = Window::years(2027, 2028);
//! let dates = d.due_dates(w).dates;
//! assert_eq!(dates, vec![
//!     NaiveDate::from_ymd_opt(2027, 2, 28).unwrap(),
//!     NaiveDate::from_ymd_opt(2028, 2, 29).unwrap(),
//! ]);
//! ```
//!
//! # "Before 01/01" falls in the previous year
//!
//! "trước ngày 01/01 hằng năm" is due on 31 December of the year before the
//! period it names. Such dates are kept only when they fall inside the window.
//!
//! # Event-driven deadlines are never a silent "never"
//!
//! A deadline like "theo yêu cầu của Bộ Công an" has no calendar date. The
//! queries say so: [`Schedule::open`] lists the parts that produce no date,
//! [`NextDue::Undetermined`] is returned when only such parts remain, and
//! [`ChainCheck::Undetermined`] when a reporting-chain check cannot be decided.
//!
//! ```
//! use chrono::NaiveDate;
//! use obligraph_core::{Deadline, NextDue, Trigger, Window};
//!
//! let d = Deadline::event(Trigger::OnRequest { by: Some("Bộ Công an".into()) });
//! let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
//! assert!(matches!(d.next_due(day, Window::years(2026, 2030)), NextDue::Undetermined(_)));
//! assert_eq!(d.to_vietnamese(), "theo yêu cầu của Bộ Công an");
//! ```

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Whether a due day is exclusive ("trước ngày", before) or inclusive
/// ("chậm nhất ngày", at the latest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayBound {
    /// "trước ngày DD/MM": the last allowed day is the day before.
    Before,
    /// "chậm nhất ngày DD/MM": the day itself is allowed.
    AtLatest,
}

/// A day inside a recurring period: month within the period (1-based; for a
/// yearly period this is the calendar month) and day of month, with its
/// bound.
///
/// A day past the end of its month (31 in a 30-day month, 29/02 in a common
/// year) is read as the last day of that month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DueDay {
    /// Month within the period, 1-based (1..=12 yearly, 1..=6 half-yearly,
    /// 1..=3 quarterly, 1 monthly).
    pub month: u8,
    /// Day of the month, 1..=31.
    pub day: u8,
    /// Strict ("trước") or inclusive ("chậm nhất").
    pub bound: DayBound,
}

impl DueDay {
    /// "trước ngày DD/MM": strictly before `day` of `month`.
    pub fn before(month: u8, day: u8) -> Self {
        DueDay {
            month,
            day,
            bound: DayBound::Before,
        }
    }

    /// "chậm nhất ngày DD/MM": on or before `day` of `month`.
    pub fn at_latest(month: u8, day: u8) -> Self {
        DueDay {
            month,
            day,
            bound: DayBound::AtLatest,
        }
    }

    /// The last allowed day for the period that starts on `period_start`
    /// (the first day of a month).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use obligraph_core::DueDay;
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// // "trước ngày 01/01": 31 December of the previous year.
    /// assert_eq!(DueDay::before(1, 1).last_day(start),
    ///            NaiveDate::from_ymd_opt(2025, 12, 31));
    /// assert_eq!(DueDay::at_latest(10, 31).last_day(start),
    ///            NaiveDate::from_ymd_opt(2026, 10, 31));
    /// ```
    pub fn last_day(&self, period_start: NaiveDate) -> Option<NaiveDate> {
        let month0 = i64::from(period_start.month0()) + i64::from(self.month.max(1)) - 1;
        let year = i64::from(period_start.year()) + month0.div_euclid(12);
        let month = u32::try_from(month0.rem_euclid(12) + 1).ok()?;
        let year = i32::try_from(year).ok()?;
        let day = u32::from(self.day.max(1)).min(days_in_month(year, month));
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        match self.bound {
            DayBound::AtLatest => Some(date),
            DayBound::Before => date.pred_opt(),
        }
    }
}

/// The length of a recurring period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// hằng tháng
    Month,
    /// hằng quý
    Quarter,
    /// 06 tháng
    HalfYear,
    /// hằng năm
    Year,
}

impl Period {
    /// Number of months in the period.
    pub fn months(self) -> u32 {
        match self {
            Period::Month => 1,
            Period::Quarter => 3,
            Period::HalfYear => 6,
            Period::Year => 12,
        }
    }
}

/// A recurrence: every period, due on a day inside it (or on its last day
/// when the document gives none), optionally only from a given year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recurrence {
    /// How often.
    pub period: Period,
    /// The due day inside each period; `None` = the period's last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DueDay>,
    /// First year it applies ("từ năm 2024 trở đi"); `None` = the whole window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_year: Option<i32>,
}

/// What sets off an event-driven deadline.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "trigger", rename_all = "snake_case")]
pub enum Trigger {
    /// "theo yêu cầu của X" / "khi có yêu cầu".
    OnRequest {
        /// Who asks, as written, when named.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
    },
    /// "theo hướng dẫn của X" / "theo chỉ đạo của X".
    PerGuidance {
        /// Who guides, as written, when named.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
    },
    /// "đột xuất": ad hoc.
    AdHoc,
    /// "kịp thời" / "ngay sau khi …": as soon as an event happens.
    Asap {
        /// The event, as written, when named.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<String>,
    },
}

/// The kind of a review or report milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    /// sơ kết: mid-term review.
    MidtermReview,
    /// tổng kết: final review.
    FinalReview,
    /// báo cáo giữa kỳ: mid-term report.
    MidtermReport,
    /// báo cáo quốc gia: national report.
    NationalReport,
}

/// Units of a relative delay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DelayUnit {
    /// ngày làm việc (weekends and public holidays excluded).
    WorkingDay,
    /// ngày (calendar days).
    Day,
    /// tháng.
    Month,
}

/// A deadline as plans write it. See the [module documentation](self).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Deadline {
    /// Once, before or at the latest on a date ("trước ngày 13/02/2026").
    Once {
        /// The date written in the document.
        date: NaiveDate,
        /// Strict or inclusive.
        bound: DayBound,
    },
    /// Within one year ("năm 2026"); due by 31 December.
    WithinYear {
        /// The year.
        year: i32,
    },
    /// Within one quarter ("Quý II/2026"); due by the quarter's last day.
    WithinQuarter {
        /// The year.
        year: i32,
        /// 1..=4.
        quarter: u8,
    },
    /// Within one month ("tháng 6/2026"); due by its last day.
    WithinMonth {
        /// The year.
        year: i32,
        /// 1..=12.
        month: u8,
    },
    /// During a span of years ("2023 - 2025"); due by 31 December of `to`.
    During {
        /// First year.
        from: i32,
        /// Last year (inclusive).
        to: i32,
    },
    /// Up to a horizon ("đến năm 2030"); due by 31 December of `to`.
    Horizon {
        /// Last year.
        to: i32,
    },
    /// Every period of the plan's validity window ("hằng năm").
    Recurring(Recurrence),
    /// When an event happens, optionally each period
    /// ("theo yêu cầu của Bộ Công an hàng năm").
    Event {
        /// What sets it off.
        trigger: Trigger,
        /// Recurrence that bounds it ("hàng năm"), if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recurrence: Option<Recurrence>,
    },
    /// A review or report milestone ("sơ kết năm 2028"); due by 31 December
    /// of its year when the year is given.
    Milestone {
        /// Which milestone.
        milestone: MilestoneKind,
        /// The year, when written.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        year: Option<i32>,
    },
    /// N units after an event ("trong 05 ngày làm việc kể từ ngày …").
    Relative {
        /// How many.
        n: u32,
        /// Which unit.
        unit: DelayUnit,
        /// The event it counts from, as written.
        from: String,
    },
    /// Continuous ("thường xuyên").
    Continuous,
    /// Several deadlines at once ("định kỳ 06 tháng và hằng năm").
    All {
        /// The parts.
        parts: Vec<Deadline>,
    },
}

/// An inclusive range of days: a plan's validity window, or a query range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Window {
    /// First day (inclusive).
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
}

impl Window {
    /// A window from `start` to `end`, swapped if given in the wrong order.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        if start <= end {
            Window { start, end }
        } else {
            Window {
                start: end,
                end: start,
            }
        }
    }

    /// 1 January of `from` to 31 December of `to`.
    ///
    /// Years outside chrono's range are clamped to it.
    pub fn years(from: i32, to: i32) -> Self {
        Window::new(first_of_year(from), last_of_year(to))
    }

    /// Whether `d` lies inside the window.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }

    /// The overlap of two windows, if any.
    pub fn intersect(&self, other: &Window) -> Option<Window> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start <= end).then_some(Window { start, end })
    }
}

/// A part of a deadline that yields no calendar date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "open", rename_all = "snake_case")]
pub enum OpenTerm {
    /// Due when the trigger happens.
    Event {
        /// What sets it off.
        trigger: Trigger,
    },
    /// Continuous: always due.
    Continuous,
    /// N units after an event that has no date.
    Relative {
        /// The event, as written.
        from: String,
    },
    /// A milestone whose year the document does not give.
    UndatedMilestone {
        /// Which milestone.
        milestone: MilestoneKind,
    },
}

/// The answer to [`Deadline::due_dates`]: the calendar dates in the window,
/// strictly increasing, and the parts of the deadline that yield no date.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Schedule {
    /// Due dates (last allowed days) inside the window, strictly increasing.
    pub dates: Vec<NaiveDate>,
    /// Parts with no calendar date (event-driven, continuous, relative).
    pub open: Vec<OpenTerm>,
}

/// The answer to [`Deadline::next_due`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "next", rename_all = "snake_case")]
pub enum NextDue {
    /// The next calendar due date. Open parts may also exist: they are listed.
    On {
        /// The date.
        date: NaiveDate,
        /// Parts with no date that may fall earlier.
        open: Vec<OpenTerm>,
    },
    /// No calendar date remains, but the deadline has parts with no date
    /// (an event may still make it due).
    Undetermined(Vec<OpenTerm>),
    /// Nothing is due after that day inside the window.
    None,
}

/// One period in which a reporting chain fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChainViolation {
    /// The due date of the deadline fed (the level above).
    pub feeds_due: NaiveDate,
    /// The latest due date of the feeding deadline in that period, if any.
    pub due: Option<NaiveDate>,
    /// Days between them (negative when the report is due after the one it
    /// feeds); `None` when the feeding deadline has no date in the period.
    pub margin_days: Option<i64>,
}

/// The answer to [`Deadline::leaves_margin`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum ChainCheck {
    /// In every period of the fed deadline inside the window, the feeding
    /// deadline falls at least the required number of days earlier.
    Holds {
        /// How many periods were checked.
        periods: usize,
    },
    /// Some periods fail.
    Violated {
        /// The failing periods.
        periods: Vec<ChainViolation>,
    },
    /// One side has no calendar date in the window, so the check cannot be
    /// decided; the open parts say why.
    Undetermined {
        /// Open parts of the feeding deadline.
        feeding: Vec<OpenTerm>,
        /// Open parts of the fed deadline.
        fed: Vec<OpenTerm>,
    },
}

impl Deadline {
    /// Every year, due on `due` ("trước ngày 01/11 hằng năm").
    pub fn annual(due: DueDay) -> Self {
        Deadline::Recurring(Recurrence {
            period: Period::Year,
            due: Some(due),
            from_year: None,
        })
    }

    /// Every period, due on its last day ("hằng năm", "hằng quý").
    pub fn every(period: Period) -> Self {
        Deadline::Recurring(Recurrence {
            period,
            due: None,
            from_year: None,
        })
    }

    /// Event-driven, with no recurrence.
    pub fn event(trigger: Trigger) -> Self {
        Deadline::Event {
            trigger,
            recurrence: None,
        }
    }

    /// Once, strictly before `date` ("trước ngày 13/02/2026").
    pub fn once_before(date: NaiveDate) -> Self {
        Deadline::Once {
            date,
            bound: DayBound::Before,
        }
    }

    /// The parts of this deadline (itself, unless it is [`Deadline::All`]),
    /// flattened.
    pub fn parts(&self) -> Vec<&Deadline> {
        match self {
            Deadline::All { parts } => parts.iter().flat_map(|p| p.parts()).collect(),
            other => vec![other],
        }
    }

    /// Whether any part is event-driven.
    pub fn is_event_driven(&self) -> bool {
        self.parts()
            .iter()
            .any(|p| matches!(p, Deadline::Event { .. }))
    }

    /// The recurrence of this deadline, the shortest one when several parts
    /// recur (also the recurrence that bounds an event).
    pub fn recurrence(&self) -> Option<&Recurrence> {
        self.parts()
            .into_iter()
            .filter_map(|p| match p {
                Deadline::Recurring(r) => Some(r),
                Deadline::Event {
                    recurrence: Some(r),
                    ..
                } => Some(r),
                _ => None,
            })
            .min_by_key(|r| r.period)
    }

    /// Whether the deadline comes back every period (alone or bounding an
    /// event).
    pub fn is_recurring(&self) -> bool {
        self.recurrence().is_some()
    }

    /// The due dates inside `window`, and the parts with no date.
    ///
    /// Recurrences yield one date per period whose last allowed day lies in
    /// the window; an event bounded by a recurrence ("theo yêu cầu … hàng
    /// năm") yields the recurrence's dates *and* an open term, because the
    /// request can come earlier.
    pub fn due_dates(&self, window: Window) -> Schedule {
        let mut s = Schedule::default();
        self.collect(window, &mut s);
        // A single recurrence comes out strictly increasing already.
        if !s.dates.windows(2).all(|p| p[0] < p[1]) {
            s.dates.sort_unstable();
            s.dates.dedup();
        }
        s
    }

    fn collect(&self, w: Window, s: &mut Schedule) {
        let mut push = |d: Option<NaiveDate>| {
            if let Some(d) = d.filter(|d| w.contains(*d)) {
                s.dates.push(d);
            }
        };
        match self {
            Deadline::Once { date, bound } => push(match bound {
                DayBound::AtLatest => Some(*date),
                DayBound::Before => date.pred_opt(),
            }),
            Deadline::WithinYear { year } => push(Some(last_of_year(*year))),
            Deadline::WithinQuarter { year, quarter } => {
                let m = u32::from((*quarter).clamp(1, 4)) * 3;
                push(last_of_month(*year, m))
            }
            Deadline::WithinMonth { year, month } => {
                push(last_of_month(*year, u32::from((*month).clamp(1, 12))))
            }
            Deadline::During { to, .. } | Deadline::Horizon { to } => push(Some(last_of_year(*to))),
            Deadline::Milestone {
                year: Some(year), ..
            } => push(Some(last_of_year(*year))),
            Deadline::Milestone {
                milestone,
                year: None,
            } => s.open.push(OpenTerm::UndatedMilestone {
                milestone: *milestone,
            }),
            Deadline::Recurring(r) => recurrence_dates(r, w, &mut s.dates),
            Deadline::Event {
                trigger,
                recurrence,
            } => {
                if let Some(r) = recurrence {
                    recurrence_dates(r, w, &mut s.dates);
                }
                s.open.push(OpenTerm::Event {
                    trigger: trigger.clone(),
                });
            }
            Deadline::Relative { from, .. } => {
                s.open.push(OpenTerm::Relative { from: from.clone() })
            }
            Deadline::Continuous => s.open.push(OpenTerm::Continuous),
            Deadline::All { parts } => {
                for p in parts {
                    p.collect(w, s);
                }
            }
        }
    }

    /// The first due date strictly after `day` inside `window`.
    ///
    /// Returns [`NextDue::Undetermined`] when no date remains but the
    /// deadline has event-driven, continuous or relative parts.
    pub fn next_due(&self, day: NaiveDate, window: Window) -> NextDue {
        let s = match day.succ_opt() {
            Some(next) if next <= window.end => {
                self.due_dates(Window::new(next.max(window.start), window.end))
            }
            _ => Schedule {
                dates: Vec::new(),
                open: self.due_dates(window).open,
            },
        };
        match s.dates.first() {
            Some(d) => NextDue::On {
                date: *d,
                open: s.open,
            },
            None if !s.open.is_empty() => NextDue::Undetermined(s.open),
            None => NextDue::None,
        }
    }

    /// The reporting-chain check: whether this deadline (a report sent up)
    /// falls at least `days` days before `fed` (the report that compiles it
    /// at the level above) in every period of `fed` inside `window`.
    ///
    /// For each due date `p` of `fed` in the window, this deadline must have
    /// a due date `c <= p - days` inside the same period as `p`: the calendar
    /// year, half-year, quarter or month of `p`, by the recurrence of `fed`
    /// (the calendar year when `fed` does not recur). A report due after the
    /// compilation it feeds in the same year is therefore late, not "early
    /// for next year".
    ///
    /// ```
    /// use obligraph_core::{ChainCheck, Deadline, DueDay, Window};
    /// // Đồng Nai: communes report before 05/11, the Department of Justice
    /// // compiles before 20/11.
    /// let commune = Deadline::annual(DueDay::before(11, 5));
    /// let province = Deadline::annual(DueDay::before(11, 20));
    /// let w = Window::years(2026, 2030);
    /// assert!(matches!(commune.leaves_margin(&province, 10, w), ChainCheck::Holds { periods: 5 }));
    /// assert!(matches!(commune.leaves_margin(&province, 20, w), ChainCheck::Violated { .. }));
    /// ```
    pub fn leaves_margin(&self, fed: &Deadline, days: u32, window: Window) -> ChainCheck {
        let fed_s = fed.due_dates(window);
        let step = fed.recurrence().map_or(12, |r| r.period.months());
        let period_of = |p: NaiveDate| {
            let m0 = p.month0() / step * step;
            let start = NaiveDate::from_ymd_opt(p.year(), m0 + 1, 1).unwrap_or(p);
            let end = start
                .checked_add_months(chrono::Months::new(step))
                .and_then(|d| d.pred_opt())
                .unwrap_or(p);
            Window::new(start, end)
        };
        let wider = match (fed_s.dates.first(), fed_s.dates.last()) {
            (Some(a), Some(b)) => Window::new(period_of(*a).start, period_of(*b).end),
            _ => window,
        };
        let own = self.due_dates(wider);
        if fed_s.dates.is_empty() || own.dates.is_empty() {
            return ChainCheck::Undetermined {
                feeding: own.open,
                fed: fed_s.open,
            };
        }
        let mut bad = Vec::new();
        for &p in &fed_s.dates {
            let period = period_of(p);
            // `None` when the margin reaches before the calendar's first day:
            // no date can leave it.
            let latest_allowed = p.checked_sub_signed(Duration::days(i64::from(days)));
            let in_period: Vec<NaiveDate> = own
                .dates
                .iter()
                .copied()
                .filter(|c| period.contains(*c))
                .collect();
            if !in_period
                .iter()
                .any(|c| latest_allowed.is_some_and(|l| *c <= l))
            {
                // The closest candidate: latest date not after p, else the first after.
                let cand = in_period
                    .iter()
                    .copied()
                    .filter(|c| *c <= p)
                    .max()
                    .or_else(|| in_period.first().copied());
                bad.push(ChainViolation {
                    feeds_due: p,
                    due: cand,
                    margin_days: cand.map(|c| (p - c).num_days()),
                });
            }
        }
        if bad.is_empty() {
            ChainCheck::Holds {
                periods: fed_s.dates.len(),
            }
        } else {
            ChainCheck::Violated { periods: bad }
        }
    }

    /// Renders the deadline in Vietnamese, as a plan would write it.
    pub fn to_vietnamese(&self) -> String {
        render(self, Lang::Vi)
    }

    /// Renders the deadline in English.
    ///
    /// ```
    /// use obligraph_core::{Deadline, DueDay};
    /// assert_eq!(Deadline::annual(DueDay::before(11, 1)).to_english(),
    ///            "every year, before 01/11");
    /// ```
    pub fn to_english(&self) -> String {
        render(self, Lang::En)
    }
}

impl fmt::Display for Deadline {
    /// Vietnamese rendering.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_vietnamese())
    }
}

fn recurrence_dates(r: &Recurrence, w: Window, out: &mut Vec<NaiveDate>) {
    // Closed form on month numbers (months since year 0, January = 0):
    // periods are aligned on 1 January, period `p` (a multiple of `step`)
    // is due on day `day` of month `p + k`, clamped to the month's last day,
    // minus one day when the bound is "before".
    let step = i64::from(r.period.months());
    let due = r.due.unwrap_or(DueDay {
        month: u8::try_from(step).unwrap_or(12),
        day: 31,
        bound: DayBound::AtLatest,
    });
    let k = i64::from(due.month.max(1)) - 1;
    let day = u32::from(due.day.max(1));
    // The first period whose due date can reach the window: a due date lies
    // at most `k` months and 31 days after its period starts, and at least
    // one day before, so one period before the one holding `w.start - k`
    // months is early enough ("before 01/01" falls in the previous year).
    let w_m0 = i64::from(w.start.year()) * 12 + i64::from(w.start.month0());
    let mut p = (w_m0 - k).div_euclid(step) * step - step;
    if let Some(y) = r.from_year {
        p = p.max(i64::from(y) * 12);
    }
    let months = (i64::from(w.end.year()) * 12 + i64::from(w.end.month0()) - p) / step + 2;
    out.reserve(usize::try_from(months.clamp(0, 4096)).unwrap_or(0));
    let m0 = p + k;
    let (Ok(mut year), Ok(mut month)) = (
        i32::try_from(m0.div_euclid(12)),
        u32::try_from(m0.rem_euclid(12) + 1),
    ) else {
        return;
    };
    let step = u32::try_from(step).unwrap_or(12);
    loop {
        let date = NaiveDate::from_ymd_opt(year, month, day.min(days_in_month(year, month)));
        let d = match (date, due.bound) {
            (Some(d), DayBound::AtLatest) => Some(d),
            (Some(d), DayBound::Before) => d.pred_opt(),
            (None, _) => None,
        };
        match d {
            Some(d) if d > w.end => break,
            Some(d) if d >= w.start => out.push(d),
            Some(_) => {}
            // Past chrono's last day: nothing more can be due.
            None if year > 0 => break,
            // Before chrono's first day: move on to later periods.
            None => {}
        }
        // Next period: `step` divides 12, so at most one year boundary.
        month += step;
        if month > 12 {
            month -= 12;
            let Some(next) = year.checked_add(1) else {
                break;
            };
            year = next;
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    Vi,
    En,
}

fn render(d: &Deadline, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match d {
        Deadline::Once { date, bound } => {
            let ds = date.format("%d/%m/%Y");
            match (bound, vi) {
                (DayBound::Before, true) => format!("trước ngày {ds}"),
                (DayBound::AtLatest, true) => format!("chậm nhất ngày {ds}"),
                (DayBound::Before, false) => format!("before {ds}"),
                (DayBound::AtLatest, false) => format!("by {ds} at the latest"),
            }
        }
        Deadline::WithinYear { year } => {
            if vi {
                format!("năm {year}")
            } else {
                format!("within {year}")
            }
        }
        Deadline::WithinQuarter { year, quarter } => {
            let roman = ["I", "II", "III", "IV"][usize::from((*quarter).clamp(1, 4)) - 1];
            if vi {
                format!("quý {roman}/{year}")
            } else {
                format!("within Q{quarter} {year}")
            }
        }
        Deadline::WithinMonth { year, month } => {
            if vi {
                format!("tháng {month:02}/{year}")
            } else {
                format!("within {month:02}/{year}")
            }
        }
        Deadline::During { from, to } => {
            if vi {
                format!("{from} - {to}")
            } else {
                format!("during {from}-{to}")
            }
        }
        Deadline::Horizon { to } => {
            if vi {
                format!("đến năm {to}")
            } else {
                format!("up to {to}")
            }
        }
        Deadline::Recurring(r) => render_recurrence(r, lang),
        Deadline::Event {
            trigger,
            recurrence,
        } => {
            let t = render_trigger(trigger, lang);
            match recurrence {
                Some(r) => format!("{t} {}", render_recurrence(r, lang)),
                None => t,
            }
        }
        Deadline::Milestone { milestone, year } => {
            let k = match (milestone, vi) {
                (MilestoneKind::MidtermReview, true) => "sơ kết",
                (MilestoneKind::FinalReview, true) => "tổng kết",
                (MilestoneKind::MidtermReport, true) => "báo cáo giữa kỳ",
                (MilestoneKind::NationalReport, true) => "báo cáo quốc gia",
                (MilestoneKind::MidtermReview, false) => "mid-term review",
                (MilestoneKind::FinalReview, false) => "final review",
                (MilestoneKind::MidtermReport, false) => "mid-term report",
                (MilestoneKind::NationalReport, false) => "national report",
            };
            match (year, vi) {
                (Some(y), true) => format!("{k} năm {y}"),
                (Some(y), false) => format!("{k} in {y}"),
                (None, _) => k.to_string(),
            }
        }
        Deadline::Relative { n, unit, from } => {
            let u = match (unit, vi) {
                (DelayUnit::WorkingDay, true) => "ngày làm việc",
                (DelayUnit::Day, true) => "ngày",
                (DelayUnit::Month, true) => "tháng",
                (DelayUnit::WorkingDay, false) => "working days",
                (DelayUnit::Day, false) => "days",
                (DelayUnit::Month, false) => "months",
            };
            if vi {
                format!("trong {n:02} {u} kể từ ngày {from}")
            } else {
                format!("within {n} {u} of {from}")
            }
        }
        Deadline::Continuous => if vi { "thường xuyên" } else { "continuous" }.to_string(),
        Deadline::All { parts } => {
            let sep = if vi { " và " } else { " and " };
            parts
                .iter()
                .map(|p| render(p, lang))
                .collect::<Vec<_>>()
                .join(sep)
        }
    }
}

fn render_trigger(t: &Trigger, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match (t, vi) {
        (Trigger::OnRequest { by: Some(b) }, true) => format!("theo yêu cầu của {b}"),
        (Trigger::OnRequest { by: None }, true) => "khi có yêu cầu".into(),
        (Trigger::PerGuidance { by: Some(b) }, true) => format!("theo hướng dẫn của {b}"),
        (Trigger::PerGuidance { by: None }, true) => "theo hướng dẫn".into(),
        (Trigger::AdHoc, true) => "đột xuất".into(),
        (Trigger::Asap { after: Some(a) }, true) => format!("ngay sau khi {a}"),
        (Trigger::Asap { after: None }, true) => "kịp thời".into(),
        (Trigger::OnRequest { by: Some(b) }, false) => format!("on request of {b}"),
        (Trigger::OnRequest { by: None }, false) => "when required".into(),
        (Trigger::PerGuidance { by: Some(b) }, false) => format!("as guided by {b}"),
        (Trigger::PerGuidance { by: None }, false) => "as guided".into(),
        (Trigger::AdHoc, false) => "ad hoc".into(),
        (Trigger::Asap { after: Some(a) }, false) => format!("as soon as {a}"),
        (Trigger::Asap { after: None }, false) => "promptly".into(),
    }
}

fn render_recurrence(r: &Recurrence, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let every = match (r.period, vi) {
        (Period::Year, true) => "hằng năm",
        (Period::HalfYear, true) => "định kỳ 06 tháng",
        (Period::Quarter, true) => "hằng quý",
        (Period::Month, true) => "hằng tháng",
        (Period::Year, false) => "every year",
        (Period::HalfYear, false) => "every six months",
        (Period::Quarter, false) => "every quarter",
        (Period::Month, false) => "every month",
    };
    let due = r.due.map(|d| {
        let kw = match (d.bound, vi) {
            (DayBound::Before, true) => "trước ngày",
            (DayBound::AtLatest, true) => "chậm nhất ngày",
            (DayBound::Before, false) => "before",
            (DayBound::AtLatest, false) => "at the latest on",
        };
        match (r.period, vi) {
            (Period::Year, _) => format!("{kw} {:02}/{:02}", d.day, d.month),
            (Period::Month, true) => format!("{kw} {:02} hằng tháng", d.day),
            (Period::Month, false) => format!("{kw} day {:02} of the month", d.day),
            (_, true) => format!("{kw} {:02} của tháng thứ {} trong kỳ", d.day, d.month),
            (_, false) => format!("{kw} day {:02} of month {} of the period", d.day, d.month),
        }
    });
    let mut s = match (due, r.period, vi) {
        (Some(due), Period::Year, true) => format!("{due} hằng năm"),
        (Some(due), Period::Month, _) => {
            if vi {
                due
            } else {
                format!("{every}, {due}")
            }
        }
        (Some(due), _, true) => format!("{every} ({due})"),
        (Some(due), _, false) => format!("{every}, {due}"),
        (None, _, _) => every.to_string(),
    };
    if let Some(y) = r.from_year {
        if vi {
            s.push_str(&format!(" từ năm {y}"));
        } else {
            s.push_str(&format!(" from {y}"));
        }
    }
    s
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
                29
            } else {
                28
            }
        }
    }
}

fn first_of_year(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

fn last_of_year(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, days_in_month(year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn before_first_of_november_is_31_october() {
        let s = Deadline::annual(DueDay::before(11, 1)).due_dates(Window::years(2023, 2025));
        assert_eq!(
            s.dates,
            vec![d(2023, 10, 31), d(2024, 10, 31), d(2025, 10, 31)]
        );
        assert!(s.open.is_empty());
    }

    #[test]
    fn before_first_of_january_is_previous_year() {
        let s = Deadline::annual(DueDay::before(1, 1)).due_dates(Window::years(2024, 2025));
        assert_eq!(s.dates, vec![d(2024, 12, 31), d(2025, 12, 31)]);
    }

    #[test]
    fn semiannual_and_annual_together() {
        let dl = Deadline::All {
            parts: vec![
                Deadline::every(Period::HalfYear),
                Deadline::every(Period::Year),
            ],
        };
        let s = dl.due_dates(Window::years(2026, 2026));
        assert_eq!(s.dates, vec![d(2026, 6, 30), d(2026, 12, 31)]);
        assert_eq!(dl.to_vietnamese(), "định kỳ 06 tháng và hằng năm");
    }

    #[test]
    fn event_with_recurrence_is_dated_and_open() {
        let dl = Deadline::Event {
            trigger: Trigger::OnRequest {
                by: Some("Bộ Công an".into()),
            },
            recurrence: Some(Recurrence {
                period: Period::Year,
                due: None,
                from_year: None,
            }),
        };
        let s = dl.due_dates(Window::years(2026, 2027));
        assert_eq!(s.dates.len(), 2);
        assert_eq!(s.open.len(), 1);
        assert_eq!(dl.to_vietnamese(), "theo yêu cầu của Bộ Công an hằng năm");
    }

    #[test]
    fn chain_once_vs_annual_fails_after_first_year() {
        let child = Deadline::once_before(d(2026, 11, 1));
        let parent = Deadline::annual(DueDay::before(11, 20));
        match child.leaves_margin(&parent, 5, Window::years(2026, 2028)) {
            ChainCheck::Violated { periods } => assert_eq!(periods.len(), 2),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn chain_due_after_fed_is_violated_with_negative_margin() {
        let child = Deadline::annual(DueDay::before(11, 25));
        let parent = Deadline::annual(DueDay::before(11, 20));
        match child.leaves_margin(&parent, 0, Window::years(2026, 2026)) {
            ChainCheck::Violated { periods } => {
                assert_eq!(periods[0].margin_days, Some(-5));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn chain_with_event_is_undetermined() {
        let child = Deadline::event(Trigger::AdHoc);
        let parent = Deadline::annual(DueDay::before(11, 20));
        assert!(matches!(
            child.leaves_margin(&parent, 5, Window::years(2026, 2027)),
            ChainCheck::Undetermined { .. }
        ));
    }

    #[test]
    fn quarterly_due_day() {
        let dl = Deadline::Recurring(Recurrence {
            period: Period::Quarter,
            due: Some(DueDay::before(3, 15)),
            from_year: None,
        });
        let s = dl.due_dates(Window::years(2026, 2026));
        assert_eq!(
            s.dates,
            vec![
                d(2026, 3, 14),
                d(2026, 6, 14),
                d(2026, 9, 14),
                d(2026, 12, 14)
            ]
        );
    }

    #[test]
    fn from_year_limits_recurrence() {
        let dl = Deadline::Recurring(Recurrence {
            period: Period::Year,
            due: None,
            from_year: Some(2025),
        });
        assert_eq!(dl.due_dates(Window::years(2023, 2026)).dates.len(), 2);
    }
}
