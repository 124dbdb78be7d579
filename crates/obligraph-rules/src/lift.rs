//! Lifting a derived plan one level up, and the consensus skeleton of
//! several siblings.

use crate::align::{align, ParentIndex};
use crate::config::Config;
use obligraph_core::{Agency, Collective, Deadline, Level, Obligation, Plan, Trigger};
use serde::{Deserialize, Serialize};

/// One agency mapped by a lift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgencyMapping {
    /// The name in the source plan.
    pub from: String,
    /// The name at the target level; `None` when the table has no
    /// counterpart there (the source agency is kept).
    pub to: Option<String>,
}

/// Where a lifted obligation came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Provenance {
    /// The lifted obligation's id (the source id).
    pub id: String,
    /// The source plan's label.
    pub source_plan: String,
    /// The source obligation's id.
    pub source_id: String,
    /// Source lines.
    pub line_start: u32,
    /// Last source line.
    pub line_end: u32,
    /// Agencies mapped to the target level.
    pub agencies: Vec<AgencyMapping>,
    /// The deadline part dropped ("theo yêu cầu của Bộ X"), as Vietnamese
    /// text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dropped_deadline: Option<String>,
}

/// A plan raised one level, with provenance per obligation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Lifted {
    /// The lifted plan: the skeleton the parent must have contained.
    pub plan: Plan,
    /// One entry per obligation, in order.
    pub provenance: Vec<Provenance>,
}

fn collective_agency(c: Collective) -> Agency {
    let (key, name) = match c {
        Collective::Ministries => ("ministries", "các bộ, ngành trung ương"),
        Collective::ProvinceCommittees => (
            "province_committees",
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
        ),
        Collective::Departments => ("departments", "các sở, ban, ngành"),
        Collective::DistrictCommittees => (
            "district_committees",
            "Ủy ban nhân dân các huyện, thị xã, thành phố",
        ),
        Collective::CommuneCommittees => ("commune_committees", "Ủy ban nhân dân các xã, phường"),
        Collective::Related => ("related", "các cơ quan, đơn vị liên quan"),
        Collective::Units => ("units", "các phòng, đơn vị trực thuộc"),
        Collective::MassOrganisations => ("mass_organisations", "các tổ chức chính trị - xã hội"),
    };
    Agency {
        id: format!("collective:{key}"),
        name: name.to_string(),
        level: None,
        field: None,
        orderable: true,
        collective: Some(c),
    }
}

/// The collective a collective becomes one level up (`to` = the target).
fn lift_collective(c: Collective, to: Level, date: Option<chrono::NaiveDate>) -> Collective {
    let districts_exist = date
        .zip(crate::vn::district_abolished())
        .is_none_or(|(d, end)| d < end);
    match c {
        Collective::Departments if to == Level::National => Collective::Ministries,
        Collective::Units => Collective::Departments,
        Collective::CommuneCommittees | Collective::DistrictCommittees => match to {
            Level::National => Collective::ProvinceCommittees,
            Level::Province if districts_exist => Collective::DistrictCommittees,
            Level::Province => Collective::CommuneCommittees,
            _ => c,
        },
        other => other,
    }
}

fn lift_agency(a: &Agency, to: Level, date: Option<chrono::NaiveDate>) -> (Agency, Option<String>) {
    if let Some(c) = a.collective {
        let n = lift_collective(c, to, date);
        if n == c {
            return (a.clone(), Some(a.name.clone()));
        }
        let l = collective_agency(n);
        let name = l.name.clone();
        return (l, Some(name));
    }
    if a.level == Some(to) {
        return (a.clone(), Some(a.name.clone()));
    }
    match crate::vn::counterpart(a, to) {
        Some(c) => {
            let name = c.name.clone();
            (c, Some(name))
        }
        None => (a.clone(), None),
    }
}

/// Whether a trigger names a body at `to` level asking ("theo yêu cầu của
/// Bộ Công an", "theo hướng dẫn của Bộ, ngành trung ương").
fn asked_by_target(t: &Trigger, to: Level) -> bool {
    let by = match t {
        Trigger::OnRequest { by } | Trigger::PerGuidance { by } => by.as_deref(),
        _ => None,
    };
    let Some(by) = by else {
        return false;
    };
    let f = obligraph_vn::normalize::fold(by);
    match to {
        Level::National => {
            f.starts_with("bộ")
                || f.contains("trung ương")
                || f.contains("tối cao")
                || f.contains("chính phủ")
        }
        Level::Province => f.starts_with("sở") || f.contains("tỉnh") || f.contains("ubnd"),
        _ => false,
    }
}

