"""The Settings page: built from one catalogue of choices, plus backups and about."""
