using System.Globalization;
using System.Net;

namespace AgentOps.Evals.Reporting.Html;

/// <summary>Escaping and number formats for the HTML report: every piece of case or response text goes through <see cref="E"/>.</summary>
internal static class HtmlText
{
    /// <summary>Text made safe for element content and quoted attributes (&lt; &gt; &amp; " ' escaped).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Pct(double? value) => value is { } v && !double.IsNaN(v) ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Num(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Usd(decimal? value) => value is { } v ? "$" + v.ToString("0.0000", CultureInfo.InvariantCulture) : "–";

    public static string Ms(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + " ms" : "–";

    /// <summary>An id usable in an element id and a #fragment.</summary>
    public static string Anchor(string caseId) => "case-" + Uri.EscapeDataString(caseId);
}