/// The deadline without the parts the level above sets itself.
fn lift_deadline(d: &Deadline, to: Level) -> (Option<Deadline>, Option<String>) {
    match d {
        Deadline::Event {
            trigger,
            recurrence,
        } if asked_by_target(trigger, to) => (
            recurrence.clone().map(Deadline::Recurring),
            Some(d.to_vietnamese()),
        ),
        Deadline::All { parts } => {
            let mut kept = Vec::new();
            let mut dropped = Vec::new();
            for p in parts {
                let (k, dr) = lift_deadline(p, to);
                kept.extend(k);
                dropped.extend(dr);
            }
            let kept = match kept.len() {
                0 => None,
                1 => kept.pop(),
                _ => Some(Deadline::All { parts: kept }),
            };
            (kept, (!dropped.is_empty()).then(|| dropped.join("; ")))
        }
        other => (Some(other.clone()), None),
    }
}

/// Raises `plan` to level `to` (normally one step up): agencies become
/// their counterparts ("Sở Tư pháp" → "Bộ Tư pháp", "Công an tỉnh" → "Bộ
/// Công an"), collectives move up ("UBND các xã, phường" → "UBND các tỉnh,
/// thành phố", "các sở, ban, ngành" → "các bộ, ngành"), and deadline parts
/// set by the target level ("theo yêu cầu của Bộ X") are dropped, keeping
/// their recurrence. Each obligation keeps its id and gets a
/// [`Provenance`] entry.
///
/// ```
/// use obligraph_core::{Level, Plan, Obligation, Deadline, Trigger, Recurrence, Period};
/// let mut p = Plan::default();
/// p.level = Some(Level::Province);
/// let mut o = Obligation::new("1.6", "Pháp luật về phòng, chống ma túy");
/// o.deadline = Some(Deadline::Event {
///     trigger: Trigger::OnRequest { by: Some("Bộ Công an".into()) },
///     recurrence: Some(Recurrence { period: Period::Year, due: None, from_year: None }),
/// });
/// p.obligations.push(o);
/// let lifted = obligraph_rules::lift(&p, Level::National);
/// assert_eq!(lifted.plan.level, Some(Level::National));
/// assert!(lifted.plan.obligations[0].deadline.as_ref().unwrap().is_recurring());
/// assert_eq!(lifted.provenance[0].dropped_deadline.as_deref(),
///            Some("theo yêu cầu của Bộ Công an hằng năm"));
/// ```
pub fn lift(plan: &Plan, to: Level) -> Lifted {
    let mut out = plan.clone();
    out.level = Some(to);
    out.title = Some(format!("lifted from {}", plan.label()));
    out.number = plan
        .number
        .as_ref()
        .map(|n| format!("{n} ↑ {}", to.vietnamese()));
    let mut provenance = Vec::with_capacity(plan.obligations.len());
    for o in &mut out.obligations {
        // Roles and a deadline a body item carries from appendix rows
        // (`Obligation::roles_from`) are lifted with it, but their
        // provenance is the rows': recorded there, once.
        let (own_roles, own_deadline) = (!o.roles_carried(), o.deadline_from.is_empty());
        let mut agencies = Vec::new();
        for a in &mut o.assignments {
            let (na, to_name) = lift_agency(&a.agency, to, plan.date);
            if own_roles {
                agencies.push(AgencyMapping {
                    from: crate::agencies::display(a).to_string(),
                    to: to_name,
                });
            }
            a.agency = na;
        }
        let mut dropped = None;
        if let Some(d) = o.deadline.take() {
            let (k, dr) = lift_deadline(&d, to);
            o.deadline = k;
            dropped = dr.filter(|_| own_deadline);
        }
        provenance.push(Provenance {
            id: o.id.clone(),
            source_plan: plan.label(),
            source_id: o.id.clone(),
            line_start: o.source.line_start,
            line_end: o.source.line_end,
            agencies,
            dropped_deadline: dropped,
        });
    }
    Lifted {
        plan: out,
        provenance,
    }
}

/// One sibling's obligation carrying a consensus task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Carrier {
    /// The sibling plan's label.
    pub plan: String,
    /// Its obligation's id.
    pub obligation_id: String,
    /// Match score against the skeleton task (1 for the task's origin).
    pub score: f64,
}

