//! What every slide shares: numbered footnotes and the source line.

use crate::*;

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

    pub(crate) fn line(&self) -> String {
        if self.ids.is_empty() {
            return String::new();
        }
        // A slide citing many pages names the first few and says how many
        // more (the sources slide lists them all).
        const NAMED: usize = 3;
        let cited: Vec<_> = self
            .d
            .sources
            .iter()
            .filter(|s| self.ids.contains(&s.id))
            .collect();
        let more = cited.len().saturating_sub(if cited.len() > NAMED + 1 {
            NAMED
        } else {
            cited.len()
        });
        let parts: Vec<String> = cited
            .into_iter()
            .take(if more > 0 { NAMED } else { usize::MAX })
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
        let head = t(self.lang, "来源：", "Sources: ");
        let tail = match (more, self.lang) {
            (0, _) => String::new(),
            (n, Lang::Zh) => format!("；另有{n}个来源，见来源页"),
            (n, Lang::En) => format!("; and {n} more, listed on the sources slides"),
        };
        shorten(
            &format!("{head}{}{tail}", parts.join(list_sep(self.lang))),
            CELL_CHARS,
        )
    }
}
