"""Run the app from a checkout: `python main.py` is the same as `tms-info`."""
import sys

from tms_info.cli import main

if __name__ == "__main__":
    sys.exit(main())
