//! The cluster list: search by Chinese or English name or id, filter by level,
//! industry, province and designation year, and add clusters as panels. Below
//! it, the compared clusters: reorder, remove, choose the baseline.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use super::i18n::{self};
use super::widgets;
use super::{Action, DataGen, MAX_PANELS, Memo, theme};
pub use cc_core::filter::{Filters, filter};
use cc_core::format;
use cc_data::model::{Dataset, Field, Lang, Level};

/// The picker's state. Filter results are cached per dataset and filter.
#[derive(Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Picker {
    pub filters: Filters,
    /// List only clusters that have figures.
    pub with_figures: bool,
    /// Set to focus the search box on the next frame (Ctrl+F).
    #[serde(skip)]
    pub focus_search: bool,
    #[serde(skip)]
    cache: Memo<(Filters, bool), Vec<usize>>,
    #[serde(skip)]
    options: Memo<(), Options>,
}

#[derive(Default)]
struct Options {
    industries: Vec<String>,
    provinces: Vec<String>,
    years: Vec<i32>,
}

impl Picker {
    /// Carries the filters over to another language: a filter is on a
    /// province or an industry, not on a word, so it names the same one as
    /// the data writes it in `to`. A value the data does not have stays (it
    /// is dropped as stale when the list is drawn).
    pub fn relabel(&mut self, d: &Dataset, from: Lang, to: Lang) {
        let f = &mut self.filters;
        if let Some(p) = &f.province
            && let Some(t) = d
                .clusters
                .iter()
                .flat_map(|c| &c.provinces)
                .find(|t| t.get(from) == p.as_str())
        {
            f.province = Some(t.get(to).to_owned());
        }
        if let Some(i) = &f.industry
            && let Some(c) = d
                .clusters
                .iter()
                .find(|c| c.industry.get(from) == i.as_str())
        {
            f.industry = Some(c.industry.get(to).to_owned());
        }
    }

