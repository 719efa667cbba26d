"""The kmo-portefeuille rules: company size, eligibility, rates, the yearly cap and the application deadline.

Its one interface is :func:`evaluate` (``python -m calculator`` on the command line); see INTERFACE.md.
"""

from calculator.agenda import agenda
from calculator.antwoord import evaluate

__all__ = ["__version__", "agenda", "evaluate"]
__version__ = "2.0.0"
