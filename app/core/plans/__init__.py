"""Counsellor homework, pure: the plan and report model and their FHIR R4 files."""
