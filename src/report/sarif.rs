//! SARIF 2.1.0: one run, the rule registry as `tool.driver.rules`, one
//! result per finding with the file and line region of both plans.

use super::{ReportError, Sources};
use crate::rules::{AuditReport, Location, RuleInfo, Severity};
use serde_json::{json, Value};

/// The SARIF schema the output follows.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative reference usable as a SARIF `uri`: forward slashes, and the
/// characters a URI may not hold percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for c in path.replace('\\', "/").chars() {
        if c.is_ascii_alphanumeric() || "-._~/:@!$&'()*+,;=".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

fn location(l: &Location, role: &str, id: Option<&str>, sources: &Sources) -> Value {
    let file = sources.file(&l.plan).unwrap_or(&l.plan);
    let mut phys = json!({ "artifactLocation": { "uri": uri(file) } });
    // The lines of a Word document or a spreadsheet are those of the text
    // the importer made of it, which no viewer shows: such a location
    // names its place (paragraph, table row, sheet cell) in its message
    // and in `properties.place`, and has no line region.
    if l.line_start > 0 && l.place.is_none() {
        phys["region"] = json!({
            "startLine": l.line_start,
            "endLine": l.line_end.max(l.line_start),
        });
    }
    let text = match &l.place {
        Some(place) => format!("{role}: {}, {place}", l.plan),
        None => format!("{role}: {}", l.plan),
    };
    let mut loc = json!({
        "physicalLocation": phys,
        "message": { "text": text },
    });
    if let Some(place) = &l.place {
        loc["properties"] = json!({ "place": place.to_string() });
    }
    if let Some(id) = id {
        loc["logicalLocations"] = json!([{
            "name": id,
            "fullyQualifiedName": format!("{}#{id}", l.plan),
            "kind": "object",
        }]);
    }
    loc
}

