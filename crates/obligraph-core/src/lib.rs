//! # obligraph-core
//!
//! The model of government implementation plans as a graph of obligations,
//! and the deadline engine.
//!
//! - [`Plan`], [`Obligation`], [`Assignment`], [`Agency`]: what a plan says,
//!   who carries each task (lead = chủ trì, support = phối hợp, requested =
//!   đề nghị), and by when.
//! - [`Deadline`]: the deadline shapes of Vietnamese plans, with due-date
//!   queries bounded by a validity [`Window`] and rendering back to
//!   Vietnamese and English. See the [`deadline`] module for edge cases.
//! - [`PlanGraph`]: obligations of one or many plans linked by
//!   *implements*, *feeds* and *precedes* edges; cycles, topological order,
//!   ancestors and descendants, and deadline chains.
//!
//! ```
//! use obligraph_core::{Deadline, DueDay, Window};
//! let report = Deadline::annual(DueDay::before(11, 5));
//! assert_eq!(report.to_vietnamese(), "trước ngày 05/11 hằng năm");
//! let dates = report.due_dates(Window::years(2026, 2027)).dates;
//! assert_eq!(dates[0].to_string(), "2026-11-04");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod deadline;
mod graph;
mod model;

pub use deadline::{
    ChainCheck, ChainViolation, DayBound, Deadline, DelayUnit, DueDay, MilestoneKind, NextDue,
    OpenTerm, Period, Recurrence, Schedule, Trigger, Window,
};
pub use graph::{ChainLink, Edge, EdgeKind, GraphError, ObligationKey, PlanGraph};
pub use model::{
    column_letters, Agency, Assignment, Collective, DocRef, Level, Obligation, ObligationKind,
    ObligationRef, Place, Plan, Role, Section, SourceSpan,
};
