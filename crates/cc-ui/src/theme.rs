//! Design tokens: spacing, colours and text sizes, defined once. Every view
//! takes its look from here, so panels, cards and charts look alike.

use cc_core::tokens;
use egui::{Color32, CornerRadius, FontFamily, FontId, Margin, Stroke, TextStyle, Visuals};

/// Spacing, in points.
pub const GAP: f32 = 8.0;
pub const GAP_SMALL: f32 = 4.0;
pub const GAP_LARGE: f32 = 16.0;
/// Width of one cluster panel.
pub const PANEL_WIDTH: f32 = 380.0;
/// Width of the cluster list on the left.
pub const SIDEBAR_WIDTH: f32 = 300.0;
/// Height of a chart.
pub const CHART_HEIGHT: f32 = 300.0;
pub const CARD_RADIUS: u8 = 6;

/// Text sizes (normal mode; presentation mode scales them).
pub const SIZE_BODY: f32 = 14.0;
pub const SIZE_SMALL: f32 = 12.0;
pub const SIZE_HEADING: f32 = 19.0;
pub const SIZE_FIGURE: f32 = 22.0;
pub const PRESENTATION_SCALE: f32 = 1.3;

/// Colours of one theme.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub dark: bool,
    pub bg: Color32,
    pub panel_bg: Color32,
    pub card_bg: Color32,
    pub border: Color32,
    pub text: Color32,
    pub text_weak: Color32,
    pub accent: Color32,
    pub good: Color32,
    pub warn: Color32,
    pub bad: Color32,
    /// One colour per compared cluster, in panel order.
    pub series: [Color32; 6],
}

/// An egui colour from a design token.
const fn c(rgb: tokens::Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// The app's palette from the shared design tokens (the slide deck uses the
/// same ones, so a cluster has one colour in the app and on every slide).
const fn from_tokens(t: &tokens::Colours, dark: bool) -> Palette {
    Palette {
        dark,
        bg: c(t.bg),
        panel_bg: c(t.panel_bg),
        card_bg: c(t.card_bg),
        border: c(t.border),
        text: c(t.text),
        text_weak: c(t.text_weak),
        accent: c(t.accent),
        good: c(t.good),
        warn: c(t.warn),
        bad: c(t.bad),
        series: [
            c(t.series[0]),
            c(t.series[1]),
            c(t.series[2]),
            c(t.series[3]),
            c(t.series[4]),
            c(t.series[5]),
        ],
    }
}

pub const LIGHT: Palette = from_tokens(&tokens::LIGHT, false);

pub const DARK: Palette = from_tokens(&tokens::DARK, true);

pub fn palette(dark: bool) -> &'static Palette {
    if dark { &DARK } else { &LIGHT }
}

/// The palette of the theme `ui` is drawn in.
pub fn of(ui: &egui::Ui) -> &'static Palette {
    palette(ui.visuals().dark_mode)
}

/// Width of the outline of an outlined bar (forecasts; the second metric of
/// a chart of two metrics, whose colours stay the clusters').
pub const OUTLINE_WIDTH: f32 = 2.0;

/// The fill of an outlined bar of `color`: a faint tint of it.
pub fn outline_fill(color: Color32) -> Color32 {
    color.gamma_multiply(0.18)
}

/// Colour of the `i`-th compared cluster.
pub fn series(ui: &egui::Ui, i: usize) -> Color32 {
    of(ui).series[i % 6]
}

/// Applies the theme and text sizes to the whole context.
pub fn apply(ctx: &egui::Context, dark: bool, presentation: bool) {
    let p = palette(dark);
    let k = if presentation {
        PRESENTATION_SCALE
    } else {
        1.0
    };
    let mut visuals = if dark {
        Visuals::dark()
    } else {
        Visuals::light()
    };
    visuals.panel_fill = p.panel_bg;
    visuals.window_fill = p.panel_bg;
    visuals.extreme_bg_color = if dark {
        Color32::from_rgb(0x12, 0x14, 0x17)
    } else {
        Color32::WHITE
    };
    visuals.faint_bg_color = p.card_bg;
    visuals.override_text_color = Some(p.text);
    visuals.hyperlink_color = p.accent;
    visuals.selection.bg_fill = p.accent.gamma_multiply(0.35);
    visuals.selection.stroke = Stroke::new(1.0, p.accent);
    visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.0, p.border);
    let theme = if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    };
    ctx.set_theme(theme);
    ctx.set_visuals_of(theme, visuals);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(SIZE_SMALL * k, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(SIZE_BODY * k, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(SIZE_BODY * k, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(SIZE_HEADING * k, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(SIZE_BODY * k, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(GAP, GAP_SMALL + 2.0);
        style.spacing.button_padding = egui::vec2(GAP, GAP_SMALL);
        style.spacing.interact_size.y = 24.0 * k;
    });
}

/// The size of headline figures on cards, in proportion to the body text (so
/// presentation mode scales it too).
pub fn figure_size(ui: &egui::Ui) -> f32 {
    ui.style()
        .text_styles
        .get(&TextStyle::Body)
        .map_or(SIZE_FIGURE, |f| f.size * SIZE_FIGURE / SIZE_BODY)
}

/// The frame of a cluster panel.
pub fn panel_frame(ui: &egui::Ui) -> egui::Frame {
    let p = of(ui);
    egui::Frame::new()
        .fill(p.panel_bg)
        .stroke(Stroke::new(1.0, p.border))
        .corner_radius(CornerRadius::same(CARD_RADIUS + 2))
        .inner_margin(Margin::same(GAP_LARGE as i8 - 4))
}

/// The frame of a card inside a panel.
pub fn card_frame(ui: &egui::Ui) -> egui::Frame {
    let p = of(ui);
    egui::Frame::new()
        .fill(p.card_bg)
        .corner_radius(CornerRadius::same(CARD_RADIUS))
        .inner_margin(Margin::symmetric(GAP as i8 + 2, GAP as i8))
}

/// Sequential scale for counts on the map: zero, five steps from light to
/// strong, and the fill of divisions without data (drawn hatched).
#[derive(Clone, Copy, Debug)]
pub struct MapScale {
    pub zero: Color32,
    pub steps: [Color32; 5],
    pub no_data: Color32,
    pub hatch: Color32,
}

const fn map_scale_from(t: &tokens::MapRamp) -> MapScale {
    MapScale {
        zero: c(t.zero),
        steps: [
            c(t.steps[0]),
            c(t.steps[1]),
            c(t.steps[2]),
            c(t.steps[3]),
            c(t.steps[4]),
        ],
        no_data: c(t.no_data),
        hatch: c(t.hatch),
    }
}

pub const MAP_LIGHT: MapScale = map_scale_from(&tokens::MAP_LIGHT);

pub const MAP_DARK: MapScale = map_scale_from(&tokens::MAP_DARK);

pub fn map_scale(ui: &egui::Ui) -> &'static MapScale {
    if ui.visuals().dark_mode {
        &MAP_DARK
    } else {
        &MAP_LIGHT
    }
}
