//! The deck in the app: its options, presentation mode and its worker.

use super::*;

impl App {
    /// The deck options the user chose.
    pub(super) fn deck_options(&self) -> DeckOptions {
        DeckOptions {
            title: Some(self.settings.deck.title.clone()).filter(|t| !t.trim().is_empty()),
            metric: self.settings.charts.metric.clone(),
            page: self.settings.deck.page,
            dark: self.settings.dark,
            context: self.settings.deck.context,
            choice: self.settings.deck.choice.clone(),
        }
    }

    /// Builds the deck of the current comparison and starts laying it out.
    pub(super) fn start_presenter(&mut self, ctx: &egui::Context) {
        let opts = self.deck_options();
        let cmp = cached(
            &mut self.comparison,
            &self.loaded.dataset,
            &self.settings,
            self.generation,
        );
        let deck = deck::build(&self.loaded.dataset, cmp, &opts);
        let width = (ctx.content_rect().width() * ctx.pixels_per_point())
            .round()
            .clamp(320.0, 7680.0) as u32;
        self.presenter.start(deck, width, ctx);
    }

    /// Finished deck exports, and a slide copy waiting for its layout.
    pub(super) fn poll_deck(&mut self, ctx: &egui::Context) {
        if !self.presentation {
            self.presenter.poll(ctx);
        }
        if self.copy_slide_pending && !self.presenter.is_started() {
            // The comparison changed since the copy was asked for.
            self.start_presenter(ctx);
        }
        if self.copy_slide_pending
            && let Some(e) = self.presenter.error()
        {
            self.status = Some(super::both(|lang| {
                format!("{} {e}", crate::words::COULD_NOT_COPY_THE_SLIDE.get(lang))
            }));
            self.copy_slide_pending = false;
        }
        if self.copy_slide_pending && self.presenter.slide_count().is_some() {
            self.copy_slide_pending = false;
            if let Some(img) = self.presenter.current_image() {
                ctx.copy_image(img);
                let n = self.presenter.index + 1;
                self.status = Some(super::both(|lang| {
                    format!("{} {n}", crate::words::COPIED_SLIDE.get(lang))
                }));
            }
        }
        if let Some(task) = &mut self.export_task {
            match task.poll() {
                tasks::Poll::Ready(done) => {
                    self.export_task = None;
                    self.exported(done);
                }
                // The task asks for a repaint when it is done.
                tasks::Poll::Pending => {}
                tasks::Poll::Finished => self.export_task = None,
            }
        }
    }
}
