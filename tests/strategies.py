"""hypothesis strategies shared by the tests."""

from hypothesis import strategies as st

_PIECES = [
    *"一二三十（）()、．.：；。，第章条节 \u3000\n\r\t123①#“”《》",
    *["科普", "部门", "要", "负责", "总则", "\ufeff", "\x00", "牵头", "鼓励企业"],
]

# Text that looks like policy documents: markers, Chinese, punctuation, line breaks, junk.
policy_text = st.lists(st.sampled_from(_PIECES), max_size=200).map("".join)
