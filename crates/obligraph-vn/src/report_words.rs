//! The fixed words of the audit reports (text, HTML, Word, Excel): one
//! table in Vietnamese ([`VI`]) and the English the reports use in its
//! place ([`EN`]), so that every renderer says the same thing and the
//! Vietnamese lives with the rest of the language.
//!
//! ```
//! use obligraph_vn::report_words::{EN, VI};
//! assert_eq!(VI.missing, "thiếu");
//! assert_eq!(EN.missing, "missing");
//! assert_eq!(VI.hidden(3, 2), "(3 nhiệm vụ đủ và 2 không áp dụng, không có phát hiện, không liệt kê; --verbose để liệt kê)");
//! ```

use serde::Serialize;

/// Headings, labels, status, severity and verdict words of a report, in
/// one language; the sentences with figures are its methods.
#[derive(Debug, Serialize)]
#[non_exhaustive]
#[allow(missing_docs)] // each field is named for what it says: the tables VI and EN are its documentation
pub struct ReportWords {
    pub audit_of: &'static str,
    pub against: &'static str,
    pub check_of: &'static str,
    pub obligations: &'static str,
    pub coverage: &'static str,
    pub applicable: &'static str,
    pub covered: &'static str,
    pub partial: &'static str,
    pub missing: &'static str,
    pub not_applicable: &'static str,
    pub findings: &'static str,
    pub no_findings: &'static str,
    pub errors: &'static str,
    pub warnings: &'static str,
    pub infos: &'static str,
    pub parent: &'static str,
    pub child: &'static str,
    pub derived_plan: &'static str,
    pub parent_plan: &'static str,
    pub score: &'static str,
    pub of: &'static str,
    pub as_a_whole: &'static str,
    pub local_initiatives: &'static str,
    pub local_initiatives_note: &'static str,
    pub summary: &'static str,
    pub plan: &'static str,
    pub ratio: &'static str,
    pub ratio_note: &'static str,
    pub coverage_by_section: &'static str,
    pub section: &'static str,
    pub heading: &'static str,
    pub severity: &'static str,
    pub code: &'static str,
    pub message: &'static str,
    pub side_by_side: &'static str,
    pub status: &'static str,
    pub parent_obligation: &'static str,
    pub text: &'static str,
    pub where_: &'static str,
    pub reports: &'static str,
    pub coverage_audit: &'static str,
    pub coverage_audit_of_plans: &'static str,
    pub check: &'static str,
    pub review_first: &'static str,
    pub review_note: &'static str,
    pub confidence: &'static str,
    pub dropped: &'static str,
    pub report_title: &'static str,
    pub gaps: &'static str,
    pub gaps_note: &'static str,
    pub no_gaps: &'static str,
    pub parent_text: &'static str,
    pub child_text: &'static str,
    pub nothing_corresponds: &'static str,
    pub parent_id: &'static str,
    pub child_id: &'static str,
    pub message_vi: &'static str,
    pub message_en: &'static str,
    pub review: &'static str,
    pub made_by: &'static str,
    pub numbered_summary: &'static str,
    pub numbered_gaps: &'static str,
    pub numbered_findings: &'static str,
    pub review_label: &'static str,
    pub new_mark: &'static str,
    pub suppressed_heading: &'static str,
    pub stale_heading: &'static str,
    pub verdict: &'static str,
    pub reason: &'static str,
    pub by: &'static str,
    pub fingerprint: &'static str,
    /// A severity, singular: error.
    pub error: &'static str,
    /// A severity, singular: warning.
    pub warning: &'static str,
    /// A severity, singular: info.
    pub info: &'static str,
    /// A review verdict: the finding is confirmed.
    pub confirmed: &'static str,
    /// A review verdict: the finding is a false alarm.
    pub false_alarm: &'static str,
    /// A review verdict: the task does not apply here.
    pub not_applicable_here: &'static str,
    /// Which table this is (the sentences' word order differs).
    #[serde(skip)]
    vietnamese: bool,
}

