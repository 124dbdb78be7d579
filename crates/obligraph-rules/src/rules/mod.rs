//! The built-in rules, one file each. A rule's doc comment is its
//! documentation (`explain CODE` prints it), in fixed sections: What it
//! does · Why is this bad? · Example · Use instead.
//!
//! A rule's code, name, default severity and whether it needs a parent
//! are declared once, in its file (`declare_rule!`); the table of codes
//! ([`crate::codes::CODES`]) is generated from those declarations by
//! `build.rs`, and the registry's rules come from the list in
//! `builtin_rules!` below. A new rule: its file, its `mod` and `pub use`
//! lines, and its name in that list.

use crate::rule::Rule;

mod citation_mismatch;
mod defunct_agency;
mod lead_mismatch;
mod local_initiative;
mod looser_deadline;
mod missing_obligation;
mod no_lead;
mod pairing;
mod partial_coverage;
mod plan_duty_missing;
mod reporting_chain;
mod requested_body_ordered;
mod several_leads_unscoped;
mod support_dropped;

pub use citation_mismatch::CitationMismatch;
pub use defunct_agency::DefunctAgency;
pub use lead_mismatch::LeadMismatch;
pub use local_initiative::LocalInitiativeRule;
pub use looser_deadline::LooserDeadline;
pub use missing_obligation::MissingObligation;
pub use no_lead::NoLead;
pub use pairing::Pairing;
pub use partial_coverage::PartialCoverage;
pub use plan_duty_missing::PlanDutyMissing;
pub use reporting_chain::ReportingChain;
pub use requested_body_ordered::RequestedBodyOrdered;
pub use several_leads_unscoped::SeveralLeadsUnscoped;
pub use support_dropped::SupportDropped;

/// Lists the built-in rules once, in code order: the rules
/// [`crate::Registry::default`] holds. The table of codes
/// ([`crate::codes::CODES`]) is generated from each rule's file by
/// `build.rs`; the registry's test checks that the two agree.
macro_rules! builtin_rules {
    ($($rule:ident),* $(,)?) => {
        /// Every built-in rule.
        pub(crate) fn builtin() -> Vec<Box<dyn Rule>> {
            vec![$(Box::new($rule)),*]
        }
    };
}

builtin_rules![
    MissingObligation,
    PartialCoverage,
    LeadMismatch,
    SupportDropped,
    LooserDeadline,
    ReportingChain,
    NoLead,
    SeveralLeadsUnscoped,
    RequestedBodyOrdered,
    DefunctAgency,
    CitationMismatch,
    PlanDutyMissing,
    LocalInitiativeRule,
    Pairing,
];

#[cfg(test)]
pub(crate) mod testutil {
    //! Small hand-built plans for the rules' unit tests.
    use obligraph_core::{Agency, Assignment, Collective, Level, Obligation, Plan, Role};

    pub fn agency(id: &str, name: &str, level: Level, field: &str, orderable: bool) -> Agency {
        Agency {
            id: id.into(),
            name: name.into(),
            level: Some(level),
            field: Some(field.into()),
            orderable,
            collective: None,
        }
    }

    pub fn collective(c: Collective, name: &str) -> Agency {
        Agency {
            id: format!("collective:{c:?}"),
            name: name.into(),
            level: None,
            field: None,
            orderable: true,
            collective: Some(c),
        }
    }

    pub fn asg(a: Agency, role: Role, requested: bool) -> Assignment {
        Assignment {
            as_written: a.name.clone(),
            agency: a,
            role,
            requested,
            scope: None,
        }
    }

    pub fn sotp() -> Agency {
        agency(
            "province:justice",
            "Sở Tư pháp",
            Level::Province,
            "justice",
            true,
        )
    }
    pub fn police() -> Agency {
        agency(
            "province:police",
            "Công an tỉnh",
            Level::Province,
            "police",
            true,
        )
    }
    pub fn court() -> Agency {
        agency(
            "province:court",
            "Tòa án nhân dân tỉnh",
            Level::Province,
            "court",
            false,
        )
    }

    pub fn task(id: &str, text: &str, assignments: Vec<Assignment>) -> Obligation {
        let mut o = Obligation::new(id, text);
        o.assignments = assignments;
        o.source.line_start = 10;
        o.source.line_end = 11;
        o
    }

    pub fn plan(number: &str, level: Level, obligations: Vec<Obligation>) -> Plan {
        Plan {
            number: Some(number.into()),
            level: Some(level),
            date: chrono::NaiveDate::from_ymd_opt(2026, 2, 5),
            obligations,
            ..Plan::default()
        }
    }
}
