//! proptest strategies for deadlines, windows and plans.

use chrono::NaiveDate;
use obligraph_core::{
    Agency, Assignment, Collective, DayBound, Deadline, DelayUnit, DocRef, DueDay, Level,
    MilestoneKind, Obligation, ObligationKind, ObligationRef, Period, Place, Plan, Recurrence,
    Role, Section, SourceSpan, Trigger, Window,
};
use proptest::prelude::*;

/// A date between 1900 and 2199.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    // 1900-01-01 .. 2199-12-31 as day offsets.
    (0i64..109_572)
        .prop_map(|n| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(n))
}

/// A window of up to `max_days` days starting between 1900 and 2199.
pub fn window(max_days: i64) -> impl Strategy<Value = Window> {
    (date(), 0..=max_days).prop_map(|(s, n)| Window::new(s, s + chrono::Duration::days(n)))
}

pub fn bound() -> impl Strategy<Value = DayBound> {
    prop_oneof![Just(DayBound::Before), Just(DayBound::AtLatest)]
}

pub fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        Just(Period::Month),
        Just(Period::Quarter),
        Just(Period::HalfYear),
        Just(Period::Year)
    ]
}

/// A due day valid for `period`: month within the period, day 1..=31.
pub fn due_day(period: Period) -> impl Strategy<Value = DueDay> {
    let months = u8::try_from(period.months()).unwrap();
    (1..=months, 1u8..=31, bound()).prop_map(|(month, day, bound)| DueDay { month, day, bound })
}

pub fn recurrence() -> impl Strategy<Value = Recurrence> {
    period().prop_flat_map(|p| {
        (
            proptest::option::of(due_day(p)),
            proptest::option::weighted(0.3, 1900i32..2200),
        )
            .prop_map(move |(due, from_year)| Recurrence {
                period: p,
                due,
                from_year,
            })
    })
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of("[a-zA-Zà-ỹ ,.]{0,20}")
}

pub fn trigger() -> impl Strategy<Value = Trigger> {
    prop_oneof![
        opt_text().prop_map(|by| Trigger::OnRequest { by }),
        opt_text().prop_map(|by| Trigger::PerGuidance { by }),
        Just(Trigger::AdHoc),
        opt_text().prop_map(|after| Trigger::Asap { after }),
    ]
}

pub fn milestone() -> impl Strategy<Value = MilestoneKind> {
    prop_oneof![
        Just(MilestoneKind::MidtermReview),
        Just(MilestoneKind::FinalReview),
        Just(MilestoneKind::MidtermReport),
        Just(MilestoneKind::NationalReport)
    ]
}

fn year() -> impl Strategy<Value = i32> {
    1900i32..2200
}

/// Every leaf variant of [`Deadline`], with fields in their documented
/// ranges (quarter 1..=4, month 1..=12).
pub fn leaf_deadline() -> impl Strategy<Value = Deadline> {
    prop_oneof![
        (date(), bound()).prop_map(|(date, bound)| Deadline::Once { date, bound }),
        year().prop_map(|year| Deadline::WithinYear { year }),
        (year(), 1u8..=4).prop_map(|(year, quarter)| Deadline::WithinQuarter { year, quarter }),
        (year(), 1u8..=12).prop_map(|(year, month)| Deadline::WithinMonth { year, month }),
        (year(), 0i32..10).prop_map(|(from, n)| Deadline::During { from, to: from + n }),
        year().prop_map(|to| Deadline::Horizon { to }),
        recurrence().prop_map(Deadline::Recurring),
        (trigger(), proptest::option::of(recurrence())).prop_map(|(trigger, recurrence)| {
            Deadline::Event {
                trigger,
                recurrence,
            }
        }),
        (milestone(), proptest::option::of(year()))
            .prop_map(|(milestone, year)| Deadline::Milestone { milestone, year }),
        (
            0u32..100,
            prop_oneof![
                Just(DelayUnit::WorkingDay),
                Just(DelayUnit::Day),
                Just(DelayUnit::Month)
            ],
            "[a-zà-ỹ ]{0,20}"
        )
            .prop_map(|(n, unit, from)| Deadline::Relative { n, unit, from }),
        Just(Deadline::Continuous),
    ]
}

/// Any deadline, [`Deadline::All`] nested up to three levels.
pub fn deadline() -> impl Strategy<Value = Deadline> {
    leaf_deadline().prop_recursive(3, 16, 4, |inner| {
        proptest::collection::vec(inner, 0..4).prop_map(|parts| Deadline::All { parts })
    })
}

