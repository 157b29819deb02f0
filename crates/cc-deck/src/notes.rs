//! What every slide shares: numbered footnotes and the source line; the
//! notes slide that takes the notes a slide's foot has no room for.

use crate::*;

/// Most notes at the foot of one slide: the foot repeats on every page of a
/// slide that continues, so it must stay short.
pub(crate) const FOOT_NOTES: usize = 5;

/// Most notes at the foot of a picture (a chart, the map, the matrix).
pub(crate) const PICTURE_NOTES: usize = 3;

/// Longest note at the foot, in characters (about two lines on a 4:3
/// slide); a longer one goes to the notes slide.
fn foot_note_chars(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 110,
        Lang::En => 220,
    }
}

/// Most notes on the notes slides of one section; the rest are counted.
pub(crate) const MAX_NOTES: usize = 120;

/// Splits the notes of `slides` (one section of the deck): each keeps at
/// most [`FOOT_NOTES`] short notes at its foot, in order; from the first
/// that does not fit on, its notes go to a notes slide that follows the
/// section and the foot points to it. Returns that slide, if any.
pub(crate) fn split_notes(slides: &mut [Slide], notes_index: usize, lang: Lang) -> Option<Slide> {
    let limit = foot_note_chars(lang);
    let mut items = Vec::new();
    let mut listed = 0usize;
    let mut unlisted = 0usize;
    for s in slides.iter_mut() {
        // A picture (a chart, the map, a table that never continues) keeps
        // fewer and shorter notes, so that it has the room to stay on one page.
        let picture = matches!(
            s.body,
            Body::Bars { .. }
                | Body::Map { .. }
                | Body::Title { .. }
                | Body::Table { fit: true, .. }
        );
        let (most, longest) = if picture {
            (PICTURE_NOTES, limit / 2)
        } else {
            (FOOT_NOTES, limit)
        };
        let keep = s
            .notes
            .iter()
            .take(most)
            .take_while(|n| n.chars().count() <= longest)
            .count();
        if keep == s.notes.len() {
            continue;
        }
        s.overflow = s.notes.split_off(keep);
        s.more_notes = Some(notes_index);
        let room = MAX_NOTES.saturating_sub(listed);
        let shown: Vec<String> = s.overflow.iter().take(room).cloned().collect();
        listed += shown.len();
        unlisted += s.overflow.len() - shown.len();
        if !shown.is_empty() {
            items.push(SourceItem {
                head: s.title.clone(),
                quotes: shown,
            });
        }
    }
    if items.is_empty() && unlisted == 0 {
        return None;
    }
    if unlisted > 0 {
        items.push(SourceItem {
            head: match lang {
                Lang::Zh => format!("另有{unlisted}条注释未列出：本幻灯片每节最多列{MAX_NOTES}条"),
                Lang::En => format!(
                    "{unlisted} more notes not listed: the deck lists at most {MAX_NOTES} per section"
                ),
            },
            quotes: Vec::new(),
        });
    }
    Some(Slide {
        title: crate::words::FURTHER_NOTES.get(lang).to_owned(),
        subtitle: crate::words::NOTES_THE_FOOT_OF_THE_SLIDES
            .get(lang)
            .to_owned(),
        body: Body::Notes { items },
        notes: Vec::new(),
        overflow: Vec::new(),
        more_notes: None,
        sources: String::new(),
        cited: Vec::new(),
        kind: None,
    })
}

/// Ends a section of the deck (`slides[start..]`): moves the notes its feet
/// have no room for to a notes slide after it.
pub(crate) fn end_section(slides: &mut Vec<Slide>, start: &mut usize, lang: Lang) {
    let index = slides.len();
    if let Some(n) = split_notes(&mut slides[*start..], index, lang) {
        slides.push(n);
    }
    *start = slides.len();
}

/// Collects footnotes for one slide, numbering each distinct text once.
#[derive(Default)]
pub(crate) struct Notes {
    pub(crate) texts: Vec<String>,
}

impl Notes {
    /// Adds a note (or finds it) and returns its marker.
    pub(crate) fn mark(&mut self, text: String) -> String {
        let i = match self.texts.iter().position(|t| *t == text) {
            Some(i) => i,
            None => {
                self.texts.push(text);
                self.texts.len() - 1
            }
        };
        note_mark(i)
    }

    pub(crate) fn finish(self) -> Vec<String> {
        self.texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| format!("{} {}", note_mark(i), shorten(&t, CELL_CHARS)))
            .collect()
    }
}

/// Collects the sources a slide cites, for its source line.
pub(crate) struct Cites<'a> {
    pub(crate) d: &'a Dataset,
    pub(crate) lang: Lang,
    pub(crate) ids: Vec<String>,
}

impl<'a> Cites<'a> {
    pub(crate) fn new(d: &'a Dataset, lang: Lang) -> Self {
        Self {
            d,
            lang,
            ids: Vec::new(),
        }
    }

    pub(crate) fn add(&mut self, id: &str) {
        if !self.ids.iter().any(|i| i == id) {
            self.ids.push(id.to_owned());
        }
    }

    /// The short line of a deck with a sources appendix: the first few
    /// sources, and how many more the appendix lists.
    pub(crate) fn line(&self) -> String {
        self.line_with(3, true)
    }

    /// The citation line of a deck without a sources appendix: more sources
    /// named, and no pointer to a slide that is not there.
    pub(crate) fn line_alone(&self) -> String {
        self.line_with(6, false)
    }

    fn line_with(&self, named: usize, appendix: bool) -> String {
        if self.ids.is_empty() {
            return String::new();
        }
        // A slide citing many pages names the first few and says how many
        // more (the sources slide lists them all).
        let cited: Vec<_> = self
            .d
            .sources
            .iter()
            .filter(|s| self.ids.contains(&s.id))
            .collect();
        let more = cited.len().saturating_sub(if cited.len() > named + 1 {
            named
        } else {
            cited.len()
        });
        let parts: Vec<String> = cited
            .into_iter()
            .take(if more > 0 { named } else { usize::MAX })
            .map(|s| {
                let date = if s.date_approximate {
                    match self.lang {
                        Lang::Zh => format!("约{}", s.date),
                        Lang::En => format!("c. {}", s.date),
                    }
                } else {
                    s.date.clone()
                };
                format!("{}{}{}", s.publisher.get(self.lang), sep(self.lang), date)
            })
            .collect();
        let head = crate::words::SOURCES_2.get(self.lang).to_owned();
        let tail = match (more, self.lang, appendix) {
            (0, _, _) => String::new(),
            (n, Lang::Zh, true) => format!("；另有{n}个来源，见来源页"),
            (n, Lang::En, true) => format!("; and {n} more, listed on the sources slides"),
            (n, Lang::Zh, false) => format!("；另有{n}个来源"),
            (n, Lang::En, false) => format!("; and {n} more"),
        };
        shorten(
            &format!("{head}{}{tail}", parts.join(list_sep(self.lang))),
            CELL_CHARS,
        )
    }
}