    /// `data` names the dataset and language `d` and `lang` are.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        d: &Dataset,
        data: DataGen,
        lang: Lang,
        compared: &[String],
        baseline: Option<usize>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        widgets::section(ui, crate::words::CLUSTERS_2.get(lang));
        // The search box with its clear button: a search remembered from the
        // last run is in plain sight and gone with one click.
        let mut clear_query = false;
        let search = ui
            .horizontal(|ui| {
                // Right to left: the button first, then the box takes what is left.
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let has = !self.filters.query.is_empty();
                    let b = ui
                        .add_enabled(has, egui::Button::new("×").small())
                        .on_hover_text(crate::words::CLEAR_THE_SEARCH.get(lang));
                    b.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            has,
                            crate::words::CLEAR_THE_SEARCH.get(lang),
                        )
                    });
                    clear_query = b.clicked();
                    ui.add(
                        egui::TextEdit::singleline(&mut self.filters.query)
                            .hint_text(crate::words::SEARCH_NAME_OR_ID_CTRL_F.get(lang))
                            .desired_width(f32::INFINITY),
                    )
                })
                .inner
            })
            .inner;
        if clear_query {
            self.filters.query.clear();
        }
        search.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::TextInput,
                true,
                crate::words::SEARCH_CLUSTERS.get(lang),
            )
        });
        if std::mem::take(&mut self.focus_search) {
            search.request_focus();
        }
        if !self.options.is_fresh(data, &()) {
            let mut ind = BTreeSet::new();
            let mut prov = BTreeSet::new();
            let mut years = BTreeSet::new();
            for c in &d.clusters {
                ind.insert(c.industry.get(lang).to_owned());
                prov.extend(c.provinces.iter().map(|p| p.get(lang).to_owned()));
                years.extend(c.designation_year());
            }
            // A filter set in another language or dataset would silently hide everything.
            let f = &mut self.filters;
            if f.industry.as_ref().is_some_and(|v| !ind.contains(v)) {
                f.industry = None;
            }
            if f.province.as_ref().is_some_and(|v| !prov.contains(v)) {
                f.province = None;
            }
            if f.year.is_some_and(|y| !years.contains(&y)) {
                f.year = None;
            }
            // Chinese names in pinyin order, not by code point.
            let mut industries: Vec<String> = ind.into_iter().collect();
            let mut provinces: Vec<String> = prov.into_iter().collect();
            cc_core::collate::sort(&mut industries, lang);
            cc_core::collate::sort(&mut provinces, lang);
            self.options.get_or_compute(data, &(), || Options {
                industries,
                provinces,
                years: years.into_iter().collect(),
            });
        }
        let all = crate::words::ALL_LABEL.get(lang);
        // On a short window the filters fold away (open where one is set),
        // so the list and the compared clusters keep their room.
        let short = ui.available_height() < 700.0;
        let set = [
            self.filters.level.is_some(),
            self.filters.industry.is_some(),
            self.filters.province.is_some(),
            self.filters.field.is_some(),
            self.filters.year.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        if let Some(o) = self.options.get() {
            let f = &mut self.filters;
            let mut grid = |ui: &mut Ui| {
                egui::Grid::new("filters").num_columns(2).show(ui, |ui| {
                    let label = ui.label(crate::words::LEVEL.get(lang));
                    egui::ComboBox::from_id_salt("f-level")
                        .selected_text(f.level.map_or(all, |l| i18n::level(lang, l)))
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut f.level, None, all);
                            for l in Level::ALL {
                                ui.selectable_value(&mut f.level, Some(l), i18n::level(lang, l));
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    combo(
                        ui,
                        crate::words::INDUSTRY.get(lang),
                        "f-industry",
                        &mut f.industry,
                        &o.industries,
                        all,
                    );
                    combo(
                        ui,
                        crate::words::PROVINCE.get(lang),
                        "f-province",
                        &mut f.province,
                        &o.provinces,
                        all,
                    );
                    let label = ui.label(crate::words::FIELD.get(lang));
                    egui::ComboBox::from_id_salt("f-field")
                        .selected_text(f.field.map_or(all, |x| x.name(lang)))
                        .width(170.0)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut f.field, None, all);
                            for x in Field::ALL {
                                ui.selectable_value(&mut f.field, Some(x), x.name(lang));
                            }
                        })
                        .response
                        .on_hover_text(crate::words::MIIT_S_SIX_FIELDS_OF_THE.get(lang))
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(crate::words::DESIGNATED.get(lang));
                    egui::ComboBox::from_id_salt("f-year")
                        .selected_text(f.year.map_or(all.to_owned(), |y| y.to_string()))
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut f.year, None, all);
                            for y in &o.years {
                                ui.selectable_value(&mut f.year, Some(*y), y.to_string());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                })
            };
            if short {
                let title = match (lang, set) {
                    (Lang::Zh, 0) => "筛选".to_owned(),
                    (Lang::Zh, n) => format!("筛选（已设 {n} 项）"),
                    (Lang::En, 0) => "Filters".to_owned(),
                    (Lang::En, n) => format!("Filters ({n} set)"),
                };
                egui::CollapsingHeader::new(title)
                    .id_salt("filters-folded")
                    .default_open(set > 0)
                    .show(ui, |ui| grid(ui));
            } else {
                grid(ui);
            }
        }
        // Filter again only when the data, language or filters changed.
        ui.checkbox(
            &mut self.with_figures,
            crate::words::WITH_FIGURES_ONLY.get(lang),
        )
        .on_hover_text(crate::words::LIST_ONLY_THE_CLUSTERS_THAT_HAVE.get(lang));
        let key = (self.filters.clone(), self.with_figures);
        let found = self
            .cache
            .get_or_compute(data, &key, || {
                let mut found = filter(d, &key.0, lang);
                if key.1 {
                    found.retain(|&i| !d.clusters[i].metrics.is_empty());
                }
                // By name: pinyin order in Chinese, alphabetical in English.
                found.sort_by_cached_key(|&i| {
                    cc_core::collate::key(d.clusters[i].name.get(lang), lang)
                });
                found
            })
            .as_slice();
        let mut clear_all = false;
        if found.len() < d.clusters.len() {
            // Filters hide clusters: say so, and offer the way back.
            ui.horizontal_wrapped(|ui| {
                let p = theme::of(ui);
                ui.label(
                    RichText::new(match lang {
                        Lang::Zh => format!("显示 {} / {} 个集群", found.len(), d.clusters.len()),
                        Lang::En => {
                            format!("Showing {} of {} clusters", found.len(), d.clusters.len())
                        }
                    })
                    .color(p.warn),
                );
                clear_all = ui
                    .link(crate::words::CLEAR_FILTERS.get(lang))
                    .on_hover_text(crate::words::CLEAR_THE_SEARCH_AND_EVERY_FILTER.get(lang))
                    .clicked();
            });
        } else {
            widgets::weak(
                ui,
                format!(
                    "{} {}",
                    crate::words::ALL_LABEL.get(lang),
                    format::count(d.clusters.len(), lang, "个集群", "cluster", "clusters")
                ),
            );
        }
        if let (Some((named, announced)), Some(full)) = (
            d.register_named(),
            cc_core::format::register_coverage(d, lang),
        ) {
            // How much of the national register the data names.
            widgets::weak(
                ui,
                match lang {
                    Lang::Zh => format!("国家集群名录：{announced}个中列出{named}个"),
                    Lang::En => format!("National register: named {named} of {announced}"),
                },
            )
            .on_hover_text(full);
        }
        if clear_all {
            self.filters = Filters::default();
            self.with_figures = false;
            ui.ctx().request_repaint();
        }
        let full = compared.len() >= MAX_PANELS;
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
        // The list takes what the Compared section below leaves, so all of
        // it (up to six rows) stays in view on a small screen.
        let compared_h = 60.0 + row_h * compared.len().max(1) as f32;
        let list_h = (ui.available_height() - compared_h).max(3.0 * row_h);
        egui::ScrollArea::vertical()
            .id_salt("cluster-list")
            .max_height(list_h)
            .auto_shrink([false, true])
            .show_rows(ui, row_h, found.len(), |ui, range| {
                for &i in &found[range] {
                    let c = &d.clusters[i];
                    let added = compared.contains(&c.id);
                    ui.horizontal(|ui| {
                        let label = format!("{} {}", crate::words::ADD.get(lang), c.id);
                        let mut add = widgets::add_button(ui, lang, label, added, full);
                        let n = c.metrics.len();
                        let p = theme::of(ui);
                        // The figure count on the right; the name takes what is left.
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            let count =
                                ui.label(RichText::new(n.to_string()).small().color(if n == 0 {
                                    p.text_weak
                                } else {
                                    p.text
                                }));
                            count.on_hover_text(figures_text(lang, n));
                            // The user's own clusters, and register clusters
                            // holding the user's figures, are marked.
                            widgets::yours_chip(ui, d, &c.id, lang);
                            ui.with_layout(
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| {
                                    let mut name = RichText::new(c.name.get(lang));
                                    if n == 0 {
                                        name = name.color(p.text_weak);
                                    }
                                    let can_add = !added && !full;
                                    let r = ui
                                        .add(
                                            egui::Label::new(name)
                                                .truncate()
                                                .sense(egui::Sense::click()),
                                        )
                                        .on_hover_text(format!(
                                            "{}\n{}\n{}\n{}",
                                            c.name.get(lang),
                                            c.id,
                                            c.industry.get(lang),
                                            if added {
                                                crate::words::ALREADY_COMPARED.get(lang)
                                            } else if full {
                                                widgets::full_text(lang)
                                            } else {
                                                crate::words::CLICK_TO_ADD_IT_TO_THE.get(lang)
                                            }
                                        ));
                                    let r = if can_add {
                                        r.on_hover_cursor(egui::CursorIcon::PointingHand)
                                    } else {
                                        r
                                    };
                                    add |= r.clicked() && can_add;
                                },
                            );
                        });
                        if add {
                            actions.push(Action::Add(c.id.clone()));
                        }
                    });
                }
            });

        widgets::section(ui, crate::words::COMPARED.get(lang));
        if compared.is_empty() {
            widgets::weak(ui, crate::words::CLICK_A_NAME_OR_TO_ADD.get(lang));
        }
        for (i, id) in compared.iter().enumerate() {
            // The short name the panels and slides use; the full one on hover.
            let (name, full_name) = d.cluster(id).map_or((id.clone(), id.clone()), |c| {
                (cc_deck::short_name(c, lang), c.name.get(lang).to_owned())
            });
            ui.horizontal(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                ui.painter()
                    .circle_filled(rect.center(), 5.0, theme::series(ui, i));
                let is_base = baseline == Some(i);
                let r = ui
                    .selectable_label(is_base, RichText::new(crate::words::BASE.get(lang)).small())
                    .on_hover_text(crate::words::MAKE_THIS_THE_BASELINE_CLICK_AGAIN.get(lang));
                r.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::Button,
                        true,
                        is_base,
                        format!("{} {id}", crate::words::BASELINE.get(lang)),
                    )
                });
                if r.clicked() {
                    actions.push(Action::Baseline(if is_base { None } else { Some(i) }));
                }
                for (sym, label, act, enabled) in [
                    (
                        "←",
                        crate::words::MOVE_LEFT.get(lang),
                        Action::Move(i, -1),
                        i > 0,
                    ),
                    (
                        "→",
                        crate::words::MOVE_RIGHT.get(lang),
                        Action::Move(i, 1),
                        i + 1 < compared.len(),
                    ),
                    ("×", crate::words::REMOVE.get(lang), Action::Remove(i), true),
                ] {
                    let b = ui
                        .add_enabled(enabled, egui::Button::new(sym).small())
                        .on_hover_text(label);
                    b.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            enabled,
                            format!("{label} {id}"),
                        )
                    });
                    if b.clicked() {
                        actions.push(act);
                    }
                }
                ui.add(egui::Label::new(name).truncate())
                    .on_hover_text(full_name);
            });
        }
        actions
    }
}

/// `12 figures` / `12项数据`; none said as such.
fn figures_text(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Zh, 0) => "暂无数据".to_owned(),
        (Lang::En, 0) => "No figures yet".to_owned(),
        (Lang::Zh, n) => format!("{n}项数据"),
        (Lang::En, 1) => "1 figure".to_owned(),
        (Lang::En, n) => format!("{n} figures"),
    }
}

fn combo(
    ui: &mut Ui,
    label: &str,
    id: &str,
    value: &mut Option<String>,
    options: &[String],
    all: &str,
) {
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(value.clone().unwrap_or_else(|| all.to_owned()))
        .width(170.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, all);
            for o in options {
                ui.selectable_value(value, Some(o.clone()), o);
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
}
