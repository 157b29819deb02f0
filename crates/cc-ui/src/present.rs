//! Presentation mode: the slide deck, full-window, one slide at a time. The
//! deck is laid out by Typst and rasterised on a worker thread (the same
//! layout as the PDF and PNG exports, so what is presented is what is
//! exported); slides appear as they are ready, the current one first.
//! Keys: → ↓ PageDown Space next, ← ↑ PageUp previous, Home / End, Esc leaves.

use std::sync::Arc;
use std::time::{Duration, Instant};

use cc_deck::PagedDocument;
use egui::{Color32, ColorImage, Key, TextureHandle, TextureOptions, Ui};

use super::task::{Poll, Sink, Task};
use cc_data::model::Lang;
use cc_deck::{Deck, typeset};

enum Msg {
    Laid(Arc<PagedDocument>),
    Slide(usize, typeset::Raster),
    Failed(String),
}

/// What a key does in presentation mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
    First,
    Last,
    Leave,
}

/// The presentation keys: the presenter reads them, the Help → shortcuts page lists them.
pub const KEYS: [(&[Key], Step); 5] = [
    (
        &[Key::ArrowRight, Key::ArrowDown, Key::PageDown, Key::Space],
        Step::Next,
    ),
    (&[Key::ArrowLeft, Key::ArrowUp, Key::PageUp], Step::Previous),
    (&[Key::Home], Step::First),
    (&[Key::End], Step::Last),
    (&[Key::Escape], Step::Leave),
];

impl Step {
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            Step::Next => crate::words::PRESENTING_NEXT_SLIDE.get(lang),
            Step::Previous => crate::words::PRESENTING_PREVIOUS_SLIDE.get(lang),
            Step::First => crate::words::PRESENTING_FIRST_SLIDE.get(lang),
            Step::Last => crate::words::PRESENTING_LAST_SLIDE.get(lang),
            Step::Leave => crate::words::PRESENTING_LEAVE_PRESENTATION_MODE.get(lang),
        }
    }
}

/// What the presenter asks of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentAction {
    None,
    Leave,
}

/// The presentation state: the laid-out deck and its slides as textures.
#[derive(Default)]
pub struct Presenter {
    pub index: usize,
    doc: Option<Arc<PagedDocument>>,
    slides: Vec<Option<TextureHandle>>,
    /// Laying out and drawing the slides (dropping it stops the worker).
    job: Option<Task<Msg>>,
    error: Option<String>,
    /// Width in pixels the slides were rasterised at.
    width_px: u32,
    started: Option<Instant>,
    /// Time from start to the first slide on screen.
    pub first_slide_after: Option<Duration>,
}

impl Presenter {
    /// Lays out `deck` and renders its slides `width_px` wide, off the UI thread.
    pub fn start(&mut self, deck: Deck, width_px: u32, ctx: &egui::Context) {
        self.doc = None;
        self.slides.clear();
        self.error = None;
        self.started = Some(Instant::now());
        self.first_slide_after = None;
        self.spawn(None, Some(deck), width_px, ctx);
    }

    /// Whether a deck is laid out or being laid out.
    pub fn is_started(&self) -> bool {
        self.started.is_some()
    }

    /// Number of slides, once laid out.
    pub fn slide_count(&self) -> Option<usize> {
        self.doc.as_ref().map(|d| d.pages().len())
    }

    /// Why the deck could not be laid out, if it could not.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// True while slides are still being laid out or drawn.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Forgets the deck (the data or the comparison changed).
    pub fn reset(&mut self) {
        *self = Self {
            index: self.index,
            ..Self::default()
        };
    }

    fn spawn(
        &mut self,
        doc: Option<Arc<PagedDocument>>,
        deck: Option<Deck>,
        width_px: u32,
        ctx: &egui::Context,
    ) {
        self.width_px = width_px;
        let first = self.index;
        let work = move |sink: &Sink<Msg>| {
            let doc = match (doc, deck) {
                (Some(doc), _) => doc,
                (None, Some(deck)) => match typeset::layout(&deck) {
                    Ok(doc) => {
                        let doc = Arc::new(doc);
                        sink.send(Msg::Laid(doc.clone()));
                        doc
                    }
                    Err(e) => {
                        sink.send(Msg::Failed(e.to_string()));
                        return;
                    }
                },
                (None, None) => return,
            };
            let n = doc.pages().len();
            let scale = typeset::scale_for_width(&doc, width_px);
            // The current slide first, then the ones after it, then before.
            let order = (first.min(n.saturating_sub(1))..n).chain(0..first.min(n));
            for i in order {
                if sink.cancelled() {
                    return;
                }
                if let Some(r) = typeset::raster(&doc, i, scale)
                    && !sink.send(Msg::Slide(i, r))
                {
                    return;
                }
            }
        };
        self.job = Some(Task::spawn("slides", Some(ctx), work, Msg::Failed));
    }

