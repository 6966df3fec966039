"""An independent re-computation (bench/recompute_analysis.py: plain SQL, samplics, statsmodels' IRLS and
other optimisers, pingouin) agrees with every published estimate and SE of `citydip analyze` to 1e-4."""
import importlib.util
from pathlib import Path

import pytest
from django.core.management import call_command

from citydip.analysis.models import Covariate
from citydip.frame.models import City

pytestmark = pytest.mark.django_db
SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "recompute_analysis.py"


def load_script():
    spec = importlib.util.spec_from_file_location("recompute_analysis", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_published_estimate_and_se_is_recomputed_independently(study, tmp_path):
    import numpy as np

    rng = np.random.default_rng(3)
    for city in City.objects.filter(in_frame=True):  # two city-level covariates, one of them 0/1
        Covariate.objects.create(level="city", city=city, variable="gdp_per_head", value=float(rng.normal(30000, 8000)),
                                 year=2021, source="test", synthetic=True)
        Covariate.objects.create(level="city", city=city, variable="airport", value=float(rng.random() < 0.4),
                                 year=2021, source="test", synthetic=True)
    call_command("analyze", "--output", str(tmp_path / "out"))
    recompute = load_script()
    checked = recompute.compare(tmp_path / "out")
    tables = {table for table, *_ in checked}
    assert {"weights_margins", "prevalence_overall", "prevalence_by_country", "prevalence_by_size_class",
            "regression_cooperation", "institutionalisation_reliability"} <= tables
    assert sum(1 for c in checked if c[2] == "weighted_se") >= 5 and sum(1 for c in checked if c[2] == "ame") >= 3
    disagreements = [c for c in checked if not recompute.agree(c[3], c[4])]
    assert disagreements == []
    # and it notices a published number that is off by 0.001
    import pandas as pd

    path = tmp_path / "out" / "tables" / "prevalence_overall.csv"
    table = pd.read_csv(path)
    table.loc[0, "weighted_se"] += 0.001
    table.to_csv(path, index=False)
    wrong = [c for c in recompute.compare(tmp_path / "out") if not recompute.agree(c[3], c[4])]
    assert [(c[0], c[2]) for c in wrong] == [("prevalence_overall", "weighted_se")]
