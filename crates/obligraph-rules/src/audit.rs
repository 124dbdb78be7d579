//! The audit: applicability, alignment, statuses, rules.

use crate::agencies::{self, asked_not_ordered, only_requested};
use crate::align::{align, ParentIndex, SharedText};
use crate::carry::{self, Carried, ChildSide};
use crate::config::Config;
use crate::registry::Registry;
use crate::report::{
    AuditReport, Coverage, ElementReport, LocalInitiative, Location, Match, ParentObligationReport,
    PlanSummary, SectionCoverage, Status,
};
use crate::rule::{ObligationIds, RuleContext};
use obligraph_core::{Agency, Level, Obligation, Plan};

/// Why a parent obligation is not applicable to a derived plan at
/// `child_level`, or `None` when it is.
///
/// An obligation is applicable when one of its assignments reaches the
/// derived plan's issuer: a body with a counterpart at the derived level,
/// or a collective that takes the issuer or its bodies in (see
/// [`crate::agencies`]). An obligation with no assignment is applicable
/// (it falls to the plan's issuer as a whole). An obligation that only
/// requested bodies lead (courts, procuracies, the Front: "Đề nghị Tòa án
/// nhân dân tỉnh chủ trì") is applicable to a plan of the same level or
/// below, whose issuer relays the request to its own court, procuracy or
/// Front (when that level has one: `reaching`); to a plan of unknown level
/// it is not, unless `requested_only_applicable` is set.
///
/// When the derived plan is one body's (`issuer`: a department's plan under
/// its government's plan, [`crate::vn::issuing_body`]), the body decides
/// instead: see [`not_for_body`].
pub(crate) fn not_applicable_reason(
    p: &Obligation,
    parent: &Plan,
    child_level: Option<Level>,
    issuer: Option<&Agency>,
    config: &Config,
) -> Option<String> {
    if let Some(body) = issuer {
        return not_for_body(p, parent, body);
    }
    let level_name = child_level.map_or("the derived plan's level", Level::vietnamese);
    // Below the province, the kind of task decides before the agencies:
    // law-making, court work and treaty reports stay above whoever leads;
    // dissemination, complaints, vulnerable groups reach the grassroots
    // whoever leads.
    // Duties (report, draft a plan, monitor) are owed by the bodies they
    // name, whatever their words: only tasks are read by kind.
    let to_commune = child_level == Some(Level::Commune)
        && parent.level.is_some_and(|l| l < Level::Commune)
        && p.kind == obligraph_core::ObligationKind::Task;
    let scope = if to_commune {
        let chain = parent.section_chain(p);
        crate::vn::task_scope_in(&p.text, chain.iter().map(|s| s.title.as_str()))
    } else {
        None
    };
    if let Some(crate::vn::Scope::Competence(what)) = scope {
        // Naming the communes for it ("Ủy ban nhân dân các xã, phường thực
        // hiện theo thẩm quyền") leaves them a share readers split on.
        if names_communes(p) {
            return Some(format!(
                "{COMPETENCE_NAMING_COMMUNES} {what}: work of the levels that have that competence, not of {level_name}, though it names the communes; check whether their share (data, a part within their remit) is this plan's"
            ));
        }
        return Some(format!(
            "{what}: work of the levels that have that competence, not of {level_name}, whoever leads it"
        ));
    }
    let grassroots = matches!(scope, Some(crate::vn::Scope::Grassroots(_)));
    if p.own_assignments().is_empty() {
        return None;
    }
    // A parent plan that gives duties body by body ("Tổ chức thực hiện: 1.
    // Sở Tài chính … 8. Ủy ban nhân dân các xã, phường …") gives the
    // communes theirs in their own part: another body's part is that
    // body's, whatever its kind, unless it names the communes.
    if to_commune && is_body_duty(parent, p) && !names_communes(p) && has_commune_part(parent) {
        let named: Vec<&str> = p.own_leads().map(agencies::display).collect();
        return Some(format!(
            "{ANOTHER_BODYS_PART} {} in the part of the plan that gives each body its duties; the communes' duties are in their own part",
            named.join(", ")
        ));
    }
    // A duty with a lead is the lead's: those who help it ("phối hợp với
    // các cơ quan, đơn vị, địa phương") do not make it theirs.
    let duty_of_leads =
        p.kind != obligraph_core::ObligationKind::Task && p.own_leads().next().is_some();
    let reaching: Vec<_> = p
        .own_assignments()
        .iter()
        .filter(|a| !duty_of_leads || a.role == obligraph_core::Role::Lead)
        .filter(|a| agencies::reaches_child(a, parent.level, child_level))
        .collect();
    // A grassroots task reaches the commune through its kind: only one that
    // requested bodies alone lead stays out (below).
    if !grassroots && !reaching.is_empty() && !commune_reached(p, &reaching, parent, child_level) {
        let named = leads_else_all(p);
        return Some(format!(
            "led by {} ({}), with no body of the same kind at {level_name}; not assigned to the communes (\"Ủy ban nhân dân các xã, phường\") or to a collective that takes them in",
            named.join(", "),
            parent.level.map_or("the parent plan", Level::vietnamese),
        ));
    }
    if reaching.is_empty() && !grassroots {
        let names: Vec<&str> = p.own_assignments().iter().map(agencies::display).collect();
        return Some(format!(
            "assigned only to {} — no counterpart at {level_name}",
            names.join(", ")
        ));
    }
    let leads: Vec<_> = reaching
        .iter()
        .filter(|a| a.role == obligraph_core::Role::Lead)
        .collect();
    let requested_only = !leads.is_empty()
        && leads.iter().all(|a| asked_not_ordered(a))
        && reaching
            .iter()
            .all(|a| asked_not_ordered(a) || a.role == obligraph_core::Role::Lead);
    // A sibling plan (the same level) asks its own court, procuracy and
    // Front as the reference plan asks its own: the request is its task
    // too. So does a plan below, of a level where the body asked has a
    // counterpart (`reaching`): it relays the request to its own ("Đề
    // nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường …", as the real ward
    // and district plans do).
    if requested_only
        && !relays_requests(parent.level, child_level)
        && !config.matching.requested_only_applicable
    {
        let names: Vec<&str> = leads.iter().map(|a| agencies::display(a)).collect();
        return Some(format!(
            "{REQUESTED_ONLY} ({}): the derived plan can relay the request (đề nghị), not order it",
            names.join(", ")
        ));
    }
    None
}

/// The obligations of `plan` that its obligation `at` points back at for
/// a list ([`obligraph_vn::subjects::list_pointers`]): "mục 4" / "khoản
/// 4" is item 4 of the pointing item's part (or of the part named), "điểm
/// b" the pointing item's sibling point b; each with what is numbered
/// under it ("II.4", "II.4-1", "II.4.a"). Empty when the text points at
/// none, or at no item of the plan. `pointers` are those its text makes
/// (read once per text by [`crate::carry::ParentCarry::child_side`]).
fn pointed_items(
    plan: &Plan,
    at: usize,
    pointers: &[obligraph_vn::subjects::ListPointer],
) -> Vec<usize> {
    let Some(o) = plan.obligations.get(at) else {
        return Vec::new();
    };
    if pointers.is_empty() {
        return Vec::new();
    }
    // The pointing item's numbering, without its duty suffix ("II.6-1",
    // "II.6:task" → "II.6").
    let path = o.id.split(['-', ':']).next().unwrap_or(&o.id);
    let parts: Vec<&str> = path.split('.').collect();
    let mut out = Vec::new();
    for p in pointers {
        let target = if p.point {
            match parts.split_last() {
                Some((_, up)) if !up.is_empty() => format!("{}.{}", up.join("."), p.mark),
                _ => continue,
            }
        } else {
            match p.part.as_deref().or(parts.first().copied()) {
                Some(part) if parts.len() > 1 || p.part.is_some() => format!("{part}.{}", p.mark),
                _ => continue,
            }
        };
        for (j, q) in plan.obligations.iter().enumerate() {
            let under =
                q.id.strip_prefix(target.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '-', ':']));
            if under && j != at && !out.contains(&j) {
                out.push(j);
            }
        }
    }
    out
}

