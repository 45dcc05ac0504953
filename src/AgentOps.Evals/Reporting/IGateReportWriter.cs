using AgentOps.Evals.Gating;

namespace AgentOps.Evals.Reporting;

/// <summary>Renders a gate verdict in one format; output depends only on the verdict (no clock, invariant culture).</summary>
public interface IGateReportWriter
{
    /// <summary>The format's name as the CLI spells it: <c>json</c>, <c>junit</c>, <c>markdown</c>, <c>github-annotations</c>.</summary>
    string Format { get; }

    /// <summary>Writes <paramref name="verdict"/> to <paramref name="output"/> in this format.</summary>
    void Write(GateVerdict verdict, TextWriter output);
}
