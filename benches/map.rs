//! The map's counts (built every frame the National context tab is drawn):
//! 1,000 and 10,000 synthetic clusters, and one frame of the National context
//! tab with the map on a 1,000-cluster dataset.

use cluster_compare::app::{App, Settings};
use cluster_compare::load::Loaded;
use cluster_compare::map::{self, Mode};
use cluster_compare::model::Lang;
use cluster_compare::synth;
use cluster_compare::ui::view::Tab;

fn main() {
    divan::main();
}

#[divan::bench(args = [1_000, 10_000], sample_count = 50)]
fn map_data(bencher: divan::Bencher, n: usize) {
    let d = synth::dataset(n);
    bencher.bench(|| map::map_data(&d, Mode::National, Lang::Zh).tiles.len());
}

#[divan::bench(sample_count = 100)]
fn frame_context_with_map(bencher: divan::Bencher) {
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
    let mut app = App::with_data(
        loaded,
        Settings {
            compare,
            tab: Tab::Context,
            ..Settings::default()
        },
    );
    let ctx = egui::Context::default();
    cluster_compare::ui::fonts::install(&ctx);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    };
    for _ in 0..5 {
        let out = ctx.run_ui(input(), |ui| app.ui(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    bencher.bench_local(|| {
        let out = ctx.run_ui(input(), |ui| app.ui(ui));
        ctx.tessellate(out.shapes, out.pixels_per_point).len()
    });
}
