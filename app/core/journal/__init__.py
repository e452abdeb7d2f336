"""The warning-signs journal, pure: entries, search words, pattern rules, trends."""
