//! # obligraph
//!
//! Models Vietnamese government implementation plans as a graph of
//! obligations and audits derived plans against the plans they implement.
//!
//! This facade re-exports the workspace crates:
//! - [`core`]: the model, the deadline engine and the obligation graph;
//! - [`vn`]: the importer of Vietnamese plan documents (text, DOCX, JSON);
//! - [`rules`]: the coverage audit;
//!
//! and adds output formats: [`calendar`] (text, JSON, iCalendar) and
//! [`export`] (DOT, Mermaid, JSON graphs), with [`label`] naming plans
//! shortly and [`lang`] choosing the reports' language.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub use obligraph_core as core;
pub use obligraph_rules as rules;
pub use obligraph_vn as vn;

pub mod calendar;
pub mod cli;
pub mod export;
pub mod label;
pub mod lang;
pub mod report;
