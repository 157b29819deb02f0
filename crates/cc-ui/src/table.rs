//! The Table tab: every cluster of the dataset in one sortable table
//! ([`cc_core::table::ClusterTable`]), filtered by the picker's filters, with a
//! "+" per row to add the cluster to the comparison. Rows are virtualised
//! (`egui_extras::TableBuilder`), so 10,000 clusters scroll smoothly. Hover a
//! value for its source.

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::widgets;
use super::{Action, DataGen, MAX_PANELS, Memo, theme};
use cc_core::filter::Filters;
use cc_core::table::{self, ClusterTable, Sort, SortKey};
use cc_data::model::{Dataset, Field, Lang};

/// What the Table tab shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TableMode {
    /// Every cluster's headline figures.
    #[default]
    Figures,
    /// What the record holds per national cluster ([`super::coverage`]).
    Coverage,
}

/// The Table tab's state: the mode and the sort orders persist; the table
/// and the row order are cached per dataset, language, filters and sort.
#[derive(Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TableView {
    pub mode: TableMode,
    pub coverage: super::coverage::CoverageView,
    pub sort: Option<Sort>,
    /// Rows grouped by MIIT's field (in the fields' order), sorted within.
    pub group_by_field: bool,
    #[serde(skip)]
    cache: Memo<(), ClusterTable>,
    #[serde(skip)]
    order: Memo<(Filters, Option<Sort>, bool), Vec<usize>>,
}

/// Where a cluster's field sorts: the fields in MIIT's order, then none.
fn field_rank(d: &Dataset, cluster: usize) -> usize {
    d.clusters
        .get(cluster)
        .and_then(|c| c.field.as_ref())
        .and_then(|f| Field::ALL.iter().position(|x| *x == f.field))
        .unwrap_or(Field::ALL.len())
}

impl TableView {
    /// The rows in the order shown (indices into the dataset's clusters).
    pub fn shown(&self) -> &[usize] {
        self.order.get().map_or(&[], Vec::as_slice)
    }

    /// Sorts by `key`: a first click sorts ascending (descending for numbers),
    /// a second click on the same column reverses.
    pub fn click(&mut self, key: SortKey) {
        self.sort = Some(match self.sort.take() {
            Some(s) if s.key == key => Sort {
                key,
                descending: !s.descending,
            },
            _ => Sort {
                descending: matches!(
                    key,
                    SortKey::Metric(_)
                        | SortKey::Growth(_)
                        | SortKey::Figures
                        | SortKey::Designated
                ),
                key,
            },
        });
    }

