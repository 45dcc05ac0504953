using System.Text;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Tools;

/// <summary>Lists the tool calls a trial made, for failure reasons: "calls made: get_order({"id":"A-1"}), refund({…})".</summary>
internal static class ToolCallList
{
    private const int MaxShown = 10;

    /// <summary>"calls made: a({…}), b({…})" or "no tools were called".</summary>
    public static string WithArgs(IReadOnlyList<ToolCallRecord> calls) =>
        calls.Count == 0 ? "no tools were called" : "calls made: " + Join(calls, withArgs: true);

    /// <summary>"calls made: a → b → c" or "no tools were called".</summary>
    public static string NamesOnly(IReadOnlyList<ToolCallRecord> calls) =>
        calls.Count == 0 ? "no tools were called" : "calls made: " + Join(calls, withArgs: false);

    /// <summary>"a({…}), a({…})" without a lead-in.</summary>
    public static string Join(IReadOnlyList<ToolCallRecord> calls, bool withArgs)
    {
        var builder = new StringBuilder();
        var shown = Math.Min(calls.Count, MaxShown);
        for (var i = 0; i < shown; i++)
        {
            if (i > 0)
                builder.Append(withArgs ? ", " : " → ");
            builder.Append(calls[i].Name);
            if (withArgs)
                builder.Append('(').Append(Excerpt.Of(calls[i].ArgumentsJson, 80)).Append(')');
            if (calls[i].Error is not null)
                builder.Append(" [failed]");
        }
        if (calls.Count > shown)
            builder.Append(" (+").Append(calls.Count - shown).Append(" more)");
        return builder.ToString();
    }
}
