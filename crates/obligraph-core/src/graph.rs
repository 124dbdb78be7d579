//! The obligation graph over one or many plans.
//!
//! Edges point *upward or forward*:
//! - [`EdgeKind::Implements`]: a derived obligation → the parent obligation it
//!   carries out;
//! - [`EdgeKind::Feeds`]: a report → the report that compiles it at the level
//!   above;
//! - [`EdgeKind::Precedes`]: a prerequisite → the task that waits for it.
//!
//! petgraph is an implementation detail: nodes are named by
//! [`ObligationKey`] (plan label + obligation id).

use crate::deadline::Deadline;
use crate::model::{ObligationRef, Plan};
use crate::Obligation;
use petgraph::algo::{tarjan_scc, toposort};
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{Dfs, EdgeRef, IntoEdgeReferences, Reversed};
use petgraph::Direction;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// The kind of an edge in the obligation graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// Derived obligation → parent obligation it carries out.
    Implements,
    /// Report → the report at the level above that compiles it.
    Feeds,
    /// Prerequisite → the task that waits for it.
    Precedes,
}

/// Names an obligation inside a [`PlanGraph`]: the plan's label (its number,
/// else its title) and the obligation id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ObligationKey {
    /// The plan's label.
    pub plan: String,
    /// The obligation's id inside the plan.
    pub id: String,
}

impl ObligationKey {
    /// A key from a plan label and an obligation id.
    pub fn new(plan: impl Into<String>, id: impl Into<String>) -> Self {
        ObligationKey {
            plan: plan.into(),
            id: id.into(),
        }
    }
}

impl fmt::Display for ObligationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.plan, self.id)
    }
}

/// An edge, by its endpoints' keys.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edge {
    /// Source.
    pub from: ObligationKey,
    /// Target.
    pub to: ObligationKey,
    /// Kind.
    pub kind: EdgeKind,
}

/// Errors from building or querying a [`PlanGraph`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GraphError {
    /// The graph has a cycle; the obligations on it, in order.
    #[error("the obligations form a cycle: {}", fmt_cycle(.cycle))]
    Cycle {
        /// The obligations on the cycle.
        cycle: Vec<ObligationKey>,
    },
    /// A key or reference names no obligation in the graph.
    #[error("no obligation `{key}` in the graph")]
    UnknownObligation {
        /// The missing key.
        key: ObligationKey,
    },
}

fn fmt_cycle(c: &[ObligationKey]) -> String {
    let mut parts: Vec<String> = c.iter().map(ToString::to_string).collect();
    if let Some(first) = parts.first().cloned() {
        parts.push(first);
    }
    parts.join(" → ")
}

/// One step of a deadline chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainLink {
    /// The obligation.
    pub key: ObligationKey,
    /// Its deadline, if parsed.
    pub deadline: Option<Deadline>,
}

/// A graph of obligations across plans.
///
/// ```
/// use obligraph_core::{EdgeKind, Obligation, ObligationKey, Plan, PlanGraph};
/// let mut parent = Plan::default();
/// parent.number = Some("2715/QĐ-TTg".into());
/// parent.obligations.push(Obligation::new("1", "Rà soát pháp luật"));
/// let mut child = Plan::default();
/// child.number = Some("74/KH-UBND".into());
/// child.obligations.push(Obligation::new("I", "Rà soát quy định pháp luật"));
/// let mut g = PlanGraph::new(vec![parent, child]);
/// let c = ObligationKey::new("74/KH-UBND", "I");
/// let p = ObligationKey::new("2715/QĐ-TTg", "1");
/// g.add_edge(&c, &p, EdgeKind::Implements).unwrap();
/// assert_eq!(g.ancestors(&c).unwrap(), vec![p]);
/// ```
#[derive(Debug, Clone)]
pub struct PlanGraph {
    plans: Vec<Plan>,
    labels: Vec<String>,
    graph: StableDiGraph<(usize, usize), EdgeKind>,
    index: HashMap<ObligationKey, NodeIndex>,
    unresolved: Vec<(ObligationKey, ObligationRef, EdgeKind)>,
}

