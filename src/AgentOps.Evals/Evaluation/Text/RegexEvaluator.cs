using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>regex</c> {pattern, flags: i|m|s|x, timeout-ms = 100}: the output matches; a match that runs past the timeout fails the assertion.</summary>
internal class RegexEvaluator : SpecEvaluator<RegexEvaluator.Args>
{
    internal sealed record Args(Regex Regex, int TimeoutMs, string Display, string PassReason);

    private const int DefaultTimeoutMs = 100;

    // Shared across specs: the same pattern in a hundred cases compiles once.
    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options, int TimeoutMs), Regex> Compiled = new();

    public override string Type => "regex";

    /// <summary>True for <c>not-regex</c>: the output must not match.</summary>
    protected virtual bool Negated => false;

    protected override IReadOnlyList<string> Fields { get; } = ["pattern", "flags", "timeout-ms"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var pattern = spec.RequiredText("pattern", problems);
        var flags = spec.Args["flags"] is null ? "" : spec.RequiredText("flags", problems, allowEmpty: true) ?? "";
        var timeout = spec.OptionalNumber("timeout-ms", DefaultTimeoutMs, problems, min: 1, max: 60_000);
        var options = RegexOptions.CultureInvariant | RegexOptions.Compiled;
        foreach (var flag in flags)
        {
            switch (flag)
            {
                case 'i': options |= RegexOptions.IgnoreCase; break;
                case 'm': options |= RegexOptions.Multiline; break;
                case 's': options |= RegexOptions.Singleline; break;
                case 'x': options |= RegexOptions.IgnorePatternWhitespace; break;
                case 'g': break; // JavaScript habit; meaningless for a yes/no match.
                default:
                    problems.Add(new Problem(spec.Location, "flags", $"unknown flag '{flag}'; expected any of i (ignore case), m (multiline), s (dot matches newline), x (ignore pattern whitespace)"));
                    break;
            }
        }
        if (pattern is null || problems.Count > 0)
            return null;

        var timeoutMs = (int)Math.Ceiling(timeout);
        Regex regex;
        try
        {
            regex = Compiled.GetOrAdd((pattern, options, timeoutMs), key => new Regex(key.Pattern, key.Options, TimeSpan.FromMilliseconds(key.TimeoutMs)));
        }
        catch (ArgumentException e)
        {
            problems.Add(new Problem(spec.Location, "pattern", $"does not compile: {e.Message}"));
            return null;
        }
        var display = $"/{Excerpt.Of(pattern)}/{flags.Replace("g", "", StringComparison.Ordinal)}";
        return new Args(regex, timeoutMs, display, Negated ? $"does not match {display}" : $"matches {display}");
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output;
        try
        {
            var match = args.Regex.Match(output);
            if (match.Success != Negated)
                return new(AssertionResult.Pass(Type, args.PassReason));
            return new(AssertionResult.Fail(Type, Negated
                ? $"expected not to match {args.Display}; matched at char {match.Index}: '{Excerpt.Around(output, match.Index, match.Length)}'"
                : $"expected to match {args.Display}; {Excerpt.ResponseBegan(output)}"));
        }
        catch (RegexMatchTimeoutException)
        {
            return new(AssertionResult.Fail(Type, $"regex timed out after {args.TimeoutMs.ToString(CultureInfo.InvariantCulture)} ms"));
        }
    }
}
