"""Pattern rules in one import: the model and loader (``rules_model``) and the engine
(``rules_engine``). Pages, storage and the checker import from here."""

from __future__ import annotations

from app.core.journal.rules_engine import (
    HOME_CARD_DAYS,
    Firing,
    evaluate,
    evaluate_all,
    prepare,
    prepare_by_child,
    preview,
    preview_prepared,
)
from app.core.journal.rules_model import (
    CONDITION_PARAMS,
    Condition,
    Gate,
    Param,
    Rule,
    RulesError,
    Selector,
    load_rules,
    rule_problems,
)

__all__ = ["CONDITION_PARAMS", "HOME_CARD_DAYS", "Condition", "Firing", "Gate", "Param", "Rule",
           "RulesError", "Selector", "evaluate", "evaluate_all", "load_rules", "prepare",
           "prepare_by_child", "preview", "preview_prepared", "rule_problems"]
