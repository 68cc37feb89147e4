"""The Tutor plugin (`tutor plugins enable eip`): docs/operators.md."""
