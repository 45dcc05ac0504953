using System.Globalization;

namespace AgentOps.Evals.Gating;

/// <summary>Invariant formatting of figures for finding messages, so verdicts read the same on every machine.</summary>
internal static class FigureText
{
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Points(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "-point";

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
