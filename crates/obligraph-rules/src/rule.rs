//! What a rule is: the [`Rule`] trait, the context rules see, and the
//! macros a built-in rule is declared with. The rules, the registry and the
//! audit build on it. The name [`Rule::name`] gives by default comes from
//! the table of codes ([`CODES`], the leaf module `codes`, generated from
//! the rules' own declarations).

use crate::config::Config;
use crate::report::{Finding, Location, ParentObligationReport, Severity, Status};
use obligraph_core::{Obligation, Plan};

pub(crate) use crate::codes::name_of;
pub use crate::codes::CODES;

/// Declares a built-in rule: its unit struct, with the code, short name,
/// default severity and whether it needs a parent, written once here (the
/// registry's table, [`CODES`], is read from these). The doc comment is
/// kept as `DOC`, so that `explain CODE` prints the documentation itself.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does …
///     pub struct MissingObligation {
///         code: "OG001",
///         name: "missing-obligation",
///         severity: Error,
///         needs_parent: true,
///     }
/// }
/// impl Rule for MissingObligation {
///     rule_metadata!();
///     fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) { … }
/// }
/// ```
macro_rules! declare_rule {
    (
        $(#[doc = $d:literal])*
        $vis:vis struct $name:ident {
            code: $code:literal,
            name: $short:literal,
            severity: $severity:ident,
            needs_parent: $needs_parent:literal $(,)?
        }
    ) => {
        $(#[doc = $d])*
        #[derive(Debug, Clone, Copy, Default)]
        $vis struct $name;
        impl $name {
            /// The rule's documentation: its doc comment.
            pub const DOC: &'static str = concat!($($d, "\n"),*);
            /// The rule's stable code.
            pub(crate) const CODE: &'static str = $code;
            /// The rule's short kebab-case name.
            pub(crate) const NAME: &'static str = $short;
            /// The rule's severity unless the configuration says otherwise.
            pub(crate) const SEVERITY: $crate::report::Severity =
                $crate::report::Severity::$severity;
            /// Whether the rule runs only in audits.
            pub(crate) const NEEDS_PARENT: bool = $needs_parent;
        }
    };
}
pub(crate) use declare_rule;

/// The [`Rule`] methods a built-in rule answers from what
/// `declare_rule!` declared (everything but `check`).
macro_rules! rule_metadata {
    () => {
        fn code(&self) -> &'static str {
            Self::CODE
        }
        fn name(&self) -> &'static str {
            Self::NAME
        }
        fn default_severity(&self) -> $crate::report::Severity {
            Self::SEVERITY
        }
        fn explanation(&self) -> &'static str {
            Self::DOC
        }
        fn needs_parent(&self) -> bool {
            Self::NEEDS_PARENT
        }
    };
}
pub(crate) use rule_metadata;

/// A check over a derived plan (and its parent, in an audit).
///
/// Embedders add their own rules to a [`crate::Registry`]:
///
/// ```
/// use obligraph_rules::{Rule, RuleContext, Finding, Severity, Registry, Config, check};
/// use obligraph_core::{Plan, Obligation};
///
/// struct NoEmptyText;
/// impl Rule for NoEmptyText {
///     fn code(&self) -> &'static str { "X001" }
///     fn name(&self) -> &'static str { "empty-text" }
///     fn default_severity(&self) -> Severity { Severity::Warning }
///     fn explanation(&self) -> &'static str { "An obligation with no text." }
///     fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
///         for o in &ctx.plan.obligations {
///             if o.text.trim().is_empty() {
///                 out.push(ctx.finding(self, "empty task".into(), "nhiệm vụ trống".into(), None, Some(o)));
///             }
///         }
///     }
/// }
///
/// let mut reg = Registry::default();
/// reg.register(Box::new(NoEmptyText));
/// let mut plan = Plan::default();
/// plan.obligations.push(Obligation::new("1", " "));
/// let report = reg.check(&plan, &Config::default());
/// assert_eq!(report.findings_with("X001").count(), 1);
/// ```
pub trait Rule: Send + Sync {
    /// Stable code, e.g. `OG001`.
    fn code(&self) -> &'static str;
    /// Short kebab-case name, e.g. `missing-obligation`. Defaults to the
    /// name the built-in code table ([`CODES`]) gives the rule's code
    /// (`unknown` for a code not in it): rules of your own override it.
    fn name(&self) -> &'static str {
        name_of(self.code())
    }
    /// Severity unless the configuration says otherwise.
    fn default_severity(&self) -> Severity;
    /// Documentation: What it does · Why is this bad? · Example · Use instead.
    fn explanation(&self) -> &'static str;
    /// Whether the rule needs a parent plan (runs only in audits).
    fn needs_parent(&self) -> bool {
        false
    }
    /// Appends findings to `out`.
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>);
}

