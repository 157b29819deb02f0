//! Where they are: the tile grid of China's province-level divisions (one
//! equal square each, no borders), coloured by the national clusters in each
//! province or by the 2019/2020 competition winners. Hover a tile for its
//! clusters; click it to filter the cluster list by that province. The grid
//! and counts come from [`cc_core::map`].

use egui::{Color32, CornerRadius, FontFamily, FontId, Rect, RichText, Sense, Stroke, Ui, vec2};

use super::i18n::{self};
use super::widgets;
use super::{Action, ViewCtx, theme};
use cc_core::format;
use cc_core::map::{self, MapData, Mode, Step, TILES, TileCount, ramp_index};
use cc_data::model::{Dataset, Field, Lang};

/// Tile edge in points, at most (in the app, on a slide) and at least.
const TILE_MAX: f32 = 72.0;
const TILE_MAX_SLIDE: f32 = 96.0;
const TILE_MIN: f32 = 34.0;
/// Gap between tiles.
const TILE_GAP: f32 = 4.0;
/// Width of the legend beside the grid.
const LEGEND_W: f32 = 230.0;

pub struct MapView<'a> {
    pub ctx: &'a ViewCtx<'a>,
    /// Presentation style (PNG export): no toggle, the grid takes the height.
    pub presentation: bool,
    /// The mode to draw when `presentation` is set; the app uses the user's choice.
    pub mode: Option<Mode>,
}

fn mode_label(lang: Lang, m: Mode) -> &'static str {
    match m {
        Mode::National => crate::words::NATIONAL_CLUSTERS.get(lang),
        Mode::Competition => crate::words::N_2019_2020_COMPETITION_WINNERS.get(lang),
    }
}

fn legend_title(lang: Lang, m: Mode) -> &'static str {
    match m {
        Mode::National => crate::words::NATIONAL_CLUSTERS_2.get(lang),
        Mode::Competition => crate::words::WINNING_CLUSTERS_3.get(lang),
    }
}

fn unit(lang: Lang, m: Mode) -> &'static str {
    match m {
        Mode::National => crate::words::NATIONAL_CLUSTERS_3.get(lang),
        Mode::Competition => crate::words::WINNING_CLUSTERS_4.get(lang),
    }
}

/// `2个国家级集群` / `2 national clusters`.
fn count_text(lang: Lang, n: u32, m: Mode) -> String {
    match lang {
        Lang::Zh => format!("{n}{}", unit(lang, m)),
        Lang::En => format!("{n} {}", unit(lang, m)),
    }
}

/// The fill of a tile and the text colour that reads on it.
fn colours(ui: &Ui, data: &MapData, tile: &TileCount) -> (Color32, Color32) {
    let s = theme::map_scale(ui);
    let p = theme::of(ui);
    let fill = match tile.step {
        None => s.no_data,
        Some(0) => s.zero,
        Some(i) => s.steps[ramp_index(i, data.steps.len() - 1)],
    };
    let lum = (0.299 * fill.r() as f32 + 0.587 * fill.g() as f32 + 0.114 * fill.b() as f32) / 255.0;
    let text = if lum < 0.55 {
        Color32::WHITE
    } else {
        theme::LIGHT.text
    };
    (
        fill,
        if tile.step.is_none() {
            p.text_weak
        } else {
            text
        },
    )
}

/// `高端装备 13`: a field's name with its national clusters.
fn field_label(lang: Lang, f: &map::FieldCount) -> String {
    let name = f
        .field
        .map_or(crate::words::FIELD_NOT_GIVEN.get(lang), |x| x.name(lang));
    format!("{name} {}", f.clusters)
}

