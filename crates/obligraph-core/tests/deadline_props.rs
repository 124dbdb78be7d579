//! Property tests of the deadline engine: every invariant the audit relies
//! on, checked against models written independently of the engine.

use crate::strategies::{self, days_in, is_leap};
use chrono::{Datelike, Duration, NaiveDate};
use obligraph_core::{ChainCheck, DayBound, Deadline, DueDay, NextDue, Period, Recurrence, Window};
use proptest::prelude::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Forty years and a bit, in days.
const FORTY_YEARS: i64 = 40 * 366;

/// The calendar period of `p` for a recurrence of `step` months, aligned on
/// 1 January (written here independently of the engine).
fn calendar_period(p: NaiveDate, step: u32) -> Window {
    let first_month = (p.month0() / step) * step + 1;
    let start = ymd(p.year(), first_month, 1);
    let end = start.checked_add_months(chrono::Months::new(step)).unwrap() - Duration::days(1);
    Window::new(start, end)
}

/// What `leaves_margin` must answer, computed from `due_dates` alone.
#[derive(Debug, PartialEq)]
enum Expected {
    Holds(usize),
    Violated(Vec<NaiveDate>),
    Undetermined,
}

fn chain_model(feeding: &Deadline, fed: &Deadline, days: u32, w: Window) -> Expected {
    let fed_dates = fed.due_dates(w).dates;
    let step = fed.recurrence().map_or(12, |r| r.period.months());
    let (Some(first), Some(last)) = (fed_dates.first(), fed_dates.last()) else {
        return Expected::Undetermined;
    };
    let wider = Window::new(
        calendar_period(*first, step).start,
        calendar_period(*last, step).end,
    );
    if feeding.due_dates(wider).dates.is_empty() {
        return Expected::Undetermined;
    }
    let mut failing = Vec::new();
    for &p in &fed_dates {
        let own = feeding.due_dates(calendar_period(p, step)).dates;
        if !own.iter().any(|c| (p - *c).num_days() >= i64::from(days)) {
            failing.push(p);
        }
    }
    if failing.is_empty() {
        Expected::Holds(fed_dates.len())
    } else {
        Expected::Violated(failing)
    }
}

