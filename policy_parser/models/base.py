"""The base of every model and the trusted factory the pipeline builds models with."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


# The pipeline builds thousands of models per document from values it has typed itself (mypy
# checks the factories make_clause, make_section …), so it skips pydantic's validation and,
# more to the point, the set of field names pydantic keeps per instance: 216–728 bytes, more
# than a section's dict and often more than its text. Every model built here shares one set
# of all field names: the models are frozen, so pydantic never adds to it (model_copy adds to
# a copy).
# tests/test_models.py checks that the factories name every field and give the same models as
# validation does.
_M = TypeVar("_M", bound=BaseModel)
_ALL_FIELDS: dict[type[BaseModel], set[str]] = {}


def _trusted(cls: type[_M], values: dict[str, Any]) -> _M:
    """Build ``cls`` from complete, already typed ``values`` without validating them.

    ``values`` must hold every field in the order the model declares them: pydantic writes
    the fields of a model built this way in the order of its ``__dict__``.

    The same steps as ``BaseModel.model_construct`` (which walks every field in Python and
    builds a set per instance), reduced to what a frozen model without aliases, extras or
    private attributes needs.
    """
    fields = _ALL_FIELDS.get(cls)
    if fields is None:
        fields = _ALL_FIELDS[cls] = set(cls.model_fields)
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", values)
    object.__setattr__(model, "__pydantic_fields_set__", fields)
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model
