//! The ICS output, read back by a real iCalendar parser (the `icalendar`
//! crate's) and its recurrence rules expanded by an independent RRULE
//! implementation (the `rrule` crate), must give exactly the engine's dates.

use chrono::NaiveDate;
use obligraph::calendar::{to_ics, IcsOptions};
use obligraph::core::{
    DayBound, Deadline, DueDay, Obligation, Period, Plan, Recurrence, Trigger, Window,
};
use std::collections::BTreeMap;

fn plan_with(deadlines: Vec<Deadline>) -> Plan {
    let mut p = Plan {
        number: Some("74/KH-UBND".into()),
        ..Plan::default()
    };
    for (i, d) in deadlines.into_iter().enumerate() {
        let mut o = Obligation::new(
            format!("T.{i}"),
            format!("Nhiệm vụ số {i}; có dấu phẩy, và \"ngoặc\""),
        );
        o.deadline = Some(d);
        p.obligations.push(o);
    }
    p
}

fn date_of(v: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&v[..8], "%Y%m%d").unwrap()
}

/// One VEVENT read back: every date it stands for, its status, whether it
/// carries a reminder.
#[derive(Debug)]
struct Read {
    dates: Vec<NaiveDate>,
    status: String,
    alarm: bool,
}

/// Every event by UID, and the UIDs of the to-dos, read back from the ICS.
fn expand(ics: &str) -> (BTreeMap<String, Read>, Vec<String>) {
    let unfolded = icalendar::parser::unfold(ics);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    let mut out = BTreeMap::new();
    let mut todos = Vec::new();
    for c in &cal.components {
        let uid = c.find_prop("UID").unwrap().val.as_str().to_string();
        assert!(c.find_prop("DTSTAMP").is_some());
        if c.name.as_str() == "VTODO" {
            assert!(
                c.find_prop("DUE").is_none(),
                "{uid}: a to-do with a due date"
            );
            assert!(
                c.find_prop("DTSTART").is_none(),
                "{uid}: a to-do with a start"
            );
            assert!(c.components.is_empty(), "{uid}: a to-do with an alarm");
            todos.push(uid);
            continue;
        }
        assert_eq!(c.name.as_str(), "VEVENT");
        let start = date_of(c.find_prop("DTSTART").unwrap().val.as_str());
        let end = date_of(c.find_prop("DTEND").unwrap().val.as_str());
        assert_eq!(
            end,
            start.succ_opt().unwrap(),
            "all-day event lasts one day"
        );
        let mut dates = vec![start];
        if let Some(rule) = c.find_prop("RRULE") {
            let set: rrule::RRuleSet = format!(
                "DTSTART:{}T000000Z\nRRULE:{}",
                start.format("%Y%m%d"),
                rule.val.as_str()
            )
            .parse()
            .expect("rrule parses our RRULE");
            let res = set.all(65_000);
            dates = res.dates.iter().map(|d| d.date_naive()).collect();
        }
        if let Some(rd) = c.find_prop("RDATE") {
            dates.extend(rd.val.as_str().split(',').map(date_of));
        }
        let status = c.find_prop("STATUS").unwrap().val.as_str().to_string();
        let alarm = c.components.iter().any(|a| a.name.as_str() == "VALARM");
        out.insert(
            uid,
            Read {
                dates,
                status,
                alarm,
            },
        );
    }
    (out, todos)
}

fn on_request_yearly() -> Deadline {
    Deadline::Event {
        trigger: Trigger::OnRequest {
            by: Some("Bộ Công an".into()),
        },
        recurrence: Some(Recurrence {
            period: Period::Year,
            due: None,
            from_year: None,
        }),
    }
}

