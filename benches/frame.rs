//! One frame (layout and tessellation) of a 6-panel comparison with a
//! 1,000-cluster dataset loaded, on each tab (goal: ≤ 2 ms median, 4 ms p99
//! for the overview). Also: building the comparison model.

use cluster_compare::app::{App, Settings};
use cluster_compare::compare::Comparison;
use cluster_compare::load::Loaded;
use cluster_compare::model::Lang;
use cluster_compare::synth;
use cluster_compare::ui::view::Tab;

fn main() {
    divan::main();
}

fn app(tab: Tab) -> (egui::Context, App) {
    let dataset = synth::dataset(1_000);
    let compare = dataset
        .clusters
        .iter()
        .take(6)
        .map(|c| c.id.clone())
        .collect();
    let loaded = Loaded {
        file: "synthetic".into(),
        dataset,
        warnings: vec![],
        added: vec![],
    };
    let app = App::with_data(
        loaded,
        Settings {
            compare,
            baseline: Some(0),
            lang: Lang::Zh,
            tab,
            ..Settings::default()
        },
    );
    let ctx = egui::Context::default();
    cluster_compare::ui::fonts::install(&ctx);
    (ctx, app)
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    }
}

fn frame(bencher: divan::Bencher, tab: Tab) {
    let (ctx, mut app) = app(tab);
    // Warm up: fonts, glyph atlas, caches.
    for _ in 0..5 {
        let out = ctx.run_ui(input(), |ui| app.ui(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    bencher.bench_local(|| {
        let out = ctx.run_ui(input(), |ui| app.ui(ui));
        ctx.tessellate(out.shapes, out.pixels_per_point).len()
    });
}

#[divan::bench(sample_count = 200)]
fn frame_overview(bencher: divan::Bencher) {
    frame(bencher, Tab::Overview);
}

#[divan::bench(sample_count = 200)]
fn frame_charts(bencher: divan::Bencher) {
    frame(bencher, Tab::Charts);
}

#[divan::bench(sample_count = 200)]
fn frame_policy_matrix(bencher: divan::Bencher) {
    frame(bencher, Tab::Policies);
}

#[divan::bench(sample_count = 50)]
fn build_comparison(bencher: divan::Bencher) {
    let d = synth::dataset(1_000);
    let ids: Vec<String> = d.clusters.iter().take(6).map(|c| c.id.clone()).collect();
    bencher.bench(|| Comparison::build(&d, &ids, Some(0), Lang::Zh).rows.len());
}
