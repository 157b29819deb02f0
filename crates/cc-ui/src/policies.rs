//! Policies you can read: each compared cluster's policy list (title, issuer,
//! year, categories; the summary, source and the phrase as written on hover),
//! and a search across every policy of the dataset (title, issuer, category)
//! whose results name their cluster or province.

use egui::{RichText, Ui};

use super::i18n::{self};
use super::widgets;
use super::{ViewCtx, theme};
use cc_data::model::{Category, Dataset, Lang, Policy};

/// The compared clusters' policies, one card per cluster in panel order.
pub struct PolicyLists<'a> {
    pub ctx: &'a ViewCtx<'a>,
}

/// Search across every policy in the dataset. The query is kept in egui's
/// memory for the session (never persisted, so no hidden filter on the next run).
pub struct PolicySearch<'a> {
    pub ctx: &'a ViewCtx<'a>,
}

/// Where a policy belongs: a cluster or a provincial system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    Cluster(usize),
    Province(usize),
}

/// One search hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub owner: Owner,
    pub policy: usize,
}

fn category_matches(c: Category, q: &str, raw: &str) -> bool {
    i18n::category(Lang::Zh, c).contains(raw)
        || i18n::category(Lang::En, c).to_lowercase().contains(q)
}

fn policy_matches(p: &Policy, q: &str, raw: &str) -> bool {
    p.title.zh.contains(raw)
        || p.title.en.to_lowercase().contains(q)
        || p.issuer.zh.contains(raw)
        || p.issuer.en.to_lowercase().contains(q)
        || p.categories.iter().any(|&c| category_matches(c, q, raw))
}

/// Every policy whose title, issuer or category (in either language) contains
/// `query`; clusters' policies first, then provincial systems', in file order.
pub fn search(d: &Dataset, query: &str) -> Vec<Hit> {
    let raw = query.trim();
    if raw.is_empty() {
        return Vec::new();
    }
    let q = raw.to_lowercase();
    let clusters = d.clusters.iter().enumerate().flat_map(|(ci, c)| {
        c.policies
            .iter()
            .enumerate()
            .filter(|(_, p)| policy_matches(p, &q, raw))
            .map(move |(pi, _)| Hit {
                owner: Owner::Cluster(ci),
                policy: pi,
            })
    });
    let provinces = d
        .context
        .provincial_systems
        .iter()
        .enumerate()
        .flat_map(|(si, s)| {
            s.policies
                .iter()
                .enumerate()
                .filter(|(_, p)| policy_matches(p, &q, raw))
                .map(move |(pi, _)| Hit {
                    owner: Owner::Province(si),
                    policy: pi,
                })
        });
    clusters.chain(provinces).collect()
}

/// The policy a hit points to, and the name of its cluster or province.
pub fn resolve(d: &Dataset, h: Hit, lang: Lang) -> Option<(&Policy, String)> {
    match h.owner {
        Owner::Cluster(c) => {
            let c = d.clusters.get(c)?;
            Some((c.policies.get(h.policy)?, c.name.get(lang).to_owned()))
        }
        Owner::Province(s) => {
            let s = d.context.provincial_systems.get(s)?;
            Some((
                s.policies.get(h.policy)?,
                format!(
                    "{}{}",
                    s.province.get(lang),
                    crate::words::PROVINCIAL_POLICY.get(lang)
                ),
            ))
        }
    }
}

/// One policy: title, then issuer · year, then its categories; the summary,
/// source and quote on hover of the title.
fn policy_entry(ui: &mut Ui, d: &Dataset, p: &Policy, lang: Lang, owner: Option<&str>) {
    let r = ui.add(egui::Label::new(RichText::new(p.title.get(lang)).strong()).wrap());
    let summary = p.summary.as_ref().map(|s| s.get(lang));
    widgets::with_source(r, d, &p.source, lang, summary);
    ui.horizontal_wrapped(|ui| {
        if let Some(o) = owner {
            ui.label(RichText::new(o).small().color(theme::of(ui).accent));
            widgets::weak(ui, "·");
        }
        let issuer = p.issuer.get(lang);
        let year = p
            .year
            .map_or(crate::words::YEAR_NOT_STATED.get(lang).to_owned(), |y| {
                y.to_string()
            });
        widgets::weak(
            ui,
            if issuer.is_empty() {
                year
            } else {
                format!("{issuer} · {year}")
            },
        );
        for &c in &p.categories {
            widgets::chip(ui, i18n::category(lang, c));
        }
    });
    ui.add_space(theme::GAP_SMALL);
}

