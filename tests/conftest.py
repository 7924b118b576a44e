"""Test settings shared by every test module."""

import os

from hypothesis import settings

# CI must give the same answer on every run: property tests search with a fixed seed there.
# HYPOTHESIS_PROFILE=explore searches at random, to find new failing examples locally.
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
