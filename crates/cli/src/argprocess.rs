//! Turns an option's text into a parameter value: JSON or shorthand, by the member's shape.