/// The row of MIIT's fields above the map: all, or one of them.
fn field_chooser(ui: &mut Ui, lang: Lang, by_field: &[map::FieldCount], field: &mut Option<Field>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{}{}",
            crate::words::FIELD.get(lang),
            i18n::colon(lang)
        ));
        let all: usize = by_field.iter().map(|f| f.clusters).sum();
        if ui
            .add(egui::Button::selectable(
                field.is_none(),
                format!("{} {all}", crate::words::ALL_FIELDS.get(lang)),
            ))
            .clicked()
        {
            *field = None;
        }
        for f in by_field.iter().filter(|f| f.field.is_some()) {
            let r = ui.add(egui::Button::selectable(
                *field == f.field,
                field_label(lang, f),
            ));
            if r.clicked() {
                *field = if *field == f.field { None } else { f.field };
            }
        }
    });
}

/// Diagonal hatching inside `rect`: the mark of a division without data.
fn hatch(ui: &Ui, rect: Rect, colour: Color32) {
    let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
    let step = 7.0;
    let mut x = rect.left() - rect.height();
    while x < rect.right() {
        painter.line_segment(
            [
                egui::pos2(x, rect.bottom()),
                egui::pos2(x + rect.height(), rect.top()),
            ],
            Stroke::new(1.0, colour),
        );
        x += step;
    }
}

/// The name's lines and font that fit `width`: the whole name, then broken at
/// a space, each at the given size and then a little smaller (not below 9
/// points); else the short form (`粤`, `GD`).
fn fit_name(ui: &Ui, tile: &TileCount, size: f32, width: f32) -> (String, FontId) {
    let fits = |s: &str, font: &FontId| {
        s.lines().all(|l| {
            ui.painter()
                .layout_no_wrap(l.to_owned(), font.clone(), Color32::WHITE)
                .size()
                .x
                <= width
        })
    };
    // Names of one long word break at a syllable.
    let broken = match tile.name {
        "Heilongjiang" => "Heilong-\njiang".to_owned(),
        n => n.replacen(' ', "\n", 1),
    };
    for k in [1.0, 0.88, 0.78] {
        let font = FontId::new((size * k).max(9.0), FontFamily::Proportional);
        for s in [tile.name, broken.as_str()] {
            if fits(s, &font) {
                return (s.to_owned(), font);
            }
        }
    }
    (
        tile.short.to_owned(),
        FontId::new(size, FontFamily::Proportional),
    )
}

/// The spelling the data uses for a tile's province (so the list's filter
/// shows it as its options do), else the tile's name.
fn filter_name(d: &Dataset, tile: usize, lang: Lang) -> String {
    d.clusters
        .iter()
        .flat_map(|c| &c.provinces)
        .find(|p| map::tile_of(p) == Some(tile))
        .map(|p| p.get(lang).to_owned())
        .unwrap_or_else(|| TILES[tile].name(lang).to_owned())
}