/// Renders the findings of `reports` as a SARIF 2.1.0 log. `rules` (from
/// [`Registry::rules`](crate::rules::Registry::rules)) fill
/// `tool.driver.rules`; each result carries its `ruleId` and `ruleIndex`,
/// its level (`error`, `warning`, `note`), the message in English and
/// Vietnamese, the locations of the derived and the parent obligation, and
/// the finding's fingerprint (`fingerprints["obligraph/v1"]`).
///
/// With review verdicts applied, the findings they set aside are results
/// too, with `suppressions: [{kind: "external", status: "accepted",
/// justification: <reason>}]`; the others carry `suppressions: []`;
/// `properties.reviewStatus` says new, confirmed, false-alarm or
/// not-applicable, and the run's `properties.staleVerdicts` lists the
/// verdicts whose finding is gone.
pub fn to_sarif(
    reports: &[AuditReport],
    sources: &Sources,
    rules: &[RuleInfo],
) -> Result<String, ReportError> {
    let driver_rules: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": format!("obligraph explain {}", r.code) },
                "defaultConfiguration": { "level": level(r.default_severity) },
                "properties": { "needsParent": r.needs_parent },
            })
        })
        .collect();
    let mut results = Vec::new();
    let mut artifacts: Vec<String> = Vec::new();
    let mut stale = Vec::new();
    for r in reports {
        // The findings, then those a verdict set aside (SARIF keeps
        // suppressed results, with their `suppressions`).
        let suppressed = r.verdicts.iter().flat_map(|rv| &rv.suppressed);
        let all = r
            .findings
            .iter()
            .map(|f| (f, None))
            .chain(suppressed.map(|s| (&s.finding, Some(&s.verdict))));
        if let Some(rv) = &r.verdicts {
            stale.extend(rv.stale.iter().map(|v| {
                json!({
                    "fingerprint": v.fingerprint,
                    "verdict": v.verdict.as_str(),
                    "reason": v.reason,
                    "by": v.by,
                    "at": v.at,
                    "code": v.code,
                    "parentPlan": v.parent_plan,
                    "childPlan": v.child_plan,
                })
            }));
        }
        for (f, verdict) in all {
            let mut locations = Vec::new();
            if let Some(l) = &f.child_location {
                locations.push(location(l, "derived plan", f.child_id.as_deref(), sources));
            }
            if let Some(l) = &f.parent_location {
                locations.push(location(l, "parent plan", f.parent_id.as_deref(), sources));
            }
            if locations.is_empty() {
                // A finding on the plan as a whole: point at the file.
                let l = Location {
                    plan: r.child.label.as_str().into(),
                    line_start: 0,
                    line_end: 0,
                    place: None,
                };
                locations.push(location(&l, "derived plan", None, sources));
            }
            for l in &locations {
                if let Some(u) = l
                    .pointer("/physicalLocation/artifactLocation/uri")
                    .and_then(Value::as_str)
                {
                    if !artifacts.iter().any(|a| a == u) {
                        artifacts.push(u.to_string());
                    }
                }
            }
            let mut result = json!({
                "ruleId": f.code,
                "level": level(f.severity),
                "message": { "text": format!("{} — {}", f.message, f.message_vi) },
                "locations": locations,
                // The finding's stable identity across re-audits, so that
                // code-scanning hosts follow one finding from run to run.
                "partialFingerprints": { "obligraph/v1": f.fingerprint },
                "properties": {
                    "rule": f.rule,
                    "parentId": f.parent_id,
                    "childId": f.child_id,
                    "parentPlan": r.parent.as_ref().map(|p| p.label.clone()),
                    "childPlan": r.child.label,
                },
            });
            if let Some(i) = rules.iter().position(|x| x.code == f.code) {
                result["ruleIndex"] = json!(i);
            }
            if !f.fingerprint.is_empty() {
                result["fingerprints"] = json!({ "obligraph/v1": f.fingerprint });
            }
            // With verdicts applied, every result says whether one sets it
            // aside (an empty array: none does).
            if let Some(rv) = &r.verdicts {
                result["suppressions"] = match verdict {
                    Some(v) => json!([{
                        "kind": "external",
                        "status": "accepted",
                        "justification": v.reason,
                        "properties": {
                            "verdict": v.verdict.as_str(),
                            "by": v.by,
                            "at": v.at,
                        },
                    }]),
                    None => json!([]),
                };
                result["properties"]["reviewStatus"] = json!(match verdict {
                    Some(v) => v.verdict.as_str(),
                    None if rv.is_new(&f.fingerprint) => "new",
                    None => "confirmed",
                });
            }
            // The verdict the finding rests on: how sure, and whether a
            // person should check it first (SARIF's `rank` orders results:
            // doubtful verdicts rank highest).
            if let Some(po) = f
                .parent_id
                .as_deref()
                .and_then(|id| r.parent_obligation(id))
            {
                result["properties"]["confidence"] = json!(po.confidence);
                result["properties"]["review"] = json!(po.review);
                result["rank"] = json!(((1.0 - po.confidence) * 100.0).round());
            }
            results.push(result);
        }
    }
    // Results resting on doubtful verdicts first.
    results.sort_by_key(|r| {
        std::cmp::Reverse(
            r.pointer("/properties/review")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        )
    });
    let mut log = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "obligraph",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": driver_rules,
            }},
            "artifacts": artifacts.iter().map(|a| json!({ "location": { "uri": a } })).collect::<Vec<_>>(),
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    });
    // Stale verdicts, when verdicts were applied at all.
    if reports.iter().any(|r| r.verdicts.is_some()) {
        if let Some(run) = log.pointer_mut("/runs/0").and_then(|v| v.as_object_mut()) {
            run.insert("properties".into(), json!({ "staleVerdicts": stale }));
        }
    }
    let mut s = serde_json::to_string_pretty(&log)?;
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("examples/data/a b.txt"), "examples/data/a%20b.txt");
        assert_eq!(uri("dữ liệu.txt"), "d%E1%BB%AF%20li%E1%BB%87u.txt");
    }
}
