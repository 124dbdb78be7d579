//! Agencies across levels: counterparts, collectives, and who a People's
//! Committee can order.

use obligraph_core::{Agency, Assignment, Collective, Level};

/// The collective of "departments" at `level`: ministries at national
/// level, departments (sở, ban, ngành — also used for the offices of a
/// district) below.
fn departments_of(level: Level) -> Option<Collective> {
    match level {
        Level::National => Some(Collective::Ministries),
        Level::Province | Level::District => Some(Collective::Departments),
        Level::Commune => None,
        Level::Unit => Some(Collective::Units),
    }
}

/// Whether a collective named in a plan of level `from` takes in bodies of
/// a plan of level `to`, or the plan's issuer itself: "UBND các tỉnh,
/// thành phố" in a national plan takes in a province; "các bộ, ngành"
/// corresponds to a province's "các sở, ban, ngành"; "các cơ quan, đơn vị
/// liên quan" takes in everyone.
pub(crate) fn collective_reaches(c: Collective, from: Option<Level>, to: Option<Level>) -> bool {
    let (Some(from), Some(to)) = (from, to) else {
        return true;
    };
    if from == to {
        // Siblings: the derived plan relays the same collective.
        return true;
    }
    match c {
        Collective::Related | Collective::MassOrganisations => true,
        _ if c.includes_level(to) => true,
        // The departments of the parent's level → the child's departments.
        _ if departments_of(from) == Some(c) => departments_of(to).is_some(),
        // Committees of a level at or below the child's: the child relays
        // the task to its own lower committees. A commune under a plan
        // two levels up (a province's "Ủy ban nhân dân cấp huyện") takes
        // the districts' tasks as its district's plan relays them — and,
        // since the 2025 reorganisation, as the successor of the districts.
        Collective::DistrictCommittees => to <= Level::District || from < Level::District,
        Collective::CommuneCommittees => to <= Level::Commune,
        _ => false,
    }
}

/// Whether a collective takes in `body`, one body of a government: the
/// departments of its level ("các sở, ban, ngành" take a Sở in), or
/// everyone concerned ("các cơ quan, đơn vị liên quan").
pub(crate) fn takes_in_body(c: Collective, body: &Agency) -> bool {
    c == Collective::Related || body.level.is_some_and(|l| departments_of(l) == Some(c))
}

/// Whether `child` (in a plan at `child_level`) is the counterpart of
/// `parent` (in a plan at `parent_level`): the same body, the same field
/// at another level, or a collective reaching it.
pub(crate) fn is_counterpart(
    parent: &Agency,
    parent_level: Option<Level>,
    child: &Agency,
    child_level: Option<Level>,
) -> bool {
    if parent.id == child.id {
        return true;
    }
    match (parent.collective, child.collective) {
        (Some(pc), Some(cc)) => {
            pc == cc
                || collective_reaches(pc, parent_level, child_level)
                    && collective_reaches(cc, child_level, child_level)
        }
        (Some(_), None) | (None, Some(_)) => false,
        (None, None) => {
            // A commune body answers for the fields its office takes in
            // (Sở Tư pháp → Văn phòng HĐND và UBND xã; `commune_field`).
            let same = |c: &Agency| match (&parent.field, &c.field) {
                (Some(a), Some(b)) => {
                    a == b
                        || c.level == Some(Level::Commune)
                            && parent.level != Some(Level::Commune)
                            && crate::vn::commune_field(a) == Some(b.as_str())
                }
                _ => parent.name.to_lowercase() == c.name.to_lowercase(),
            };
            // A dissolved body named where its successor is meant is the
            // defunct-agency rule's finding, not a wrong counterpart.
            same(child) || crate::vn::successor(child).is_some_and(|s| same(&s))
        }
    }
}

/// Whether an agency exists at `level` (has a counterpart there). Uses
/// the agency table of `obligraph-vn`.
pub(crate) fn has_counterpart_at(a: &Agency, level: Level) -> bool {
    if a.level == Some(level) || a.collective.is_some() {
        return true;
    }
    crate::vn::counterpart_exists(a, level)
}

/// Whether the assignment is one the derived plan's issuer at
/// `child_level` must carry out, for a parent plan at `parent_level`.
pub(crate) fn reaches_child(
    asg: &Assignment,
    parent_level: Option<Level>,
    child_level: Option<Level>,
) -> bool {
    match asg.agency.collective {
        Some(c) => collective_reaches(c, parent_level, child_level),
        None => match child_level {
            Some(l) => has_counterpart_at(&asg.agency, l),
            None => true,
        },
    }
}

