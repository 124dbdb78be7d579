//! The language of reports: Vietnamese first.
//!
//! The command line takes `--lang vi|en`; without it, the locale decides:
//! the first set of `LC_ALL`, `LC_MESSAGES` and `LANG` (POSIX order), `vi`
//! when it starts with `vi` (`vi_VN.UTF-8`), English for any other locale
//! (`C.UTF-8`, `en_US.UTF-8`), and Vietnamese when none is set.
//!
//! Findings carry both languages (`message`, `message_vi`): the report
//! shows the chosen one first and the other beneath it.

use serde::Serialize;

/// A report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Tiếng Việt.
    Vi,
    /// English (the library's default, for stable output).
    #[default]
    En,
}

impl Lang {
    /// The language the locale variables ask for (see the [module
    /// docs](self)).
    ///
    /// ```
    /// use obligraph::lang::Lang;
    /// assert_eq!(Lang::from_locale(None, None, Some("vi_VN.UTF-8")), Lang::Vi);
    /// assert_eq!(Lang::from_locale(Some("C"), None, Some("vi_VN.UTF-8")), Lang::En);
    /// assert_eq!(Lang::from_locale(Some(""), None, Some("en_GB.UTF-8")), Lang::En);
    /// assert_eq!(Lang::from_locale(None, None, None), Lang::Vi);
    /// ```
    pub fn from_locale(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        match [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|v| !v.is_empty())
        {
            Some(v) if v.to_ascii_lowercase().starts_with("vi") => Lang::Vi,
            Some(_) => Lang::En,
            None => Lang::Vi,
        }
    }

    /// The language of this process's locale.
    pub fn from_env() -> Lang {
        let var = |k: &str| std::env::var(k).ok();
        Lang::from_locale(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
        )
    }

    /// The BCP 47 tag (`vi`, `en`), as HTML's `lang` takes it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}