#[test]
fn ics_dates_equal_engine_dates() {
    // Deadlines whose every date is written in the document (a day, a
    // year): confirmed events with a reminder, exactly the engine's dates.
    let dated = vec![
        Deadline::annual(DueDay::before(11, 1)),
        Deadline::annual(DueDay::before(3, 1)), // last day of February
        Deadline::annual(DueDay::at_latest(2, 29)), // last day of February too
        Deadline::Recurring(Recurrence {
            period: Period::Month,
            due: Some(DueDay::at_latest(1, 30)), // 30th, but 28/29 in February: RDATE
            from_year: None,
        }),
        Deadline::annual(DueDay::before(1, 1)), // 31/12 of the previous year
        Deadline::Recurring(Recurrence {
            period: Period::Quarter,
            due: Some(DueDay::before(3, 15)),
            from_year: Some(2027),
        }),
        Deadline::Recurring(Recurrence {
            period: Period::Month,
            due: Some(DueDay::at_latest(1, 31)),
            from_year: None,
        }),
        Deadline::Once {
            date: NaiveDate::from_ymd_opt(2026, 2, 13).unwrap(),
            bound: DayBound::Before,
        },
        Deadline::WithinYear { year: 2028 },
    ];
    let window = Window::years(2026, 2030);
    let plan = plan_with(dated.clone());
    let ics = to_ics(std::slice::from_ref(&plan), &IcsOptions::new(window));
    assert!(ics.starts_with("BEGIN:VCALENDAR"));
    let (events, todos) = expand(&ics);
    assert!(todos.is_empty());
    assert_eq!(events.len(), dated.len());
    for (i, d) in dated.iter().enumerate() {
        let got = &events[&format!("74-KH-UBND-T-{i}@obligraph")];
        assert_eq!(got.dates, d.due_dates(window).dates, "deadline {i}: {d:?}");
        assert_eq!(got.status, "CONFIRMED");
        assert!(got.alarm);
    }
    // Last-of-February rules are RRULEs; the 30th-of-each-month one needs RDATEs.
    assert!(ics.contains("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=5"));
    assert!(ics.contains("RDATE;VALUE=DATE:"));
}

#[test]
fn no_invented_dates() {
    let deadlines = vec![
        // 0: "theo yêu cầu của Bộ Công an hằng năm": no date at all.
        on_request_yearly(),
        // 1: "thường xuyên".
        Deadline::Continuous,
        // 2: "định kỳ 06 tháng": the period's last day, tentative.
        Deadline::every(Period::HalfYear),
        // 3: "định kỳ 06 tháng và hằng năm": one tentative event, 31/12 once.
        Deadline::All {
            parts: vec![
                Deadline::every(Period::HalfYear),
                Deadline::every(Period::Year),
            ],
        },
        // 4: "trước ngày 20/11 hằng năm và đột xuất": dated, and undated.
        Deadline::All {
            parts: vec![
                Deadline::annual(DueDay::before(11, 20)),
                Deadline::event(Trigger::AdHoc),
            ],
        },
        // 5: "theo yêu cầu …, trước ngày 01/11 hằng năm": the written day.
        Deadline::Event {
            trigger: Trigger::OnRequest { by: None },
            recurrence: Some(Recurrence {
                period: Period::Year,
                due: Some(DueDay::before(11, 1)),
                from_year: None,
            }),
        },
        // 6: "hằng năm" and "chậm nhất ngày 31/12 hằng năm": the written
        // day wins, no tentative event on the same day.
        Deadline::All {
            parts: vec![
                Deadline::every(Period::Year),
                Deadline::annual(DueDay::at_latest(12, 31)),
            ],
        },
    ];
    let window = Window::years(2026, 2027);
    let plan = plan_with(deadlines);
    let (events, todos) = expand(&to_ics(&[plan], &IcsOptions::new(window)));
    let uid = |i: usize, suffix: &str| format!("74-KH-UBND-T-{i}{suffix}@obligraph");
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // No event for the event-driven and continuous duties: to-dos.
    for i in [0, 1] {
        assert!(!events
            .keys()
            .any(|k| k.starts_with(&format!("74-KH-UBND-T-{i}"))));
        assert!(todos.contains(&uid(i, "-undated")));
    }
    let half = &events[&uid(2, "-tentative")];
    assert_eq!(half.status, "TENTATIVE");
    assert!(
        !half.alarm,
        "no reminder on a day the document did not give"
    );
    let both = &events[&uid(3, "-tentative")];
    assert_eq!(
        both.dates,
        vec![
            ymd(2026, 6, 30),
            ymd(2026, 12, 31),
            ymd(2027, 6, 30),
            ymd(2027, 12, 31)
        ]
    );
    assert!(!events.contains_key(&uid(3, "")));
    let report = &events[&uid(4, "")];
    assert_eq!(report.dates, vec![ymd(2026, 11, 19), ymd(2027, 11, 19)]);
    assert!(todos.contains(&uid(4, "-undated")));
    assert_eq!(
        events[&uid(5, "")].dates,
        vec![ymd(2026, 10, 31), ymd(2027, 10, 31)]
    );
    assert!(todos.contains(&uid(5, "-undated")));
    assert_eq!(events[&uid(6, "")].status, "CONFIRMED");
    assert!(!events.contains_key(&uid(6, "-tentative")));
}

#[test]
fn ics_is_reproducible() {
    let plan = plan_with(vec![Deadline::annual(DueDay::before(11, 20))]);
    let o = IcsOptions::new(Window::years(2026, 2027));
    assert_eq!(
        to_ics(std::slice::from_ref(&plan), &o),
        to_ics(std::slice::from_ref(&plan), &o)
    );
}