    /// `data` names the dataset and language `d` and `lang` are.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        d: &Dataset,
        data: DataGen,
        lang: Lang,
        filters: &Filters,
        compared: &[String],
    ) -> Vec<Action> {
        ui.horizontal(|ui| {
            for (mode, label) in [
                (TableMode::Figures, crate::words::FIGURES.get(lang)),
                (TableMode::Coverage, crate::words::COVERAGE.get(lang)),
            ] {
                if ui.selectable_label(self.mode == mode, label).clicked() {
                    self.mode = mode;
                }
            }
        });
        if self.mode == TableMode::Coverage {
            return self.coverage.ui(ui, d, data, lang, compared);
        }
        let mut actions = Vec::new();
        if !self.cache.is_fresh(data, &()) {
            self.order.clear();
        }
        let t = self
            .cache
            .get_or_compute(data, &(), || ClusterTable::build(d, lang));
        // A sort column the data no longer has is dropped, not kept as a hidden order.
        if self.sort.as_ref().is_some_and(|s| !t.has_key(&s.key)) {
            self.sort = None;
        }
        let key = (filters.clone(), self.sort.clone(), self.group_by_field);
        let rows = self
            .order
            .get_or_compute(data, &key, || {
                let mut v = t.view(d, filters, key.1.as_ref());
                if key.2 {
                    // Stable: the chosen order holds within each field.
                    v.sort_by_key(|&i| field_rank(d, t.rows[i].cluster));
                }
                v
            })
            .as_slice();

        ui.horizontal_wrapped(|ui| {
            widgets::weak(
                ui,
                format!(
                    "{} / {} {}",
                    rows.len(),
                    t.rows.len(),
                    crate::words::CLUSTERS_3.get(lang)
                ),
            );
            if !filters.is_empty() {
                widgets::weak(ui, crate::words::FILTERED_BY_THE_LIST_S_FILTERS.get(lang));
            }
            widgets::weak(ui, crate::words::CLICK_A_HEADER_TO_SORT_MARK.get(lang));
        });
        ui.checkbox(
            &mut self.group_by_field,
            crate::words::GROUP_BY_FIELD.get(lang),
        )
        .on_hover_text(crate::words::GROUP_THE_ROWS_BY_MIIT_S.get(lang));
        ui.add_space(theme::GAP_SMALL);

        let full = compared.len() >= MAX_PANELS;
        let body_h = ui.text_style_height(&egui::TextStyle::Body);
        let row_h = body_h + 10.0;
        // Three lines: long metric names and units wrap rather than vanish.
        let head_h = 3.0 * body_h + 12.0;
        let mut clicked: Option<SortKey> = None;
        let sort = self.sort.clone();
        // Narrow windows get narrower columns (text truncates, hover shows it
        // whole) so the first figures are in view; the rest scroll sideways.
        let k = (ui.available_width() / 1300.0).clamp(0.62, 1.0);
        let name_w = 200.0 * k;
        let widths = [64.0, 90.0 * k, 150.0 * k, 72.0, 64.0];
        // Room for the figure and its year (`> 5700 约2021`).
        let metric_w = (140.0 * k).max(100.0);
        // Leave room below the rows for the sideways scroll bar.
        let body_max_h = (ui.available_height() - head_h - 24.0).max(row_h * 3.0);
        // Solid scroll bars: with more columns than fit, the sideways bar must
        // be visible before the pointer finds it (egui's floating bars are not).
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        // Two tables side by side that scroll up and down together: the
        // cluster column on the left stays put while the rest scrolls sideways.
        let offset_id = egui::Id::unique("cluster-table-offset");
        let offset: f32 = ui.data(|m| m.get_temp(offset_id)).unwrap_or(0.0);
        let heads: Vec<Head> = SortKey::FIXED
            .iter()
            .map(|k| (k.clone(), table::fixed_header(k, lang).to_owned(), None))
            .chain(t.columns.iter().map(|c| {
                (
                    SortKey::Metric(c.key.clone()),
                    c.header(lang),
                    c.caveat(lang),
                )
            }))
            .chain(t.growth.iter().map(|g| {
                (
                    SortKey::Growth(g.key.clone()),
                    g.header(lang),
                    Some(crate::words::AVERAGE_ANNUAL_GROWTH_FROM_THE_FIRST.get(lang)),
                )
            }))
            .collect();
        let (name_head, rest_heads) = heads.split_at(1);
        let (left, right) = ui
            .horizontal_top(|ui| {
                let field_w = 96.0 * k;
                let fixed_w = 30.0 + field_w + name_w + 3.0 * ui.spacing().item_spacing.x + 4.0;
                // Exactly the fixed columns' width, clipped: the table would
                // otherwise claim the row's width for its stripes.
                let (rect, _) = ui.allocate_exact_size(
                    egui::vec2(fixed_w, head_h + body_max_h + 8.0),
                    egui::Sense::hover(),
                );
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(rect)
                        .layout(Layout::top_down(Align::Min)),
                );
                child.set_clip_rect(rect.intersect(ui.clip_rect()));
                let left = {
                    let ui = &mut child;
                    {
                        TableBuilder::new(ui)
                            .id_salt("cluster-table-fixed")
                            .striped(true)
                            .auto_shrink([true, true])
                            .max_scroll_height(body_max_h)
                            .vertical_scroll_offset(offset)
                            .scroll_bar_visibility(
                                egui::scroll_area::ScrollBarVisibility::AlwaysHidden,
                            )
                            .cell_layout(Layout::left_to_right(Align::Center))
                            .column(Column::exact(30.0))
                            .column(Column::exact(field_w).clip(true))
                            .column(Column::exact(name_w).clip(true))
                            .header(head_h, |mut h| {
                                h.col(|_| {});
                                h.col(|ui| {
                                    ui.add(egui::Label::new(crate::words::FIELD.get(lang)).wrap())
                                        .on_hover_text(
                                            crate::words::MIIT_S_SIX_FIELDS_IN_ITALICS.get(lang),
                                        );
                                });
                                for hd in name_head {
                                    h.col(|ui| head(ui, hd, sort.as_ref(), lang, &mut clicked));
                                }
                            })
                            .body(|body| {
                                body.rows(row_h, rows.len(), |mut row| {
                                    let Some(r) = rows.get(row.index()).map(|&i| &t.rows[i]) else {
                                        return;
                                    };
                                    let added = compared.contains(&r.id);
                                    row.col(|ui| {
                                        let label = format!(
                                            "{} {}",
                                            crate::words::ADD_FROM_TABLE.get(lang),
                                            r.id
                                        );
                                        if widgets::add_button(ui, lang, label, added, full) {
                                            actions.push(Action::Add(r.id.clone()));
                                        }
                                    });
                                    row.col(|ui| {
                                        field_cell(ui, d, r.cluster, lang);
                                    });
                                    row.col(|ui| {
                                        // The short name the panels and slides use;
                                        // the full name on hover.
                                        let short =
                                            cc_deck::short_name(&d.clusters[r.cluster], lang);
                                        let mut text = RichText::new(short);
                                        if let Some(i) = compared.iter().position(|c| *c == r.id) {
                                            text = text.strong().color(theme::series(ui, i));
                                        }
                                        ui.add(egui::Label::new(text).truncate())
                                            .on_hover_text(format!("{}\n{}", r.name, r.id));
                                    });
                                });
                            })
                    }
                };
                // The rest in the same height: a row of a horizontal layout
                // would give the table no height for its rows.
                let (rect, _) = ui.allocate_exact_size(
                    egui::vec2(ui.available_width(), head_h + body_max_h + 8.0),
                    egui::Sense::hover(),
                );
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(rect)
                        .layout(Layout::top_down(Align::Min)),
                );
                let right = egui::ScrollArea::horizontal()
                    .id_salt("cluster-table-h")
                    .auto_shrink([false, true])
                    .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                    .show(&mut child, |ui| {
                        let mut b = TableBuilder::new(ui)
                            .id_salt("cluster-table")
                            .striped(true)
                            .resizable(true)
                            .auto_shrink([false, true])
                            .max_scroll_height(body_max_h)
                            .vertical_scroll_offset(offset)
                            .cell_layout(Layout::left_to_right(Align::Center));
                        for w in widths {
                            b = b.column(Column::initial(w).at_least(40.0).clip(true));
                        }
                        for _ in 0..t.columns.len() + t.growth.len() {
                            b = b.column(Column::initial(metric_w).at_least(50.0).clip(true));
                        }
                        b.header(head_h, |mut h| {
                            for hd in rest_heads {
                                h.col(|ui| head(ui, hd, sort.as_ref(), lang, &mut clicked));
                            }
                        })
                        .body(|body| {
                            body.rows(row_h, rows.len(), |mut row| {
                                let Some(r) = rows.get(row.index()).map(|&i| &t.rows[i]) else {
                                    return;
                                };
                                self::row(&mut row, r, d, lang);
                            });
                        })
                    })
                    .inner;
                (left, right)
            })
            .inner;
        // Whichever table was scrolled leads; the other follows next frame.
        let (l, r) = (
            left.state.clamped_offset().y,
            right.state.clamped_offset().y,
        );
        let now = if (l - offset).abs() > 0.5 { l } else { r };
        ui.data_mut(|m| m.insert_temp(offset_id, now));
        if (l - now).abs() > 0.5 || (r - now).abs() > 0.5 {
            ui.ctx().request_repaint();
        }
        if let Some(k) = clicked {
            self.click(k);
        }
        actions
    }
}