/// How a "not applicable" reason for another body's duty in a plan that
/// gives each body its duties opens (see [`not_applicable_reason`]): such
/// a duty is judged as any task when the commune's plan takes it up (its
/// own counterpart of the body's work), not applicable when it does not.
const ANOTHER_BODYS_PART: &str = "a duty of";

/// How a "not applicable" reason for a task only requested bodies lead
/// opens (see [`not_applicable_reason`]).
const REQUESTED_ONLY: &str = "led only by requested bodies";

/// How a "not applicable" reason opens for a task of a competence the
/// communes lack that names them for it (see [`not_applicable_reason`]):
/// flagged, like [`REQUESTED_ONLY`].
const COMPETENCE_NAMING_COMMUNES: &str = "named for a competence it lacks —";

/// Whether a derived plan of `child` level makes the requests of a plan of
/// `parent` level to its own bodies: the same level or below, both known.
fn relays_requests(parent: Option<Level>, child: Option<Level>) -> bool {
    parent.zip(child).is_some_and(|(p, c)| c >= p)
}

/// Why obligation `p` of `parent` is not for the body `body` to carry out
/// in its own plan (a department's plan under its government's plan), or
/// `None` when it is. The body carries what names it — as lead, support
/// or monitor, itself or its field ("Sở Tư pháp", "ngành Tư pháp") — or a
/// collective that takes it in ("Các sở, ban, ngành chủ trì", "phối hợp
/// với các Sở, ngành, đơn vị liên quan": its part as a support, as the
/// blind-written department plan carries it); an obligation nobody is
/// named for falls to the government as a whole and stays applicable. A
/// duty with a lead is the lead's. What the communes, the Front or
/// another body alone are given is not the department's.
fn not_for_body(p: &Obligation, parent: &Plan, body: &Agency) -> Option<String> {
    let own = p.own_assignments();
    if own.is_empty() {
        return None;
    }
    if naming_body(p, parent, body).next().is_some() {
        return None;
    }
    let named = leads_else_all(p);
    Some(format!(
        "led by {}; {} is not named for it (as lead or support, itself or in a collective)",
        named.join(", "),
        body.name,
    ))
}

/// The names a reason gives for who `p` is for: its leads, else everyone
/// it assigns.
fn leads_else_all(p: &Obligation) -> Vec<&str> {
    let leads: Vec<&str> = p.own_leads().map(agencies::display).collect();
    if leads.is_empty() {
        p.own_assignments().iter().map(agencies::display).collect()
    } else {
        leads
    }
}

/// The assignments of `p` that name `body` for it (see [`not_for_body`]):
/// the body itself or its field, or a collective taking it in; for a duty
/// (report, plan, monitoring) with leads, only its leads.
fn naming_body<'p>(
    p: &'p Obligation,
    parent: &'p Plan,
    body: &'p Agency,
) -> impl Iterator<Item = &'p obligraph_core::Assignment> {
    let duty_of_leads =
        p.kind != obligraph_core::ObligationKind::Task && p.own_leads().next().is_some();
    p.own_assignments()
        .iter()
        .filter(move |a| !duty_of_leads || a.role == obligraph_core::Role::Lead)
        .filter(move |a| match a.agency.collective {
            Some(c) => agencies::takes_in_body(c, body),
            None => agencies::is_counterpart(&a.agency, parent.level, body, parent.level),
        })
}

/// Why obligation `p` of `parent`, which a body's own plan takes up in no
/// part, is not that body's after all (`None` when it is): another body
/// leads it by name and this one is named for it only as a support among
/// the bodies it concerns ("các Sở, ngành có liên quan phối hợp"), never
/// by name or field. Which bodies a task concerns
/// is the drafter's reading of the task; a plan that takes none of it up
/// has read it as not its own. Flagged for review
/// ([`crate::params::CONCERNED_ONLY_CONFIDENCE`]).
fn concerned_only(p: &Obligation, parent: &Plan, body: &Agency) -> Option<String> {
    let mut naming = naming_body(p, parent, body).peekable();
    naming.peek()?;
    let all_concerned = naming.all(|a| {
        a.role != obligraph_core::Role::Lead
            && (a.agency.collective == Some(obligraph_core::Collective::Related)
                || a.agency.collective.is_some()
                    && obligraph_vn::agency::only_those_concerned(&a.as_written))
    });
    // Another body leads it by name (or is asked to: a court, a
    // procuracy).
    let led_by_name = p.own_leads().any(|a| a.agency.collective.is_none());
    (all_concerned && led_by_name).then(|| {
        let named = leads_else_all(p);
        format!(
            "led by {}; {} is named for it only among the bodies it concerns (\"có liên quan\"), and its plan takes up no part of it",
            named.join(", "),
            body.name,
        )
    })
}

/// Whether obligation `p` of `parent` names the derived plan for it: its
/// issuer by name or field, or a collective leading it that takes the
/// issuer in (a body's own plan, `issuer`); the committees of the derived
/// plan's level ("Ủy ban nhân dân các huyện") or one of its bodies; any
/// body when the plans are of one level (siblings). Otherwise the task
/// reaches the derived plan only through a counterpart of a body above
/// ("Sở Tư pháp" → "Phòng Tư pháp"), a collective of everyone concerned,
/// or its kind (a grassroots task): a reading a reviewer should check
/// when the plan carries none of it
/// ([`crate::params::INFERRED_APPLICABILITY_CONFIDENCE`]).
fn names_derived(
    p: &Obligation,
    parent: &Plan,
    child_level: Option<Level>,
    issuer: Option<&Agency>,
) -> bool {
    if parent.level.is_some() && parent.level == child_level {
        return true;
    }
    if let Some(body) = issuer {
        return naming_body(p, parent, body)
            .any(|a| a.agency.collective.is_none() || a.role == obligraph_core::Role::Lead);
    }
    let Some(level) = child_level else {
        return true;
    };
    p.own_assignments().iter().any(|a| names_level(a, level))
}

/// Whether assignment `a` gives the task to bodies of `level`, by name or
/// as a collective of that level (not "các cơ quan có liên quan" or the
/// mass organisations).
fn names_level(a: &obligraph_core::Assignment, level: Level) -> bool {
    match a.agency.collective {
        Some(
            obligraph_core::Collective::Related | obligraph_core::Collective::MassOrganisations,
        ) => false,
        Some(c) => c.includes_level(level),
        None => a.agency.level == Some(level),
    }
}

/// The competence a task of a province plan needs and districts do not
/// hold ([`crate::vn::Scope::held_by_districts`]), as its reason's
/// opening words; `None` for a task districts can do, or when the plans
/// are not a province's and a district's (no issuing body).
fn competence_beyond_district(
    p: &Obligation,
    parent: &Plan,
    child_level: Option<Level>,
    issuer: Option<&Agency>,
) -> Option<&'static str> {
    if issuer.is_some()
        || child_level != Some(Level::District)
        || parent.level.is_none_or(|l| l >= Level::District)
        || p.kind != obligraph_core::ObligationKind::Task
    {
        return None;
    }
    let chain = parent.section_chain(p);
    match crate::vn::task_scope_in(&p.text, chain.iter().map(|s| s.title.as_str())) {
        Some(scope @ crate::vn::Scope::Competence(what)) if !scope.held_by_districts() => {
            Some(what)
        }
        _ => None,
    }
}

