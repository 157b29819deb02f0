//! The app's user interface (egui). One small module per view; the look is
//! defined once in [`theme`]. Views read the comparison model and never do
//! file I/O: that is the app shell's job (the `cluster-compare` binary).

pub mod charts;
pub mod compact;
pub mod context;
pub mod coverage;
pub mod fonts;
pub mod headless;
pub mod i18n;
pub mod map;
pub mod matrix;
pub mod memo;
pub mod panel;
pub mod picker;
pub mod policies;
pub mod present;
pub mod table;
pub mod task;
pub mod theme;
pub mod view;
pub mod widgets;
pub mod words;

pub use memo::{DataGen, Memo};

use cc_core::compare::Comparison;
use cc_data::model::{Dataset, Lang};

/// At most this many panels side by side.
pub const MAX_PANELS: usize = cc_core::compare::MAX_CLUSTERS;

/// What every view reads: the dataset, the comparison built from it, the
/// language, and where to send the changes it asks for.
pub struct ViewCtx<'a> {
    pub dataset: &'a Dataset,
    pub comparison: &'a Comparison,
    pub lang: Lang,
    /// Views nested anywhere (the map inside the context tab) send changes
    /// here; the app drains them once a frame, in one place.
    pub send: &'a Sender,
}

/// Changes to the comparison that views ask the app to make.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Add(String),
    Remove(usize),
    /// Move panel `i` by `delta` places.
    Move(usize, i32),
    Baseline(Option<usize>),
    /// Filter the cluster list by this province (as the data writes it);
    /// the same province again clears the filter.
    FilterProvince(String),
}

/// Where views send the [`Action`]s they ask for during a frame. Drawing
/// borrows it shared, so any view, however nested, can send.
#[derive(Debug, Default)]
pub struct Sender {
    queue: std::cell::RefCell<Vec<Action>>,
}

impl Sender {
    pub fn send(&self, action: Action) {
        self.queue.borrow_mut().push(action);
    }

    /// The actions sent since the last call, oldest first.
    pub fn take(&self) -> Vec<Action> {
        std::mem::take(&mut *self.queue.borrow_mut())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sender_hands_over_what_was_sent_once() {
        let s = Sender::default();
        s.send(Action::Remove(1));
        s.send(Action::Baseline(None));
        assert_eq!(s.take(), [Action::Remove(1), Action::Baseline(None)]);
        assert!(s.take().is_empty());
    }
}
