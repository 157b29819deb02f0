//! Date and year notes: both languages, or the older one-language string.

use schemars::JsonSchema;
use serde::Deserialize;

use super::Text;

/// A date or year note in both languages: `{"zh": …, "en": …}`, either half
/// optional. The older form, one string, is still read ([`Text::from_one`]).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub(super) struct NoteHalves {
    /// Chinese.
    #[serde(default)]
    zh: String,
    /// English.
    #[serde(default)]
    en: String,
}

/// What the schema says a note may be.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub(super) enum NoteSchema {
    Both(NoteHalves),
    /// The older one-language form.
    One(String),
}

/// Reads a note in either form; `null` is no note.
pub(super) fn note<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Text>, D::Error> {
    use serde::de::{self, Visitor};
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<Text>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a note: `{\"zh\": \"…\", \"en\": \"…\"}` or a string")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: serde::Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_any(V)
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
            Ok(Some(Text::from_one(s)))
        }
        // Worded as everywhere else an array stands for an object.
        fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(de::Error::invalid_type(
                de::Unexpected::Other("an array [ … ]"),
                &"an object { … } (or a string)",
            ))
        }
        fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            let h = NoteHalves::deserialize(de::value::MapAccessDeserializer::new(map))?;
            Ok(Some(Text::new(h.zh, h.en)))
        }
    }
    d.deserialize_option(V)
}
