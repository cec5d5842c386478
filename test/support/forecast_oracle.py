"""statsmodels as the forecasts' external oracle (issue 12): reads a JSON list of tasks on stdin,
prints a JSON list of answers. Run with /usr/bin/python3 (Debian's python3-statsmodels).

  {"kind": "ols", "xs": [...], "ys": [...], "at": [...]}
      -> mean and 95 % prediction interval of a new observation at each x (OLS get_prediction);
         with "capacity": C, also P(new observation >= C) from a normal with the same standard error
  {"kind": "holt", "ys": [...], "alpha": a, "beta": b*, "phi": p, "l0": l, "b0": b, "h": H}
      -> forecasts 1..H and the one-step SSE (tsa.holtwinters.Holt, parameters held fixed)
  {"kind": "ets", same as holt}
      -> forecast variance multipliers v_h = Var(h)/sigma^2, h = 1..H (ETSModel A,Ad,N, beta = alpha*b*)
"""
import json
import sys
import warnings

import numpy as np
import statsmodels.api as sm
from scipy.stats import norm
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.holtwinters import Holt

warnings.simplefilter("ignore")


def ols(t):
    X = sm.add_constant(np.asarray(t["xs"], dtype=float))
    res = sm.OLS(np.asarray(t["ys"], dtype=float), X).fit()
    Xn = sm.add_constant(np.asarray(t["at"], dtype=float), has_constant="add")
    f = res.get_prediction(Xn).summary_frame(alpha=0.05)
    se_obs = np.sqrt(f["mean_se"] ** 2 + res.scale)
    out = {"a": res.params[0], "b": res.params[1], "mean": f["mean"].tolist(), "lo": f["obs_ci_lower"].tolist(), "hi": f["obs_ci_upper"].tolist()}
    if "capacity" in t:
        # P(new observation >= C) under a normal predictive distribution with the OLS standard error.
        out["p"] = norm.cdf((f["mean"] - t["capacity"]) / se_obs).tolist()
    return out


def holt(t):
    damped = t["phi"] < 1
    m = Holt(np.asarray(t["ys"], dtype=float), damped_trend=damped, initialization_method="known",
             initial_level=t["l0"], initial_trend=t["b0"])
    kw = {"damping_trend": t["phi"]} if damped else {}
    r = m.fit(smoothing_level=t["alpha"], smoothing_trend=t["beta"], optimized=False, **kw)
    return {"forecast": r.forecast(t["h"]).tolist(), "sse": float(r.sse)}


def ets(t):
    damped = t["phi"] < 1
    y = np.asarray(t["ys"], dtype=float)
    m = ETSModel(y, error="add", trend="add", damped_trend=damped, initialization_method="known",
                 initial_level=t["l0"], initial_trend=t["b0"])
    params = [t["alpha"], t["alpha"] * t["beta"]] + ([t["phi"]] if damped else []) + [t["l0"], t["b0"]]
    r = m.smooth(params)
    # statsmodels' relative forecast variance (Hyndman et al. 2008, class 1: Var(h)/sigma^2).
    v = [float(np.atleast_1d(r._relative_forecast_variance(h))[-1]) for h in range(1, t["h"] + 1)]
    return {"v": v}

out = []
for task in json.load(sys.stdin):
    out.append({"ols": ols, "holt": holt, "ets": ets}[task["kind"]](task))
json.dump(out, sys.stdout)
