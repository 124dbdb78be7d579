//! Deadline expansion over 200 years: our closed-form engine against the
//! `rrule` crate (RFC 5545) on the same rules, in the same run.
//!
//! ```sh
//! cargo bench --bench deadlines -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! Both sides start from a rule built beforehand (our `Deadline`, rrule's
//! parsed `RRuleSet`) and produce the full list of due dates for
//! 2000-01-01..2199-12-31; the setup checks that the two lists are equal.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use obligraph_core::{Deadline, DueDay, Period, Recurrence, Window};
use rrule::RRuleSet;
use std::hint::black_box;

fn window() -> Window {
    Window::years(2000, 2199)
}

fn rrule_dates(set: &RRuleSet) -> Vec<NaiveDate> {
    set.clone()
        .all(u16::MAX)
        .dates
        .into_iter()
        .map(|d| d.date_naive())
        .collect()
}

fn compare(c: &mut Criterion, name: &str, ours: Deadline, rule: &str) {
    let w = window();
    let set: RRuleSet = rule.parse().expect("valid rule");
    let expected = rrule_dates(&set);
    assert_eq!(ours.due_dates(w).dates, expected, "{name}: different dates");
    let mut g = c.benchmark_group(name);
    g.bench_function("obligraph", |b| {
        b.iter(|| black_box(&ours).due_dates(black_box(w)))
    });
    g.bench_function("rrule", |b| b.iter(|| rrule_dates(black_box(&set))));
    g.finish();
}

fn bench(c: &mut Criterion) {
    // "trước ngày 05/11 hằng năm": due 4 November, 200 dates.
    compare(
        c,
        "annual_200y",
        Deadline::annual(DueDay::before(11, 5)),
        "DTSTART:20000101T000000Z\nRRULE:FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=4;UNTIL=21991231T235959Z",
    );
    // "định kỳ 06 tháng": due on the last day of each half-year, 400 dates.
    compare(
        c,
        "half_yearly_200y",
        Deadline::Recurring(Recurrence {
            period: Period::HalfYear,
            due: None,
            from_year: None,
        }),
        "DTSTART:20000601T000000Z\nRRULE:FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1;UNTIL=21991231T235959Z",
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