/// The words in Vietnamese.
pub static VI: ReportWords = ReportWords {

    audit_of: "Rà soát",
    against: "so với",
    check_of: "Kiểm tra",
    obligations: "nhiệm vụ",
    coverage: "Mức độ thực hiện",
    applicable: "phải thực hiện",
    covered: "đủ",
    partial: "một phần",
    missing: "thiếu",
    not_applicable: "không áp dụng",
    findings: "Phát hiện",
    no_findings: "Không có phát hiện.",
    errors: "lỗi",
    warnings: "cảnh báo",
    infos: "thông tin",
    parent: "cấp trên",
    child: "cấp dưới",
    derived_plan: "Kế hoạch cấp dưới",
    parent_plan: "Kế hoạch cấp trên",
    score: "điểm",
    of: "của",
    as_a_whole: "toàn kế hoạch",
    local_initiatives: "Nhiệm vụ riêng của địa phương",
    local_initiatives_note:
        "(nhiệm vụ của kế hoạch cấp dưới không ứng với nhiệm vụ nào của cấp trên)",
    summary: "Tổng hợp",
    plan: "kế hoạch",
    ratio: "tỷ lệ",
    ratio_note:
        "tỷ lệ = (đủ + một phần ÷ 2) ÷ phải thực hiện: nhiệm vụ thực hiện một phần tính một nửa.",
    coverage_by_section: "Mức độ thực hiện theo mục",
    section: "Mục",
    heading: "Tiêu đề",
    severity: "Mức độ",
    code: "Mã",
    message: "Nội dung",
    side_by_side: "Nhiệm vụ của cấp trên, đối chiếu với kế hoạch cấp dưới",
    status: "Tình trạng",
    parent_obligation: "Nhiệm vụ của cấp trên",
    text: "Nội dung",
    where_: "Vị trí",
    reports: "báo cáo",
    coverage_audit: "Rà soát mức độ thực hiện",
    coverage_audit_of_plans: "kế hoạch",
    check: "Kiểm tra",
    review_first: "Cần xem lại trước",
    review_note: "kết luận có độ tin cậy thấp: người rà soát nên đọc đối chiếu hai văn bản",
    confidence: "độ tin cậy",
    dropped: "bỏ",
    report_title: "BÁO CÁO KẾT QUẢ RÀ SOÁT KẾ HOẠCH",
    gaps: "Nhiệm vụ của cấp trên chưa được triển khai đầy đủ",
    gaps_note: "Theo từng mục của kế hoạch cấp trên: nhiệm vụ thiếu hoặc mới triển khai một phần, đối chiếu với nội dung tương ứng của kế hoạch cấp dưới.",
    no_gaps: "Không có nhiệm vụ thiếu hoặc triển khai một phần.",
    parent_text: "Nội dung của kế hoạch cấp trên",
    child_text: "Nội dung của kế hoạch cấp dưới",
    nothing_corresponds: "(không có nội dung tương ứng)",
    parent_id: "Nhiệm vụ cấp trên",
    child_id: "Nhiệm vụ cấp dưới",
    message_vi: "Nội dung (tiếng Việt)",
    message_en: "Nội dung (tiếng Anh)",
    review: "Cần xem lại",
    made_by: "Báo cáo do obligraph lập",
    numbered_summary: "1. Tổng hợp",
    numbered_gaps: "2. Nhiệm vụ của cấp trên chưa được triển khai đầy đủ",
    numbered_findings: "3. Các phát hiện",
    review_label: "Kết luận rà soát",
    new_mark: "mới",
    suppressed_heading: "Phát hiện đã loại trừ theo kết luận rà soát",
    stale_heading: "Kết luận lỗi thời — phát hiện không còn",
    verdict: "Kết luận",
    reason: "Lý do",
    by: "Người kết luận",
    fingerprint: "Dấu nhận diện",
    error: "lỗi",
    warning: "cảnh báo",
    info: "thông tin",
    confirmed: "xác nhận",
    false_alarm: "báo nhầm",
    not_applicable_here: "không áp dụng tại địa phương",
    vietnamese: true,
};

