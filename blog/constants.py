# The WordPress "more" break: list pages show the body up to this marker.
MORE_MARKER = "<!--more-->"
