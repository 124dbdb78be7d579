//! The obligation graph as readable text, Graphviz DOT, Mermaid or JSON.

use crate::core::{Edge, EdgeKind, ObligationKey, PlanGraph};
use serde::Serialize;

/// Output formats for [`render_graph`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    /// Readable text: the plans with their obligation counts, then the
    /// edges by kind, one `plan id → plan id` per line.
    Text,
    /// Graphviz DOT.
    Dot,
    /// Mermaid flowchart.
    Mermaid,
    /// JSON: `{"nodes": [...], "edges": [...]}`.
    Json,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    plan: &'a str,
    id: &'a str,
    text: &'a str,
    kind: crate::core::ObligationKind,
}

#[derive(Serialize)]
struct JsonGraph<'a> {
    nodes: Vec<JsonNode<'a>>,
    edges: Vec<Edge>,
}

fn kind_name(k: EdgeKind) -> &'static str {
    match k {
        EdgeKind::Implements => "implements",
        EdgeKind::Feeds => "feeds",
        EdgeKind::Precedes => "precedes",
    }
}

fn short(s: &str, n: usize) -> String {
    let mut t: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        t.push('…');
    }
    t
}

/// Renders the graph. Every node is one obligation; edges carry their kind.
///
/// ```
/// use obligraph::core::{Obligation, Plan, PlanGraph};
/// use obligraph::export::{render_graph, GraphFormat};
/// let mut p = Plan::default();
/// p.number = Some("74/KH-UBND".into());
/// p.obligations.push(Obligation::new("I", "Rà soát \"pháp luật\""));
/// let dot = render_graph(&PlanGraph::new(vec![p]), GraphFormat::Dot);
/// assert!(dot.contains("\\\"pháp luật\\\""));
/// ```
pub fn render_graph(g: &PlanGraph, format: GraphFormat) -> String {
    let mut nodes: Vec<(ObligationKey, &crate::core::Obligation)> = Vec::new();
    for (pi, plan) in g.plans().iter().enumerate() {
        let label = g.plan_label(pi).unwrap_or_default();
        for o in &plan.obligations {
            nodes.push((ObligationKey::new(label, o.id.clone()), o));
        }
    }
    let index = |k: &ObligationKey| nodes.iter().position(|(n, _)| n == k);
    let edges = g.edges();
    match format {
        GraphFormat::Text => {
            let mut out = format!(
                "Obligation graph: {} plan(s), {} obligations, {} edges\n",
                g.plans().len(),
                nodes.len(),
                edges.len()
            );
            for (pi, plan) in g.plans().iter().enumerate() {
                out.push_str(&format!(
                    "  {}: {} obligations\n",
                    g.plan_label(pi).unwrap_or_default(),
                    plan.obligations.len()
                ));
            }
            for kind in [EdgeKind::Implements, EdgeKind::Feeds, EdgeKind::Precedes] {
                let of_kind: Vec<&Edge> = edges.iter().filter(|e| e.kind == kind).collect();
                if of_kind.is_empty() {
                    continue;
                }
                out.push_str(&format!("\n{} ({}):\n", kind_name(kind), of_kind.len()));
                for e in of_kind {
                    out.push_str(&format!("  {} → {}\n", e.from, e.to));
                }
            }
            out
        }
        GraphFormat::Json => {
            let j = JsonGraph {
                nodes: nodes
                    .iter()
                    .map(|(k, o)| JsonNode {
                        plan: &k.plan,
                        id: &k.id,
                        text: &o.text,
                        kind: o.kind,
                    })
                    .collect(),
                edges,
            };
            serde_json::to_string_pretty(&j).unwrap_or_else(|_| "{}".into())
        }
        GraphFormat::Dot => {
            let esc = |s: &str| {
                s.replace('\\', "\\\\")
                    .replace('"', "\\\"")
                    .replace('\n', " ")
            };
            let mut out = String::from(
                "digraph obligations {\n  rankdir=BT;\n  node [shape=box, fontsize=10];\n",
            );
            for (i, (k, o)) in nodes.iter().enumerate() {
                out.push_str(&format!(
                    "  n{i} [label=\"{}\\n{}\"];\n",
                    esc(&k.to_string()),
                    esc(&short(&o.text, 60))
                ));
            }
            for e in &edges {
                if let (Some(a), Some(b)) = (index(&e.from), index(&e.to)) {
                    out.push_str(&format!(
                        "  n{a} -> n{b} [label=\"{}\"];\n",
                        kind_name(e.kind)
                    ));
                }
            }
            out.push_str("}\n");
            out
        }
        GraphFormat::Mermaid => {
            let esc = |s: &str| {
                s.replace('"', "#quot;")
                    .replace('<', "#lt;")
                    .replace('>', "#gt;")
                    .replace('\n', " ")
            };
            let mut out = String::from("flowchart BT\n");
            for (i, (k, o)) in nodes.iter().enumerate() {
                out.push_str(&format!(
                    "  n{i}[\"{}<br/>{}\"]\n",
                    esc(&k.to_string()),
                    esc(&short(&o.text, 60))
                ));
            }
            for e in &edges {
                if let (Some(a), Some(b)) = (index(&e.from), index(&e.to)) {
                    out.push_str(&format!("  n{a} -->|{}| n{b}\n", kind_name(e.kind)));
                }
            }
            out
        }
    }
}
