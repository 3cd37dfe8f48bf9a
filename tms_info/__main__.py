"""`python -m tms_info` is the same as `tms-info`."""
import sys

from tms_info.cli import main

sys.exit(main())