/// Whether every lead of `p` is a body the plan can only request (a
/// court, a procuracy, the Front), and it has one.
pub(crate) fn only_requested(p: &obligraph_core::Obligation) -> bool {
    p.own_leads().next().is_some() && p.own_leads().all(asked_not_ordered)
}

/// Whether an assignment asks a body the plan cannot order (a court, a
/// procuracy, the Front). "Đề nghị các cơ quan, đơn vị kịp thời báo cáo"
/// asks the plan's own bodies politely: a collective of bodies the issuer
/// orders is no request to a body it cannot order.
pub(crate) fn asked_not_ordered(a: &obligraph_core::Assignment) -> bool {
    !a.agency.orderable
        || a.requested
            && a.agency
                .collective
                .is_none_or(|c| c == obligraph_core::Collective::MassOrganisations)
}

/// A display name for an assignment: as written, else the canonical name.
pub(crate) fn display(a: &Assignment) -> &str {
    if a.as_written.trim().is_empty() {
        &a.agency.name
    } else {
        a.as_written.trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(id: &str, field: &str, level: Level) -> Agency {
        Agency {
            id: id.into(),
            name: id.into(),
            level: Some(level),
            field: Some(field.into()),
            orderable: true,
            collective: None,
        }
    }

    #[test]
    fn counterparts_change_level() {
        let sotp = body("province:justice", "justice", Level::Province);
        let phongtp = body("district:justice", "justice", Level::District);
        let police = body("district:police", "police", Level::District);
        assert!(is_counterpart(
            &sotp,
            Some(Level::Province),
            &phongtp,
            Some(Level::District)
        ));
        assert!(!is_counterpart(
            &sotp,
            Some(Level::Province),
            &police,
            Some(Level::District)
        ));
    }

    #[test]
    fn collectives_reach_down() {
        assert!(collective_reaches(
            Collective::ProvinceCommittees,
            Some(Level::National),
            Some(Level::Province)
        ));
        assert!(collective_reaches(
            Collective::Ministries,
            Some(Level::National),
            Some(Level::Province)
        ));
        assert!(collective_reaches(
            Collective::Departments,
            Some(Level::Province),
            Some(Level::District)
        ));
        assert!(collective_reaches(
            Collective::CommuneCommittees,
            Some(Level::Province),
            Some(Level::District)
        ));
        assert!(
            !collective_reaches(
                Collective::CommuneCommittees,
                Some(Level::National),
                Some(Level::Province)
            ) || Level::Province <= Level::Commune
        );
    }

    #[test]
    fn a_commune_office_answers_for_the_fields_it_takes_in() {
        let by_id = |id: &str| obligraph_vn::agency::agency_by_id(id).expect(id);
        let (p, c) = (Some(Level::Province), Some(Level::Commune));
        let office = by_id("commune:government_office");
        let social = by_id("commune:culture_society");
        // Real ward plans (Tân An, Trấn Biên, Phú Lý) give Sở Tư pháp's
        // dissemination rows to the Văn phòng HĐND và UBND.
        assert!(is_counterpart(&by_id("province:justice"), p, &office, c));
        assert!(is_counterpart(
            &by_id("province:home_affairs"),
            p,
            &social,
            c
        ));
        assert!(!is_counterpart(&by_id("province:justice"), p, &social, c));
        assert!(!is_counterpart(&by_id("province:police"), p, &office, c));
        // Between two provinces the fields must be the same.
        assert!(!is_counterpart(
            &by_id("province:justice"),
            p,
            &by_id("province:government_office"),
            p
        ));
        assert!(has_counterpart_at(
            &by_id("province:health"),
            Level::Commune
        ));
        assert!(!has_counterpart_at(
            &by_id("province:court"),
            Level::Commune
        ));
    }

    #[test]
    fn a_dissolved_body_stands_for_its_successor() {
        let by_id = |id: &str| obligraph_vn::agency::agency_by_id(id).expect(id);
        let labour = by_id("province:labour_invalids_social");
        let home = by_id("province:home_affairs");
        let p = Some(Level::Province);
        // The derived plan names Sở LĐTBXH where the parent says Sở Nội vụ:
        // the defunct-agency rule reports it, not a wrong counterpart.
        assert!(is_counterpart(&home, p, &labour, p));
        // Not the other way round: Sở Nội vụ did not succeed to a body
        // that names it.
        assert!(!is_counterpart(&labour, p, &home, p));
    }
}
