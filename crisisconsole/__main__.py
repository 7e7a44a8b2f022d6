import sys

from crisisconsole.entry import main

sys.exit(main())