/// Why task `p` of a province plan is beyond a district's plan
/// (`child_level`, no issuing body) when that plan takes up nothing of it:
/// its kind needs a competence districts do not hold
/// ([`crate::vn::Scope::held_by_districts`]) and it does not name the
/// districts ([`names_derived`]). `None` otherwise.
fn beyond_district(
    p: &Obligation,
    parent: &Plan,
    child_level: Option<Level>,
    issuer: Option<&Agency>,
) -> Option<String> {
    if names_derived(p, parent, child_level, issuer) {
        return None;
    }
    competence_beyond_district(p, parent, child_level, issuer).map(|what| {
        format!(
            "{what}: work of the levels that have that competence; a district's plan that takes up nothing of it, and is not named for it, is not asked for it"
        )
    })
}

/// Whether a commune plan has something to carry out of an obligation of
/// a plan above commune level, given the assignments that reach it: a
/// collective taking communes in, else one of the leads (when there are
/// leads; any assignment otherwise) with a commune body of its own kind
/// (see [`reaches_commune`]). A task a province department leads, which
/// the police only supports, is the department's, not the commune's.
/// Other levels: always `true`.
fn commune_reached(
    p: &Obligation,
    reaching: &[&obligraph_core::Assignment],
    parent: &Plan,
    child_level: Option<Level>,
) -> bool {
    if child_level != Some(Level::Commune) || parent.level.is_none_or(|l| l >= Level::Commune) {
        return true;
    }
    // "Các sở, ban, ngành" takes the departments in, not the communes.
    let takes_communes_in = |a: &&obligraph_core::Assignment| {
        a.agency.collective.is_some_and(|c| {
            !matches!(
                c,
                obligraph_core::Collective::Departments | obligraph_core::Collective::Ministries
            )
        })
    };
    if reaching.iter().any(takes_communes_in) {
        return true;
    }
    let mut leads = p.own_leads().peekable();
    if leads.peek().is_none() {
        reaching
            .iter()
            .any(|a| reaches_commune(a, parent, child_level))
    } else {
        leads.any(|a| {
            agencies::reaches_child(a, parent.level, child_level)
                && reaches_commune(a, parent, child_level)
        })
    }
}

/// Whether an assignment of a plan above commune level reaches a commune
/// plan. A commune has no department of its own: the justice, health or
/// home-affairs work of a province department falls at commune level to a
/// general office (Văn phòng HĐND và UBND, Phòng Văn hóa - Xã hội) that
/// the province plan does not address. A commune carries out what the
/// plan gives to the communes ("Ủy ban nhân dân các xã, phường"), to a
/// collective that takes them in ("các cơ quan, đơn vị, địa phương"), or
/// to a body with a commune branch of the same field (police, military,
/// the Front and mass organisations). Other levels: always `true`.
fn reaches_commune(
    a: &obligraph_core::Assignment,
    parent: &Plan,
    child_level: Option<Level>,
) -> bool {
    if child_level != Some(Level::Commune) || parent.level.is_none_or(|l| l >= Level::Commune) {
        return true;
    }
    let ag = &a.agency;
    if ag.collective.is_some() || ag.level == Some(Level::Commune) || ag.field.is_none() {
        return true;
    }
    // The same kind of body: "province:police" → "commune:police", not
    // "province:justice" → "commune:government_office".
    let kind = |id: &str| id.split_once(':').map(|(_, k)| k.to_string());
    crate::vn::counterpart(ag, Level::Commune)
        .is_some_and(|c| kind(&c.id).is_some() && kind(&c.id) == kind(&ag.id))
}

/// Why each obligation of the indexed parent is not applicable to a
/// derived plan at `child_level` (`None` when it is): restated by another
/// obligation, or [`not_applicable_reason`]. The same for every derived
/// plan of one level, so kept in the index per level and matching
/// settings.
fn reasons(
    ix: &ParentIndex<'_>,
    child: &Plan,
    issuer: Option<&Agency>,
    config: &Config,
) -> std::sync::Arc<Vec<Option<std::sync::Arc<str>>>> {
    let parent = ix.plan;
    let child_level = child.level;
    let key = format!(
        "{child_level:?} {} {:?}",
        issuer.map_or("", |a| a.id.as_str()),
        config.matching
    );
    ix.reasons.get_or_insert_with(&key, || {
        parent
            .obligations
            .iter()
            .enumerate()
            .map(|(pi, p)| match ix.restated(pi) {
                Some(q) => Some(
                    format!(
                        "restated by {q}, which carries the agencies and deadline; counted there"
                    )
                    .into(),
                ),
                None => {
                    not_applicable_reason(p, parent, child_level, issuer, config).map(Into::into)
                }
            })
            .collect()
    })
}

/// Why a "missing" verdict on each obligation of the indexed parent would
/// rest on a reading readers split on, with the highest confidence it may
/// then have (`None` when it would not): the task does not name the
/// derived plan and reaches it only through a counterpart or its kind
/// ([`names_derived`], [`crate::params::INFERRED_APPLICABILITY_CONFIDENCE`]);
/// a sibling's plan leaves out a request the reference makes to its own
/// court, procuracy or Front ([`crate::params::REQUESTED_ONLY_CONFIDENCE`]).
/// The same for every derived plan of one level and issuer, so kept in the
/// index.
fn doubts(
    ix: &ParentIndex<'_>,
    child: &Plan,
    issuer: Option<&Agency>,
) -> std::sync::Arc<Vec<Option<crate::align::Doubt>>> {
    let parent = ix.plan;
    let child_level = child.level;
    let key = format!("{child_level:?} {}", issuer.map_or("", |a| a.id.as_str()));
    ix.doubts.get_or_insert_with(&key, || {
        parent
            .obligations
            .iter()
            .map(|p| doubt(p, parent, child_level, issuer))
            .collect()
    })
}

/// [`doubts`] for one obligation.
fn doubt(
    p: &Obligation,
    parent: &Plan,
    child_level: Option<Level>,
    issuer: Option<&Agency>,
) -> Option<crate::align::Doubt> {
    if !names_derived(p, parent, child_level, issuer) {
        let named = leads_else_all(p);
        let through = if named.is_empty() {
            "nobody is named for it".to_string()
        } else {
            format!("it is given to {}", named.join(", "))
        };
        let why = match issuer {
            Some(body) if named.is_empty() => format!(
                "{through}: it falls to the government as a whole, not to {} by name; check that the body carries it",
                body.name
            ),
            Some(body) => format!(
                "{through}, not to {} by name: it reaches {} only as one of a collective; check that the body carries it",
                body.name, body.name
            ),
            None => format!(
                "{through}, not to the derived plan by name: it reaches {} only through a counterpart or its kind; check that this level carries it",
                child_level.map_or("the derived plan", Level::vietnamese)
            ),
        };
        return Some((crate::params::INFERRED_APPLICABILITY_CONFIDENCE, why.into()));
    }
    // A task needing a competence districts lack that names the districts
    // only to support the body that holds it (the province's treaty
    // report "Công an tỉnh chủ trì; … Ủy ban nhân dân cấp huyện phối
    // hợp"): whether a district's plan must carry its share is what
    // readers split on (see [`crate::params::BEYOND_LEVEL_CONFIDENCE`]).
    if let Some(what) = competence_beyond_district(p, parent, child_level, issuer) {
        // (Only a district's plan has such a competence to lack.)
        if !p.own_leads().any(|a| names_level(a, Level::District)) {
            return Some((
                crate::params::BEYOND_LEVEL_CONFIDENCE,
                format!(
                    "{what}: work of the levels that have that competence, which names the districts only to support it; check whether this district's plan should carry its share"
                )
                .into(),
            ));
        }
    }
    // A sibling, or a plan below, makes the reference plan's requests to
    // its own court, procuracy or Front; whether leaving one out is a gap
    // is the relay convention readers split on.
    if relays_requests(parent.level, child_level) && only_requested(p) {
        let named: Vec<&str> = p.own_leads().map(agencies::display).collect();
        return Some((
            crate::params::REQUESTED_ONLY_CONFIDENCE,
            format!(
                "a request to {}: a plan of the same level or below relays it to its own; check whether this one should",
                named.join(", ")
            )
            .into(),
        ));
    }
    None
}

