//! Small helper widgets shared by every view, so all panels look alike.

use egui::{Response, RichText, Ui};

use super::theme;
use cc_data::model::{Citation, Dataset, Lang};

/// A section title inside a panel or view.
pub fn section(ui: &mut Ui, title: &str) {
    ui.add_space(theme::GAP);
    ui.label(RichText::new(title).strong().size(theme::SIZE_BODY + 1.0));
    ui.add_space(theme::GAP_SMALL / 2.0);
}

/// Secondary text.
pub fn weak(ui: &mut Ui, text: impl Into<String>) -> Response {
    let c = theme::of(ui).text_weak;
    ui.label(RichText::new(text.into()).small().color(c))
}

/// A visible comparability warning.
pub fn caveat(ui: &mut Ui, text: &str) -> Response {
    let c = theme::of(ui).warn;
    ui.add(egui::Label::new(RichText::new(format!("⚠ {text}")).small().color(c)).wrap())
}

/// The source of a figure, shown on hover: document, publisher, date, the phrase as written.
pub fn source_tooltip(ui: &mut Ui, d: &Dataset, cite: &Citation, lang: Lang, note: Option<&str>) {
    ui.set_max_width(420.0);
    if let Some(note) = note {
        ui.label(note);
        ui.separator();
    }
    match d.source(&cite.source) {
        Some(s) => {
            ui.label(RichText::new(s.title.get(lang)).strong());
            let mut line = s.publisher.get(lang).to_owned();
            if let Some(a) = &s.author {
                line.push_str(" · ");
                line.push_str(a.get(lang));
            }
            line.push_str(" · ");
            line.push_str(&s.date);
            if s.date_approximate {
                line.push_str(crate::words::INFERRED.get(lang));
            }
            weak(ui, line);
            // Where a reader can look it up: its web address (never an
            // internal file name).
            if let Some(u) = s
                .url
                .as_deref()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            {
                weak(ui, u);
            }
        }
        None => {
            ui.label(format!(
                "{} {}",
                crate::words::SOURCE_2.get(lang),
                cite.source
            ));
        }
    }
    ui.add_space(theme::GAP_SMALL);
    ui.label(RichText::new(format!("“{}”", cite.quote)).italics());
    if d.source_is_yours(&cite.source)
        && let Some(f) = d.yours_file()
    {
        ui.add_space(theme::GAP_SMALL);
        ui.label(
            RichText::new(cc_data::yours::from_file(lang, f))
                .small()
                .color(theme::of(ui).accent),
        );
    }
}

/// The label of a cluster from the user's own file (`你的数据` / `Your
/// data`), or of a register cluster holding figures from it, with the file
/// on hover; nothing for the register's own clusters.
pub fn yours_chip(ui: &mut Ui, d: &Dataset, id: &str, lang: Lang) -> Option<Response> {
    let whose = d.yours_in(id)?;
    let p = theme::of(ui);
    let r = egui::Frame::new()
        .fill(p.card_bg)
        .stroke(egui::Stroke::new(1.0, p.accent))
        .corner_radius(egui::CornerRadius::same(8))
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(
                RichText::new(cc_data::yours::label(lang, whose))
                    .small()
                    .color(p.accent),
            )
        })
        .response;
    let file = d.yours.as_ref().map_or("", |y| y.file.as_str());
    Some(r.on_hover_text(cc_data::yours::from_file(lang, file)))
}

/// Attaches the source tooltip to a response.
pub fn with_source(
    resp: Response,
    d: &Dataset,
    cite: &Citation,
    lang: Lang,
    note: Option<&str>,
) -> Response {
    resp.on_hover_ui(|ui| source_tooltip(ui, d, cite, lang, note))
}

/// A small tag, e.g. a level or a year.
pub fn chip(ui: &mut Ui, text: &str) -> Response {
    let p = theme::of(ui);
    egui::Frame::new()
        .fill(p.card_bg)
        .stroke(egui::Stroke::new(1.0, p.border))
        .corner_radius(egui::CornerRadius::same(8))
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| ui.label(RichText::new(text).small()))
        .response
}

/// A progress bar with a visible track, clamped to 0–100 %, and its label.
pub fn progress(ui: &mut Ui, fraction: f64, color: egui::Color32, label: &str) -> Response {
    ui.horizontal(|ui| {
        let p = theme::of(ui);
        let w = (ui.available_width() - 60.0).max(60.0);
        let (rect, resp) = ui.allocate_exact_size(egui::vec2(w, 10.0), egui::Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, 5.0, p.card_bg);
        painter.rect_stroke(
            rect,
            5.0,
            egui::Stroke::new(1.0, p.border),
            egui::StrokeKind::Inside,
        );
        let mut fill = rect;
        fill.set_width(rect.width() * fraction.clamp(0.0, 1.0) as f32);
        painter.rect_filled(fill, 5.0, color);
        ui.label(RichText::new(label).strong().color(color));
        resp
    })
    .inner
}

/// Why nothing more can be added with six clusters compared.
pub fn full_text(lang: Lang) -> &'static str {
    crate::words::SIX_CLUSTERS_ARE_COMPARED_THE_MOST.get(lang)
}

/// The "+" that adds a cluster to the comparison (the picker's list and the
/// Table tab): disabled when the cluster is compared or six are; `label`
/// names it for screen readers and tests (`Add shenzhen-battery-materials`).
pub fn add_button(ui: &mut Ui, lang: Lang, label: String, added: bool, full: bool) -> bool {
    // A disabled button shows only its disabled hover text: say why there.
    let why = if added {
        crate::words::ALREADY_COMPARED.get(lang)
    } else {
        full_text(lang)
    };
    let b = ui
        .add_enabled(!added && !full, egui::Button::new("+").small())
        .on_hover_text(crate::words::ADD_TO_THE_COMPARISON.get(lang))
        .on_disabled_hover_text(why);
    b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, !added && !full, &label));
    b.clicked()
}