/// What a rule sees.
#[derive(Debug, Clone, Copy)]
pub struct RuleContext<'a> {
    /// The derived plan (the plan checked).
    pub plan: &'a Plan,
    /// The parent plan, in an audit.
    pub parent: Option<&'a Plan>,
    /// The configuration.
    pub config: &'a Config,
    /// Every parent obligation with its status and matches (empty without
    /// a parent), in the parent's order.
    pub parent_obligations: &'a [ParentObligationReport],
    /// Local initiatives: ids of derived obligations with no parent.
    pub(crate) unmatched_children: &'a [crate::report::LocalInitiative],
    /// The obligations of `plan` by id, when built.
    pub(crate) plan_ids: Option<&'a ObligationIds<'a>>,
    /// The obligations of `parent` by id, when built.
    pub(crate) parent_ids: Option<&'a ObligationIds<'a>>,
    /// The normalised texts of `parent`'s obligations (for fingerprints),
    /// kept with its index; with `parent_ids`.
    pub(crate) parent_texts: Option<&'a crate::fingerprint::ParentTexts>,
    /// Whether `plan` is one body's own plan under `parent`
    /// ([`crate::vn::issuing_body`]), worked out once by the audit.
    pub(crate) body_plan: bool,
}

/// Where the first obligation with each id is in a plan: what
/// [`Plan::obligation`] finds, without a scan.
#[derive(Debug, Clone, Default)]
pub(crate) struct ObligationIds<'a>(rustc_hash::FxHashMap<&'a str, usize>);

impl<'a> ObligationIds<'a> {
    /// The ids of `plan`'s obligations.
    pub(crate) fn of(plan: &'a Plan) -> ObligationIds<'a> {
        let mut m = rustc_hash::FxHashMap::default();
        for (i, o) in plan.obligations.iter().enumerate() {
            m.entry(o.id.as_str()).or_insert(i);
        }
        ObligationIds(m)
    }

    /// The position of `o` in `plan` (the plan these ids were taken
    /// from), when it is the first obligation with its id.
    fn position(&self, plan: &Plan, o: &Obligation) -> Option<usize> {
        self.0
            .get(o.id.as_str())
            .copied()
            .filter(|i| plan.obligations.get(*i).is_some_and(|x| std::ptr::eq(x, o)))
    }

    /// `plan.obligation(id)`, for the plan these ids were taken from.
    fn find(&self, plan: &'a Plan, id: &str) -> Option<&'a Obligation> {
        self.0.get(id).and_then(|i| plan.obligations.get(*i))
    }
}

impl<'a> RuleContext<'a> {
    /// The text of parent obligation `o` as fingerprints read it: kept
    /// with the parent's index when `o` is one of its obligations.
    fn normalised_parent_text(&self, o: &Obligation) -> std::borrow::Cow<'a, str> {
        let kept = match (self.parent, self.parent_ids, self.parent_texts) {
            (Some(p), Some(ids), Some(texts)) => ids
                .position(p, o)
                .and_then(|i| texts.get(i, p.obligations.get(i)?.text.as_str())),
            _ => None,
        };
        match kept {
            Some(t) => std::borrow::Cow::Borrowed(t),
            None => std::borrow::Cow::Owned(crate::fingerprint::normalise(&o.text)),
        }
    }

    /// The text of derived obligation `o`, [`crate::fingerprint::normalise`]d:
    /// kept with the parent's index when there is one.
    fn normalised_child_text(&self, o: &Obligation) -> std::sync::Arc<String> {
        match self.parent_texts {
            Some(texts) => texts.derived(&o.text),
            None => std::sync::Arc::new(crate::fingerprint::normalise(&o.text)),
        }
    }

    /// The name of parent plan `p` (its number, else its title),
    /// [`crate::fingerprint::normalise`]d: kept with the parent's index
    /// when there is one.
    fn normalised_plan_name(&self, p: &Plan) -> std::borrow::Cow<'a, str> {
        let name = p.number.as_deref().or(p.title.as_deref()).unwrap_or("");
        match self.parent_texts {
            Some(texts) => std::borrow::Cow::Borrowed(texts.plan(name)),
            None => std::borrow::Cow::Owned(crate::fingerprint::normalise(name)),
        }
    }

