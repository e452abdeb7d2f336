"""The warning-signs journal on screen: note, timeline, trends, rules and patterns."""
