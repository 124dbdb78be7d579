//! The 2025 reorganisation: whether an agency exists on a date.
//!
//! Built from `data/agency-status.tsv`, which is derived from the reference
//! table of dated changes (ministry mergers on 1 March 2025, district police
//! closed on 1 March 2025, the district level abolished on 1 July 2025, the
//! provincial border-guard commands handed over around 28 June 2025 …).
//!
//! # Windows, not days
//!
//! Where the change happened on different days in different provinces
//! ("approx:" in the reference), the table keeps a window. A body counts as
//! dissolved only from the *latest* day of its window and as not yet created
//! only before the *earliest* day, so that a plan signed inside the window
//! is never flagged.
//!
//! ```
//! use chrono::NaiveDate;
//! use obligraph_vn::agency::{resolve_agency, AgencyContext};
//! use obligraph_vn::reorg::{status_on, AgencyStatus};
//!
//! let ldtbxh = resolve_agency("Sở Lao động - Thương binh và Xã hội", &AgencyContext::default());
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! assert_eq!(status_on(&ldtbxh, d(2023, 6, 1)), AgencyStatus::Current);
//! match status_on(&ldtbxh, d(2026, 2, 5)) {
//!     AgencyStatus::Dissolved { successor, .. } => {
//!         assert_eq!(successor.as_deref(), Some("province:home_affairs"))
//!     }
//!     other => panic!("{other:?}"),
//! }
//! ```

use crate::agency::{agency_by_id, TableStats};
use chrono::NaiveDate;
use obligraph_core::Agency;
use std::sync::OnceLock;

const STATUS_TSV: &str = include_str!("../data/agency-status.tsv");

/// Whether an agency exists on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgencyStatus {
    /// It exists (or no change is recorded for it).
    Current,
    /// It was dissolved, merged or renamed away.
    Dissolved {
        /// The day from which it no longer exists (the latest day of the
        /// window when the date varied by province).
        on: NaiveDate,
        /// The id of the agency that took over its main functions, if one did.
        successor: Option<String>,
        /// The legal basis.
        basis: String,
    },
    /// It did not exist yet.
    NotYetCreated {
        /// The first day it may have existed.
        on: NaiveDate,
    },
    /// An unresolved name: nothing is known.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Event {
    Dissolved,
    Created,
}

#[derive(Debug, Clone)]
struct Row {
    id: String,
    event: Event,
    /// Latest day of the window.
    date: NaiveDate,
    /// Earliest day of the window.
    window_start: NaiveDate,
    successor: Option<String>,
    basis: String,
}

struct Rows {
    rows: Vec<Row>,
    stats: TableStats,
}

fn rows() -> &'static Rows {
    static R: OnceLock<Rows> = OnceLock::new();
    R.get_or_init(|| {
        let mut out = Rows {
            rows: Vec::new(),
            stats: TableStats::default(),
        };
        for line in STATUS_TSV.lines().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            out.stats.rows += 1;
            let c: Vec<&str> = line.split('\t').collect();
            let date = |k: usize| {
                c.get(k)
                    .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            };
            let event = match c.get(1) {
                Some(&"dissolved") => Some(Event::Dissolved),
                Some(&"created") => Some(Event::Created),
                _ => None,
            };
            match (c.first(), event, date(2), date(3), c.get(4), c.get(5)) {
                (Some(id), Some(event), Some(d), Some(ws), Some(succ), Some(basis))
                    if !id.is_empty() && ws <= d =>
                {
                    out.rows.push(Row {
                        id: (*id).to_string(),
                        event,
                        date: d,
                        window_start: ws,
                        successor: (!succ.is_empty()).then(|| (*succ).to_string()),
                        basis: (*basis).to_string(),
                    });
                }
                _ => out.stats.malformed += 1,
            }
        }
        out
    })
}

