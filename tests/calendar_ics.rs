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

/// Every date each event stands for, by UID, read back from the ICS text.
fn expand(ics: &str) -> BTreeMap<String, Vec<NaiveDate>> {
    let unfolded = icalendar::parser::unfold(ics);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    let mut out = BTreeMap::new();
    for c in cal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
    {
        let uid = c.find_prop("UID").unwrap().val.as_str().to_string();
        let start = date_of(c.find_prop("DTSTART").unwrap().val.as_str());
        let end = date_of(c.find_prop("DTEND").unwrap().val.as_str());
        assert_eq!(
            end,
            start.succ_opt().unwrap(),
            "all-day event lasts one day"
        );
        assert!(c.find_prop("DTSTAMP").is_some());
        assert!(c.components.iter().any(|a| a.name.as_str() == "VALARM"));
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
        out.insert(uid, dates);
    }
    out
}

#[test]
fn ics_dates_equal_engine_dates() {
    let deadlines = vec![
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
            period: Period::HalfYear,
            due: None,
            from_year: None,
        }),
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
        Deadline::Event {
            trigger: Trigger::OnRequest {
                by: Some("Bộ Công an".into()),
            },
            recurrence: Some(Recurrence {
                period: Period::Year,
                due: None,
                from_year: None,
            }),
        },
        Deadline::Once {
            date: NaiveDate::from_ymd_opt(2026, 2, 13).unwrap(),
            bound: DayBound::Before,
        },
        Deadline::All {
            parts: vec![
                Deadline::every(Period::HalfYear),
                Deadline::every(Period::Year),
            ],
        },
        Deadline::Continuous,
    ];
    let window = Window::years(2026, 2030);
    let plan = plan_with(deadlines.clone());
    let ics = to_ics(std::slice::from_ref(&plan), &IcsOptions::new(window));
    assert!(ics.starts_with("BEGIN:VCALENDAR"));
    let events = expand(&ics);
    for (i, d) in deadlines.iter().enumerate() {
        for (pi, part) in d.parts().into_iter().enumerate() {
            let want = part.due_dates(window).dates;
            let uid = format!("74-KH-UBND-T-{i}-{pi}@obligraph");
            match events.get(&uid) {
                Some(got) => assert_eq!(got, &want, "deadline {i} part {pi}: {part:?}"),
                None => assert!(want.is_empty(), "no event for {uid} but dates {want:?}"),
            }
        }
    }
    // Last-of-February rules are RRULEs; the 30th-of-each-month one needs RDATEs.
    assert!(ics.contains("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=5"));
    assert!(ics.contains("RDATE;VALUE=DATE:"));
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
