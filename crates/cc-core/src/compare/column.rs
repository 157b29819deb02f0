//! A compared cluster besides its rows: its targets with progress and the
//! on-track line, its series over the years, its policies by category, and
//! what the data leaves out.

use super::*;
use cc_data::yours::Whose;

/// A target with progress towards it.
#[derive(Clone, Debug)]
pub struct TargetProgress {
    pub target: Target,
    pub name: String,
    /// `> 530万辆`.
    pub display: String,
    pub year: Option<i32>,
    pub actual: Option<Cell>,
    /// actual / target, where both share a dimension.
    pub fraction: Option<f64>,
    /// Which way the true progress may lie from `fraction`: the actual's
    /// qualifier only (a target's `> 530万辆` states the goal, not an
    /// uncertainty), so `> 500万辆` towards it is `> 94%`.
    pub bound: RatioBound,
    /// target − actual in the target's natural display unit.
    pub gap: Option<String>,
    /// The target's scope differs from the actual figure's (e.g. province vs cluster).
    pub scope_note: Option<String>,
    pub policy_title: Option<String>,
    /// The growth a year needed to meet the target beside the growth so far,
    /// in words, where a series of the same definition leads to it
    /// ([`crate::series::on_track_for`]); `None` otherwise: no verdict.
    pub on_track: Option<String>,
    /// The target comes from the user's own file laid over the register.
    pub yours: bool,
}

/// A compared cluster with what the panels show besides the rows.
#[derive(Clone, Debug)]
pub struct Column {
    pub id: String,
    pub name: String,
    pub targets: Vec<TargetProgress>,
    /// The cluster's figures over the years: one series per key and
    /// definition with two or more years ([`crate::series::series_of`]).
    pub series: Vec<crate::series::Series>,
    /// Policies by category, in [`Category::ALL`] order.
    pub policies: Vec<(Category, Vec<Policy>)>,
    /// What the data does not say, for the "missing" line of a panel.
    pub missing: Vec<&'static str>,
    /// How much of the cluster comes from the user's own file laid over the
    /// register; `None` for the register's own data.
    pub yours: Option<Whose>,
}

impl TargetProgress {
    /// Progress as shown: `94%`, or `> 94%` where the actual is a bound.
    pub fn progress_text(&self, lang: Lang) -> Option<String> {
        let f = self.fraction?;
        Some(format::bounded(
            self.bound.symbol(),
            &format::progress(f, lang),
        ))
    }
}

pub(super) fn build_column(d: &Dataset, c: &Cluster, lang: Lang) -> Column {
    // Found once for all targets, so many targets on many figures stay linear.
    let latest = cc_data::latest::Latest::of(c);
    let series = crate::series::series_of(d, c);
    let targets = c
        .targets
        .iter()
        .filter_map(|t| {
            let tq = Quantity::new(t.value, &t.unit)?;
            // Progress is measured against measured figures only, never a forecast.
            let actual_metric = latest.actual(&t.key);
            let actual = actual_metric.and_then(|m| {
                let q = Quantity::new(m.value, &m.unit)?;
                (q.dimension() == tq.dimension()).then(|| {
                    let scale =
                        format::scale_for_values(tq.dimension(), lang, [tq.base(), q.base()]);
                    // No history: a target's actual is one figure.
                    cell(m, &scale, tq.dimension(), None, lang)
                })?
            });
            // A target whose scope differs from the figure's (a province-wide
            // target against a cluster figure) is not put in a ratio: no
            // progress and no gap, the scope note says why.
            let scope_note = match (actual_metric, t.definition.as_deref()) {
                // Format 3: the target and the figure name their definitions.
                (Some(m), Some(td))
                    if !definitions_match(
                        Some(td),
                        t.scope.as_ref(),
                        m.definition.as_deref(),
                        m.scope.as_ref(),
                    ) =>
                {
                    Some(
                        t.scope
                            .as_ref()
                            .map_or_else(|| td.to_owned(), |s| s.get(lang).to_owned()),
                    )
                }
                (_, Some(_)) => None,
                _ => match (&t.scope, actual_metric.and_then(|m| m.scope.as_ref())) {
                    (Some(ts), ms) if !same_scope(Some(ts), ms) => Some(ts.get(lang).to_owned()),
                    _ => None,
                },
            };
            let comparable = scope_note.is_none();
            // A range's progress would be a range too; its low end alone
            // ("200%") overstates what is known, so none is given.
            let fraction = actual
                .as_ref()
                .filter(|a| comparable && !a.metric.is_range())
                .and_then(|a| a.quantity.ratio_to(&tq));
            let bound = actual.as_ref().map_or(RatioBound::Exact, |a| {
                RatioBound::of(a.metric.qualifier, Qualifier::Exact)
            });
            let gap = actual
                .as_ref()
                .filter(|a| comparable && !a.metric.is_range())
                .map(|a| {
                    let g = tq.base() - a.quantity.base();
                    let sc = format::scale_for(tq.dimension(), lang, g.abs());
                    format::in_scale(g, &sc, lang)
                });
            Some(TargetProgress {
                name: d
                    .metric_key(&t.key)
                    .map(|k| k.name.get(lang).to_owned())
                    .unwrap_or_else(|| t.key.clone()),
                display: format::figure(&tq, t.qualifier, lang),
                year: t.year,
                fraction,
                bound,
                gap,
                scope_note,
                policy_title: t
                    .policy
                    .as_ref()
                    .and_then(|p| c.policy(p))
                    .map(|p| p.title.get(lang).to_owned()),
                actual,
                on_track: crate::series::on_track_for(&series, t, lang),
                yours: d.target_is_yours(c, t),
                target: t.clone(),
            })
        })
        .collect();
    let policies = Category::ALL
        .iter()
        .map(|cat| {
            (
                *cat,
                c.policies
                    .iter()
                    .filter(|p| p.categories.contains(cat))
                    .cloned()
                    .collect(),
            )
        })
        .collect();
    let mut missing = Vec::new();
    if c.metrics.iter().all(|m| m.subject.is_some()) {
        missing.push("figures");
    }
    if c.lead_firms.is_empty() {
        missing.push("lead_firms");
    }
    if c.promotion_org.is_none() {
        missing.push("promotion_org");
    }
    if c.targets.is_empty() {
        missing.push("targets");
    }
    if c.policies.is_empty() {
        missing.push("policies");
    }
    Column {
        id: c.id.clone(),
        name: c.name.get(lang).to_owned(),
        targets,
        series,
        policies,
        missing,
        yours: d.yours_in(&c.id),
    }
}
