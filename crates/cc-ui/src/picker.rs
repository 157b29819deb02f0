//! The cluster list: search by Chinese or English name or id, filter by level,
//! industry, province and designation year, and add clusters as panels. Below
//! it, the compared clusters: reorder, remove, choose the baseline.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use super::i18n::{self, tr};
use super::widgets;
use super::{Action, MAX_PANELS, theme};
pub use cc_core::filter::{Filters, filter};
use cc_data::model::{Dataset, Lang, Level};

/// The picker's state. Filter results are cached per dataset and filter.
#[derive(Default, serde::Serialize, serde::Deserialize)]
pub struct Picker {
    pub filters: Filters,
    /// Set to focus the search box on the next frame (Ctrl+F).
    #[serde(skip)]
    pub focus_search: bool,
    #[serde(skip)]
    cache: Option<(u64, Filters, Vec<usize>)>,
    #[serde(skip)]
    options: Option<(u64, Options)>,
}

#[derive(Default)]
struct Options {
    industries: Vec<String>,
    provinces: Vec<String>,
    years: Vec<i32>,
}

impl Picker {
    /// `generation` changes whenever the dataset or language changes.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        d: &Dataset,
        generation: u64,
        lang: Lang,
        compared: &[String],
        baseline: Option<usize>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        widgets::section(ui, tr(lang, "集群", "Clusters"));
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
                        .on_hover_text(tr(lang, "清除搜索", "Clear the search"));
                    b.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            has,
                            tr(lang, "清除搜索", "Clear the search"),
                        )
                    });
                    clear_query = b.clicked();
                    ui.add(
                        egui::TextEdit::singleline(&mut self.filters.query)
                            .hint_text(tr(
                                lang,
                                "搜索名称或 id（Ctrl+F）",
                                "Search name or id (Ctrl+F)",
                            ))
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
                tr(lang, "搜索集群", "Search clusters"),
            )
        });
        if std::mem::take(&mut self.focus_search) {
            search.request_focus();
        }
        if self.options.as_ref().is_none_or(|(g, _)| *g != generation) {
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
            self.options = Some((
                generation,
                Options {
                    industries: ind.into_iter().collect(),
                    provinces: prov.into_iter().collect(),
                    years: years.into_iter().collect(),
                },
            ));
        }
        let all = tr(lang, "全部", "All");
        if let Some((_, o)) = &self.options {
            let f = &mut self.filters;
            egui::Grid::new("filters").num_columns(2).show(ui, |ui| {
                let label = ui.label(tr(lang, "级别", "Level"));
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
                    tr(lang, "行业", "Industry"),
                    "f-industry",
                    &mut f.industry,
                    &o.industries,
                    all,
                );
                combo(
                    ui,
                    tr(lang, "省份", "Province"),
                    "f-province",
                    &mut f.province,
                    &o.provinces,
                    all,
                );
                let label = ui.label(tr(lang, "入选年份", "Designated"));
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
            });
        }
        // Filter again only when the data, language or filters changed.
        if self
            .cache
            .as_ref()
            .is_none_or(|(g, f, _)| *g != generation || *f != self.filters)
        {
            let found = filter(d, &self.filters, lang);
            self.cache = Some((generation, self.filters.clone(), found));
        }
        let found = self
            .cache
            .as_ref()
            .map(|c| c.2.as_slice())
            .unwrap_or_default();
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
                    .link(tr(lang, "清除筛选", "Clear filters"))
                    .on_hover_text(tr(
                        lang,
                        "清除搜索和所有筛选条件",
                        "Clear the search and every filter",
                    ))
                    .clicked();
            });
        } else {
            widgets::weak(
                ui,
                format!(
                    "{} {} {}",
                    tr(lang, "全部", "All"),
                    d.clusters.len(),
                    tr(lang, "个集群", "clusters")
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
            ui.ctx().request_repaint();
        }
        let full = compared.len() >= MAX_PANELS;
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
        let list_h = (ui.available_height() - 230.0).max(160.0);
        egui::ScrollArea::vertical()
            .id_salt("cluster-list")
            .max_height(list_h)
            .auto_shrink([false, true])
            .show_rows(ui, row_h, found.len(), |ui, range| {
                for &i in &found[range] {
                    let c = &d.clusters[i];
                    let added = compared.contains(&c.id);
                    ui.horizontal(|ui| {
                        let label = format!("{} {}", tr(lang, "添加", "Add"), c.id);
                        if widgets::add_button(ui, lang, label, added, full) {
                            actions.push(Action::Add(c.id.clone()));
                        }
                        ui.add(egui::Label::new(c.name.get(lang)).truncate())
                            .on_hover_text(format!("{}\n{}", c.id, c.industry.get(lang)));
                    });
                }
            });

        widgets::section(ui, tr(lang, "对比中", "Compared"));
        if compared.is_empty() {
            widgets::weak(
                ui,
                tr(lang, "点击“+”添加集群。", "Press + to add a cluster."),
            );
        }
        for (i, id) in compared.iter().enumerate() {
            let name = d.cluster(id).map_or(id.as_str(), |c| c.name.get(lang));
            ui.horizontal(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                ui.painter()
                    .circle_filled(rect.center(), 5.0, theme::series(ui, i));
                let is_base = baseline == Some(i);
                let r = ui
                    .selectable_label(is_base, RichText::new(tr(lang, "基准", "Base")).small())
                    .on_hover_text(tr(
                        lang,
                        "设为对比基准（再次点击取消）",
                        "Make this the baseline (click again to clear)",
                    ));
                r.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::Button,
                        true,
                        is_base,
                        format!("{} {id}", tr(lang, "基准", "Baseline")),
                    )
                });
                if r.clicked() {
                    actions.push(Action::Baseline(if is_base { None } else { Some(i) }));
                }
                for (sym, label, act, enabled) in [
                    (
                        "←",
                        tr(lang, "左移", "Move left"),
                        Action::Move(i, -1),
                        i > 0,
                    ),
                    (
                        "→",
                        tr(lang, "右移", "Move right"),
                        Action::Move(i, 1),
                        i + 1 < compared.len(),
                    ),
                    ("×", tr(lang, "移除", "Remove"), Action::Remove(i), true),
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
                ui.add(egui::Label::new(name).truncate());
            });
        }
        actions
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