/// A cluster's field: its name, in italics where inferred from the name;
/// hover says how it is known.
fn field_cell(ui: &mut Ui, d: &Dataset, cluster: usize, lang: Lang) {
    let Some(f) = d.clusters.get(cluster).and_then(|c| c.field.as_ref()) else {
        widgets::weak(ui, "—");
        return;
    };
    let mut text = RichText::new(f.field.name(lang)).small();
    if f.assigned {
        text = text.italics().color(theme::of(ui).text_weak);
    }
    let resp = ui.add(egui::Label::new(text).truncate());
    match &f.source {
        Some(s) => {
            widgets::with_source(resp, d, s, lang, Some(f.field.name(lang)));
        }
        None => {
            resp.on_hover_text(format!(
                "{}\n{}",
                f.field.name(lang),
                crate::words::INFERRED_FROM_THE_CLUSTER_S_NAME.get(lang)
            ));
        }
    }
}

/// A column's sort key, header text and caveat.
type Head = (SortKey, String, Option<&'static str>);

/// A sortable header cell: click to sort, the arrow shows the order.
fn head(
    ui: &mut Ui,
    (key, text, caveat): &Head,
    sort: Option<&Sort>,
    lang: Lang,
    clicked: &mut Option<SortKey>,
) {
    let arrow = match sort {
        Some(s) if s.key == *key => {
            if s.descending {
                " ▼"
            } else {
                " ▲"
            }
        }
        _ => "",
    };
    let sorted = sort.is_some_and(|s| s.key == *key);
    let warn = if caveat.is_some() && !matches!(key, SortKey::Growth(_)) {
        " ⚠"
    } else {
        ""
    };
    let label = format!("{text}{warn}{arrow}");
    let r = ui
        .add(
            egui::Label::new(if sorted {
                RichText::new(&label).strong()
            } else {
                RichText::new(&label)
            })
            .wrap()
            .sense(egui::Sense::click()),
        )
        .on_hover_text(format!(
            "{text}\n{}{}",
            crate::words::CLICK_TO_SORT.get(lang),
            caveat.map_or(String::new(), |c| format!("\n⚠ {c}"))
        ));
    r.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("{} {text}{arrow}", crate::words::SORT_BY.get(lang)),
        )
    });
    if r.clicked() {
        *clicked = Some(key.clone());
    }
}

