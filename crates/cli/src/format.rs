//! The choices of `--output` and `--color`, as enums whose names feed the parser's choices, the manual and
//! the output step from one place.

/// `--output` (or `AWS_DEFAULT_OUTPUT`, or the profile's `output`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `json` (the default).
    Json,
    /// `text`: tab-separated values.
    Text,
    /// `table`: boxed tables.
    Table,
}

impl Format {
    /// Every format, in AWS CLI v1's order of choices.
    pub const ALL: [Format; 3] = [Format::Json, Format::Text, Format::Table];
    /// Their names, the choices of `--output`.
    pub const NAMES: [&'static str; 3] = ["json", "text", "table"];

    /// The format's name.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The format called `name`, if any (a configured value may name none: AWS CLI v1 then says
    /// `Unknown output type`).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    /// `on`: always styled.
    On,
    /// `off`: never styled.
    Off,
    /// `auto` (the default): styled when stdout is a terminal.
    Auto,
}

impl Color {
    /// Every mode, in AWS CLI v1's order of choices.
    pub const ALL: [Color; 3] = [Color::On, Color::Off, Color::Auto];
    /// Their names, the choices of `--color`.
    pub const NAMES: [&'static str; 3] = ["on", "off", "auto"];

    /// The mode's name.
    pub const fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The mode called `name`, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Whether the table is styled: `on`, or `auto` with stdout a terminal. Only the table output has
    /// colors; `--output text` and `--output json` ignore `--color`.
    pub fn styled(self, stdout_is_tty: bool) -> bool {
        match self {
            Color::On => true,
            Color::Off => false,
            Color::Auto => stdout_is_tty,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_variants_match_both_ways() {
        for format in Format::ALL {
            assert_eq!(Format::from_name(format.name()), Some(format));
        }
        for color in Color::ALL {
            assert_eq!(Color::from_name(color.name()), Some(color));
        }
        assert_eq!(Format::from_name("yaml"), None);
        assert!(Color::Auto.styled(true) && !Color::Auto.styled(false) && Color::On.styled(false));
    }
}
