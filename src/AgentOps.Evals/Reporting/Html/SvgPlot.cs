using System.Globalization;
using System.Text;
using static AgentOps.Evals.Reporting.Html.HtmlText;

namespace AgentOps.Evals.Reporting.Html;

/// <summary>Small inline SVG plots (no script, no network): a histogram of one or two series and a trend line.</summary>
internal static class SvgPlot
{
    private const int Width = 420, Height = 180, Left = 44, Right = 10, Top = 10, Bottom = 28;
    public const string BaselineColor = "#8c959f", CandidateColor = "#0969da", CostColor = "#bf8700";

    /// <summary>A histogram over the joint range of the series, bars of each series side by side per bin.</summary>
    public static string Histogram(string title, IReadOnlyList<(string Name, string Color, IReadOnlyList<double> Values)> series, Func<double, string> label, int bins = 12)
    {
        var all = series.SelectMany(s => s.Values).Where(double.IsFinite).ToList();
        var svg = Open(title);
        if (all.Count == 0) return svg.Append(Text(Width / 2, Height / 2, "no data", "middle")).Append("</svg>").ToString();
        double min = all.Min(), max = all.Max();
        if (max <= min) max = min + 1;
        var width = (max - min) / bins;
        var counts = series.Select(s =>
        {
            var c = new int[bins];
            foreach (var v in s.Values.Where(double.IsFinite)) c[Math.Min(bins - 1, (int)((v - min) / width))]++;
            return c;
        }).ToList();
        var top = Math.Max(1, counts.Max(c => c.Max()));
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        var binW = plotW / bins;
        var barW = binW / series.Count * 0.9;
        for (var b = 0; b < bins; b++)
        {
            for (var s = 0; s < series.Count; s++)
            {
                var h = plotH * counts[s][b] / top;
                if (counts[s][b] == 0) continue;
                var x = Left + b * binW + s * barW;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(Top + plotH - h)}\" width=\"{F(barW)}\" height=\"{F(h)}\" fill=\"{series[s].Color}\">")
                   .Append(CultureInfo.InvariantCulture, $"<title>{E(series[s].Name)}: {counts[s][b]} in {E(label(min + b * width))} – {E(label(min + (b + 1) * width))}</title></rect>");
            }
        }
        Axes(svg, label(min), label(max), "0", top.ToString(CultureInfo.InvariantCulture));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Lines over run order: each series scaled to [0, its max] (or fixed [0,1] for rates).</summary>
    public static string Trend(string title, IReadOnlyList<string> pointLabels, IReadOnlyList<(string Name, string Color, IReadOnlyList<double?> Values, bool IsRate, Func<double, string> Label)> series)
    {
        var svg = Open(title);
        if (pointLabels.Count == 0) return svg.Append(Text(Width / 2, Height / 2, "no stored runs", "middle")).Append("</svg>").ToString();
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(int i) => pointLabels.Count == 1 ? Left + plotW / 2 : Left + plotW * i / (pointLabels.Count - 1);
        foreach (var s in series)
        {
            var max = s.IsRate ? 1 : Math.Max(1e-12, s.Values.Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max());
            var points = new StringBuilder();
            for (var i = 0; i < s.Values.Count; i++)
            {
                if (s.Values[i] is not { } v) continue;
                var y = Top + plotH - plotH * v / max;
                points.Append(F(X(i))).Append(',').Append(F(y)).Append(' ');
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(y)}\" r=\"3\" fill=\"{s.Color}\"><title>{E(pointLabels[i])}: {E(s.Name)} {E(s.Label(v))}</title></circle>");
            }
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"2\" points=\"{points.ToString().TrimEnd()}\"/>");
        }
        Axes(svg, "oldest", "newest", "0", "max");
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{E(title)}\"><title>{E(title)}</title>");

    private static void Axes(StringBuilder svg, string xMin, string xMax, string yMin, string yMax)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#d0d7de\"/>")
           .Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#d0d7de\"/>")
           .Append(Text(Left, Height - 10, xMin, "start")).Append(Text(Width - Right, Height - 10, xMax, "end"))
           .Append(Text(Left - 4, Height - Bottom, yMin, "end")).Append(Text(Left - 4, Top + 10, yMax, "end"));
    }

    private static string Text(double x, double y, string text, string anchor) =>
        $"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\">{E(text)}</text>";

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