/// The words in English.
pub static EN: ReportWords = ReportWords {

    audit_of: "Audit of",
    against: "against",
    check_of: "Check of",
    obligations: "obligations",
    coverage: "Coverage",
    applicable: "applicable",
    covered: "covered",
    partial: "partial",
    missing: "missing",
    not_applicable: "not applicable",
    findings: "Findings",
    no_findings: "No findings.",
    errors: "errors",
    warnings: "warnings",
    infos: "info",
    parent: "parent",
    child: "child",
    derived_plan: "Derived plan",
    parent_plan: "Parent",
    score: "score",
    of: "of",
    as_a_whole: "as a whole",
    local_initiatives: "Local initiatives",
    local_initiatives_note: "(derived obligations matching no parent obligation)",
    summary: "Summary",
    plan: "plan",
    ratio: "ratio",
    ratio_note: "ratio = (covered + partial ÷ 2) ÷ applicable: a partial counts as half.",
    coverage_by_section: "Coverage by section",
    section: "Section",
    heading: "Heading",
    severity: "Severity",
    code: "Code",
    message: "Message",
    side_by_side: "Parent obligations, side by side with the derived plan",
    status: "Status",
    parent_obligation: "Parent obligation",
    text: "Text",
    where_: "Where",
    reports: "report(s)",
    coverage_audit: "Coverage audit",
    coverage_audit_of_plans: "plans",
    check: "Check",
    review_first: "Review first",
    review_note: "verdicts of low confidence: a reviewer should read both documents",
    confidence: "confidence",
    dropped: "dropped",
    report_title: "PLAN AUDIT REPORT",
    gaps: "Parent obligations not fully carried out",
    gaps_note: "By section of the parent plan: obligations missing or partly carried out, side by side with the derived plan's text.",
    no_gaps: "No obligation is missing or partly carried out.",
    parent_text: "Parent plan's text",
    child_text: "Derived plan's text",
    nothing_corresponds: "(nothing corresponds)",
    parent_id: "Parent id",
    child_id: "Child id",
    message_vi: "Message (Vietnamese)",
    message_en: "Message (English)",
    review: "Review",
    made_by: "Report made by obligraph",
    numbered_summary: "1. Summary",
    numbered_gaps: "2. Parent obligations not fully carried out",
    numbered_findings: "3. Findings",
    review_label: "Review",
    new_mark: "new",
    suppressed_heading: "Findings suppressed by review verdicts",
    stale_heading: "Stale verdicts — their finding is gone",
    verdict: "Verdict",
    reason: "Reason",
    by: "By",
    fingerprint: "Fingerprint",
    error: "error",
    warning: "warning",
    info: "info",
    confirmed: "confirmed",
    false_alarm: "false alarm",
    not_applicable_here: "not applicable here",
    vietnamese: false,
};

impl ReportWords {
    /// The coverage figure with its definition (a partial counts as
    /// half); `pct` is the ratio as written ("83%").
    pub fn coverage_line(
        &self,
        pct: &str,
        covered: usize,
        partial: usize,
        applicable: usize,
        missing: usize,
    ) -> String {
        if self.vietnamese {
            format!(
                "{pct} = ({covered} đủ + {partial} một phần ÷ 2) ÷ {applicable} phải thực hiện; {missing} thiếu. \
                 Nhiệm vụ thực hiện một phần tính một nửa."
            )
        } else {
            format!(
                "{pct} = ({covered} covered + {partial} partial ÷ 2) ÷ {applicable} applicable; {missing} missing. \
                 A partial counts as half."
            )
        }
    }

    /// The counts of a review: suppressed, confirmed, new, stale.
    pub fn review_counts(
        &self,
        suppressed: usize,
        confirmed: usize,
        new: usize,
        stale: usize,
    ) -> String {
        if self.vietnamese {
            format!(
                "{suppressed} phát hiện đã loại trừ, {confirmed} đã xác nhận, {new} mới; {stale} kết luận lỗi thời \
                 (phát hiện không còn)"
            )
        } else {
            format!(
                "{suppressed} suppressed, {confirmed} confirmed, {new} new; {stale} stale verdict(s) (their finding is gone)"
            )
        }
    }

    /// The note under a section whose quiet obligations are not listed.
    pub fn hidden(&self, covered: usize, not_applicable: usize) -> String {
        if self.vietnamese {
            format!(
                "({covered} nhiệm vụ đủ và {not_applicable} không áp dụng, không có phát hiện, \
                 không liệt kê; --verbose để liệt kê)"
            )
        } else {
            format!(
                "({covered} covered and {not_applicable} not applicable without findings not \
                 listed; --verbose lists them)"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_translated() {
        let vi = serde_json::to_value(&VI).unwrap();
        let en = serde_json::to_value(&EN).unwrap();
        assert_eq!(vi.as_object().unwrap().len(), en.as_object().unwrap().len());
        for (k, v) in vi.as_object().unwrap() {
            assert!(!v.as_str().unwrap().is_empty(), "{k}");
            // "plan(s)" words may coincide; headings must not.
            if k.starts_with("audit") || k == "findings" || k == "coverage" {
                assert_ne!(v, &en[k], "{k} untranslated");
            }
        }
    }
}
