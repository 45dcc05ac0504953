using System.Globalization;
using System.Net;
using System.Text;

namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>The page frame and CSS bars the drift and health pages share: self-contained, no script, no network.</summary>
internal static class HtmlPage
{
    private const string Css = """
        body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}
        td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}tr.flagged{background:#fff1f0}
        .bar{display:inline-block;height:10px;background:#3b7dd8;vertical-align:middle}.bar.ref{background:#aaa}.bar.warn{background:#d8513b}
        ul.findings li{color:#a02a1a}
        """;

    public static void Begin(StringBuilder b, string title) =>
        b.Append("<!doctype html><html lang=en><meta charset=utf-8><title>").Append(WebUtility.HtmlEncode(title)).Append("</title><style>").Append(Css)
            .Append("</style><h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>");

    public static void End(StringBuilder b) => b.Append("</html>\n");

    /// <summary>A horizontal bar, 200 px at share 1.</summary>
    public static string Bar(double share, string kind = "") =>
        string.Create(CultureInfo.InvariantCulture, $"<span class=\"bar {kind}\" style=\"width:{Math.Clamp(share, 0, 1) * 200:0}px\"></span>");
}