/// Any deadline with any field values, out-of-range ones included, for
/// "never panics" properties.
pub fn wild_deadline() -> impl Strategy<Value = Deadline> {
    let wild_date = (any::<i32>(), any::<u32>()).prop_map(|(y, o)| {
        NaiveDate::from_num_days_from_ce_opt(y % 95_000_000).unwrap_or(if o % 2 == 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
    });
    let wild_due = (any::<u8>(), any::<u8>(), bound()).prop_map(|(month, day, bound)| DueDay {
        month,
        day,
        bound,
    });
    let wild_rec = (
        period(),
        proptest::option::of(wild_due),
        proptest::option::of(any::<i32>()),
    )
        .prop_map(|(period, due, from_year)| Recurrence {
            period,
            due,
            from_year,
        })
        .boxed();
    let leaf = prop_oneof![
        (wild_date, bound()).prop_map(|(date, bound)| Deadline::Once { date, bound }),
        any::<i32>().prop_map(|year| Deadline::WithinYear { year }),
        (any::<i32>(), any::<u8>())
            .prop_map(|(year, quarter)| Deadline::WithinQuarter { year, quarter }),
        (any::<i32>(), any::<u8>()).prop_map(|(year, month)| Deadline::WithinMonth { year, month }),
        (any::<i32>(), any::<i32>()).prop_map(|(from, to)| Deadline::During { from, to }),
        any::<i32>().prop_map(|to| Deadline::Horizon { to }),
        wild_rec.clone().prop_map(Deadline::Recurring),
        (trigger(), proptest::option::of(wild_rec)).prop_map(|(trigger, recurrence)| {
            Deadline::Event {
                trigger,
                recurrence,
            }
        }),
        (milestone(), proptest::option::of(any::<i32>()))
            .prop_map(|(milestone, year)| Deadline::Milestone { milestone, year }),
        (any::<u32>(), ".{0,10}").prop_map(|(n, from)| Deadline::Relative {
            n,
            unit: DelayUnit::WorkingDay,
            from
        }),
        Just(Deadline::Continuous),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        proptest::collection::vec(inner, 0..3).prop_map(|parts| Deadline::All { parts })
    })
}

pub fn level() -> impl Strategy<Value = Level> {
    prop_oneof![
        Just(Level::National),
        Just(Level::Province),
        Just(Level::District),
        Just(Level::Commune),
        Just(Level::Unit)
    ]
}

pub fn collective() -> impl Strategy<Value = Collective> {
    prop_oneof![
        Just(Collective::Ministries),
        Just(Collective::ProvinceCommittees),
        Just(Collective::Departments),
        Just(Collective::DistrictCommittees),
        Just(Collective::CommuneCommittees),
        Just(Collective::Related),
        Just(Collective::Units),
        Just(Collective::MassOrganisations)
    ]
}

pub fn agency() -> impl Strategy<Value = Agency> {
    (
        "[a-z]{1,8}:[a-z_]{1,12}",
        ".{0,20}",
        proptest::option::of(level()),
        proptest::option::of("[a-z_]{1,10}"),
        any::<bool>(),
        proptest::option::of(collective()),
    )
        .prop_map(|(id, name, level, field, orderable, collective)| Agency {
            id,
            name,
            level,
            field,
            orderable,
            collective,
        })
}

pub fn assignment() -> impl Strategy<Value = Assignment> {
    (
        agency(),
        prop_oneof![Just(Role::Lead), Just(Role::Support)],
        any::<bool>(),
        proptest::option::of(".{0,20}"),
        ".{0,20}",
    )
        .prop_map(|(agency, role, requested, scope, as_written)| Assignment {
            agency,
            role,
            requested,
            scope,
            as_written,
        })
}

fn obligation_ref() -> impl Strategy<Value = ObligationRef> {
    (
        proptest::option::of("[0-9]{1,3}/[A-Z-]{2,8}"),
        "[A-D]\\.[IV]{1,3}\\.[0-9]",
    )
        .prop_map(|(plan, id)| ObligationRef { plan, id })
}

