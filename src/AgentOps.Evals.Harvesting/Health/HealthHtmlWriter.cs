using System.Globalization;
using System.Net;
using System.Text;
using AgentOps.Evals.Harvesting.Drift;

namespace AgentOps.Evals.Harvesting.Health;

/// <summary>The health report as one self-contained HTML page: headlines, cases per week as bars, time to eval, debt. Pure.</summary>
public static class HealthHtmlWriter
{
    /// <summary>The page's full HTML text.</summary>
    public static string Write(HealthReport r)
    {
        var b = new StringBuilder();
        HtmlPage.Begin(b, "Eval program health");
        b.Append("<ul>").AppendJoin("", HealthText.Headlines(r).Select(h => "<li>" + E(h) + "</li>")).Append("</ul><h2>Cases per week</h2><table><tr><th>week</th><th>cases</th><th>production-sourced</th><th>by suite</th></tr>");
        var max = Math.Max(1, r.Weeks.Select(w => w.Cases).DefaultIfEmpty().Max());
        foreach (var w in r.Weeks)
            b.Append(CultureInfo.InvariantCulture, $"<tr><td>{w.Week}</td><td>{HtmlPage.Bar((double)w.Cases / max)} {w.Cases}</td><td>{HtmlPage.Bar(w.ProductionShare, "ref")} {w.ProductionShare:P0}</td><td>{E(HealthText.Counts(w.BySuite))}</td></tr>");
        b.Append(CultureInfo.InvariantCulture, $"</table><h2>Time to eval (P0 target {r.P0TargetHours:0} h)</h2><table><tr><th>severity</th><th>category</th><th>cases</th><th>median h to case</th><th>median h to active</th><th>max h to active</th></tr>");
        foreach (var t in r.TimeToEval)
        {
            var late = t.Severity == "P0" && t.MaxHoursToActive > r.P0TargetHours ? " class=flagged" : "";
            b.Append(CultureInfo.InvariantCulture, $"<tr{late}><td>{t.Severity}</td><td>{E(t.Category)}</td><td>{t.Cases}</td><td>{HealthText.Hours(t.MedianHoursToCase)}</td><td>{HealthText.Hours(t.MedianHoursToActive)}</td><td>{HealthText.Hours(t.MaxHoursToActive)}</td></tr>");
        }
        b.Append("</table><h2>Harvest runs per week (from the store)</h2><table><tr><th>week</th><th>runs</th><th>cases written</th><th>median h to case</th><th>max h to case</th><th>promoted</th></tr>");
        foreach (var h in r.HarvestWeeks)
            b.Append(CultureInfo.InvariantCulture, $"<tr><td>{h.Week}</td><td>{h.Runs}</td><td>{h.CasesWritten}</td><td>{HealthText.Hours(h.MedianHoursToCase)}</td><td>{HealthText.Hours(h.MaxHoursToCase)}</td><td>{h.Promoted}</td></tr>");
        b.Append("</table><h2>Debt</h2><table><tr><th>case</th><th>since</th><th>days</th><th>detail</th></tr>");
        foreach (var d in r.Quarantined.Concat(r.Flaky))
            b.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(d.CaseId)}</td><td>{d.Since:yyyy-MM-dd}</td><td>{d.Days}</td><td>{E(d.Detail)}</td></tr>");
        b.Append("</table>");
        HtmlPage.End(b);
        return b.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