    pub fn poll(&mut self, ctx: &egui::Context) {
        loop {
            let Some(job) = &mut self.job else { return };
            match job.poll() {
                Poll::Ready(Msg::Laid(doc)) => {
                    self.slides = vec![None; doc.pages().len()];
                    self.index = self.index.min(doc.pages().len().saturating_sub(1));
                    self.doc = Some(doc);
                }
                Poll::Ready(Msg::Slide(i, r)) => {
                    let image = ColorImage::from_rgba_premultiplied(
                        [r.width as usize, r.height as usize],
                        &r.rgba,
                    );
                    let tex = ctx.load_texture(format!("slide-{i}"), image, TextureOptions::LINEAR);
                    if let Some(slot) = self.slides.get_mut(i) {
                        *slot = Some(tex);
                    }
                    if i == self.index && self.first_slide_after.is_none() {
                        self.first_slide_after = self.started.map(|s| s.elapsed());
                        if let Some(t) = self.first_slide_after
                            && std::env::var_os("CLUSTER_COMPARE_TIMING").is_some()
                        {
                            eprintln!(
                                "cluster-compare: first slide {:.0} ms after presentation mode began",
                                t.as_secs_f64() * 1e3
                            );
                        }
                    }
                }
                Poll::Ready(Msg::Failed(e)) => {
                    self.error = Some(e);
                    self.job = None;
                    return;
                }
                Poll::Pending => return,
                Poll::Finished => {
                    self.job = None;
                    return;
                }
            }
        }
    }

    /// The current slide as an image, for the clipboard (rendered at the
    /// presentation's width).
    pub fn current_image(&self) -> Option<ColorImage> {
        let doc = self.doc.as_ref()?;
        let r = typeset::raster(
            doc,
            self.index,
            typeset::scale_for_width(doc, self.width_px),
        )?;
        Some(ColorImage::from_rgba_premultiplied(
            [r.width as usize, r.height as usize],
            &r.rgba,
        ))
    }

    fn step(&mut self, by: isize) {
        let n = self.slide_count().unwrap_or(0);
        if n == 0 {
            return;
        }
        self.index = (self.index as isize + by).clamp(0, n as isize - 1) as usize;
    }

    /// Draws the current slide over the whole of `ui`.
    pub fn ui(&mut self, ui: &mut Ui, lang: Lang) -> PresentAction {
        let ctx = ui.ctx().clone();
        self.poll(&ctx);
        let mut action = PresentAction::None;
        ctx.input_mut(|i| {
            for (keys, what) in KEYS {
                for k in keys {
                    if i.consume_key(egui::Modifiers::NONE, *k) {
                        match what {
                            Step::Next => self.step(1),
                            Step::Previous => self.step(-1),
                            Step::First => self.index = 0,
                            Step::Last => {
                                self.index = self.slide_count().unwrap_or(1).saturating_sub(1)
                            }
                            Step::Leave => action = PresentAction::Leave,
                        }
                    }
                }
            }
        });

        let rect = ui.max_rect();
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, Color32::from_gray(16));
        // Re-render crisply when the window grew or shrank a lot.
        let want = (rect.width() * ctx.pixels_per_point())
            .round()
            .clamp(320.0, 7680.0) as u32;
        if let Some(doc) = &self.doc
            && self.job.is_none()
            && (want as f32 - self.width_px as f32).abs() > self.width_px as f32 * 0.2
        {
            let doc = doc.clone();
            self.spawn(Some(doc), None, want, &ctx);
        }

        let tex = self.slides.get(self.index).and_then(Option::as_ref);
        match (tex, &self.error) {
            (_, Some(e)) => {
                painter.text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    format!(
                        "{}\n{e}",
                        crate::words::THE_SLIDES_COULD_NOT_BE_LAID.get(lang)
                    ),
                    egui::FontId::proportional(18.0),
                    Color32::from_gray(230),
                );
            }
            (Some(tex), None) => {
                let size = tex.size_vec2();
                let k = (rect.width() / size.x).min(rect.height() / size.y);
                let r = egui::Rect::from_center_size(rect.center(), size * k);
                painter.image(
                    tex.id(),
                    r,
                    egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
                    Color32::WHITE,
                );
            }
            (None, None) => {
                let text = match self.slide_count() {
                    None => crate::words::LAYING_OUT_THE_SLIDES.get(lang).to_owned(),
                    Some(n) => format!(
                        "{} {} / {n}…",
                        crate::words::DRAWING_SLIDE.get(lang),
                        self.index + 1
                    ),
                };
                painter.text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    text,
                    egui::FontId::proportional(20.0),
                    Color32::from_gray(220),
                );
                ui.ctx().request_repaint_after(Duration::from_millis(50));
            }
        }
        // Clicking moves on, as presenters expect; the right button goes back.
        let resp = ui.interact(rect, ui.scope_id().with("slide"), egui::Sense::click());
        let label = match self.slide_count() {
            Some(n) => format!("{} {} / {n}", crate::words::SLIDE.get(lang), self.index + 1),
            None => crate::words::LAYING_OUT_THE_SLIDES_2.get(lang).to_owned(),
        };
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
        if resp.clicked() {
            self.step(1);
        }
        if resp.secondary_clicked() {
            self.step(-1);
        }
        action
    }
}
