//! The one place that calls the lexicon of `obligraph-vn` (agency table,
//! 2025 reorganisation), so that its types stay out of this crate's API.

use chrono::NaiveDate;
use obligraph_core::{Agency, Collective, Level};
use obligraph_vn::reorg::AgencyStatus;

pub(crate) use obligraph_vn::subjects::TaskScope as Scope;

/// The scope of a task by its kind and its sections' titles (innermost
/// first; [`obligraph_vn::subjects::task_scope_in`]).
pub(crate) fn task_scope_in<'a>(
    text: &str,
    sections: impl IntoIterator<Item = &'a str>,
) -> Option<Scope> {
    obligraph_vn::subjects::task_scope_in(text, sections)
}

/// The body that took over the duties of `a` when it was dissolved
/// (Sở Lao động - Thương binh và Xã hội → Sở Nội vụ), from the 2025
/// reorganisation table; `None` for a body that was not dissolved.
pub(crate) fn successor(a: &Agency) -> Option<Agency> {
    let far = NaiveDate::from_ymd_opt(2100, 1, 1)?;
    match obligraph_vn::reorg::status_on(a, far) {
        AgencyStatus::Dissolved {
            successor: Some(s), ..
        } => obligraph_vn::agency::agency_by_id(&s),
        _ => None,
    }
}

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

/// The field of the commune office that answers for `field` (the
/// agency table of `obligraph-vn`).
pub(crate) fn commune_field(field: &str) -> Option<&str> {
    obligraph_vn::agency::commune_field(field)
}

/// The body that issued `child`, when `child` is one agency's plan (a
/// department's: [`Level::Unit`]) and `parent` a plan of the government
/// above it: the issuer's name resolved as the parent plan would name it
/// ("Sở Tư pháp thành phố Huế" under the city's plan → `province:justice`).
/// `None` for any other pair, or when the name is not a known body.
pub(crate) fn issuing_body(
    child: &obligraph_core::Plan,
    parent_level: Option<Level>,
) -> Option<Agency> {
    if child.level != Some(Level::Unit) || parent_level.is_none_or(|l| l == Level::Unit) {
        return None;
    }
    let ctx = obligraph_vn::agency::AgencyContext {
        date: child.date,
        issuer_level: parent_level,
        city_issuer: false,
    };
    let a = obligraph_vn::agency::resolve_agency(child.issuer.as_deref()?, &ctx);
    (a.collective.is_none() && a.field.is_some()).then_some(a)
}

/// Whether a body is named by a commune civil servant's post
/// ([`obligraph_vn::reorg::names_a_commune_post`]).
pub(crate) fn names_a_commune_post(as_written: &str) -> bool {
    obligraph_vn::reorg::names_a_commune_post(as_written)
}

/// Whether `text` gives the duty to report difficulties
/// ([`obligraph_vn::lexicon::reports_difficulties`]).
pub(crate) fn reports_difficulties(text: &str) -> bool {
    obligraph_vn::lexicon::reports_difficulties(text)
}

/// The counterpart of `a` at `level`, from the agency table.
pub(crate) fn counterpart(a: &Agency, level: Level) -> Option<Agency> {
    obligraph_vn::agency::counterpart(a, level)
}

/// Why `a` did not exist on `date`, in English and Vietnamese, or `None`
/// when it existed or nothing is known.
///
/// The regional bodies created on the day the district level ended
/// ("Tòa án nhân dân khu vực", "Viện kiểm sát nhân dân khu vực") sit at the
/// district level of the table but existed: the table's status decides.
pub(crate) fn defunct_on(a: &Agency, date: NaiveDate) -> Option<(String, String)> {
    let status = obligraph_vn::reorg::status_on(a, date);
    if let Some(end) = district_abolished() {
        let district = a.level == Some(Level::District)
            || a.collective == Some(Collective::DistrictCommittees);
        let created_since = a.level == Some(Level::District) && status == AgencyStatus::Current;
        if district && date >= end && !created_since {
            return Some((
                format!("the district level was abolished on {end}"),
                "cấp huyện đã chấm dứt hoạt động từ ngày 01/7/2025".to_string(),
            ));
        }
    }
    match status {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(name: &str) -> Agency {
        let ctx = obligraph_vn::agency::AgencyContext {
            date: NaiveDate::from_ymd_opt(2026, 2, 10),
            issuer_level: Some(Level::Commune),
            city_issuer: false,
        };
        obligraph_vn::agency::resolve_agency(name, &ctx)
    }

    #[test]
    fn regional_courts_exist_after_the_district_level() {
        let day = NaiveDate::from_ymd_opt(2026, 2, 10).unwrap();
        let regional = resolve("Tòa án nhân dân khu vực 5");
        assert_eq!(regional.id, "district:regional_court");
        assert_eq!(defunct_on(&regional, day), None);
        // Before 1 July 2025 it did not exist yet.
        let before = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        assert!(defunct_on(&regional, before).is_some());
        // A district court named in 2026 is still defunct.
        let district = resolve("Tòa án nhân dân huyện");
        assert!(defunct_on(&district, day).is_some());
    }
}
