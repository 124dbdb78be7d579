//! The fixed words of the text, HTML, Word and Excel reports, in each
//! [`Lang`]: the tables are obligraph-vn's
//! ([`report_words`](crate::vn::report_words)), so that the renderers say
//! the same thing and the Vietnamese lives with the rest of the language.

use crate::lang::Lang;
use crate::rules::{Coverage, ReviewCounts, Severity, Status, VerdictKind};
use crate::vn::report_words::{self, ReportWords};
use serde::Serialize;

/// Headings, labels and status words of one language (its fields are the
/// table's, through `Deref`).
#[derive(Debug, Serialize)]
pub(crate) struct Words {
    #[serde(skip)]
    pub lang: Lang,
    #[serde(flatten)]
    words: &'static ReportWords,
}

static VI: Words = Words {
    lang: Lang::Vi,
    words: &report_words::VI,
};

static EN: Words = Words {
    lang: Lang::En,
    words: &report_words::EN,
};

impl std::ops::Deref for Words {
    type Target = ReportWords;

    fn deref(&self) -> &ReportWords {
        self.words
    }
}

impl Words {
    /// The words of `lang`.
    pub(crate) fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }

    /// A status, as the reports name it.
    pub(crate) fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Covered => self.covered,
            Status::Partial => self.partial,
            Status::Missing => self.missing,
            Status::NotApplicable => self.not_applicable,
        }
    }

    /// A severity, as the reports name it (singular).
    pub(crate) fn severity_word(&self, s: Severity) -> &'static str {
        match s {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }

    /// The coverage figure with its definition: a partial counts as half.
    pub(crate) fn coverage_line(&self, c: &Coverage) -> String {
        let pct = format!("{:.0}%", c.ratio * 100.0);
        self.words
            .coverage_line(&pct, c.covered, c.partial, c.applicable, c.missing)
    }

    /// A verdict, as the reports name it.
    pub(crate) fn verdict_word(&self, v: VerdictKind) -> &'static str {
        match v {
            VerdictKind::Confirmed => self.confirmed,
            VerdictKind::FalseAlarm => self.false_alarm,
            _ => self.not_applicable_here,
        }
    }

    /// The counts of a review: suppressed, confirmed, new, stale.
    pub(crate) fn review_counts(&self, c: &ReviewCounts) -> String {
        self.words
            .review_counts(c.suppressed, c.confirmed, c.new, c.stale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table of each language, with every field a renderer reads.
    #[test]
    fn each_language_has_its_table() {
        let vi = serde_json::to_value(Words::of(Lang::Vi)).unwrap();
        let en = serde_json::to_value(Words::of(Lang::En)).unwrap();
        assert_eq!(vi["missing"], "thiếu");
        assert_eq!(en["missing"], "missing");
        assert_eq!(
            Words::of(Lang::Vi).severity_word(Severity::Warning),
            "cảnh báo"
        );
        assert_eq!(
            Words::of(Lang::En).verdict_word(VerdictKind::FalseAlarm),
            "false alarm"
        );
    }
}
