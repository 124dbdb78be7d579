//! One self-contained HTML page (inline CSS, no script, no external
//! resource). Rendered with minijinja, whose auto-escaping escapes every
//! piece of plan text: a task text containing markup shows as text.

use super::words::Words;
use super::{top_section, ReportError, Sources};
use crate::lang::Lang;
use crate::rules::{AuditReport, Finding, ParentObligationReport, Review, Severity, Status};
use minijinja::value::Serde;
use serde::Serialize;

const TEMPLATE: &str = r##"<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body { font-family: "Segoe UI", "Noto Sans", Arial, sans-serif; margin: 2rem; color: #1d2430; background: #fafbfc; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 2px solid #d0d7de; padding-bottom: .3rem; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
.meta { color: #57606a; font-size: .9rem; }
.definition { color: #57606a; font-size: .85rem; margin-top: -.4rem; }
.cards { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.card { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: .7rem 1.1rem; min-width: 7rem; }
.card .n { font-size: 1.6rem; font-weight: 600; }
.card .l { color: #57606a; font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; }
table { border-collapse: collapse; width: 100%; background: #fff; margin: .5rem 0 1rem; font-size: .88rem; }
th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; vertical-align: top; text-align: left; }
th { background: #f0f3f6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { background: #e6e9ed; border-radius: 4px; height: .6rem; width: 8rem; display: inline-block; vertical-align: middle; }
.bar span { display: block; height: 100%; border-radius: 4px; background: #2da44e; }
.status, .sev { font-weight: 600; font-size: .78rem; padding: .1rem .45rem; border-radius: 10px; white-space: nowrap; }
.covered { background: #dafbe1; color: #116329; }
.partial { background: #fff8c5; color: #7d4e00; }
.missing { background: #ffebe9; color: #a40e26; }
.not_applicable { background: #eaeef2; color: #57606a; }
.error { background: #ffebe9; color: #a40e26; }
.warning { background: #fff8c5; color: #7d4e00; }
.info { background: #ddf4ff; color: #0550ae; }
.loc { color: #57606a; font-family: ui-monospace, monospace; font-size: .78rem; overflow-wrap: anywhere; }
table.findings td:nth-child(3) { width: 46%; }
table.findings td:nth-child(4), table.findings td:nth-child(5) { width: 18%; }
table.obligations td:nth-child(2), table.obligations td:nth-child(3) { width: 46%; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: .6rem; }
.side > div { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: .4rem .6rem; }
.side .head { font-size: .75rem; color: #57606a; text-transform: uppercase; }
.reason { color: #57606a; font-style: italic; font-size: .82rem; }
.vi { color: #57606a; font-size: .82rem; }
.new { background: #fbefff; color: #6e40c9; }
table.suppressed { opacity: .75; }
</style>
</head>
<body>
<h1>{{ title }}</h1>
<p class="meta">obligraph {{ version }} · {{ reports|length }} {{ w.reports }}</p>
{% for r in reports %}
<section class="report" id="report-{{ loop.index }}">
<h2>{% if r.parent %}{{ w.audit_of }} {{ r.child_short }} {{ w.against }} {{ r.parent_short }}{% else %}{{ w.check_of }} {{ r.child_short }}{% endif %}</h2>
<p class="meta">
{{ w.derived_plan }}: <strong>{{ r.child_short }}</strong>{% if r.child_short != r.child.label %} <span class="title">{{ r.child.label }}</span>{% endif %}{% if r.child.issuer %} — {{ r.child.issuer }}{% endif %}{% if r.child.date %}, {{ r.child.date }}{% endif %}{% if r.child_file %} <span class="loc">{{ r.child_file }}</span>{% endif %}<br>
{% if r.parent %}{{ w.parent_plan }}: <strong>{{ r.parent_short }}</strong>{% if r.parent_short != r.parent.label %} <span class="title">{{ r.parent.label }}</span>{% endif %}{% if r.parent.issuer %} — {{ r.parent.issuer }}{% endif %}{% if r.parent.date %}, {{ r.parent.date }}{% endif %}{% if r.parent_file %} <span class="loc">{{ r.parent_file }}</span>{% endif %}{% endif %}
</p>
<div class="cards summary">
{% if r.parent %}
<div class="card"><div class="n">{{ r.ratio }}</div><div class="l">{{ w.coverage }}</div></div>
<div class="card"><div class="n">{{ r.coverage.applicable }}</div><div class="l">{{ w.applicable }}</div></div>
<div class="card"><div class="n">{{ r.coverage.covered }}</div><div class="l">{{ w.covered }}</div></div>
<div class="card"><div class="n">{{ r.coverage.partial }}</div><div class="l">{{ w.partial }}</div></div>
<div class="card"><div class="n">{{ r.coverage.missing }}</div><div class="l">{{ w.missing }}</div></div>
{% endif %}
<div class="card"><div class="n">{{ r.errors }}</div><div class="l">{{ w.errors }}</div></div>
<div class="card"><div class="n">{{ r.warnings }}</div><div class="l">{{ w.warnings }}</div></div>
<div class="card"><div class="n">{{ r.infos }}</div><div class="l">{{ w.infos }}</div></div>
</div>
{% if r.parent %}<p class="definition">{{ w.coverage }}: {{ r.ratio_definition }}</p>{% endif %}
{% if r.review_counts %}<p class="review-counts"><strong>{{ w.review_label }}:</strong> {{ r.review_counts }}</p>{% endif %}
{% if r.sections %}
<h3>{{ w.coverage_by_section }}</h3>
<table class="coverage">
<thead><tr><th>{{ w.section }}</th><th>{{ w.heading }}</th><th>{{ w.applicable }}</th><th>{{ w.covered }}</th><th>{{ w.partial }}</th><th>{{ w.missing }}</th><th>{{ w.coverage }}</th></tr></thead>
<tbody>
{% for s in r.sections %}
<tr><td>{{ s.section }}</td><td>{{ s.title or "" }}</td><td class="num">{{ s.applicable }}</td><td class="num">{{ s.covered }}</td><td class="num">{{ s.partial }}</td><td class="num">{{ s.missing }}</td><td><span class="bar"><span style="width: {{ s.percent }}%"></span></span> {{ s.percent }}%</td></tr>
{% endfor %}
</tbody>
</table>
{% endif %}
<h3>{{ w.findings }}</h3>
{% if r.findings %}
<table class="findings">
<thead><tr><th>{{ w.severity }}</th><th>{{ w.code }}</th><th>{{ w.message }}</th><th>{{ w.parent_plan }}</th><th>{{ w.derived_plan }}</th></tr></thead>
<tbody>
{% for f in r.findings %}
<tr class="finding"><td><span class="sev {{ f.severity }}">{{ f.severity_word }}</span>{% if f.new %} <span class="sev new">{{ w.new_mark }}</span>{% endif %}</td><td>{{ f.code }}<br><span class="loc">{{ f.rule }}{% if f.fp %} #{{ f.fp }}{% endif %}</span></td><td>{{ f.first }}{% if f.second %}<div class="vi">{{ f.second }}</div>{% endif %}</td><td class="loc">{{ f.parent_id or "" }}<br>{{ f.parent_place or "" }}</td><td class="loc">{{ f.child_id or "" }}<br>{{ f.child_place or "" }}</td></tr>
{% endfor %}
</tbody>
</table>
{% else %}
<p>{{ w.no_findings }}</p>
{% endif %}
{% if r.suppressed %}
<h3>{{ w.suppressed_heading }} ({{ r.suppressed | length }})</h3>
<table class="findings suppressed">
<thead><tr><th>{{ w.severity }}</th><th>{{ w.code }}</th><th>{{ w.message }}</th><th>{{ w.verdict }}</th><th>{{ w.reason }}</th></tr></thead>
<tbody>
{% for s in r.suppressed %}
<tr class="suppressed-finding"><td><span class="sev {{ s.finding.severity }}">{{ s.finding.severity_word }}</span></td><td>{{ s.finding.code }}<br><span class="loc">{{ s.finding.rule }} #{{ s.finding.fp }}</span></td><td>{{ s.finding.first }}</td><td><strong>{{ s.verdict }}</strong><br><span class="loc">{{ s.by }}, {{ s.at }}</span></td><td>{{ s.reason }}</td></tr>
{% endfor %}
</tbody>
</table>
{% endif %}
{% if r.stale %}
<h3>{{ w.stale_heading }} ({{ r.stale | length }})</h3>
<ul class="stale">
{% for v in r.stale %}<li><strong>[{{ v.code }}] {{ v.id }}</strong> <span class="loc">#{{ v.fp }}</span> — {{ v.verdict }}: {{ v.reason }} <span class="loc">({{ v.by }}, {{ v.at }})</span>{% if v.message %}<div class="reason">{{ v.message }}</div>{% endif %}</li>
{% endfor %}</ul>
{% endif %}
{% if r.review %}
<h3>{{ w.review_first }} ({{ r.review | length }})</h3>
<p class="reason">{{ w.review_note }}</p>
<ul class="review">
{% for o in r.review %}<li><a href="#{{ o.anchor }}"><strong>{{ o.id }}</strong></a> <span class="status {{ o.status }}">{{ o.status_word }}</span> <span class="loc">{{ w.confidence }} {{ o.confidence }} · {{ o.place }}</span><br>{{ o.text }}</li>
{% endfor %}</ul>
{% endif %}
{% if r.obligations %}
<h3>{{ w.side_by_side }}</h3>
<table class="obligations">
<thead><tr><th>{{ w.status }}</th><th>{{ w.parent_obligation }}</th><th>{{ w.derived_plan }}</th></tr></thead>
<tbody>
{% for o in r.obligations %}
<tr id="{{ o.anchor }}"><td><span class="status {{ o.status }}">{{ o.status_word }}</span><br><span class="loc">{{ o.section }}</span></td>
<td><strong>{{ o.id }}</strong> <span class="loc">{{ o.place }}{% if o.review %} · {{ w.confidence }} {{ o.confidence }} ?{% endif %}</span><br>{{ o.text }}{% if o.reason %}<div class="reason">{{ o.reason }}</div>{% endif %}{% for d in o.dropped %}<div class="reason">− {{ w.dropped }}: {{ d }}</div>{% endfor %}</td>
<td>{% for m in o.matches %}<div class="match"><strong>{{ m.child_id }}</strong> <span class="loc">{{ m.place }} · {{ w.score }} {{ m.score }}</span><br>{{ m.child_text }}</div>{% else %}<span class="reason">—</span>{% endfor %}</td></tr>
{% endfor %}
</tbody>
</table>
{% endif %}
{% if r.local_initiatives %}
<h3>{{ w.local_initiatives }}</h3>
<table class="local">
<thead><tr><th>Id</th><th>{{ w.text }}</th><th>{{ w.where_ }}</th></tr></thead>
<tbody>
{% for l in r.local_initiatives %}<tr><td>{{ l.id }}</td><td>{{ l.text }}</td><td class="loc">{{ l.place }}</td></tr>
{% endfor %}
</tbody>
</table>
{% endif %}
</section>
{% endfor %}
</body>
</html>
"##;

#[derive(Serialize)]
struct Page<'a> {
    lang: &'static str,
    w: &'static Words,
    title: String,
    version: &'static str,
    reports: Vec<ReportView<'a>>,
}

#[derive(Serialize)]
struct ReportView<'a> {
    parent: Option<&'a crate::rules::PlanSummary>,
    child: &'a crate::rules::PlanSummary,
    parent_file: Option<&'a str>,
    child_file: Option<&'a str>,
    parent_short: String,
    child_short: String,
    coverage: &'a crate::rules::Coverage,
    ratio: String,
    ratio_definition: String,
    errors: usize,
    warnings: usize,
    infos: usize,
    sections: Vec<SectionView<'a>>,
    findings: Vec<FindingView<'a>>,
    obligations: Vec<ObligationView<'a>>,
    /// The obligations whose verdict a person should check first, least
    /// sure first.
    review: Vec<ObligationView<'a>>,
    local_initiatives: Vec<LocalView<'a>>,
    /// The counts of the review verdicts applied, when any were.
    review_counts: Option<String>,
    suppressed: Vec<SuppressedView<'a>>,
    stale: Vec<StaleView<'a>>,
}

#[derive(Serialize)]
struct SuppressedView<'a> {
    finding: FindingView<'a>,
    verdict: &'static str,
    reason: &'a str,
    by: &'a str,
    at: &'a str,
}

#[derive(Serialize)]
struct StaleView<'a> {
    fp: String,
    code: &'a str,
    id: &'a str,
    verdict: &'static str,
    reason: &'a str,
    by: &'a str,
    at: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct SectionView<'a> {
    section: &'a str,
    title: Option<&'a str>,
    applicable: usize,
    covered: usize,
    partial: usize,
    missing: usize,
    percent: String,
}

#[derive(Serialize)]
struct FindingView<'a> {
    severity: String,
    severity_word: &'static str,
    code: &'a str,
    rule: &'a str,
    /// The message in the page's language (the other one when it has none).
    first: &'a str,
    /// The message in the other language, when different.
    second: Option<&'a str>,
    parent_id: Option<&'a str>,
    child_id: Option<&'a str>,
    parent_place: Option<String>,
    child_place: Option<String>,
    /// The first 8 hex digits of the fingerprint.
    fp: String,
    /// No review verdict names it (with verdicts applied).
    new: bool,
}

#[derive(Serialize)]
struct MatchView<'a> {
    child_id: &'a str,
    child_text: &'a str,
    score: String,
    place: String,
}

#[derive(Serialize)]
struct ObligationView<'a> {
    anchor: String,
    id: &'a str,
    section: String,
    text: &'a str,
    status: &'static str,
    status_word: &'static str,
    reason: Option<&'a str>,
    place: String,
    matches: Vec<MatchView<'a>>,
    confidence: String,
    review: bool,
    dropped: Vec<&'a str>,
}

#[derive(Serialize)]
struct LocalView<'a> {
    id: &'a str,
    text: &'a str,
    place: String,
}

fn pct(r: f64) -> String {
    format!("{:.0}", (r * 100.0).clamp(0.0, 100.0))
}

fn obligation_view<'a>(
    o: &'a ParentObligationReport,
    sources: &'a Sources,
    w: &'static Words,
) -> ObligationView<'a> {
    let status = match o.status {
        Status::Covered => "covered",
        Status::Partial => "partial",
        Status::Missing => "missing",
        Status::NotApplicable => "not_applicable",
    };
    let status_word = w.status(o.status);
    ObligationView {
        anchor: format!(
            "p-{}",
            o.id.chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
        ),
        id: &o.id,
        section: top_section(o.section.as_deref(), &o.id),
        text: &o.text,
        status,
        status_word,
        reason: o.reason.as_deref(),
        confidence: format!("{:.2}", o.confidence),
        review: o.review,
        dropped: if o.status == Status::Partial {
            o.dropped().collect()
        } else {
            Vec::new()
        },
        place: sources.at(&o.location),
        matches: o
            .matches
            .iter()
            .map(|m| MatchView {
                child_id: &m.child_id,
                child_text: &m.child_text,
                score: format!("{:.2}", m.score),
                place: sources.at(&m.child_location),
            })
            .collect(),
    }
}

fn finding_view<'a>(
    f: &'a Finding,
    sources: &Sources,
    w: &'static Words,
    review: Option<&Review>,
) -> FindingView<'a> {
    FindingView {
        severity: f.severity.to_string(),
        severity_word: w.severity_word(f.severity),
        code: &f.code,
        rule: &f.rule,
        first: match (w.lang, f.message_vi.is_empty()) {
            (Lang::Vi, false) => &f.message_vi,
            _ => &f.message,
        },
        second: match (w.lang, f.message_vi.is_empty()) {
            _ if f.message_vi == f.message => None,
            (Lang::Vi, false) => Some(&f.message),
            (_, false) => Some(&f.message_vi),
            (_, true) => None,
        },
        parent_id: f.parent_id.as_deref(),
        child_id: f.child_id.as_deref(),
        parent_place: f.parent_location.as_ref().map(|l| sources.at(l)),
        child_place: f.child_location.as_ref().map(|l| sources.at(l)),
        fp: f.fingerprint.chars().take(8).collect(),
        new: review.is_some_and(|rv| rv.is_new(&f.fingerprint)),
    }
}

fn view<'a>(r: &'a AuditReport, sources: &'a Sources, w: &'static Words) -> ReportView<'a> {
    let count = |s: Severity| r.findings.iter().filter(|f| f.severity == s).count();
    ReportView {
        parent: r.parent.as_ref(),
        child: &r.child,
        parent_file: r.parent.as_ref().and_then(|p| sources.file(&p.label)),
        child_file: sources.file(&r.child.label),
        parent_short: r
            .parent
            .as_ref()
            .map(|p| sources.short(&p.label))
            .unwrap_or_default(),
        child_short: sources.short(&r.child.label),
        coverage: &r.coverage,
        ratio: format!("{}%", pct(r.coverage.ratio)),
        ratio_definition: w.coverage_line(&r.coverage),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        sections: r
            .sections
            .iter()
            .map(|s| SectionView {
                section: &s.section,
                title: s.title.as_deref(),
                applicable: s.coverage.applicable,
                covered: s.coverage.covered,
                partial: s.coverage.partial,
                missing: s.coverage.missing,
                percent: pct(s.coverage.ratio),
            })
            .collect(),
        findings: r
            .findings
            .iter()
            .map(|f| finding_view(f, sources, w, r.verdicts.as_ref()))
            .collect(),
        review_counts: r.verdicts.as_ref().map(|rv| w.review_counts(&rv.counts)),
        suppressed: r
            .verdicts
            .iter()
            .flat_map(|rv| &rv.suppressed)
            .map(|s| SuppressedView {
                finding: finding_view(&s.finding, sources, w, None),
                verdict: w.verdict_word(s.verdict.verdict),
                reason: &s.verdict.reason,
                by: &s.verdict.by,
                at: &s.verdict.at,
            })
            .collect(),
        stale: r
            .verdicts
            .iter()
            .flat_map(|rv| &rv.stale)
            .map(|v| StaleView {
                fp: v.fingerprint.chars().take(8).collect(),
                code: &v.code,
                id: v
                    .parent_id
                    .as_deref()
                    .or(v.child_id.as_deref())
                    .unwrap_or_default(),
                verdict: w.verdict_word(v.verdict),
                reason: &v.reason,
                by: &v.by,
                at: &v.at,
                message: &v.message,
            })
            .collect(),
        review: {
            let mut doubtful: Vec<&ParentObligationReport> =
                r.parent_obligations.iter().filter(|o| o.review).collect();
            doubtful.sort_by(|a, b| a.confidence.total_cmp(&b.confidence));
            doubtful
                .into_iter()
                .map(|o| obligation_view(o, sources, w))
                .collect()
        },
        obligations: r
            .parent_obligations
            .iter()
            .map(|o| obligation_view(o, sources, w))
            .collect(),
        local_initiatives: r
            .local_initiatives
            .iter()
            .map(|l| LocalView {
                id: &l.id,
                text: &l.text,
                place: sources.at(&l.location),
            })
            .collect(),
    }
}

/// Renders reports as one self-contained HTML page: a summary, a coverage
/// table per section, the findings, and every parent obligation side by
/// side with the derived obligations that carry it out. All plan text is
/// HTML-escaped.
pub fn to_html(reports: &[AuditReport], sources: &Sources) -> Result<String, ReportError> {
    to_html_in(reports, sources, Lang::En)
}

/// [`to_html`] with headings, statuses and the first line of each finding
/// in `lang` (the other language beneath); the page's `lang` attribute
/// says which.
pub fn to_html_in(
    reports: &[AuditReport],
    sources: &Sources,
    lang: Lang,
) -> Result<String, ReportError> {
    let w = Words::of(lang);
    let title = match reports {
        [one] => match &one.parent {
            Some(p) => format!(
                "{}: {} {} {}",
                w.coverage_audit,
                sources.short(&one.child.label),
                w.against,
                sources.short(&p.label)
            ),
            None => format!("{}: {}", w.check, sources.short(&one.child.label)),
        },
        many => format!(
            "{}: {} {}",
            w.coverage_audit,
            many.len(),
            w.coverage_audit_of_plans
        ),
    };
    let page = Page {
        lang: lang.tag(),
        w,
        title,
        version: env!("CARGO_PKG_VERSION"),
        reports: reports.iter().map(|r| view(r, sources, w)).collect(),
    };
    let mut env = minijinja::Environment::new();
    // The name ends in .html: minijinja's default callback turns HTML
    // auto-escaping on for it.
    env.add_template("report.html", TEMPLATE)
        .map_err(|e| ReportError::Template(e.to_string()))?;
    let tmpl = env
        .get_template("report.html")
        .map_err(|e| ReportError::Template(e.to_string()))?;
    tmpl.render(Serde(&page))
        .map_err(|e| ReportError::Template(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Coverage, Evidence, Location, Match, ParentObligationReport, PlanSummary};

    const HOSTILE: &str =
        "Tuyên truyền <script>alert(1)</script> và <img src=x onerror=alert(2)> \"x\" & 'y'";

    fn loc(plan: &str) -> Location {
        Location {
            plan: plan.into(),
            line_start: 3,
            line_end: 4,
            place: None,
        }
    }

    fn report() -> AuditReport {
        let summary = |label: &str| PlanSummary {
            label: label.into(),
            issuer: Some("<i>UBND</i>".into()),
            level: None,
            date: None,
            obligations: 1,
        };
        AuditReport {
            parent: Some(summary("1/KH-<b>UBND</b>")),
            child: summary("2/KH-UBND"),
            coverage: Coverage::default(),
            sections: Vec::new(),
            parent_obligations: vec![ParentObligationReport {
                plan: "1/KH-<b>UBND</b>".into(),
                id: "II.1".into(),
                text: HOSTILE.into(),
                section: Some("II".into()),
                status: Status::Covered,
                matches: vec![Match {
                    child_id: "1\"><script>".into(),
                    child_text: HOSTILE.into(),
                    score: 0.9,
                    evidence: Evidence::default(),
                    child_location: loc("2/KH-UBND"),
                }],
                reason: None,
                location: loc("1/KH-<b>UBND</b>"),
                confidence: 0.9,
                review: false,
                elements: Vec::new(),
                candidates: Vec::new(),
            }],
            local_initiatives: Vec::new(),
            // Findings are made by rules; this one is read as JSON.
            findings: vec![serde_json::from_value(serde_json::json!({
                "code": "OG003",
                "rule": "lead-mismatch",
                "severity": "warning",
                "message": HOSTILE,
                // Different from the English, so that both are shown.
                "message_vi": format!("{HOSTILE} (vi)"),
                "parent_id": "II.1",
                "child_id": null,
                "parent_location": loc("1/KH-<b>UBND</b>"),
            }))
            .unwrap()],
            verdicts: None,
        }
    }

    #[test]
    fn plan_text_is_escaped() {
        let html = to_html(&[report()], &Sources::default()).unwrap();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"));
        assert!(!html.contains("<b>"));
        assert!(!html.contains("<i>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
        assert!(html.contains("&quot;x&quot; &amp; &#x27;y&#x27;"));
        // Four places carry the text: parent, match, message, message_vi.
        assert_eq!(html.matches("alert(1)").count(), 4);
    }
}
