"""`python -m scripts.build` (what `make build` runs): scripts/build/site.py."""

import sys

from scripts.build.site import main

sys.exit(main())
