//! The app's user interface (egui). One small module per view; the look is
//! defined once in [`theme`]. Views read the comparison model and never do
//! file I/O: that is the app's job ([`app`]).

pub mod app;
pub mod charts;
pub mod context;
pub mod fonts;
pub mod help;
pub mod history;
pub mod i18n;
pub mod loader;
pub mod map;
pub mod matrix;
pub mod menu;
pub mod notice;
pub mod panel;
pub mod picker;
pub mod policies;
pub mod present;
pub mod table;
pub mod theme;
pub mod view;
pub mod views_saved;
pub mod widgets;

use std::process::ExitCode;

use crate::cli::Cli;
use crate::compare::Comparison;
use crate::model::{Dataset, Lang};

/// At most this many panels side by side.
pub const MAX_PANELS: usize = crate::compare::MAX_CLUSTERS;

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

/// Starts the native app window; returns the process exit code.
pub fn run_native(cli: &Cli) -> ExitCode {
    let started = std::time::Instant::now();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Cluster Compare · 集群对比")
            .with_inner_size([1480.0, 920.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    let startup = app::Startup::from_cli(cli);
    let result = eframe::run_native(
        "cluster-compare",
        options,
        Box::new(move |cc| Ok(Box::new(app::App::new(cc, startup, started)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cluster-compare: could not open the window: {e}");
            ExitCode::from(1)
        }
    }
}
