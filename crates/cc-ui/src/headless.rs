//! PNG: the same comparison view as the app, rendered headless (no window, no
//! display) through egui_kittest's wgpu renderer; software rasterisers such
//! as Mesa's lavapipe are preferred, so it runs on servers too.

use egui_kittest::Harness;

use crate::charts::Charts;
use crate::view::{ComparisonView, Tab};
use crate::{ViewCtx, fonts, theme};
use cc_core::compare::Comparison;
use cc_data::model::Dataset;
use cc_export::{ExportError, PngOptions, View};

/// A wgpu render state, or a clear error where no adapter can be had. The
/// primary backends (Vulkan, Metal, DX12) are tried first, so no GL/Wayland
/// probing happens on a server; then every backend.
fn render_state() -> Result<egui_wgpu::RenderState, ExportError> {
    let mut primary = egui_kittest::wgpu::default_wgpu_setup();
    if let egui_wgpu::WgpuSetup::CreateNew(s) = &mut primary {
        s.instance_descriptor.backends = egui_wgpu::wgpu::Backends::PRIMARY;
    }
    render_state_with(primary)
        .or_else(|_| render_state_with(egui_kittest::wgpu::default_wgpu_setup()))
}

fn render_state_with(setup: egui_wgpu::WgpuSetup) -> Result<egui_wgpu::RenderState, ExportError> {
    let instance = pollster::block_on(setup.new_instance());
    pollster::block_on(egui_wgpu::RenderState::create(
        &egui_wgpu::WgpuConfiguration {
            wgpu_setup: setup,
            ..Default::default()
        },
        &instance,
        None,
        egui_wgpu::RendererOptions::PREDICTABLE,
    ))
    .map_err(|e| {
        ExportError::Render(format!(
            "no graphics adapter ({e}); on Linux install Mesa's software Vulkan driver (Debian: mesa-vulkan-drivers)"
        ))
    })
}

/// Renders the comparison's overview, in presentation style, to PNG bytes.
pub fn render_png(d: &Dataset, cmp: &Comparison, o: &PngOptions) -> Result<Vec<u8>, ExportError> {
    let pixels = |points: u32| points as f32 * o.scale;
    if !(200..=8000).contains(&o.width)
        || !(200..=8000).contains(&o.height)
        || !(0.5..=4.0).contains(&o.scale)
        || pixels(o.width) > 8000.0
        || pixels(o.height) > 8000.0
    {
        return Err(ExportError::PngSize(o.width, o.height, o.scale));
    }
    // Nothing is cut off: where the view does not fit, it is drawn smaller
    // (the same pixels, more points), but never with body text below 14 px
    // at scale 1; beyond that the export refuses and points to the deck.
    for shrink in SHRINK_STEPS {
        // A renderer takes a fresh render state each time.
        let renderer = egui_kittest::wgpu::WgpuTestRenderer::from_render_state(render_state()?);
        // The renderer and harness are test machinery that assert on failure;
        // an export reports such a failure as an error instead.
        let (png, fits) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            draw(d, cmp, o, shrink, renderer)
        }))
        .unwrap_or_else(|e| {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            Err(ExportError::Render(msg))
        })?;
        if fits {
            return Ok(png);
        }
    }
    Err(ExportError::DoesNotFit)
}

/// How much a view may be shrunk to fit: down to body text of 14 px from
/// the presentation's 18.2 px.
const SHRINK_STEPS: [f32; 4] = [
    1.0,
    0.92,
    0.85,
    14.0 / (theme::SIZE_BODY * theme::PRESENTATION_SCALE),
];

fn map_mode(v: View) -> Option<cc_core::map::Mode> {
    match v {
        View::Map => Some(cc_core::map::Mode::National),
        View::MapCompetition => Some(cc_core::map::Mode::Competition),
        _ => None,
    }
}

fn draw(
    d: &Dataset,
    cmp: &Comparison,
    o: &PngOptions,
    shrink: f32,
    renderer: egui_kittest::wgpu::WgpuTestRenderer,
) -> Result<(Vec<u8>, bool), ExportError> {
    let dark = o.dark;
    // A picture changes nothing: what its views send is dropped.
    let send = crate::Sender::default();
    let cx = ViewCtx {
        dataset: d,
        comparison: cmp,
        lang: cmp.lang,
        send: &send,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(o.width as f32, o.height as f32) / shrink)
        .with_pixels_per_point(o.scale * shrink)
        .with_theme(if dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        })
        .with_context_setup(move |ctx| {
            fonts::install(ctx);
            theme::apply(ctx, dark, true);
        })
        // Characters outside every font render as boxes rather than abort the export.
        .allow_missing_glyphs()
        .with_accessibility_check(false)
        .renderer(renderer)
        .build_ui_state(
            |ui, charts: &mut Charts| {
                egui::CentralPanel::default().show(ui, |ui| {
                    if let Some(mode) = map_mode(o.view) {
                        crate::map::slide(ui, &cx, mode);
                        return;
                    }
                    ComparisonView {
                        ctx: &cx,
                        tab: match o.view {
                            View::Overview => Tab::Overview,
                            View::Charts => Tab::Charts,
                            View::Policies => Tab::Policies,
                            View::Context | View::Map | View::MapCompetition => Tab::Context,
                        },
                        charts,
                        presentation: true,
                    }
                    .ui(ui);
                });
            },
            Charts::default(),
        );
    harness.run_steps(3);
    let fits = harness
        .ctx
        .data(|d| d.get_temp::<bool>(crate::view::fit_id()))
        .unwrap_or(false);
    let mut image = harness.render().map_err(ExportError::Render)?;
    // Composite onto the page colour: areas nothing painted are transparent.
    let bg = theme::palette(dark).panel_bg;
    for p in image.pixels_mut() {
        let a = p.0[3] as u32;
        if a < 255 {
            for (c, b) in p.0.iter_mut().take(3).zip([bg.r(), bg.g(), bg.b()]) {
                *c = ((*c as u32 * a + b as u32 * (255 - a)) / 255) as u8;
            }
            p.0[3] = 255;
        }
    }
    let mut out = Vec::new();
    image::DynamicImage::ImageRgba8(image)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .map_err(|e| ExportError::Render(e.to_string()))?;
    Ok((out, fits))
}

/// The export layer's view pictures, drawn by the app's own views.
pub struct Headless;

impl cc_export::Pictures for Headless {
    fn view_png(
        &self,
        d: &Dataset,
        cmp: &Comparison,
        o: &PngOptions,
    ) -> Result<Vec<u8>, ExportError> {
        render_png(d, cmp, o)
    }
}