fn observed(c: &ChainCheck) -> Expected {
    match c {
        ChainCheck::Holds { periods } => Expected::Holds(*periods),
        ChainCheck::Violated { periods } => {
            Expected::Violated(periods.iter().map(|v| v.feeds_due).collect())
        }
        ChainCheck::Undetermined { .. } => Expected::Undetermined,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// Due dates are strictly increasing and inside the window, for every
    /// kind of deadline.
    #[test]
    fn due_dates_strictly_increasing_inside_window(
        dl in strategies::deadline(),
        w in strategies::window(FORTY_YEARS),
    ) {
        let s = dl.due_dates(w);
        for pair in s.dates.windows(2) {
            prop_assert!(pair[0] < pair[1], "{:?} not increasing", pair);
        }
        for d in &s.dates {
            prop_assert!(w.contains(*d), "{d} outside {w:?}");
        }
    }

    /// Asking for a smaller window gives exactly the dates of the larger one
    /// that fall inside it, and the same open parts.
    #[test]
    fn sub_window_gives_the_same_dates(
        dl in strategies::deadline(),
        w in strategies::window(FORTY_YEARS),
        a in 0.0f64..1.0,
        b in 0.0f64..1.0,
    ) {
        let len = (w.end - w.start).num_days() as f64;
        let s = w.start + Duration::days((len * a.min(b)) as i64);
        let e = w.start + Duration::days((len * a.max(b)) as i64);
        let sub = Window::new(s, e);
        let full = dl.due_dates(w);
        let part = dl.due_dates(sub);
        let expected: Vec<NaiveDate> = full.dates.iter().copied().filter(|d| sub.contains(*d)).collect();
        prop_assert_eq!(part.dates, expected);
        prop_assert_eq!(part.open, full.open);
    }

    /// `next_due(d)` is the first due date after `d` (so nothing is due in
    /// between), `Undetermined` exactly when no date remains but open parts
    /// exist, and `None` exactly when neither remains.
    #[test]
    fn next_due_is_the_first_date_after(
        dl in strategies::deadline(),
        w in strategies::window(FORTY_YEARS),
        day in strategies::date(),
    ) {
        let full = dl.due_dates(w);
        let expected = full.dates.iter().copied().find(|d| *d > day);
        match (dl.next_due(day, w), expected) {
            (NextDue::On { date, open }, Some(e)) => {
                prop_assert_eq!(date, e);
                prop_assert!(date > day);
                prop_assert!(!full.dates.iter().any(|d| *d > day && *d < date));
                prop_assert_eq!(open, full.open);
            }
            (NextDue::Undetermined(open), None) => {
                prop_assert!(!open.is_empty());
                prop_assert_eq!(open, full.open);
            }
            (NextDue::None, None) => prop_assert!(full.open.is_empty()),
            (got, e) => prop_assert!(false, "next_due gave {got:?}, expected {e:?}"),
        }
    }

    /// "trước ngày DD/MM" is the previous calendar day and "chậm nhất ngày
    /// DD/MM" the day itself, for every valid day of every month of
    /// 1901–2199 (year ends and leap years included).
    #[test]
    fn before_is_the_previous_calendar_day(
        y in 1901i32..2200,
        m in 1u32..=12,
        d in 1u32..=31,
    ) {
        prop_assume!(d <= days_in(y, m));
        let jan1 = ymd(y, 1, 1);
        let day = ymd(y, m, d);
        let (m8, d8) = (u8::try_from(m).unwrap(), u8::try_from(d).unwrap());
        prop_assert_eq!(DueDay::before(m8, d8).last_day(jan1), day.pred_opt());
        prop_assert_eq!(DueDay::at_latest(m8, d8).last_day(jan1), Some(day));
        // The same through the yearly recurrence, over the surrounding years.
        let w = Window::years(y - 1, y + 1);
        let dates = Deadline::annual(DueDay::before(m8, d8)).due_dates(w).dates;
        let expected: Vec<NaiveDate> = (y - 1..=y + 2)
            .map(|yy| ymd(yy, m, d.min(days_in(yy, m))) - Duration::days(1))
            .filter(|x| w.contains(*x))
            .collect();
        prop_assert_eq!(dates, expected);
    }

    /// The edge cases named in the issue: before 01/01 is 31/12 of the
    /// previous year, before 01/03 is 28 or 29 February.
    #[test]
    fn before_first_of_january_and_march(y in 1901i32..2200) {
        let jan1 = ymd(y, 1, 1);
        prop_assert_eq!(DueDay::before(1, 1).last_day(jan1), Some(ymd(y - 1, 12, 31)));
        let feb_end = if is_leap(y) { 29 } else { 28 };
        prop_assert_eq!(DueDay::before(3, 1).last_day(jan1), Some(ymd(y, 2, feb_end)));
        // A day past the end of its month is the month's last day.
        prop_assert_eq!(DueDay::at_latest(2, 30).last_day(jan1), Some(ymd(y, 2, feb_end)));
        prop_assert_eq!(DueDay::before(2, 31).last_day(jan1), Some(ymd(y, 2, feb_end - 1)));
        prop_assert_eq!(DueDay::at_latest(4, 31).last_day(jan1), Some(ymd(y, 4, 30)));
    }

    /// Days past the end of a month clamp to its last day, for any month.
    #[test]
    fn due_day_past_month_end_clamps(y in 1901i32..2200, m in 1u8..=12, d in 28u8..=31, b in strategies::bound()) {
        let last = days_in(y, u32::from(m));
        let clamped = u32::from(d).min(last);
        let on = ymd(y, u32::from(m), clamped);
        let expected = match b { DayBound::AtLatest => on, DayBound::Before => on - Duration::days(1) };
        prop_assert_eq!(DueDay { month: m, day: d, bound: b }.last_day(ymd(y, 1, 1)), Some(expected));
    }

    /// One-off and span deadlines yield exactly one date, inside the span
    /// they name, and it is the span's last (allowed) day.
    #[test]
    fn spans_contain_their_due_date(y in 1901i32..2190, q in 1u8..=4, m in 1u8..=12, n in 0i32..10, once in strategies::date(), b in strategies::bound()) {
        let all_time = Window::years(1800, 2300);
        let one = |dl: Deadline| {
            let s = dl.due_dates(all_time);
            assert!(s.open.is_empty());
            assert_eq!(s.dates.len(), 1, "{dl:?}");
            s.dates[0]
        };
        // chậm nhất includes the day; trước does not.
        let d = one(Deadline::Once { date: once, bound: b });
        match b {
            DayBound::AtLatest => prop_assert_eq!(d, once),
            DayBound::Before => prop_assert_eq!(d, once - Duration::days(1)),
        }
        prop_assert_eq!(one(Deadline::WithinYear { year: y }), ymd(y, 12, 31));
        let qd = one(Deadline::WithinQuarter { year: y, quarter: q });
        prop_assert!(Window::new(ymd(y, u32::from(q) * 3 - 2, 1), ymd(y, u32::from(q) * 3, days_in(y, u32::from(q) * 3))).contains(qd));
        prop_assert_eq!(qd.succ_opt().unwrap().month0() % 3, 0);
        let md = one(Deadline::WithinMonth { year: y, month: m });
        prop_assert_eq!((md.year(), md.month()), (y, u32::from(m)));
        prop_assert_eq!(md.day(), days_in(y, u32::from(m)));
        let span = Deadline::During { from: y, to: y + n };
        let sd = one(span.clone());
        prop_assert!(Window::years(y, y + n).contains(sd));
        prop_assert_eq!(span.due_dates(Window::years(y, y + n)).dates, vec![ymd(y + n, 12, 31)]);
        prop_assert_eq!(one(Deadline::Horizon { to: y + n }), ymd(y + n, 12, 31));
    }

    /// A recurrence yields one date per period: over whole years, 12 / months
    /// dates a year, whatever the due day.
    #[test]
    fn recurrence_yields_one_date_per_period(
        p in strategies::period(),
        due in strategies::period().prop_flat_map(strategies::due_day),
        a in 1901i32..2150,
        n in 0i32..40,
    ) {
        let months = p.months();
        let due = DueDay { month: 1 + (due.month - 1) % u8::try_from(months).unwrap(), ..due };
        let r = Recurrence { period: p, due: Some(due), from_year: None };
        let dates = Deadline::Recurring(r).due_dates(Window::years(a, a + n)).dates;
        let per_year = usize::try_from(12 / months).unwrap();
        prop_assert_eq!(dates.len(), usize::try_from(n + 1).unwrap() * per_year);
        // Consecutive dates are about one period apart.
        for pair in dates.windows(2) {
            let gap = (pair[1] - pair[0]).num_days();
            let m = i64::from(months);
            prop_assert!(gap >= m * 28 - 3 && gap <= m * 31 + 3, "gap {gap} for {months} months");
        }
    }

    /// `from_year` only cuts off the periods before that year: the dates are
    /// those of the same recurrence without it, from the first period of
    /// `from_year` on.
    #[test]
    fn from_year_cuts_earlier_periods(
        r in strategies::recurrence(),
        y in 1900i32..2200,
        w in strategies::window(FORTY_YEARS),
    ) {
        let with = Recurrence { from_year: Some(y), ..r.clone() };
        let without = Recurrence { from_year: None, ..r };
        let due = without.due.unwrap_or(DueDay {
            month: u8::try_from(without.period.months()).unwrap(),
            day: 31,
            bound: DayBound::AtLatest,
        });
        let first = due.last_day(ymd(y, 1, 1)).unwrap();
        let all = Deadline::Recurring(without).due_dates(w).dates;
        let cut: Vec<NaiveDate> = all.into_iter().filter(|d| *d >= first).collect();
        prop_assert_eq!(Deadline::Recurring(with).due_dates(w).dates, cut);
    }

    /// The reporting-chain check agrees with a model built on `due_dates`:
    /// it holds iff, for each due date of the fed deadline, the feeding
    /// deadline has a date in the same period at least N days earlier.
    #[test]
    fn leaves_margin_matches_model(
        feeding in strategies::deadline(),
        fed in strategies::deadline(),
        days in 0u32..400,
        w in strategies::window(12 * 366),
    ) {
        let got = feeding.leaves_margin(&fed, days, w);
        prop_assert_eq!(observed(&got), chain_model(&feeding, &fed, days, w));
        if let ChainCheck::Violated { periods } = &got {
            for v in periods {
                if let (Some(due), Some(m)) = (v.due, v.margin_days) {
                    prop_assert_eq!(m, (v.feeds_due - due).num_days());
                    prop_assert!(m < i64::from(days));
                }
            }
        }
    }

    /// Same check on recurring deadlines only, so that most cases are
    /// decided (the generic one is mostly undetermined).
    #[test]
    fn leaves_margin_matches_model_on_recurrences(
        feeding in strategies::recurrence(),
        fed in strategies::recurrence(),
        days in 0u32..200,
        w in strategies::window(12 * 366),
    ) {
        let (feeding, fed) = (Deadline::Recurring(feeding), Deadline::Recurring(fed));
        prop_assert_eq!(observed(&feeding.leaves_margin(&fed, days, w)), chain_model(&feeding, &fed, days, w));
    }

    /// The check is monotone in N: holding for N days holds for fewer,
    /// failing for N fails for more (on at least the same periods).
    #[test]
    fn leaves_margin_is_monotone(
        feeding in strategies::recurrence(),
        fed in strategies::recurrence(),
        n in 0u32..200,
        k in 0u32..200,
        w in strategies::window(12 * 366),
    ) {
        let (feeding, fed) = (Deadline::Recurring(feeding), Deadline::Recurring(fed));
        match observed(&feeding.leaves_margin(&fed, n, w)) {
            Expected::Holds(p) => {
                prop_assert_eq!(observed(&feeding.leaves_margin(&fed, n.saturating_sub(k), w)), Expected::Holds(p));
            }
            Expected::Violated(bad) => match observed(&feeding.leaves_margin(&fed, n + k, w)) {
                Expected::Violated(worse) => prop_assert!(bad.iter().all(|b| worse.contains(b))),
                other => prop_assert!(false, "{other:?} after Violated"),
            },
            Expected::Undetermined => {
                prop_assert_eq!(observed(&feeding.leaves_margin(&fed, n + k, w)), Expected::Undetermined);
            }
        }
    }

    /// Rendering and every query never panic, whatever the field values
    /// (out-of-range months, quarters, days, years at chrono's limits) and
    /// however large the margin asked for.
    #[test]
    fn never_panics(
        dl in strategies::wild_deadline(),
        other in strategies::wild_deadline(),
        days in any::<u32>(),
        edge in 0u8..4,
        w in strategies::window(20 * 366),
        day in strategies::date(),
    ) {
        let _ = dl.to_vietnamese();
        let _ = dl.to_english();
        let _ = format!("{dl}");
        let w = match edge {
            0 => w,
            1 => Window::new(NaiveDate::MIN, NaiveDate::MIN + Duration::days(800)),
            2 => Window::new(NaiveDate::MAX - Duration::days(800), NaiveDate::MAX),
            _ => Window::years(i32::MIN, i32::MIN),
        };
        let s = dl.due_dates(w);
        prop_assert!(s.dates.iter().all(|d| w.contains(*d)));
        let _ = dl.next_due(day, w);
        let _ = dl.next_due(NaiveDate::MAX, w);
        let _ = dl.next_due(NaiveDate::MIN, w);
        let _ = dl.leaves_margin(&other, days, w);
        let _ = dl.is_recurring();
        let _ = dl.is_event_driven();
    }
}

/// The Đồng Nai reporting chain, by hand: communes report before 05/11,
/// the Department of Justice compiles before 20/11.
#[test]
fn dong_nai_chain_margin() {
    let commune = Deadline::annual(DueDay::before(11, 5));
    let province = Deadline::annual(DueDay::before(11, 20));
    let w = Window::new(ymd(2026, 2, 5), ymd(2030, 12, 31));
    assert_eq!(
        commune.leaves_margin(&province, 15, w),
        ChainCheck::Holds { periods: 5 }
    );
    match commune.leaves_margin(&province, 16, w) {
        ChainCheck::Violated { periods } => {
            assert_eq!(periods.len(), 5);
            assert_eq!(periods[0].feeds_due, ymd(2026, 11, 19));
            assert_eq!(periods[0].due, Some(ymd(2026, 11, 4)));
            assert_eq!(periods[0].margin_days, Some(15));
        }
        other => panic!("{other:?}"),
    }
}

/// Monthly and quarterly deadlines over a leap February.
#[test]
fn monthly_due_day_31_clamps_in_february() {
    let dl = Deadline::Recurring(Recurrence {
        period: Period::Month,
        due: Some(DueDay::at_latest(1, 31)),
        from_year: None,
    });
    let dates = dl
        .due_dates(Window::new(ymd(2028, 1, 1), ymd(2028, 4, 30)))
        .dates;
    assert_eq!(
        dates,
        vec![
            ymd(2028, 1, 31),
            ymd(2028, 2, 29),
            ymd(2028, 3, 31),
            ymd(2028, 4, 30)
        ]
    );
}

/// Recurrences still find their dates at the ends of chrono's calendar.
#[test]
fn recurrence_at_the_ends_of_the_calendar() {
    let yearly = Deadline::annual(DueDay::at_latest(12, 31));
    for w in [
        Window::new(NaiveDate::MIN, NaiveDate::MIN + Duration::days(800)),
        Window::new(NaiveDate::MAX - Duration::days(800), NaiveDate::MAX),
    ] {
        let dates = yearly.due_dates(w).dates;
        assert!((2..=3).contains(&dates.len()), "{w:?}: {dates:?}");
        assert!(dates.iter().all(|d| d.month() == 12 && d.day() == 31));
    }
    // "trước ngày 01/01" on the first days of the calendar.
    let before_new_year = Deadline::annual(DueDay::before(1, 1));
    let w = Window::new(NaiveDate::MIN, NaiveDate::MIN + Duration::days(400));
    assert_eq!(before_new_year.due_dates(w).dates.len(), 1);
}

/// A margin reaching before the calendar's first day fails instead of
/// overflowing (it used to panic in `leaves_margin`).
#[test]
fn huge_margin_is_violated_not_a_panic() {
    let commune = Deadline::annual(DueDay::before(11, 5));
    let province = Deadline::annual(DueDay::before(11, 20));
    match commune.leaves_margin(&province, u32::MAX, Window::years(2026, 2027)) {
        ChainCheck::Violated { periods } => {
            assert_eq!(periods.len(), 2);
            assert_eq!(periods[0].margin_days, Some(15));
        }
        other => panic!("{other:?}"),
    }
}