    /// The parent obligation with `id`.
    pub fn parent_obligation(&self, id: &str) -> Option<&'a Obligation> {
        let p = self.parent?;
        match self.parent_ids {
            Some(ids) => ids.find(p, id),
            None => p.obligation(id),
        }
    }

    /// The obligation of the checked plan with `id`.
    pub fn obligation(&self, id: &str) -> Option<&'a Obligation> {
        match self.plan_ids {
            Some(ids) => ids.find(self.plan, id),
            None => self.plan.obligation(id),
        }
    }

    /// Derived obligations matched to parent obligation `id`, best first.
    pub fn matched_children(&self, report: &ParentObligationReport) -> Vec<&'a Obligation> {
        report
            .matches
            .iter()
            .filter_map(|m| self.obligation(&m.child_id))
            .collect()
    }

    /// Parent obligations with a given status.
    pub fn with_status(&self, s: Status) -> impl Iterator<Item = &'a ParentObligationReport> {
        self.parent_obligations
            .iter()
            .filter(move |p| p.status == s)
    }

    /// Local initiatives (derived obligations matched to nothing).
    pub fn local_initiatives(&self) -> &'a [crate::report::LocalInitiative] {
        self.unmatched_children
    }

    /// A finding of `rule`, with the severity from the configuration and
    /// both locations filled in.
    pub fn finding(
        &self,
        rule: &dyn Rule,
        message: String,
        message_vi: String,
        parent: Option<&Obligation>,
        child: Option<&Obligation>,
    ) -> Finding {
        Finding {
            code: rule.code().to_string(),
            rule: rule.name().to_string(),
            severity: self.config.severity(rule.code(), rule.default_severity()),
            message,
            message_vi,
            parent_id: parent.map(|p| p.id.clone()),
            child_id: child.map(|c| c.id.clone()),
            parent_location: match (parent, self.parent) {
                (Some(o), Some(p)) => Some(Location::of(p, &o.source)),
                _ => None,
            },
            child_location: child.map(|o| Location::of(self.plan, &o.source)),
            fingerprint: String::new(),
            preimage: crate::fingerprint::preimage(
                rule.code(),
                match (parent, self.parent) {
                    (Some(_), Some(p)) => Some(self.normalised_plan_name(p)),
                    _ => None,
                }
                .as_deref(),
                parent.map(|o| self.normalised_parent_text(o)).as_deref(),
                child
                    .map(|o| self.normalised_child_text(o))
                    .as_deref()
                    .map(String::as_str),
            ),
        }
    }
}

/// A rule as listed by [`crate::Registry::rules`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RuleInfo {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Default severity.
    pub default_severity: Severity,
    /// Whether it needs a parent plan.
    pub needs_parent: bool,
    /// First line of the explanation.
    pub summary: String,
}