impl MapView<'_> {
    pub fn ui(&mut self, ui: &mut Ui) {
        let cx = self.ctx;
        let lang = cx.lang;
        let has_competition = cx.dataset.context.competition.is_some();
        let mode_id = egui::Id::unique("map-mode");
        let mut mode = self
            .mode
            .unwrap_or_else(|| ui.data_mut(|d| *d.get_persisted_mut_or_default::<Mode>(mode_id)));
        if !has_competition {
            mode = Mode::National;
        }
        if !self.presentation {
            widgets::section(ui, crate::words::WHERE_THEY_ARE.get(lang));
            ui.horizontal(|ui| {
                for m in Mode::ALL {
                    let enabled = m == Mode::National || has_competition;
                    let r = ui.add_enabled(
                        enabled,
                        egui::Button::selectable(mode == m, mode_label(lang, m)),
                    );
                    if r.clicked() {
                        mode = m;
                    }
                }
            });
            if self.mode.is_none() {
                ui.data_mut(|d| d.insert_persisted(mode_id, mode));
            }
        }
        // MIIT's field: the tiles count only its national clusters.
        let field_id = egui::Id::unique("map-field");
        let mut field = if self.presentation {
            None
        } else {
            ui.data_mut(|d| *d.get_persisted_mut_or_default::<Option<Field>>(field_id))
        };
        let mut data = map::map_data_in(cx.dataset, mode, lang, field);
        if !self.presentation && data.by_field.iter().any(|f| f.field.is_some()) {
            let before = field;
            field_chooser(ui, lang, &data.by_field, &mut field);
            if field != before {
                ui.data_mut(|d| d.insert_persisted(field_id, field));
                data = map::map_data_in(cx.dataset, mode, lang, field);
            }
        }
        if mode == Mode::Competition && field.is_some() {
            widgets::weak(
                ui,
                crate::words::COMPETITION_WINNERS_HAVE_NO_FIELD.get(lang),
            );
        }
        let caption = widgets::weak(ui, &data.caption);
        if mode == Mode::Competition
            && let Some(comp) = &cx.dataset.context.competition
        {
            widgets::with_source(caption, cx.dataset, &comp.source, lang, None);
        }

        let cols = map::COLS as f32;
        let rows = map::ROWS as f32;
        let avail = ui.available_width();
        // On a slide the legend stays beside the grid (below it, it would fall
        // off the page); in the app it moves below when tiles would get small.
        let min_side = if self.presentation { TILE_MIN } else { 52.0 };
        let side = avail - LEGEND_W - theme::GAP_LARGE >= cols * (min_side + TILE_GAP);
        let width = if side {
            avail - LEGEND_W - theme::GAP_LARGE
        } else {
            avail
        };
        let max = if self.presentation {
            TILE_MAX_SLIDE
        } else {
            TILE_MAX
        };
        let mut tile = ((width + TILE_GAP) / cols - TILE_GAP).clamp(TILE_MIN, max);
        if self.presentation {
            let h = ui.available_height() - 8.0;
            tile = tile.min((h + TILE_GAP) / rows - TILE_GAP).max(TILE_MIN);
        }
        let grid = vec2(
            cols * (tile + TILE_GAP) - TILE_GAP,
            rows * (tile + TILE_GAP) - TILE_GAP,
        );
        if side {
            ui.horizontal_top(|ui| {
                self.grid(ui, &data, tile, grid);
                ui.add_space(theme::GAP_LARGE);
                ui.vertical(|ui| {
                    ui.set_width(LEGEND_W);
                    self.legend(ui, &data);
                });
            });
        } else {
            self.grid(ui, &data, tile, grid);
            self.legend(ui, &data);
        }
    }

    fn grid(&self, ui: &mut Ui, data: &MapData, tile: f32, size: egui::Vec2) {
        let cx = self.ctx;
        let lang = cx.lang;
        let (area, _) = ui.allocate_exact_size(size, Sense::hover());
        let p = theme::of(ui);
        let scale = theme::map_scale(ui);
        let name_size = (tile * 0.19).clamp(9.0, theme::SIZE_BODY);
        let count_size = (tile * 0.27).clamp(11.0, theme::SIZE_FIGURE);
        let count_font = FontId::new(count_size, FontFamily::Proportional);
        for (i, t) in data.tiles.iter().enumerate() {
            let rect = Rect::from_min_size(
                area.min + vec2(t.col as f32, t.row as f32) * (tile + TILE_GAP),
                vec2(tile, tile),
            );
            let id = ui.scope_id().with(("map-tile", t.code));
            let resp = ui.interact(rect, id, Sense::click());
            let (fill, text) = colours(ui, data, t);
            let painter = ui.painter();
            painter.rect_filled(rect, CornerRadius::same(4), fill);
            if t.count.is_none() {
                hatch(ui, rect.shrink(1.0), scale.hatch);
                painter.rect_stroke(
                    rect,
                    CornerRadius::same(4),
                    Stroke::new(1.0, p.border),
                    egui::StrokeKind::Inside,
                );
            }
            if resp.hovered() {
                painter.rect_stroke(
                    rect,
                    CornerRadius::same(4),
                    Stroke::new(2.0, p.text),
                    egui::StrokeKind::Inside,
                );
            }
            let count = t.count.map_or("—".to_owned(), |c| c.to_string());
            let (name, name_font) = fit_name(ui, t, name_size, tile - 6.0);
            let name_g = painter.layout_no_wrap(name, name_font, text);
            let count_g = painter.layout_no_wrap(count.clone(), count_font.clone(), text);
            let h = name_g.size().y + count_g.size().y;
            let top = rect.center().y - h / 2.0;
            painter.galley(
                egui::pos2(rect.center().x - name_g.size().x / 2.0, top),
                name_g.clone(),
                text,
            );
            painter.galley(
                egui::pos2(
                    rect.center().x - count_g.size().x / 2.0,
                    top + name_g.size().y,
                ),
                count_g,
                text,
            );
            let label = match t.count {
                Some(c) => format!(
                    "{}{}{}",
                    t.name,
                    i18n::colon(lang),
                    count_text(lang, c, data.mode)
                ),
                None => format!(
                    "{}{}{}",
                    t.name,
                    i18n::colon(lang),
                    crate::words::NO_DATA.get(lang)
                ),
            };
            resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if resp.clicked() {
                cx.send
                    .send(Action::FilterProvince(filter_name(cx.dataset, i, lang)));
            }
            resp.on_hover_ui(|ui| self.hover(ui, data, t));
        }
    }

    fn hover(&self, ui: &mut Ui, data: &MapData, t: &TileCount) {
        let lang = self.ctx.lang;
        ui.set_max_width(380.0);
        ui.label(RichText::new(format!("{} · {}", t.zh, t.en)).strong());
        match (t.count, data.mode) {
            (None, _) => {
                widgets::weak(ui, crate::words::NO_DATA_FOR_IT_IN_THIS.get(lang));
            }
            (Some(c), m) => {
                ui.label(count_text(lang, c, m));
            }
        }
        if data.mode == Mode::Competition {
            widgets::weak(ui, &data.caption);
        }
        if !t.clusters.is_empty() {
            ui.add_space(theme::GAP_SMALL);
            if data.mode == Mode::Competition {
                widgets::weak(
                    ui,
                    crate::words::NATIONAL_CLUSTERS_IN_THIS_DATASET.get(lang),
                );
            }
            // Grouped by MIIT's field, in the fields' order (a heading for
            // each where the tile holds more than one).
            let mut listed: Vec<&map::ClusterRef> = t.clusters.iter().collect();
            listed.sort_by_key(|c| c.field.map_or(Field::ALL.len(), |f| f as usize));
            let groups: Vec<&[&map::ClusterRef]> =
                listed.chunk_by(|a, b| a.field == b.field).collect();
            for group in &groups {
                if groups.len() > 1 {
                    ui.label(
                        RichText::new(
                            group[0]
                                .field
                                .map_or(crate::words::FIELD_NOT_GIVEN.get(lang), |f| f.name(lang)),
                        )
                        .small()
                        .strong(),
                    );
                }
                for c in group.iter() {
                    ui.label(format!("· {}", c.name));
                    if c.provinces > 1 {
                        widgets::weak(
                            ui,
                            match lang {
                                Lang::Zh => format!(
                                    "  跨{}个省份（{}），在每个省份各计一次",
                                    c.provinces,
                                    c.province_names.join("、")
                                ),
                                Lang::En => format!(
                                    "  spans {} provinces ({}); counts in each",
                                    c.provinces,
                                    c.province_names.join(", ")
                                ),
                            },
                        );
                    }
                }
            }
        }
        if !self.presentation {
            ui.add_space(theme::GAP_SMALL);
            widgets::weak(ui, crate::words::CLICK_FILTER_THE_CLUSTER_LIST_BY.get(lang));
        }
    }

    fn legend(&self, ui: &mut Ui, data: &MapData) {
        let lang = self.ctx.lang;
        let scale = theme::map_scale(ui);
        let p = theme::of(ui);
        ui.label(
            RichText::new(legend_title(lang, data.mode))
                .small()
                .strong(),
        );
        let n = data.steps.len() - 1;
        let swatch = |ui: &mut Ui, fill: Color32, hatched: bool, label: String| {
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(vec2(18.0, 14.0), Sense::hover());
                ui.painter().rect_filled(r, CornerRadius::same(2), fill);
                if hatched {
                    hatch(ui, r, scale.hatch);
                }
                ui.painter().rect_stroke(
                    r,
                    CornerRadius::same(2),
                    Stroke::new(1.0, p.border),
                    egui::StrokeKind::Inside,
                );
                ui.label(RichText::new(label).small());
            });
        };
        for (i, s) in data.steps.iter().enumerate() {
            let fill = if i == 0 {
                scale.zero
            } else {
                scale.steps[ramp_index(i, n)]
            };
            swatch(ui, fill, false, Step::label(s));
        }
        swatch(
            ui,
            scale.no_data,
            true,
            crate::words::NO_DATA.get(lang).to_owned(),
        );
        ui.add_space(theme::GAP_SMALL);
        if data.mode == Mode::National {
            let sum: u64 = data
                .tiles
                .iter()
                .filter_map(|t| t.count)
                .map(u64::from)
                .sum();
            widgets::weak(
                ui,
                match lang {
                    Lang::Zh => {
                        format!("{}个国家级集群；各省计数合计{}", data.clusters_counted, sum)
                    }
                    Lang::En => format!(
                        "{} national clusters; the provinces' counts add up to {}",
                        data.clusters_counted, sum
                    ),
                },
            );
            if let Some(cov) = format::register_coverage(self.ctx.dataset, lang) {
                widgets::weak(ui, cov);
            }
            // In the app only: on a picture the legend must stay on the page.
            if !self.presentation && data.by_field.iter().any(|f| f.field.is_some()) {
                ui.add_space(theme::GAP_SMALL);
                ui.label(
                    RichText::new(crate::words::FIELDS_OF_THE_NATIONAL_CLUSTERS.get(lang))
                        .small()
                        .strong(),
                );
                for f in &data.by_field {
                    let mut line = field_label(lang, f);
                    if f.assigned > 0 {
                        line.push_str(&match lang {
                            Lang::Zh => format!("（{}个按名称推断）", f.assigned),
                            Lang::En => format!(" ({} inferred from the name)", f.assigned),
                        });
                    }
                    let text = if data.field.is_some() && data.field == f.field {
                        RichText::new(line).small().strong()
                    } else {
                        RichText::new(line).small().color(p.text_weak)
                    };
                    ui.label(text);
                }
            }
            let mut spanning: Vec<&map::ClusterRef> = data
                .tiles
                .iter()
                .flat_map(|t| &t.clusters)
                .filter(|c| c.provinces > 1)
                .collect();
            spanning.sort_by(|a, b| a.id.cmp(&b.id));
            spanning.dedup_by(|a, b| a.id == b.id);
            if !spanning.is_empty() {
                widgets::weak(
                    ui,
                    crate::words::SPANNING_PROVINCES_COUNTED_IN_EACH.get(lang),
                );
                // A few by name (the rest on hover), so the legend stays on
                // the page.
                const NAMED: usize = 4;
                for c in spanning.iter().take(NAMED) {
                    widgets::weak(ui, format!("· {} ({})", c.name, c.provinces));
                }
                if spanning.len() > NAMED {
                    let rest: Vec<String> = spanning[NAMED..]
                        .iter()
                        .map(|c| format!("{} ({})", c.name, c.provinces))
                        .collect();
                    widgets::weak(
                        ui,
                        match lang {
                            Lang::Zh => format!("· 另有{}个", spanning.len() - NAMED),
                            Lang::En => format!("· and {} more", spanning.len() - NAMED),
                        },
                    )
                    .on_hover_text(rest.join("\n"));
                }
            }
        } else if !map::competition_complete(self.ctx.dataset) {
            widgets::weak(
                ui,
                crate::words::THE_BREAKDOWN_BY_PROVINCE_DOES_NOT.get(lang),
            );
        }
        if !data.unmatched.is_empty() {
            let names: Vec<String> = data
                .unmatched
                .iter()
                .map(|u| match &u.origin {
                    map::Origin::Cluster { id, .. } => format!("{} ({id})", u.name),
                    map::Origin::Competition => u.name.clone(),
                })
                .collect();
            widgets::caveat(
                ui,
                &format!(
                    "{}{}",
                    crate::words::PROVINCE_NAMES_NOT_ON_THE_MAP.get(lang),
                    names.join(crate::words::LIST_SEMICOLON.get(lang))
                ),
            );
        }
    }
}

