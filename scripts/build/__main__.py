"""`python -m scripts.build` (what `make build` runs): scripts/build/site.py.

This process lives for one build, so it skips two costs of a long-lived one: collecting cycles
(the generation ran a twentieth slower with it) and, at the end, freeing the generator's objects
one by one (which took longer than writing the site's search index): it flushes its output and
exits at once."""

import gc
import os
import sys

from scripts.build.site import main

gc.disable()
code = main()
sys.stdout.flush()
sys.stderr.flush()
os._exit(code)