/// Whether a body is named by the title of a commune civil servant
/// ("công chức Văn hóa - Xã hội", "Công chức Địa chính - Xây dựng"): the
/// posts a commune had before its offices of 1 July 2025. The agency table
/// gives each post a row of its own (`commune:post_*`, with the field of
/// the office that took its work in); this reads the title as written, for
/// a post that resolved to the office. A plan of that time naming such a
/// post names a body that existed.
///
/// ```
/// use obligraph_vn::reorg::names_a_commune_post;
/// assert!(names_a_commune_post("công chức Văn hóa - Xã hội"));
/// assert!(!names_a_commune_post("Phòng Văn hóa - Xã hội"));
/// ```
pub fn names_a_commune_post(as_written: &str) -> bool {
    crate::normalize::fold(as_written.trim()).starts_with("công chức ")
}

/// How the shipped status table parsed.
pub fn table_stats() -> TableStats {
    rows().stats
}

/// The rows of the table about `id`, in table order (looked up, not
/// scanned: the audit asks after the bodies of every derived plan).
fn rows_of(id: &str) -> &'static [&'static Row] {
    static BY_ID: OnceLock<rustc_hash::FxHashMap<&'static str, Vec<&'static Row>>> =
        OnceLock::new();
    BY_ID
        .get_or_init(|| {
            let mut m: rustc_hash::FxHashMap<&'static str, Vec<&'static Row>> =
                rustc_hash::FxHashMap::default();
            for r in &rows().rows {
                m.entry(r.id.as_str()).or_default().push(r);
            }
            m
        })
        .get(id)
        .map_or(&[], Vec::as_slice)
}

/// The status of `agency` on `date`.
///
/// Unresolved names are [`AgencyStatus::Unknown`]; every district body ends
/// on 1 July 2025 (district police on 1 March 2025, district military
/// commands in late June 2025) unless it is one of the regional bodies
/// created that day.
pub fn status_on(agency: &Agency, date: NaiveDate) -> AgencyStatus {
    if agency.id.starts_with("unresolved:") || agency_by_id(&agency.id).is_none() {
        return AgencyStatus::Unknown;
    }
    let own: &[&Row] = rows_of(&agency.id);
    if let Some(c) = own.iter().find(|r| r.event == Event::Created) {
        if date < c.window_start {
            return AgencyStatus::NotYetCreated { on: c.window_start };
        }
    }
    let created_on = own
        .iter()
        .find(|r| r.event == Event::Created)
        .map(|r| r.window_start);
    let dissolved = own
        .iter()
        .find(|r| r.event == Event::Dissolved)
        .copied()
        .or_else(|| {
            // The district level as a whole.
            let wildcard = rows_of("district:*").first().copied()?;
            (agency.id.starts_with("district:") && created_on.is_none_or(|c| c < wildcard.date))
                .then_some(wildcard)
        });
    match dissolved {
        Some(r) if date >= r.date => AgencyStatus::Dissolved {
            on: r.date,
            successor: r.successor.clone(),
            basis: r.basis.clone(),
        },
        _ => AgencyStatus::Current,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looked_up_rows_are_those_of_the_id_in_table_order() {
        for r in &rows().rows {
            let scanned: Vec<&Row> = rows().rows.iter().filter(|x| x.id == r.id).collect();
            assert_eq!(rows_of(&r.id).len(), scanned.len(), "{}", r.id);
            for (a, b) in rows_of(&r.id).iter().zip(&scanned) {
                assert!(std::ptr::eq(*a, *b), "{}", r.id);
            }
        }
        assert!(rows_of("province:no_such_body").is_empty());
    }

    #[test]
    fn shipped_status_table_parses_fully() {
        let s = table_stats();
        assert_eq!(s.malformed, 0);
        assert!(s.rows > 50);
    }

    #[test]
    fn every_id_and_successor_is_in_the_agency_table() {
        for r in &rows().rows {
            if r.id != "district:*" {
                assert!(agency_by_id(&r.id).is_some(), "unknown id {}", r.id);
            }
            if let Some(s) = &r.successor {
                assert!(agency_by_id(s).is_some(), "unknown successor {s}");
            }
        }
    }
}