/// The map alone as a slide (PNG export): title, the map, its sources.
pub fn slide(ui: &mut Ui, cx: &ViewCtx<'_>, mode: Mode) {
    let lang = cx.lang;
    ui.label(
        RichText::new(crate::words::NATIONAL_ADVANCED_MANUFACTURING_CLUSTERS_WHERE_THEY.get(lang))
            .size(theme::SIZE_HEADING * theme::PRESENTATION_SCALE * 1.15)
            .strong(),
    );
    widgets::weak(ui, mode_label(lang, mode));
    let all = sources(cx.dataset, mode);
    // Many pages: name the first three and count the rest.
    let shown = if all.len() > 4 { 3 } else { all.len() };
    let more = all.len() - shown;
    let ids: Vec<_> = all.into_iter().take(shown).collect();
    let line = ui.text_style_height(&egui::TextStyle::Small) + ui.spacing().item_spacing.y;
    let footer = 12.0 + line * (ids.len() + usize::from(more > 0)) as f32;
    let body = (ui.available_height() - footer).max(200.0);
    ui.allocate_ui(vec2(ui.available_width(), body), |ui| {
        MapView {
            ctx: cx,
            presentation: true,
            mode: Some(mode),
        }
        .ui(ui);
    });
    ui.separator();
    let p = theme::of(ui);
    for id in ids {
        if let Some(s) = cx.dataset.source(&id) {
            let text = format!(
                "{}{} · {} · {}",
                crate::words::SOURCE.get(lang),
                s.publisher.get(lang),
                s.date,
                s.title.get(lang)
            );
            ui.add(egui::Label::new(RichText::new(text).small().color(p.text_weak)).truncate());
        }
    }
    if more > 0 {
        widgets::weak(
            ui,
            match lang {
                Lang::Zh => format!("另有{more}个来源（见幻灯片的来源页）"),
                Lang::En => format!("and {more} more sources (listed in the slide deck's sources)"),
            },
        );
    }
    // A picture of the map must not cut anything off: say whether it fitted.
    let fits = ui.min_rect().bottom()
        <= ui
            .clip_rect()
            .bottom()
            .min(ui.ctx().content_rect().bottom())
            + 0.5;
    ui.ctx()
        .data_mut(|d| d.insert_temp(super::view::fit_id(), fits));
}

/// The sources a map of `mode` draws on: the designations of the counted
/// clusters, or the competition's breakdown and rounds.
pub fn sources(d: &Dataset, mode: Mode) -> Vec<String> {
    let mut ids: Vec<String> = match mode {
        Mode::National => d
            .clusters
            .iter()
            .filter(|c| map::counts_as_national(c))
            .filter_map(|c| c.designation.as_ref())
            .map(|g| g.source.source.clone())
            .collect(),
        Mode::Competition => d
            .context
            .competition
            .iter()
            .flat_map(|c| {
                std::iter::once(c.source.source.clone())
                    .chain(c.rounds.iter().map(|r| r.source.source.clone()))
            })
            .collect(),
    };
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    ids
}
