//! Differential test against the `rrule` crate (RFC 5545 recurrence rules)
//! as an independent oracle for the annual, 6-monthly, quarterly and monthly
//! rules, over windows of 200 years and more.
//!
//! # How our rules are written in RFC 5545
//!
//! A [`Recurrence`] is due, in each period (aligned on 1 January), on day
//! `d` of month `k` of the period, clamped to the month's last day, minus
//! one day when the bound is "trước" (before). In RRULE terms, with
//! `DTSTART` on the first day of month `k` of the first period:
//!
//! | our rule | RRULE day selection |
//! |---|---|
//! | at the latest, `d` ≤ 28 | `BYMONTHDAY=d` |
//! | at the latest, `d` ≥ 29 | `BYMONTHDAY=d,-1;BYSETPOS=1` (the earlier of day `d` and the last day: `min(d, last)`) |
//! | before, `d` = 1 | the last day of the month before: `DTSTART` one month earlier, `BYMONTHDAY=-1` |
//! | before, 2 ≤ `d` ≤ 28 | `BYMONTHDAY=d-1` |
//! | before, `d` ≥ 29 | `BYMONTHDAY=d-1,-2;BYSETPOS=1` (`min(d, last) - 1 = min(d-1, last-1)`) |
//! | no due day | the period's last day: month `k` = last month of the period, `BYMONTHDAY=-1` |
//!
//! The frequency is `FREQ=YEARLY;BYMONTH=m` for yearly rules and
//! `FREQ=MONTHLY;INTERVAL=6`, `INTERVAL=3`, `INTERVAL=1` for half-yearly,
//! quarterly and monthly ones. `from_year` is `DTSTART`'s year. No generated
//! day had to be excluded: the clamping semantics are all expressible.
//!
//! RFC 5545 skips a `BYMONTHDAY` that a month lacks (30 February), where our
//! rule clamps; the `BYSETPOS` forms above are what make the two agree.

use crate::strategies;
use chrono::{Datelike, Duration, NaiveDate};
use obligraph_core::{DayBound, Deadline, DueDay, Period, Recurrence, Window};
use proptest::prelude::*;
use rrule::RRuleSet;

/// The first day of month `month0` (0-based, may be negative or past 11)
/// counted from January of `year`.
fn month_start(year: i32, month0: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(
        year + month0.div_euclid(12),
        u32::try_from(month0.rem_euclid(12) + 1).unwrap(),
        1,
    )
    .unwrap()
}

/// The RRULE set text for `r`, starting with the first period of
/// `first_year`; `None` when that start is after `until` (RFC 5545 has no
/// empty rule).
fn rrule_text(r: &Recurrence, first_year: i32, until: NaiveDate) -> Option<String> {
    let months = i32::try_from(r.period.months()).unwrap();
    let due = r.due.unwrap_or(DueDay {
        month: u8::try_from(months).unwrap(),
        day: 31,
        bound: DayBound::AtLatest,
    });
    let k = i32::from(due.month);
    let d = i32::from(due.day);
    let (month0, days) = match (due.bound, d) {
        (DayBound::AtLatest, 1..=28) => (k - 1, format!("BYMONTHDAY={d}")),
        (DayBound::AtLatest, _) => (k - 1, format!("BYMONTHDAY={d},-1;BYSETPOS=1")),
        (DayBound::Before, 1) => (k - 2, "BYMONTHDAY=-1".to_string()),
        (DayBound::Before, 2..=28) => (k - 1, format!("BYMONTHDAY={}", d - 1)),
        (DayBound::Before, _) => (k - 1, format!("BYMONTHDAY={},-2;BYSETPOS=1", d - 1)),
    };
    let start = month_start(first_year, month0);
    let freq = match r.period {
        Period::Year => format!("FREQ=YEARLY;BYMONTH={}", start.month()),
        Period::HalfYear => "FREQ=MONTHLY;INTERVAL=6".to_string(),
        Period::Quarter => "FREQ=MONTHLY;INTERVAL=3".to_string(),
        Period::Month => "FREQ=MONTHLY".to_string(),
    };
    (start <= until).then(|| {
        format!(
            "DTSTART:{}T000000Z\nRRULE:{freq};{days};UNTIL={}T235959Z",
            start.format("%Y%m%d"),
            until.format("%Y%m%d"),
        )
    })
}

/// The oracle's dates for `r` inside `w`.
fn oracle(r: &Recurrence, w: Window) -> Vec<NaiveDate> {
    let first_year = r.from_year.unwrap_or(w.start.year() - 1);
    let Some(text) = rrule_text(r, first_year, w.end) else {
        return Vec::new();
    };
    let set: RRuleSet = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
    let result = set.all(u16::MAX);
    assert!(!result.limited, "rrule stopped at its limit for {text}");
    result
        .dates
        .into_iter()
        .map(|dt| dt.date_naive())
        .filter(|d| w.contains(*d))
        .collect()
}

fn ours(r: &Recurrence, w: Window) -> Vec<NaiveDate> {
    Deadline::Recurring(r.clone()).due_dates(w).dates
}

/// A window of 200 to 260 years starting between 1900 and 2100, its ends
/// anywhere in their year.
fn long_window() -> impl Strategy<Value = Window> {
    (1900i32..=2100, 200i32..=260, 0i64..365, 0i64..365).prop_map(|(y, span, a, b)| {
        let start = NaiveDate::from_ymd_opt(y, 1, 1).unwrap() + Duration::days(a);
        let end = NaiveDate::from_ymd_opt(y + span, 12, 31).unwrap() - Duration::days(b);
        Window::new(start, end)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// proptest-generated rules of all four periods, due days 1–31 either
    /// bound, with and without `from_year`, over 200+ years.
    #[test]
    fn recurrences_match_rrule(r in strategies::recurrence(), w in long_window()) {
        let expected = oracle(&r, w);
        if r.from_year.is_none() {
            // At least 199 whole years of periods.
            prop_assert!(expected.len() >= 199 * (12 / r.period.months() as usize));
        }
        prop_assert_eq!(ours(&r, w), expected);
    }
}

/// Every due day of every period, both bounds, over 1900–2100 (201 years):
/// 1,364 rules, exhaustively.
#[test]
fn every_due_day_matches_rrule() {
    let w = Window::years(1900, 2100);
    let mut rules = 0;
    for period in [
        Period::Year,
        Period::HalfYear,
        Period::Quarter,
        Period::Month,
    ] {
        let months = u8::try_from(period.months()).unwrap();
        for month in 1..=months {
            for day in 1..=31 {
                for bound in [DayBound::Before, DayBound::AtLatest] {
                    let r = Recurrence {
                        period,
                        due: Some(DueDay { month, day, bound }),
                        from_year: None,
                    };
                    assert_eq!(ours(&r, w), oracle(&r, w), "{r:?}");
                    rules += 1;
                }
            }
        }
        let r = Recurrence {
            period,
            due: None,
            from_year: None,
        };
        assert_eq!(ours(&r, w), oracle(&r, w), "{r:?}");
    }
    assert_eq!(rules, 1364);
}