impl PlanGraph {
    /// Builds the graph of `plans`, with an edge for every `implements`,
    /// `feeds` and `after` reference that names an obligation in the set.
    /// References that name nothing are kept in [`PlanGraph::unresolved`].
    ///
    /// Plans with the same label are told apart by a `#2`, `#3` … suffix.
    pub fn new(plans: Vec<Plan>) -> Self {
        let mut labels: Vec<String> = Vec::with_capacity(plans.len());
        for p in &plans {
            let base = p.label();
            let mut label = base.clone();
            let mut n = 1;
            while labels.contains(&label) {
                n += 1;
                label = format!("{base}#{n}");
            }
            labels.push(label);
        }
        let mut graph = StableDiGraph::new();
        let mut index = HashMap::new();
        for (pi, p) in plans.iter().enumerate() {
            for (oi, o) in p.obligations.iter().enumerate() {
                let key = ObligationKey::new(labels[pi].clone(), o.id.clone());
                let n = graph.add_node((pi, oi));
                index.entry(key).or_insert(n);
            }
        }
        let mut g = PlanGraph {
            plans,
            labels,
            graph,
            index,
            unresolved: Vec::new(),
        };
        let mut pending = Vec::new();
        for (pi, p) in g.plans.iter().enumerate() {
            for o in &p.obligations {
                let from = ObligationKey::new(g.labels[pi].clone(), o.id.clone());
                for (refs, kind) in [
                    (&o.implements, EdgeKind::Implements),
                    (&o.feeds, EdgeKind::Feeds),
                ] {
                    for r in refs {
                        pending.push((from.clone(), r.clone(), kind, false));
                    }
                }
                for r in &o.after {
                    pending.push((from.clone(), r.clone(), EdgeKind::Precedes, true));
                }
            }
        }
        for (from, r, kind, reversed) in pending {
            let to = ObligationKey::new(
                r.plan.clone().unwrap_or_else(|| from.plan.clone()),
                r.id.clone(),
            );
            let (a, b) = if reversed { (&to, &from) } else { (&from, &to) };
            if g.add_edge(a, b, kind).is_err() {
                g.unresolved.push((from, r, kind));
            }
        }
        g
    }

    /// References that named no obligation in the graph: the obligation that
    /// holds the reference, the reference, and the edge kind it would make.
    pub fn unresolved(&self) -> &[(ObligationKey, ObligationRef, EdgeKind)] {
        &self.unresolved
    }

    /// The plans, in the order given.
    pub fn plans(&self) -> &[Plan] {
        &self.plans
    }

    /// The label used in keys for the plan at `index`.
    pub fn plan_label(&self, index: usize) -> Option<&str> {
        self.labels.get(index).map(String::as_str)
    }

    /// Number of obligations.
    pub fn len(&self) -> usize {
        self.graph.node_count()
    }