/// The cells of one cluster's row after its name.
fn row(row: &mut egui_extras::TableRow<'_, '_>, r: &table::Row, d: &Dataset, lang: Lang) {
    row.col(|ui| {
        ui.add(egui::Label::new(r.level_name).truncate());
    });
    row.col(|ui| {
        ui.add(egui::Label::new(&r.provinces).truncate())
            .on_hover_text(&r.provinces);
    });
    row.col(|ui| {
        ui.add(egui::Label::new(&r.industry).truncate())
            .on_hover_text(&r.industry);
    });
    row.col(|ui| {
        right(ui, |ui| {
            let resp = if r.designated_text.is_empty() {
                widgets::weak(ui, "—")
            } else {
                ui.label(&r.designated_text)
            };
            if let Some(des) = d
                .clusters
                .get(r.cluster)
                .and_then(|c| c.designation.as_ref())
            {
                widgets::with_source(resp, d, &des.source, lang, Some(des.programme.get(lang)));
            } else {
                resp.on_hover_text(crate::words::THE_SOURCES_RECORD_NO_DESIGNATION.get(lang));
            }
        });
    });
    row.col(|ui| {
        right(ui, |ui| {
            ui.label(r.figures.to_string());
        });
    });
    for v in &r.values {
        row.col(|ui| {
            right(ui, |ui| match v {
                None => {
                    widgets::weak(ui, "—");
                }
                Some(v) => {
                    // Right to left: the year, small, then the figure.
                    ui.label(
                        RichText::new(&v.year)
                            .small()
                            .color(theme::of(ui).text_weak),
                    );
                    let mut text = RichText::new(&v.text);
                    if v.number.is_none() {
                        text = text.color(theme::of(ui).text_weak);
                    }
                    let resp = ui.add(egui::Label::new(text).truncate());
                    if let Some(cite) = table::citation(d, r, v) {
                        widgets::with_source(resp, d, cite, lang, Some(&v.note));
                    }
                }
            });
        });
    }
    for g in &r.growth {
        row.col(|ui| {
            right(ui, |ui| match g {
                None => {
                    widgets::weak(ui, "—");
                }
                Some(g) => {
                    ui.add(egui::Label::new(&g.text).truncate())
                        .on_hover_text(&g.note);
                }
            });
        });
    }
}

/// Right-aligns a cell's content (numbers).
fn right(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    ui.with_layout(Layout::right_to_left(Align::Center), add);
}
