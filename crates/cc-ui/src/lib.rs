//! The app's user interface (egui). One small module per view; the look is
//! defined once in [`theme`]. Views read the comparison model and never do
//! file I/O: that is the app shell's job (the `cluster-compare` binary).

pub mod charts;
pub mod context;
pub mod fonts;
pub mod headless;
pub mod i18n;
pub mod map;
pub mod matrix;
pub mod panel;
pub mod picker;
pub mod policies;
pub mod present;
pub mod table;
pub mod theme;
pub mod view;
pub mod widgets;

use cc_core::compare::Comparison;
use cc_data::model::{Dataset, Lang};

/// At most this many panels side by side.
pub const MAX_PANELS: usize = cc_core::compare::MAX_CLUSTERS;

/// What every view reads: the dataset, the comparison built from it, the language.
pub struct ViewCtx<'a> {
    pub dataset: &'a Dataset,
    pub comparison: &'a Comparison,
    pub lang: Lang,
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

fn actions_id() -> egui::Id {
    egui::Id::unique("cluster-compare-posted-actions")
}

/// Asks the app for a change from a view nested where it cannot return one
/// (the map inside the comparison view); the app takes them after the frame.
pub fn post_action(ctx: &egui::Context, action: Action) {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Vec<Action>>(actions_id())
            .push(action)
    });
}

/// The actions posted during this frame, oldest first.
pub fn take_actions(ctx: &egui::Context) -> Vec<Action> {
    ctx.data_mut(|d| d.remove_temp::<Vec<Action>>(actions_id()))
        .unwrap_or_default()
}