    /// Whether the graph has no obligation.
    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }

    /// The obligation named by `key`.
    pub fn obligation(&self, key: &ObligationKey) -> Option<&Obligation> {
        let n = self.index.get(key)?;
        let (pi, oi) = *self.graph.node_weight(*n)?;
        self.plans.get(pi)?.obligations.get(oi)
    }

    fn node(&self, key: &ObligationKey) -> Result<NodeIndex, GraphError> {
        self.index
            .get(key)
            .copied()
            .ok_or_else(|| GraphError::UnknownObligation { key: key.clone() })
    }

    fn key(&self, n: NodeIndex) -> ObligationKey {
        let (pi, oi) = self.graph[n];
        ObligationKey::new(
            self.labels[pi].clone(),
            self.plans[pi].obligations[oi].id.clone(),
        )
    }

    /// Adds an edge; both ends must exist. Adding the same edge twice keeps one.
    pub fn add_edge(
        &mut self,
        from: &ObligationKey,
        to: &ObligationKey,
        kind: EdgeKind,
    ) -> Result<(), GraphError> {
        let a = self.node(from)?;
        let b = self.node(to)?;
        let exists = self
            .graph
            .edges_connecting(a, b)
            .any(|e| *e.weight() == kind);
        if !exists {
            self.graph.add_edge(a, b, kind);
        }
        Ok(())
    }

    /// All edges.
    pub fn edges(&self) -> Vec<Edge> {
        self.graph
            .edge_references()
            .map(|e| Edge {
                from: self.key(e.source()),
                to: self.key(e.target()),
                kind: *e.weight(),
            })
            .collect()
    }

    /// Every cycle (strongly connected group of two or more obligations, or a
    /// self-loop), each as the list of its obligations.
    pub fn cycles(&self) -> Vec<Vec<ObligationKey>> {
        let mut out: Vec<Vec<ObligationKey>> = tarjan_scc(&self.graph)
            .into_iter()
            .filter(|scc| {
                scc.len() > 1 || scc.iter().any(|n| self.graph.find_edge(*n, *n).is_some())
            })
            .map(|scc| self.order_cycle(&scc))
            .collect();
        out.sort();
        out
    }

    /// Walks one cycle inside a strongly connected group so the keys come in
    /// edge order.
    fn order_cycle(&self, scc: &[NodeIndex]) -> Vec<ObligationKey> {
        let Some(&start) = scc.iter().min_by_key(|n| self.key(**n)) else {
            return Vec::new();
        };
        let mut path = vec![start];
        let mut cur = start;
        loop {
            let next = self
                .graph
                .neighbors_directed(cur, Direction::Outgoing)
                .filter(|n| scc.contains(n))
                .min_by_key(|n| self.key(*n));
            match next {
                Some(n) if n == start => break,
                Some(n) if !path.contains(&n) => {
                    path.push(n);
                    cur = n;
                }
                Some(n) => {
                    // Close a smaller loop that does not return to start.
                    if let Some(pos) = path.iter().position(|p| *p == n) {
                        path.drain(..pos);
                    }
                    break;
                }
                None => break,
            }
        }
        path.into_iter().map(|n| self.key(n)).collect()
    }

    /// Obligations in an order where every edge goes forward (prerequisites
    /// and derived obligations first). Fails with the cycle when there is one.
    pub fn topological_order(&self) -> Result<Vec<ObligationKey>, GraphError> {
        match toposort(&self.graph, None) {
            Ok(v) => Ok(v.into_iter().map(|n| self.key(n)).collect()),
            Err(_) => Err(GraphError::Cycle {
                cycle: self.cycles().into_iter().next().unwrap_or_default(),
            }),
        }
    }

    /// Everything reachable from `key` along edges (what it implements,
    /// feeds or precedes, transitively), in discovery order.
    pub fn ancestors(&self, key: &ObligationKey) -> Result<Vec<ObligationKey>, GraphError> {
        let start = self.node(key)?;
        let mut dfs = Dfs::new(&self.graph, start);
        let mut out = Vec::new();
        while let Some(n) = dfs.next(&self.graph) {
            if n != start {
                out.push(self.key(n));
            }
        }
        Ok(out)
    }

    /// Everything that reaches `key` (what implements, feeds or precedes it,
    /// transitively), in discovery order.
    pub fn descendants(&self, key: &ObligationKey) -> Result<Vec<ObligationKey>, GraphError> {
        let start = self.node(key)?;
        let rev = Reversed(&self.graph);
        let mut dfs = Dfs::new(rev, start);
        let mut out = Vec::new();
        while let Some(n) = dfs.next(rev) {
            if n != start {
                out.push(self.key(n));
            }
        }
        Ok(out)
    }

    /// The chain of reports from `key` upward along `feeds` edges (falling
    /// back to `implements` where no `feeds` edge leaves an obligation),
    /// starting with `key` itself. Stops at a cycle.
    pub fn deadline_chain(&self, key: &ObligationKey) -> Result<Vec<ChainLink>, GraphError> {
        let mut cur = self.node(key)?;
        let mut seen = vec![cur];
        let mut out = Vec::new();
        loop {
            let k = self.key(cur);
            out.push(ChainLink {
                deadline: self.obligation(&k).and_then(|o| o.deadline.clone()),
                key: k,
            });
            let next_of = |kind: EdgeKind| {
                self.graph
                    .edges_directed(cur, Direction::Outgoing)
                    .filter(|e| *e.weight() == kind)
                    .map(|e| e.target())
                    .min_by_key(|n| self.key(*n))
            };
            match next_of(EdgeKind::Feeds).or_else(|| next_of(EdgeKind::Implements)) {
                Some(n) if !seen.contains(&n) => {
                    seen.push(n);
                    cur = n;
                }
                _ => break,
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(num: &str, ids: &[&str]) -> Plan {
        Plan {
            number: Some(num.into()),
            obligations: ids.iter().map(|i| Obligation::new(*i, *i)).collect(),
            ..Plan::default()
        }
    }

    #[test]
    fn cycle_is_named_in_order() {
        let mut g = PlanGraph::new(vec![plan("A", &["1", "2", "3"])]);
        let k = |i: &str| ObligationKey::new("A", i);
        g.add_edge(&k("1"), &k("2"), EdgeKind::Precedes).unwrap();
        g.add_edge(&k("2"), &k("3"), EdgeKind::Precedes).unwrap();
        assert!(g.topological_order().is_ok());
        g.add_edge(&k("3"), &k("1"), EdgeKind::Precedes).unwrap();
        let err = g.topological_order().unwrap_err();
        assert_eq!(
            err,
            GraphError::Cycle {
                cycle: vec![k("1"), k("2"), k("3")]
            }
        );
        assert_eq!(
            err.to_string(),
            "the obligations form a cycle: A#1 → A#2 → A#3 → A#1"
        );
    }

    #[test]
    fn unknown_key_is_an_error() {
        let mut g = PlanGraph::new(vec![plan("A", &["1"])]);
        assert!(matches!(
            g.add_edge(
                &ObligationKey::new("A", "1"),
                &ObligationKey::new("B", "9"),
                EdgeKind::Feeds
            ),
            Err(GraphError::UnknownObligation { .. })
        ));
    }

    #[test]
    fn references_become_edges_or_unresolved() {
        let mut child = plan("C", &["1", "2"]);
        child.obligations[0].implements.push(ObligationRef {
            plan: Some("P".into()),
            id: "9".into(),
        });
        child.obligations[1].implements.push(ObligationRef {
            plan: Some("P".into()),
            id: "nope".into(),
        });
        let g = PlanGraph::new(vec![plan("P", &["9"]), child]);
        assert_eq!(g.edges().len(), 1);
        assert_eq!(g.unresolved().len(), 1);
        assert_eq!(
            g.descendants(&ObligationKey::new("P", "9")).unwrap(),
            vec![ObligationKey::new("C", "1")]
        );
    }
}
