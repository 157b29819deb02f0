//! `cluster-compare export`: a comparison sheet, the slide deck or a
//! picture of a view, for the clusters in `--compare`.

use super::data::esc;
use super::*;

/// Runs `export` (`command` is a [`Command::Export`]).
pub(super) fn run(cli: &Cli, command: &Command, err: &mut dyn Write) -> ExitCode {
    let Command::Export {
        format,
        what,
        output,
        baseline,
        width,
        height,
        scale,
        dark,
        view,
        title,
        metric,
        page,
        context,
        slides,
        sources,
        sort_bars,
        highlight,
    } = command
    else {
        return ExitCode::FAILURE;
    };
    let format = &Format::from(*format);
    let what = &export::What::from(*what);
    let view = &view.map(export::View::from);
    let page = &crate::deck::PageShape::from(*page);
    let loaded = match load_data(cli.data.as_ref()) {
        Ok(l) => l,
        Err(e) => {
            let _ = write!(err, "{e}");
            return ExitCode::from(1);
        }
    };
    if let Some(e) = checks::size(*width, *height, *scale) {
        let _ = writeln!(err, "cluster-compare: {e}");
        return ExitCode::from(2);
    }
    if let Some(e) = metric
        .as_deref()
        .and_then(|m| checks::metric(&loaded.dataset, m))
    {
        let _ = writeln!(err, "cluster-compare: {}", esc(&e));
        return ExitCode::from(2);
    }
    let map = *format == Format::Png && view.is_some_and(|v| v.is_map());
    if cli.compare.is_empty() && !map {
        let _ = writeln!(
            err,
            "cluster-compare: export needs --compare ID,ID (`cluster-compare list` shows the ids)"
        );
        return ExitCode::from(2);
    }
    let baseline = match baseline_index(&cli.compare, baseline.as_deref()) {
        Ok(Some((i, true))) => {
            let _ = writeln!(
                err,
                "cluster-compare: note: --baseline {i} is taken as a position in --compare, counting from 0: {}",
                esc(&cli.compare[i])
            );
            Some(i)
        }
        Ok(b) => b.map(|(i, _)| i),
        Err(b) => {
            let _ = writeln!(
                err,
                "cluster-compare: --baseline {} is not one of the ids in --compare ({}), nor a position in it (counting from 0)",
                esc(&b),
                esc(&cli.compare.join(","))
            );
            return ExitCode::from(1);
        }
    };
    let baseline = &baseline;
    let selection = crate::selection::check(&loaded.dataset, &cli.compare, *baseline);
    if let Some(e) = selection.error() {
        let _ = writeln!(err, "cluster-compare: {}", esc(&e));
        return ExitCode::from(1);
    }
    if let Some(note) = selection.note() {
        let _ = writeln!(err, "cluster-compare: note: {}", esc(&note));
    }
    if let Some(h) = highlight
        && !selection.ids.contains(h)
    {
        let _ = writeln!(
            err,
            "cluster-compare: --highlight {} is not one of the ids in --compare ({})",
            esc(h),
            esc(&selection.ids.join(","))
        );
        return ExitCode::from(2);
    }
    if let Some(b) = baseline
        && selection.baseline.is_none()
    {
        let _ = writeln!(
            err,
            "cluster-compare: --baseline {b} is not one of the {} ids in --compare (counting from 0)",
            cli.compare.len()
        );
        return ExitCode::from(1);
    }
    let request = export::Request {
        ids: selection.ids,
        baseline: selection.baseline,
        lang: cli.lang.map(Lang::from).unwrap_or(Lang::Zh),
        png: export::PngOptions {
            width: *width,
            height: *height,
            scale: *scale,
            dark: *dark,
            view: view.unwrap_or_default(),
        },
        deck: crate::deck::DeckOptions {
            title: title.clone(),
            metric: metric.clone(),
            page: *page,
            dark: *dark,
            context: *context,
            choice: slide_choice(slides, *context, *sources, *sort_bars, highlight),
        },
        slides: *format == Format::Png && view.is_none() && !names_png_file(output),
    };
    let _runtime = (*format == Format::Png && !request.slides)
        .then(RuntimeDir::create)
        .flatten();
    let folder = request.slides || *format == Format::Svg;
    if let Some(w) = checks::extension(output, *format, folder) {
        let _ = writeln!(err, "cluster-compare: {}", esc(&w));
    }
    match export::export_report(&loaded.dataset, &request, *format, *what, output) {
        Ok(report) => {
            for n in report.notes {
                let _ = writeln!(err, "cluster-compare: note: {n}");
            }
            if cli.verbose {
                let _ = writeln!(
                    err,
                    "wrote {}: {}",
                    esc(&written_to(output)),
                    report.written
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(err, "cluster-compare: {}", esc(&e.to_string()));
            ExitCode::from(1)
        }
    }
}

/// The slides the user chose: `--slides` in order (with `--context`, the
/// map and the competition winners before the sources if not listed), or
/// the default deck.
fn slide_choice(
    slides: &[SlideArg],
    context: bool,
    sources: SourcesArg,
    sort_bars: bool,
    highlight: &Option<String>,
) -> crate::deck::SlideChoice {
    use crate::deck::SlideKind;
    let slides = (!slides.is_empty()).then(|| {
        let mut kinds: Vec<SlideKind> = slides.iter().map(|&s| s.into()).collect();
        if context {
            let mut at = kinds
                .iter()
                .position(|k| *k == SlideKind::Sources)
                .unwrap_or(kinds.len());
            for k in [SlideKind::Map, SlideKind::Context] {
                if !kinds.contains(&k) {
                    kinds.insert(at, k);
                    at += 1;
                }
            }
        }
        kinds
    });
    crate::deck::SlideChoice {
        slides,
        sources: sources.into(),
        sort_bars,
        highlight: highlight.clone(),
    }
}
