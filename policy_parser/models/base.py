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
# The four slots every pydantic model has, written through their descriptors: a descriptor's
# ``__set__`` skips the attribute-name lookup ``object.__setattr__`` makes on every call, which
# was half the cost of a trusted model (a section, a clause, a body: ~30,000 per 10,000
# sections). No model class defines ``__new__``, so ``object.__new__`` is what ``cls()`` runs.
_SLOTS = BaseModel.__dict__
_new = object.__new__
_set_dict = _SLOTS["__dict__"].__set__
_set_fields_set = _SLOTS["__pydantic_fields_set__"].__set__
_set_extra = _SLOTS["__pydantic_extra__"].__set__
_set_private = _SLOTS["__pydantic_private__"].__set__


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
    model = _new(cls)
    _set_dict(model, values)
    _set_fields_set(model, fields)
    _set_extra(model, None)
    _set_private(model, None)
    return model