/// Where the audit counts an obligation of an indexed parent plan that
/// another statement of the same plan carries ([`ParentIndex::counted_at`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CountedAt<'p> {
    /// A body item that an appendix row restates (the importer's link, or
    /// an unassigned body item near-verbatim to an assigned obligation):
    /// always counted at the row ("restated by …").
    Restatement(&'p str),
    /// An unassigned body item stating the heading of a group of appendix
    /// rows: counted at the rows when no derived obligation matches the
    /// body item itself ("states the heading of the rows …").
    Rows(Vec<&'p str>),
}

impl<'p> ParentIndex<'p> {
    /// Whether the audit counts obligation `id` of the indexed plan at
    /// other obligations of the same plan, and at which; `None` when it
    /// judges it on its own (or no obligation has that id).
    pub fn counted_at(&self, id: &str) -> Option<CountedAt<'p>> {
        let i = self.plan.obligations.iter().position(|o| o.id == id)?;
        if let Some(q) = self.restated(i) {
            return Some(CountedAt::Restatement(q));
        }
        self.group_rows(i).map(CountedAt::Rows)
    }
}

/// Whether the derived plan is one the drafting duty `p` asks for: issued
/// below the parent by a body or collective the duty names (or by anyone,
/// when it names none).
fn is_own_plan(p: &Obligation, parent: &Plan, child: &Plan) -> bool {
    let below = match (parent.level, child.level) {
        (Some(a), Some(b)) => b > a,
        _ => false,
    };
    below
        && (p.own_assignments().is_empty()
            || p.own_assignments()
                .iter()
                .any(|a| agencies::reaches_child(a, parent.level, child.level)))
}

/// The report of each element of a parent obligation: its text, whether
/// the derived plan must carry it, and the ids (`id_of` the carriers'
/// indices) of what carries it.
fn element_reports(
    elements: &[carry::Element],
    carried_by: &[Vec<usize>],
    repeated: &[bool],
    commune: bool,
    id_of: impl Fn(usize) -> Option<String>,
) -> Vec<ElementReport> {
    elements
        .iter()
        .zip(carried_by)
        .enumerate()
        .map(|(ei, (e, by))| ElementReport {
            required: !(repeated.get(ei).copied().unwrap_or(false) || commune && e.above_commune()),
            text: std::sync::Arc::clone(&e.text),
            carried_by: by.iter().filter_map(|&i| id_of(i)).collect(),
        })
        .collect()
}

/// Whether `o` is a body's general duty: a task of the part of `plan` that
/// assigns duties by body ("Tổ chức thực hiện"), led by a named body (not a
/// collective, not a body that can only be requested).
fn is_body_duty(plan: &Plan, o: &Obligation) -> bool {
    o.kind == obligraph_core::ObligationKind::Task
        && o.own_leads()
            .any(|a| !a.requested && !a.agency.is_collective())
        && in_organisation_part(plan, o)
}

/// Whether `o` sits in the part of `plan` that assigns duties by body
/// ("Tổ chức thực hiện").
fn in_organisation_part(plan: &Plan, o: &Obligation) -> bool {
    plan.section_chain(o)
        .last()
        .is_some_and(|top| obligraph_vn::import::is_organisation_section(&top.title))
}

/// Whether `o` names the communes: the communes' committees, a commune
/// body, or the localities ("các địa phương", read as the communes'
/// committees).
fn names_communes(o: &Obligation) -> bool {
    o.own_assignments().iter().any(|a| {
        a.agency.level == Some(Level::Commune)
            || a.agency.collective == Some(obligraph_core::Collective::CommuneCommittees)
    })
}

/// Whether `plan`'s part that gives duties body by body has a part for
/// the communes (a task there led by the communes' committees).
fn has_commune_part(plan: &Plan) -> bool {
    plan.obligations.iter().any(|o| {
        o.kind == obligraph_core::ObligationKind::Task
            && o.own_leads()
                .any(|a| a.agency.collective == Some(obligraph_core::Collective::CommuneCommittees))
            && in_organisation_part(plan, o)
    })
}

/// The kind of duty `o` is, for carrying: its kind, but a task that
/// gives the duty to report difficulties ("Trong quá trình thực hiện, nếu
/// có khó khăn, vướng mắc, … kịp thời báo cáo …") is a report duty, worded
/// by each plan its own way with its own level's routing.
fn duty_kind(o: &Obligation) -> obligraph_core::ObligationKind {
    use obligraph_core::ObligationKind;
    if o.kind == ObligationKind::Task && crate::vn::reports_difficulties(&o.text) {
        ObligationKind::Report
    } else {
        o.kind
    }
}

/// Whether one of the derived obligations `matched` (indices into
/// `child`'s) is owed by a counterpart of a lead of `p`; `true` when
/// either side names no lead.
fn same_owner(p: &Obligation, parent: &Plan, matched: &[usize], child: &Plan) -> bool {
    if p.own_leads().next().is_none() {
        return true;
    }
    matched
        .iter()
        .filter_map(|&ci| child.obligations.get(ci))
        .any(|c| {
            c.own_leads().next().is_none()
                || p.own_leads().any(|pa| {
                    c.own_leads().any(|ca| {
                        agencies::is_counterpart(&pa.agency, parent.level, &ca.agency, child.level)
                    })
                })
        })
}

