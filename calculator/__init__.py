"""The kmo-portefeuille rules: company size, eligibility, rates, the yearly cap and the application deadline.

Its one interface is :func:`evaluate` (``python -m calculator`` on the command line); see CONTRACT.md.
"""

from calculator.evaluate import evaluate

__all__ = ["__version__", "evaluate"]
__version__ = "1.0.0"
