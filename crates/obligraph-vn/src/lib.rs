//! # obligraph-vn
//!
//! Vietnamese implementation plans (kế hoạch) and decisions (quyết định),
//! as text pulled out of PDF or Word files, turned into the core
//! [`Plan`](obligraph_core::Plan).
//!
//! - [`import_text`] / [`import_path`]: the importer. It returns the plan
//!   and every non-empty source line it did not attribute to a plan
//!   element, with the reason ([`Import`]). [`import_json`] loads a plan
//!   or an import saved as JSON.
//! - [`normalize`], [`deadline_phrase`], [`agency`], [`reorg`]: the lexicon
//!   (normalisation, deadline phrases, agency names, the 2025
//!   reorganisation); [`roles`]: roles written in prose ("X chủ trì, phối
//!   hợp với Y …", "Đề nghị X … phối hợp"); [`lexicon`]: the words the
//!   matcher reads specially; [`report_words`]: the reports' fixed words.
//! - [`Import::plan_found`]: whether the input held a plan at all.
//! - [`docx`]: Word documents to text; [`xlsx`]: Excel task tables in
//!   ([`import_xlsx_bytes`]) and out ([`xlsx::assignment_table`]).
//! - [`pdf`]: PDF text layers to text,
//!   [`ocr`]: scanned PDFs to text through Tesseract.
//!
//! ```
//! let text = "Số: 74/KH-UBND\nĐồng Nai, ngày 05 tháng 02 năm 2026\nKẾ HOẠCH\n\
//!             Triển khai thực hiện các khuyến nghị\n";
//! let import = obligraph_vn::import_text(text, "plan.txt").unwrap();
//! assert_eq!(import.plan.number.as_deref(), Some("74/KH-UBND"));
//! assert_eq!(import.plan.date.unwrap().to_string(), "2026-02-05");
//! assert_eq!(import.stats.attributed + import.stats.unattributed, import.stats.nonempty_lines);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod agency;
pub mod deadline_phrase;
pub mod docx;
pub mod error;
pub mod import;
pub mod lexicon;
pub mod normalize;
pub mod ocr;
pub mod pdf;
pub mod reorg;
pub mod report_words;
pub mod roles;
pub mod subjects;
pub mod xlsx;

pub use error::ImportError;
pub use import::{
    import_bytes, import_json, import_path, import_path_with, import_str, import_text,
    import_text_with, import_xlsx_bytes, Import, ImportOptions, ImportStats, ImportWarning,
    UnattributedLine, UnattributedReason,
};
