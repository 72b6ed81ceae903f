"""``python -m bench.normalizers``: print the report."""

import sys

from .report import main

sys.exit(main())