impl PolicyLists<'_> {
    pub fn ui(&mut self, ui: &mut Ui) {
        let cx = self.ctx;
        let lang = cx.lang;
        widgets::section(
            ui,
            crate::words::POLICIES_OF_THE_COMPARED_CLUSTERS.get(lang),
        );
        widgets::weak(ui, crate::words::HOVER_A_TITLE_FOR_ITS_SUMMARY.get(lang));
        let cols = &cx.comparison.columns;
        // A click on a matrix cell narrows the lists to that cluster and category.
        let focus =
            crate::matrix::focus(ui.ctx()).filter(|(id, _)| cols.iter().any(|c| c.id == *id));
        if let Some((id, cat)) = &focus {
            let name = cols
                .iter()
                .find(|c| c.id == *id)
                .map_or(String::new(), |c| c.name.clone());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!(
                        "{}{name} · {}",
                        crate::words::SHOWING_ONLY.get(lang),
                        i18n::category(lang, *cat)
                    ))
                    .strong(),
                );
                if ui.button(crate::words::SHOW_ALL.get(lang)).clicked() {
                    crate::matrix::set_focus(ui.ctx(), None);
                }
            });
        }
        let card = |ui: &mut Ui, i: usize| {
            let col = &cols[i];
            let Some(c) = cx.dataset.cluster(&col.id) else {
                return;
            };
            let only = focus.as_ref().map(|(_, cat)| *cat);
            theme::card_frame(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(&col.name)
                            .strong()
                            .color(theme::series(ui, i)),
                    );
                    widgets::weak(
                        ui,
                        format!(
                            "{} {}",
                            c.policies.len(),
                            crate::words::POLICIES_2.get(lang)
                        ),
                    );
                });
                if c.policies.is_empty() {
                    widgets::weak(ui, crate::words::THE_DATA_RECORDS_NO_POLICIES_FOR.get(lang));
                }
                for p in c
                    .policies
                    .iter()
                    .filter(|p| only.is_none_or(|cat| p.categories.contains(&cat)))
                {
                    policy_entry(ui, cx.dataset, p, lang, None);
                }
            });
        };
        if let Some((id, _)) = &focus {
            if let Some(i) = cols.iter().position(|c| c.id == *id) {
                card(ui, i);
            }
            return;
        }
        // Side by side where each list gets a readable width, else one below the other.
        let n = cols.len();
        if n > 1 && ui.available_width() / n as f32 >= 420.0 {
            ui.columns(n, |uis| {
                for (i, ui) in uis.iter_mut().enumerate() {
                    card(ui, i);
                }
            });
        } else {
            for i in 0..n {
                card(ui, i);
                ui.add_space(theme::GAP_SMALL);
            }
        }
    }
}

/// At most this many results are drawn; the count says how many matched.
const MAX_SHOWN: usize = 100;

impl PolicySearch<'_> {
    pub fn ui(&mut self, ui: &mut Ui) {
        let cx = self.ctx;
        let lang = cx.lang;
        let id = egui::Id::unique("policy-search-query");
        let mut query: String = ui.data_mut(|m| m.get_temp(id).unwrap_or_default());
        widgets::section(ui, crate::words::SEARCH_ALL_POLICIES.get(lang));
        ui.horizontal(|ui| {
            let r = ui.add(
                egui::TextEdit::singleline(&mut query)
                    .hint_text(crate::words::TITLE_ISSUER_OR_CATEGORY.get(lang))
                    .desired_width(320.0),
            );
            r.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    crate::words::SEARCH_POLICIES.get(lang),
                )
            });
            if !query.is_empty() && ui.button(crate::words::CLEAR.get(lang)).clicked() {
                query.clear();
            }
        });
        ui.data_mut(|m| m.insert_temp(id, query.clone()));
        if query.trim().is_empty() {
            return;
        }
        let hits = search(cx.dataset, &query);
        widgets::weak(
            ui,
            if hits.is_empty() {
                crate::words::NO_POLICY_MATCHES.get(lang).to_owned()
            } else if hits.len() > MAX_SHOWN {
                format!(
                    "{} {}{MAX_SHOWN}{}",
                    hits.len(),
                    crate::words::MATCH_THE_FIRST.get(lang),
                    crate::words::ARE_SHOWN.get(lang)
                )
            } else {
                format!("{} {}", hits.len(), crate::words::MATCH.get(lang))
            },
        );
        theme::card_frame(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            for h in hits.iter().take(MAX_SHOWN) {
                if let Some((p, owner)) = resolve(cx.dataset, *h, lang) {
                    policy_entry(ui, cx.dataset, p, lang, Some(&owner));
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cc_data::model::{Citation, Cluster, Text};

    #[test]
    fn search_matches_title_issuer_and_category_and_names_the_cluster() {
        let pol = |id: &str, title: &str, issuer: &str, cat: Category| Policy {
            id: id.into(),
            title: Text::new(title, ""),
            issuer: Text::new(issuer, "Shenzhen government"),
            categories: vec![cat],
            source: Citation::default(),
            ..Default::default()
        };
        let d = Dataset {
            clusters: vec![Cluster {
                id: "a".into(),
                name: Text::new("甲集群", "Cluster A"),
                policies: vec![
                    pol("p1", "人才计划", "市政府", Category::Talent),
                    pol("p2", "产业基金", "市财政局", Category::FinanceFunds),
                ],
                ..Default::default()
            }],
            ..Default::default()
        };
        assert_eq!(search(&d, "基金").len(), 1);
        assert_eq!(search(&d, "财政").len(), 1);
        assert_eq!(search(&d, "TALENT").len(), 1, "category in English");
        assert_eq!(search(&d, "shenzhen").len(), 2, "issuer in English");
        assert!(search(&d, "  ").is_empty());
        let (p, owner) = resolve(&d, search(&d, "基金")[0], Lang::En).unwrap();
        assert_eq!(p.id, "p2");
        assert_eq!(owner, "Cluster A");
    }
}