/// Where a Word document's or a spreadsheet's obligation sits.
pub fn place() -> impl Strategy<Value = Place> {
    prop_oneof![
        (1u32..500, 0u32..3).prop_map(|(first, n)| Place::Paragraphs {
            first,
            last: first + n
        }),
        (1u32..9, 1u32..200, 0u32..3, proptest::option::of(1u32..8)).prop_map(
            |(table, first, n, cell)| Place::TableRows {
                table,
                first,
                last: first + n,
                cell
            }
        ),
        (".{1,12}", 1u32..2000, 0u32..3, 1u32..60).prop_map(|(sheet, first, n, column)| {
            Place::SheetRows {
                sheet,
                first,
                last: first + n,
                column,
            }
        }),
    ]
}

pub fn obligation() -> impl Strategy<Value = Obligation> {
    (
        ("[A-D]\\.[IV]{1,3}\\.[0-9]{1,2}", ".{0,40}"),
        prop_oneof![
            Just(ObligationKind::Task),
            Just(ObligationKind::Report),
            Just(ObligationKind::DraftPlan),
            Just(ObligationKind::Monitor)
        ],
        proptest::collection::vec(assignment(), 0..3),
        proptest::option::of(".{0,20}"),
        proptest::option::of(deadline()),
        proptest::option::of(".{0,20}"),
        (
            proptest::collection::vec(obligation_ref(), 0..2),
            proptest::collection::vec(obligation_ref(), 0..2),
            proptest::collection::vec(obligation_ref(), 0..2),
        ),
        proptest::option::of("[A-D](\\.[IV]{1,3})?"),
        (any::<u32>(), any::<u32>(), proptest::option::of(place())),
    )
        .prop_map(
            |(
                (id, text),
                kind,
                assignments,
                output,
                deadline,
                deadline_text,
                (implements, feeds, after),
                section,
                (line_start, line_end, place),
            )| Obligation {
                id,
                text,
                kind,
                assignments,
                output,
                deadline,
                deadline_text,
                implements,
                feeds,
                after,
                section,
                restates: None,
                roles_from: Vec::new(),
                deadline_from: Vec::new(),
                source: SourceSpan {
                    line_start,
                    line_end,
                    place,
                },
            },
        )
}

fn doc_ref() -> impl Strategy<Value = DocRef> {
    (
        proptest::option::of("[0-9]{1,4}/QĐ-TTg"),
        proptest::option::of(date()),
        proptest::option::of(".{0,20}"),
        proptest::option::of(".{0,20}"),
        proptest::option::of(any::<u32>()),
    )
        .prop_map(|(number, date, issuer, title, line)| DocRef {
            number,
            date,
            issuer,
            title,
            line,
        })
}

fn section() -> impl Strategy<Value = Section> {
    (
        "[A-D](\\.[IV]{1,3})?",
        ".{0,20}",
        proptest::option::of("[A-D]"),
        any::<u32>(),
    )
        .prop_map(|(id, title, parent, line)| Section {
            id,
            title,
            parent,
            line,
        })
}

/// A whole plan.
pub fn plan() -> impl Strategy<Value = Plan> {
    (
        (
            proptest::option::of("[0-9]{1,3}/KH-UBND"),
            proptest::option::of(".{0,30}"),
            proptest::option::of(".{0,30}"),
            proptest::option::of(".{0,10}"),
            proptest::option::of(date()),
            proptest::option::of(level()),
            proptest::option::of(".{0,10}"),
        ),
        proptest::collection::vec(doc_ref(), 0..3),
        proptest::collection::vec(doc_ref(), 0..3),
        proptest::option::of(window(3_000)),
        proptest::collection::vec(section(), 0..4),
        proptest::collection::vec(obligation(), 0..6),
    )
        .prop_map(
            |(
                (number, title, issuer, place, date, level, jurisdiction),
                implements,
                legal_bases,
                validity,
                sections,
                obligations,
            )| Plan {
                number,
                title,
                issuer,
                place,
                date,
                level,
                jurisdiction,
                implements,
                legal_bases,
                validity,
                sections,
                obligations,
            },
        )
}

/// Whether `y` is a leap year (Gregorian), computed independently of the
/// engine.
pub fn is_leap(y: i32) -> bool {
    NaiveDate::from_ymd_opt(y, 2, 29).is_some()
}

/// The number of days in a month, from chrono.
pub fn days_in(y: i32, m: u32) -> u32 {
    let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    let next = first.checked_add_months(chrono::Months::new(1)).unwrap();
    u32::try_from((next - first).num_days()).unwrap()
}