pub(crate) fn audit_indexed(
    registry: &Registry,
    ix: &ParentIndex<'_>,
    child: &Plan,
    config: &Config,
) -> AuditReport {
    let parent = ix.plan;
    // A body's own plan (a department's under its government's plan).
    let issuer = crate::vn::issuing_body(child, parent.level);
    let reasons = reasons(ix, child, issuer.as_ref(), config);
    let doubts = doubts(ix, child, issuer.as_ref());
    // Another body's duty is aligned: the commune's plan may take it up.
    let soft = |r: &Option<std::sync::Arc<str>>| {
        r.as_deref()
            .is_some_and(|r| r.starts_with(ANOTHER_BODYS_PART))
    };
    let na: Vec<bool> = reasons.iter().map(|r| r.is_some() && !soft(r)).collect();
    // Requests to a court, procuracy or Front that a plan below relays:
    // assigned after the plan's own tasks, so that a relayed request does
    // not take a derived task from an own task it carries ("nghiên cứu các
    // bình luận, khuyến nghị" asked of the court beside the research the
    // departments lead); they may share it.
    let below = parent.level.zip(child.level).is_some_and(|(p, c)| c > p);
    let requests: Vec<bool> = if below {
        parent
            .obligations
            .iter()
            .zip(reasons.iter())
            .map(|(p, r)| r.is_none() && only_requested(p))
            .collect()
    } else {
        Vec::new()
    };
    let mut al = align(ix, child, config, &na, &requests);
    let m = &config.matching;
    let mut reports = Vec::with_capacity(parent.obligations.len());
    let child_label: std::sync::Arc<str> = child.label().into();
    // The derived texts, shared with the alignment's memo.
    let child_texts = std::mem::take(&mut al.child_texts);
    let child_text = |ci: usize, c: &Obligation| -> std::sync::Arc<str> {
        child_texts
            .get(ci)
            .map_or_else(|| c.text.as_str().into(), std::sync::Arc::clone)
    };
    let child_subjects = ix.carry.plan_subjects(child);
    // Each derived obligation as carrying reads it, once per audit.
    let mut side_cache: Vec<Option<ChildSide>> = vec![None; child.obligations.len()];
    // The derived obligations `ids` (indices) as carrying reads them.
    // (An item pointing back at another's list holds that item's words.)
    let sides_of = |cache: &mut Vec<Option<ChildSide>>, ids: &[usize]| -> Vec<ChildSide> {
        ids.iter()
            .filter_map(|&ci| {
                let slot = cache.get_mut(ci)?;
                let c = child.obligations.get(ci)?;
                Some(
                    slot.get_or_insert_with(|| {
                        let own = ix.carry.child_side(c, &child_subjects);
                        let pointed: Vec<ChildSide> = pointed_items(child, ci, own.pointers())
                            .into_iter()
                            .filter_map(|j| child.obligations.get(j))
                            .map(|o| ix.carry.child_side(o, &child_subjects))
                            .collect();
                        own.with_pointed(&pointed)
                    })
                    .clone(),
                )
            })
            .collect()
    };
    // A commune plan against a plan above it: not asked for the parts of a
    // task that are for the levels above.
    let commune =
        child.level == Some(Level::Commune) && parent.level.is_some_and(|l| l < Level::Commune);
    // Each derived obligation's best parent obligation.
    let mut primary: Vec<(f64, Option<usize>)> = vec![(f64::MIN, None); child.obligations.len()];
    for (pi, pairs) in al.per_parent.iter().enumerate() {
        for pair in pairs {
            if let Some(b) = primary.get_mut(pair.child) {
                if pair.score > b.0 {
                    *b = (pair.score, Some(pi));
                }
            }
        }
    }
    // The derived obligations matched to the rows of each body item that
    // states the heading of a group of rows (best score first): listed
    // with the body item when it is counted at the rows.
    let row_pairs: Vec<Vec<crate::align::Pair>> = (0..parent.obligations.len())
        .map(|pi| {
            let mut v: Vec<crate::align::Pair> = ix
                .group_row_indices(pi)
                .into_iter()
                .filter_map(|j| al.per_parent.get(j))
                .flatten()
                .cloned()
                .collect();
            v.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.child.cmp(&b.child)));
            let mut seen = std::collections::BTreeSet::new();
            v.retain(|x| seen.insert(x.child));
            v
        })
        .collect();
    // A pair as the report shows it.
    let to_match = |pair: crate::align::Pair| -> Option<Match> {
        let c = child.obligations.get(pair.child)?;
        Some(Match {
            child_id: c.id.clone(),
            child_text: child_text(pair.child, c),
            score: pair.score,
            evidence: pair.evidence,
            child_location: Location::at(&child_label, &c.source),
        })
    };
    // The derived plan's own duties by body, and whether they go to two
    // named bodies or more (read when needed).
    let mut body_duties: Option<(Vec<&Obligation>, bool)> = None;
    // Whether derived obligation `c` is led by the counterpart of a lead of
    // parent obligation `p` (neither only requested).
    let owed_by_counterpart = |c: &Obligation, p: &Obligation| {
        c.own_leads().any(|ca| {
            !ca.requested
                && p.own_leads().any(|pa| {
                    !pa.requested
                        && agencies::is_counterpart(
                            &pa.agency,
                            parent.level,
                            &ca.agency,
                            child.level,
                        )
                })
        })
    };
    // Whether the derived plan, with `duties` its duties by body (`many`:
    // they go to two named bodies or more), assigns the duties of "Tổ chức
    // thực hiện" body by body (one funding duty of Sở Tài chính is not
    // that) or gives one to a counterpart of a lead of parent obligation
    // `p`.
    let by_body = |(duties, many): &(Vec<&Obligation>, bool), p: &Obligation| {
        *many || duties.iter().any(|c| owed_by_counterpart(c, p))
    };
    for (pi, p) in parent.obligations.iter().enumerate() {
        let reason = reasons.get(pi).cloned().flatten();
        let (reason, unless_carried) = if soft(&reason) {
            (None, reason)
        } else {
            (reason, None)
        };
        // The pairs are moved into the report (they are not used again).
        let pairs = al
            .per_parent
            .get_mut(pi)
            .map(std::mem::take)
            .unwrap_or_default();
        // A body item stating the heading of appendix rows, which no
        // derived obligation restates, is carried by the rows.
        let by_rows = reason.is_none() && pairs.is_empty();
        let reason = reason.or_else(|| {
            let rows = ix.group_rows(pi).filter(|_| pairs.is_empty())?;
            Some(
                format!(
                    "states the heading of the rows {}, which carry its agencies and deadlines; counted there",
                    rows.join(", ")
                )
                .into(),
            )
        });
        // Counted at its rows: the derived obligations that carry them.
        // Judged on its own (a derived task restates it): those carrying
        // its rows are listed as candidates, carriers of a part of it.
        let counted_at_rows = by_rows && reason.is_some();
        let mut through_rows: Vec<crate::align::Pair> = Vec::new();
        let pairs = match row_pairs.get(pi) {
            Some(rows) if counted_at_rows => rows.clone(),
            Some(rows) if reason.is_none() => {
                through_rows = rows
                    .iter()
                    .filter(|r| pairs.iter().all(|x| x.child != r.child))
                    .cloned()
                    .collect();
                pairs
            }
            _ => pairs,
        };
        let mut matched: Vec<usize> = Vec::with_capacity(pairs.len());
        let mut matches: Vec<Match> = pairs
            .into_iter()
            .filter_map(|pair| {
                let ci = pair.child;
                let m = to_match(pair)?;
                matched.push(ci);
                Some(m)
            })
            .collect();
        let best = matches.first().map_or(0.0, |x| x.score);
        let mut elements = Vec::new();
        let mut candidates = Vec::new();
        let (status, confidence) = if reason.is_some() {
            // Whether a plan relays what only requested bodies lead is a
            // convention readers split on: flagged for review.
            let confidence = match reason.as_deref() {
                Some(r) if r.starts_with(REQUESTED_ONLY) => {
                    crate::params::REQUESTED_ONLY_CONFIDENCE
                }
                Some(r) if r.starts_with(COMPETENCE_NAMING_COMMUNES) => {
                    crate::params::BEYOND_LEVEL_CONFIDENCE
                }
                _ => 1.0,
            };
            (Status::NotApplicable, confidence)
        } else if best < m.partial_threshold {
            // No candidate at all: missing, as sure as the alignment is.
            (Status::Missing, 1.0)
        } else {
            let sides = sides_of(&mut side_cache, &matched);
            let primaries: Vec<Option<usize>> = matched
                .iter()
                .map(|&ci| primary.get(ci).and_then(|b| b.1))
                .collect();
            let v = carry::verdict(
                &ix.carry,
                pi,
                &sides,
                &primaries,
                m.element_carried,
                commune,
            );
            // A row that restates body items states one obligation twice
            // (Ngô Quyền's "II.1. Tiến hành rà soát …" and its row "PL.1
            // Tiếp tục nội luật hóa …"): a derived plan that carries either
            // statement carries it. The statement carried best is judged,
            // and its elements reported. Only when the matches carry
            // nothing of the row: the row is the specific statement, and a
            // match carrying part of it is judged on it (a body item "Thúc
            // đẩy bình đẳng giới" restated by a row listing five fields).
            // And only when the text says the same task (a match at
            // `covered_threshold`): a weak match carrying a short body item
            // ("Thực hiện công tác nghiên cứu khác …") is an echo.
            let restating = if v.level == Carried::Nothing && best >= m.covered_threshold {
                ix.restating(pi)
            } else {
                Vec::new()
            };
            let (v, judged) = restating.into_iter().fold((v, pi), |(v, at), qi| {
                if at != pi {
                    return (v, at);
                }
                let as_body: Vec<Option<usize>> = primaries
                    .iter()
                    .map(|b| b.map(|j| if j == pi { qi } else { j }))
                    .collect();
                let w = carry::verdict(&ix.carry, qi, &sides, &as_body, m.element_carried, commune);
                if w.level.rank() > v.level.rank() {
                    (w, qi)
                } else {
                    (v, at)
                }
            });
            // A report, plan-making or monitoring duty that names no parts
            // is carried by a derived duty of its kind owed by a
            // counterpart of its lead: its kind is its content, the rest
            // is the words each plan chooses ("Căn cứ nội dung Kế hoạch
            // này … xây dựng kế hoạch" / "Trên cơ sở các nhiệm vụ được
            // phân công … xây dựng Kế hoạch"). How sure: the margin of
            // the best such match over the partial level.
            //
            // Only a derived duty whose best parent duty is this one
            // counts: one a closer parent duty of the kind holds ("có thể
            // bổ sung hoặc lồng ghép … vào các kế hoạch" beside "ban hành
            // Kế hoạch của … mình") is that duty's carrier, and this one is
            // judged on its content. A match naming another key subject
            // carries nothing here either. By position in `matched`.
            let p_kind = duty_kind(p);
            let same_kind: Vec<usize> = if p_kind != obligraph_core::ObligationKind::Task {
                matched
                    .iter()
                    .enumerate()
                    .filter(|(i, &ci)| {
                        !v.blocked.contains(i)
                            && child
                                .obligations
                                .get(ci)
                                .is_some_and(|c| duty_kind(c) == p_kind)
                            && primary.get(ci).and_then(|b| b.1).is_none_or(|j| j == pi)
                    })
                    .map(|(i, _)| i)
                    .collect()
            } else {
                Vec::new()
            };
            let kind_carried = !same_kind.is_empty()
                && same_owner(
                    p,
                    parent,
                    &same_kind
                        .iter()
                        .filter_map(|&i| matched.get(i).copied())
                        .collect::<Vec<_>>(),
                    child,
                )
                && !ix.carry.names_parts(pi);
            // A report duty naming its reports ("định kỳ 06 tháng và hằng
            // năm báo cáo …") carried by derived report duties of its kind
            // that name none: each carries the report of when it is due
            // (one due once in the year is the annual report), so the
            // reports of other kinds are dropped.
            let by_due = match ix.carry.elements(judged) {
                Some(es)
                    if v.level == Carried::Nothing
                        && p_kind == obligraph_core::ObligationKind::Report =>
                {
                    let due: Vec<(usize, u16)> = same_kind
                        .iter()
                        .filter_map(|&i| {
                            let c = child.obligations.get(*matched.get(i)?)?;
                            Some((i, carry::report_kind_by_due(c)))
                        })
                        .collect();
                    carry::carried_by_due(es, &due)
                }
                _ => None,
            };
            let v = match by_due {
                Some((level, carried_by)) => carry::Verdict {
                    level,
                    confidence: crate::params::REPORT_BY_DUE_CONFIDENCE,
                    carried_by,
                    ..v
                },
                None => v,
            };
            let v = if kind_carried && v.level != Carried::All {
                let best_kind = same_kind
                    .iter()
                    .filter_map(|&i| matches.get(i))
                    .map(|x| x.score)
                    .fold(0.0, f64::max);
                carry::Verdict {
                    level: Carried::All,
                    confidence: carry::confidence(best_kind - m.partial_threshold),
                    // Each element is carried by the duties of its kind.
                    carried_by: vec![same_kind; v.carried_by.len()],
                    dropped: Vec::new(),
                    ..v
                }
            } else {
                v
            };
            if let Some(es) = ix.carry.elements(judged) {
                elements = element_reports(es, &v.carried_by, &v.repeated, commune, |i| {
                    matches.get(i).map(|x| x.child_id.clone())
                });
                // What the matches dropped inside a carried element stands
                // after it, carried by nothing.
                for (k, d) in v.dropped.iter().rev() {
                    elements.insert(
                        (k + 1).min(elements.len()),
                        ElementReport {
                            required: true,
                            text: std::sync::Arc::clone(d),
                            carried_by: Vec::new(),
                        },
                    );
                }
            }
            // A match naming another key subject carries nothing.
            for &i in v.blocked.iter().rev() {
                if i < matches.len() {
                    matches.remove(i);
                }
            }
            let by_score = if best >= m.covered_threshold {
                Status::Covered
            } else {
                Status::Partial
            };
            let status = match v.level {
                Carried::All => Status::Covered,
                Carried::Part => Status::Partial,
                // A report, plan-drafting or monitoring duty is the same
                // duty in words each plan chooses ("báo cáo kết quả về Ủy
                // ban nhân dân tỉnh" / "gửi Phòng Tư pháp"): its kind, which
                // the alignment compares, is its content. Only its named
                // parts (joint duties) are looked for.
                // Who owes it tells one such duty from another ("các sở
                // báo cáo Sở Tư pháp" / "Sở Tư pháp tổng hợp báo cáo Ủy ban
                // nhân dân tỉnh"): a derived duty with leads carries it
                // when one of them is the counterpart of a parent lead.
                Carried::Nothing
                    if p_kind != obligraph_core::ObligationKind::Task
                        && same_owner(p, parent, &matched, child) =>
                {
                    by_score
                }
                Carried::Nothing => Status::Missing,
            };
            // Matches that carry nothing are candidates, not carriers: the
            // rules on paired tasks do not look at them.
            if status == Status::Missing {
                candidates = std::mem::take(&mut matches);
                for e in &mut elements {
                    e.carried_by.clear();
                }
            }
            // The text says "the same task" (a candidate at the covered
            // level) and carrying says "none of its content": the two
            // measures disagree, so a reader should check the verdict.
            let disagree = status == Status::Missing
                && candidates.iter().any(|c| c.score >= m.covered_threshold);
            let confidence = if disagree {
                v.confidence.min(crate::params::SIGNALS_DISAGREE)
            } else {
                v.confidence
            };
            (status, confidence)
        };
        // A body's general duty under "Tổ chức thực hiện" (Huế's "10. Sở
        // Tư pháp: … đẩy mạnh công tác tuyên truyền …"), where the derived
        // plan does not assign such duties body by body: that plan writes
        // the duty out as the body's tasks by theme (its dissemination, legal-aid and
        // law-review rows), which carry it together. Flagged for review.
        let mut together = false;
        let (status, confidence) = if status == Status::Missing
            && reason.is_none()
            && is_body_duty(parent, p)
            && !by_body(
                body_duties.get_or_insert_with(|| {
                    let duties: Vec<&Obligation> = child
                        .obligations
                        .iter()
                        .filter(|c| is_body_duty(child, c))
                        .collect();
                    let mut bodies: Vec<&str> = duties
                        .iter()
                        .flat_map(|c| c.own_leads())
                        .filter(|a| !a.requested && !a.agency.is_collective())
                        .map(|a| a.agency.id.as_str())
                        .filter(|id| !id.starts_with("unresolved:"))
                        .collect();
                    bodies.sort_unstable();
                    bodies.dedup();
                    let many = bodies.len() >= 2;
                    (duties, many)
                }),
                p,
            ) {
            let owned: Vec<usize> = child
                .obligations
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.kind == obligraph_core::ObligationKind::Task && owed_by_counterpart(c, p)
                })
                .map(|(ci, _)| ci)
                .collect();
            let sides = sides_of(&mut side_cache, &owned);
            let v = carry::verdict_together(&ix.carry, pi, &sides, m.element_carried, commune);
            let level = match v.level {
                Carried::All => Some(Status::Covered),
                Carried::Part => Some(Status::Partial),
                Carried::Nothing => None,
            };
            match (level, ix.carry.elements(pi)) {
                (Some(level), Some(es)) => {
                    together = true;
                    elements = element_reports(es, &v.carried_by, &v.repeated, commune, |i| {
                        owned
                            .get(i)
                            .and_then(|&ci| child.obligations.get(ci))
                            .map(|c| c.id.clone())
                    });
                    (level, v.confidence)
                }
                _ => (status, confidence),
            }
        } else {
            (status, confidence)
        };
        candidates.extend(through_rows.into_iter().filter_map(to_match));
        // Every element listed only when something is dropped or
        // doubtful; a covered single-element task says nothing more.
        if status != Status::Partial && elements.len() < 2 && !together {
            elements.clear();
        }
        let shared = ix
            .shared
            .get(pi)
            .cloned()
            .unwrap_or_else(|| SharedText::of(p));
        // The obligation as one element, carried whole by `by`.
        let carried_whole = |by: String| {
            vec![ElementReport {
                text: std::sync::Arc::clone(&shared.text),
                carried_by: vec![by],
                required: true,
            }]
        };
        // "Each level drafts its own plan": a derived plan issued below the
        // parent by the bodies the duty names is that plan. Its date is
        // checked by the deadline rules; the matcher has nothing to pair.
        // A weak match (the derived plan's "report difficulties" duty,
        // paired for want of a better one) does not make it partial.
        let (status, confidence) = if status != Status::Covered
            && p.kind == obligraph_core::ObligationKind::DraftPlan
            && is_own_plan(p, parent, child)
        {
            elements = carried_whole(format!("{} (the derived plan itself)", child.label()));
            (Status::Covered, 0.9)
        } else {
            (status, confidence)
        };
        // "Each level checks its own": a monitoring duty the parent gives
        // the bodies the derived plan is one of ("Tập trung chỉ đạo, tăng
        // cường kiểm tra, đôn đốc việc triển khai thực hiện …" of "các cơ
        // quan, đơn vị, UBND các xã") is carried by the derived plan's own
        // monitoring duty ("Văn phòng Sở theo dõi, đôn đốc, kiểm tra …"),
        // whatever its words. Flagged: a reader checks it is this plan's.
        let (status, confidence) = if status == Status::Missing
            && reason.is_none()
            && p.kind == obligraph_core::ObligationKind::Monitor
            && is_own_plan(p, parent, child)
            && !ix.carry.names_parts(pi)
        {
            match child
                .obligations
                .iter()
                .find(|c| c.kind == obligraph_core::ObligationKind::Monitor)
            {
                Some(c) => {
                    elements = carried_whole(c.id.clone());
                    (Status::Covered, crate::params::OWN_MONITOR_CONFIDENCE)
                }
                None => (status, confidence),
            }
        } else {
            (status, confidence)
        };
        // A task the derived plan takes up nothing of, read as not its
        // own, with how sure:
        // - a body's own plan, the task naming the body only among "các
        //   Sở, ngành có liên quan" (flagged);
        // - a district's plan, the task needing a competence districts
        //   lack (treaty reports, making national law, international
        //   cooperation) and not giving the districts it by name (flagged:
        //   readers split). Read only for a task with no candidate: one the
        //   district takes up anyway, even with a task the alignment only
        //   pairs (the real Ngô Quyền plan reviews its documents against
        //   the Convention), is judged as any task;
        // - a commune's plan, another body's duty in a plan that gives each
        //   body its duties.
        let left_out: Option<(f64, std::sync::Arc<str>)> =
            if status == Status::Missing && reason.is_none() {
                match issuer.as_ref() {
                    Some(body) => concerned_only(p, parent, body)
                        .map(|why| (crate::params::CONCERNED_ONLY_CONFIDENCE, why.into())),
                    None => (best < m.partial_threshold)
                        .then(|| beyond_district(p, parent, child.level, None))
                        .flatten()
                        .map(|why| (crate::params::BEYOND_LEVEL_CONFIDENCE, why.into()))
                        .or(unless_carried.map(|why| (1.0, why))),
                }
            } else {
                None
            };
        let (status, confidence, reason) = match left_out {
            Some((sure, why)) => {
                candidates.append(&mut matches);
                (Status::NotApplicable, sure, Some(why))
            }
            None => (status, confidence, reason),
        };
        // A "missing" verdict resting on a reading readers split on (a
        // task that reaches the derived plan only through a counterpart
        // or its kind; a sibling leaving out a request): flagged, with
        // why.
        let (confidence, reason) = match doubts.get(pi) {
            Some(Some((cap, why))) if status == Status::Missing && reason.is_none() => {
                (confidence.min(*cap), Some(std::sync::Arc::clone(why)))
            }
            _ => (confidence, reason),
        };
        reports.push(ParentObligationReport {
            plan: std::sync::Arc::clone(&ix.label),
            id: shared.id,
            text: shared.text,
            section: shared.section,
            status,
            matches,
            reason,
            location: Location::at(&ix.label, &p.source),
            review: confidence < crate::params::REVIEW_BELOW,
            confidence,
            elements,
            candidates,
        });
    }
    let local: Vec<LocalInitiative> = child
        .obligations
        .iter()
        .enumerate()
        .filter(|(ci, _)| al.per_child.get(*ci).is_none_or(Vec::is_empty))
        .map(|(ci, c)| LocalInitiative {
            id: c.id.clone(),
            text: child_text(ci, c),
            best_score: (al.child_best.get(ci).copied().unwrap_or(0.0) * 1000.0).round() / 1000.0,
            location: Location::at(&child_label, &c.source),
        })
        .collect();
    let coverage = Coverage::from_statuses(reports.iter().map(|r| &r.status));
    let mut sections: Vec<SectionCoverage> = Vec::new();
    let tops = &ix.tops;
    for (s, r) in tops.iter().zip(&reports) {
        if !sections.iter().any(|x| x.section == *s) {
            let statuses: Vec<Status> = tops
                .iter()
                .zip(&reports)
                .filter(|(q, _)| *q == s)
                .map(|(_, r)| r.status)
                .collect();
            sections.push(SectionCoverage {
                title: parent
                    .sections
                    .iter()
                    .find(|x| x.id == *s)
                    .map(|x| x.title.clone()),
                section: s.clone(),
                coverage: Coverage::from_statuses(statuses.iter()),
            });
        }
        let _ = r;
    }
    let child_ids = ObligationIds::of(child);
    let ctx = RuleContext {
        plan: child,
        parent: Some(parent),
        config,
        parent_obligations: &reports,
        unmatched_children: &local,
        plan_ids: Some(&child_ids),
        parent_ids: Some(&ix.ids),
        parent_texts: Some(&ix.fingerprint_texts),
        body_plan: issuer.is_some(),
    };
    let findings = registry.run(&ctx);
    AuditReport {
        parent: Some(PlanSummary::of(parent)),
        child: PlanSummary::of(child),
        coverage,
        sections,
        parent_obligations: reports,
        local_initiatives: local,
        findings,
        verdicts: None,
    }
}