/// A task of the consensus skeleton.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConsensusTask {
    /// Skeleton id (`K1`, `K2`, …).
    pub id: String,
    /// Text of the first sibling's obligation that carries it.
    pub text: String,
    /// Lifted lead agencies of that obligation.
    pub leads: Vec<String>,
    /// How many siblings carry it.
    pub count: usize,
    /// Which siblings, and with which obligations.
    pub carriers: Vec<Carrier>,
}

/// The consensus skeleton of several sibling plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Consensus {
    /// The target level.
    pub level: Level,
    /// The siblings' labels, in input order.
    pub siblings: Vec<String>,
    /// Skeleton tasks, most widely carried first.
    pub tasks: Vec<ConsensusTask>,
}

impl Consensus {
    /// Tasks that more than half the siblings carry and `sibling` (a label)
    /// does not: "which tasks do most provinces carry that we don't?".
    pub fn missing_from(&self, sibling: &str) -> Vec<&ConsensusTask> {
        let n = self.siblings.len();
        self.tasks
            .iter()
            .filter(|t| t.count * 2 > n && !t.carriers.iter().any(|c| c.plan == sibling))
            .collect()
    }
}

/// Lifts every sibling to `to` and merges them into one skeleton: each
/// sibling's obligations are aligned against the skeleton so far; those
/// covering a skeleton task (score ≥ `covered_threshold`) join it, the
/// others become new tasks.
///
/// ```
/// use obligraph_core::{Level, Plan, Obligation};
/// let mk = |n: &str, tasks: &[&str]| {
///     let mut p = Plan::default();
///     p.number = Some(n.into());
///     p.level = Some(Level::Province);
///     for (i, t) in tasks.iter().enumerate() {
///         p.obligations.push(Obligation::new(format!("{}", i + 1), *t));
///     }
///     p
/// };
/// let a = mk("A", &["Tuyên truyền Công ước về quyền dân sự và chính trị", "Hợp tác quốc tế về văn hóa, du lịch"]);
/// let b = mk("B", &["Tuyên truyền, phổ biến Công ước về các quyền dân sự và chính trị"]);
/// let k = obligraph_rules::consensus(&[a, b], Level::National, &obligraph_rules::Config::default());
/// assert_eq!(k.tasks[0].count, 2);
/// assert_eq!(k.missing_from("B").len(), 0); // 1 of 2 is not "most"
/// ```
pub fn consensus(siblings: &[Plan], to: Level, config: &Config) -> Consensus {
    let mut skeleton = Plan {
        level: Some(to),
        ..Plan::default()
    };
    let mut tasks: Vec<ConsensusTask> = Vec::new();
    for sib in siblings {
        let lifted = lift(sib, to);
        let label = sib.label();
        let mut joined = vec![false; lifted.plan.obligations.len()];
        if !skeleton.obligations.is_empty() {
            let ix = ParentIndex::new(&skeleton);
            let al = align(&ix, &lifted.plan, config, &[], &[]);
            for (k, pairs) in al.per_parent.iter().enumerate() {
                for pair in pairs
                    .iter()
                    .filter(|p| p.score >= config.matching.covered_threshold)
                {
                    let (Some(t), Some(o)) =
                        (tasks.get_mut(k), lifted.plan.obligations.get(pair.child))
                    else {
                        continue;
                    };
                    if !t.carriers.iter().any(|c| c.plan == label) {
                        t.count += 1;
                    }
                    t.carriers.push(Carrier {
                        plan: label.clone(),
                        obligation_id: o.id.clone(),
                        score: pair.score,
                    });
                    if let Some(j) = joined.get_mut(pair.child) {
                        *j = true;
                    }
                }
            }
        }
        for (o, j) in lifted.plan.obligations.iter().zip(&joined) {
            if *j {
                continue;
            }
            let id = format!("K{}", tasks.len() + 1);
            tasks.push(ConsensusTask {
                id: id.clone(),
                text: o.text.clone(),
                leads: o.leads().map(|a| a.agency.name.clone()).collect(),
                count: 1,
                carriers: vec![Carrier {
                    plan: label.clone(),
                    obligation_id: o.id.clone(),
                    score: 1.0,
                }],
            });
            let mut k: Obligation = o.clone();
            k.id = id;
            skeleton.obligations.push(k);
        }
    }
    tasks.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| natural(&a.id).cmp(&natural(&b.id)))
    });
    Consensus {
        level: to,
        siblings: siblings.iter().map(Plan::label).collect(),
        tasks,
    }
}

fn natural(id: &str) -> usize {
    id.trim_start_matches('K').parse().unwrap_or(usize::MAX)
}
