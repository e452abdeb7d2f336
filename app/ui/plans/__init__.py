"""The family's side of counsellor homework: importing a plan, the Plans page, recording tasks."""