pub(crate) fn check_with(registry: &Registry, plan: &Plan, config: &Config) -> AuditReport {
    let ctx = RuleContext {
        plan,
        parent: None,
        config,
        parent_obligations: &[],
        unmatched_children: &[],
        plan_ids: None,
        parent_ids: None,
        parent_texts: None,
        body_plan: false,
    };
    let findings = registry.run(&ctx);
    AuditReport {
        parent: None,
        child: PlanSummary::of(plan),
        coverage: Coverage::from_statuses(std::iter::empty()),
        sections: Vec::new(),
        parent_obligations: Vec::new(),
        local_initiatives: Vec::new(),
        findings,
        verdicts: None,
    }
}

impl Registry {
    /// Audits `child` against `parent` with these rules.
    pub fn audit(
        &self,
        parent: &Plan,
        child: &Plan,
        config: &Config,
    ) -> crate::report::AuditReport {
        let ix = ParentIndex::new(parent);
        audit_indexed(self, &ix, child, config)
    }

    /// Checks `plan` alone with these rules.
    pub fn check(&self, plan: &Plan, config: &Config) -> crate::report::AuditReport {
        check_with(self, plan, config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use obligraph_core::{Agency, Assignment, Collective, Role};

    fn body(id: &str, name: &str, field: &str) -> Agency {
        Agency {
            id: id.into(),
            name: name.into(),
            level: Some(Level::Province),
            field: Some(field.into()),
            orderable: true,
            collective: None,
        }
    }

    fn asg(agency: Agency, role: Role) -> Assignment {
        Assignment {
            as_written: agency.name.clone(),
            agency,
            role,
            requested: false,
            scope: None,
        }
    }

    #[test]
    fn applicability_to_communes_by_kind_then_agencies() {
        let parent = Plan {
            level: Some(Level::Province),
            ..Plan::default()
        };
        let health = body("province:health", "Sở Y tế", "health");
        let police = body("province:police", "Công an tỉnh", "police");
        let cfg = Config::default();
        let commune = Some(Level::Commune);
        // A department's own work, of no kind that reaches the grassroots.
        let mut o = Obligation::new("c", "Nâng cao chất lượng khám, chữa bệnh tại các bệnh viện");
        o.assignments.push(asg(health.clone(), Role::Lead));
        o.assignments.push(asg(police.clone(), Role::Support));
        let reason = not_applicable_reason(&o, &parent, commune, None, &cfg);
        assert!(reason.is_some_and(|r| r.contains("Sở Y tế")));
        // Still applicable to a province plan (a sibling).
        assert!(not_applicable_reason(&o, &parent, Some(Level::Province), None, &cfg).is_none());
        // Vulnerable groups reach the commune, whoever leads.
        let mut v = Obligation::new("v", "Chống phân biệt đối xử với người khuyết tật");
        v.assignments.push(asg(health, Role::Lead));
        assert!(not_applicable_reason(&v, &parent, commune, None, &cfg).is_none());
        // Led by the police: the commune police carries it.
        let mut q = Obligation::new("d", "Phòng, chống mua bán người");
        q.assignments.push(asg(police.clone(), Role::Lead));
        assert!(not_applicable_reason(&q, &parent, commune, None, &cfg).is_none());
        // Reviewing law stays above the commune, even led by the police.
        let mut l = Obligation::new("l", "Rà soát quy định pháp luật về xuất nhập cảnh");
        l.assignments.push(asg(police, Role::Lead));
        let reason = not_applicable_reason(&l, &parent, commune, None, &cfg);
        assert!(reason.is_some_and(|r| r.contains("reviewing the law")));
        // Given to the communes as well: applicable.
        let mut communes = body("collective:commune_committees", "UBND các xã, phường", "");
        communes.field = None;
        communes.level = None;
        communes.collective = Some(Collective::CommuneCommittees);
        o.assignments.push(asg(communes, Role::Lead));
        assert!(not_applicable_reason(&o, &parent, commune, None, &cfg).is_none());
    }

    #[test]
    fn a_department_carries_what_names_it() {
        let parent = Plan {
            level: Some(Level::Province),
            ..Plan::default()
        };
        let justice = body("province:justice", "Sở Tư pháp", "justice");
        let home = body("province:home_affairs", "Sở Nội vụ", "home_affairs");
        let collective = |id: &str, name: &str, c: Collective| Agency {
            field: None,
            level: None,
            collective: Some(c),
            ..body(id, name, "")
        };
        let related = collective(
            "collective:related",
            "các cơ quan liên quan",
            Collective::Related,
        );
        let departments = collective(
            "collective:departments",
            "các sở, ban, ngành",
            Collective::Departments,
        );
        let communes = collective(
            "collective:commune_committees",
            "UBND các xã",
            Collective::CommuneCommittees,
        );
        let cfg = Config::default();
        let unit = Some(Level::Unit);
        let na = |o: &Obligation| not_applicable_reason(o, &parent, unit, Some(&justice), &cfg);
        let task = |roles: Vec<(Agency, Role)>| {
            let mut o = Obligation::new("t", "Tuyên truyền, phổ biến Công ước");
            o.assignments
                .extend(roles.into_iter().map(|(a, r)| asg(a, r)));
            o
        };
        // Named as lead or as support: the department's.
        assert!(na(&task(vec![(justice.clone(), Role::Lead)])).is_none());
        assert!(na(&task(vec![
            (home.clone(), Role::Lead),
            (justice.clone(), Role::Support)
        ]))
        .is_none());
        // Led by a collective that takes the departments in.
        assert!(na(&task(vec![(departments.clone(), Role::Lead)])).is_none());
        // Another department leads with "the bodies concerned": the
        // department's part as a support.
        assert!(na(&task(vec![
            (home.clone(), Role::Lead),
            (related, Role::Support)
        ]))
        .is_none());
        // Another department alone: not named.
        let reason = na(&task(vec![(home.clone(), Role::Lead)]));
        assert!(reason.is_some_and(|r| r.contains("Sở Nội vụ") && r.contains("Sở Tư pháp")));
        // The communes' task is not a department's.
        assert!(na(&task(vec![(communes, Role::Lead)])).is_some());
        // A duty with a lead is the lead's, whoever supports it.
        let mut duty = task(vec![(home, Role::Lead), (justice.clone(), Role::Support)]);
        duty.kind = obligraph_core::ObligationKind::Report;
        assert!(na(&duty).is_some());
        // Nobody named: the government's as a whole, applicable.
        assert!(na(&task(vec![])).is_none());
        // Without an issuing body (a commune or province plan), the level
        // decides as before.
        let o = task(vec![(departments, Role::Lead)]);
        assert!(not_applicable_reason(&o, &parent, Some(Level::Province), None, &cfg).is_none());
    }
}
