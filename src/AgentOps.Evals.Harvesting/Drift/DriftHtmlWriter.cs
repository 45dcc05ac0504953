using System.Globalization;
using System.Net;
using System.Text;

namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>A drift report as one self-contained HTML page (no script, no network): clusters and a histogram per dimension. Pure.</summary>
public static class DriftHtmlWriter
{
    public static string Write(DriftReport r)
    {
        var b = new StringBuilder();
        HtmlPage.Begin(b, "Drift: " + (r.Drifted ? "DRIFT" : "no drift"));
        b.Append(CultureInfo.InvariantCulture, $"<p>{r.Queries} production queries ({E(DriftMarkdownWriter.Window(r))}), {r.PreviousQueries} in the previous window, {r.ActiveCases} active cases; vectors: {E(r.Vectors)}. ");
        b.Append(CultureInfo.InvariantCulture, $"Traffic in clusters with no case: <b>{r.NoCaseShare:P1}</b>.</p>");
        if (r.Findings.Count > 0) b.Append("<ul class=findings>").AppendJoin("", r.Findings.Select(f => "<li>" + E(f) + "</li>")).Append("</ul>");
        b.Append("<h2>Intent clusters</h2><table><tr><th>cluster</th><th>traffic</th><th>cases</th><th>case share</th><th>top terms</th><th>examples (anonymized)</th><th>thumbs-down</th></tr>");
        foreach (var c in r.Clusters)
        {
            b.Append(CultureInfo.InvariantCulture, $"<tr{(c.Flagged ? " class=flagged" : "")}><td>{c.Id}</td><td>{HtmlPage.Bar(c.TrafficShare)} {c.TrafficShare:P1}</td><td>{c.Cases}</td><td>{c.CaseShare:P1}</td>");
            b.Append(CultureInfo.InvariantCulture, $"<td>{E(string.Join(", ", c.TopTerms))}</td><td>{string.Join("<br>", c.Examples.Select(E))}</td><td>{c.ThumbsDownRate:P0}</td></tr>");
        }
        b.Append("</table><h2>Distribution shift</h2>");
        foreach (var s in r.Shifts)
        {
            b.Append(CultureInfo.InvariantCulture, $"<h3>{E(s.Dimension)} against {E(s.Against)}: PSI {s.Psi:0.000}{(s.Exceeded ? " <b>(shifted)</b>" : "")}</h3><table><tr><th>bin</th><th>this window</th><th>{E(s.Against)}</th></tr>");
            foreach (var bin in s.Bins)
                b.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(bin.Label)}</td><td>{HtmlPage.Bar(bin.Current)} {bin.Current:P1}</td><td>{HtmlPage.Bar(bin.Reference, "ref")} {bin.Reference:P1}</td></tr>");
            b.Append("</table>");
        }
        HtmlPage.End(b);
        return b.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
