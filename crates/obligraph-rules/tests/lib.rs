//! Tests on the real corpus (one binary; modules per concern).

mod addressee_themes;
mod alignment;
mod another_bodys_part;
mod applicability;
mod beyond_district;
mod common;
mod competence_naming_communes;
mod copy_cuts;
mod copy_drops;
mod decisions;
mod districts_to_commune;
mod fingerprint;
mod golden;
mod head_uncarried;
mod inferred;
mod list_pointers;
mod mutations;
mod repeated;
mod report_kinds;
mod restated;
mod siblings;
mod slips;
mod split;
mod wording;
