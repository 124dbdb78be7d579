//! The one place that calls the lexicon of `obligraph-vn` (agency table,
//! 2025 reorganisation), so that its types stay out of this crate's API.

use chrono::NaiveDate;
use obligraph_core::{Agency, Collective, Level};
use obligraph_vn::reorg::AgencyStatus;

/// The day the district level was abolished.
pub(crate) fn district_abolished() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 7, 1)
}

/// Whether `a` has a counterpart at `level`. An agency the table does not
/// know (no field) is given the benefit of the doubt.
pub(crate) fn counterpart_exists(a: &Agency, level: Level) -> bool {
    if a.field.is_none() {
        return true;
    }
    obligraph_vn::agency::counterpart(a, level).is_some()
}

/// The counterpart of `a` at `level`, from the agency table.
pub(crate) fn counterpart(a: &Agency, level: Level) -> Option<Agency> {
    obligraph_vn::agency::counterpart(a, level)
}

/// Why `a` did not exist on `date`, in English and Vietnamese, or `None`
/// when it existed or nothing is known.
pub(crate) fn defunct_on(a: &Agency, date: NaiveDate) -> Option<(String, String)> {
    if let Some(end) = district_abolished() {
        let district = a.level == Some(Level::District)
            || a.collective == Some(Collective::DistrictCommittees);
        if district && date >= end {
            return Some((
                format!("the district level was abolished on {end}"),
                "cấp huyện đã chấm dứt hoạt động từ ngày 01/7/2025".to_string(),
            ));
        }
    }
    match obligraph_vn::reorg::status_on(a, date) {
        AgencyStatus::Dissolved {
            on,
            successor,
            basis,
        } => {
            let succ = successor
                .map(|s| format!("; successor `{s}`"))
                .unwrap_or_default();
            Some((
                format!("it ended on {on} ({basis}){succ}"),
                format!("đã chấm dứt từ ngày {} ({basis})", on.format("%d/%m/%Y")),
            ))
        }
        AgencyStatus::NotYetCreated { on } => Some((
            format!("it was created only on {on}"),
            format!("chỉ được thành lập từ ngày {}", on.format("%d/%m/%Y")),
        )),
        _ => None,
    }
}
