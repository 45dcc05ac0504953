using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Cases;

/// <summary>
/// The <c>--filter</c> expression: comma-separated alternatives (OR), each a <c>+</c>-joined list of terms (AND).
/// A term is <c>id:GLOB</c>, <c>tag:GLOB</c>, <c>suite:GLOB</c>, <c>severity:P0</c> (or <c>&lt;=P1</c>, <c>&gt;=P2</c>, …),
/// <c>status:active</c>, or a bare id glob.
/// </summary>
internal sealed class CaseFilter
{
    private const string Option = "--filter";
    private const string Expected =
        "expected terms like id:GLOB, tag:GLOB, suite:GLOB, severity:P0, severity:<=P1, status:active or a bare id glob, joined with + (and) and , (or)";
    private static readonly string[] Keys = ["id", "tag", "suite", "severity", "status"];

    private readonly IReadOnlyList<IReadOnlyList<Func<GoldenCase, bool>>> _alternatives;

    private CaseFilter(string text, IReadOnlyList<IReadOnlyList<Func<GoldenCase, bool>>> alternatives)
    {
        Text = text;
        _alternatives = alternatives;
    }

    /// <summary>The expression as given.</summary>
    public string Text { get; }

    /// <summary>Parses an expression; throws <see cref="InputException"/> naming <c>--filter</c> when it is malformed.</summary>
    public static CaseFilter Parse(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression)) throw Bad("found an empty expression, " + Expected);
        var alternatives = new List<IReadOnlyList<Func<GoldenCase, bool>>>();
        foreach (var alternative in expression.Split(','))
        {
            var terms = new List<Func<GoldenCase, bool>>();
            foreach (var raw in alternative.Split('+'))
            {
                var term = raw.Trim();
                if (term.Length == 0) throw Bad($"found an empty term in '{expression}', {Expected}");
                terms.Add(Term(term));
            }
            alternatives.Add(terms);
        }
        return new CaseFilter(expression, alternatives);
    }

    /// <summary>True when every term of at least one alternative matches the case.</summary>
    public bool Matches(GoldenCase goldenCase) => _alternatives.Any(terms => terms.All(term => term(goldenCase)));

    public override string ToString() => Text;

    private static Func<GoldenCase, bool> Term(string term)
    {
        var colon = term.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            var bare = new Glob(term);
            return c => bare.IsMatch(c.Id);
        }
        var key = term[..colon].Trim();
        var value = term[(colon + 1)..].Trim();
        if (value.Length == 0) throw Bad($"found '{term}' with nothing after ':', {Expected}");
        switch (key)
        {
            case "id":
            {
                var glob = new Glob(value);
                return c => glob.IsMatch(c.Id);
            }
            case "tag":
            {
                var glob = new Glob(value);
                return c => c.Tags.Any(glob.IsMatch);
            }
            case "suite":
            {
                var glob = new Glob(value);
                return c => glob.IsMatch(c.Suite);
            }
            case "severity":
                return SeverityTerm(term, value);
            case "status":
                if (!CaseStatusNames.TryParse(value, out var status))
                    throw Bad($"found '{term}', expected status:active, status:needs-label or status:quarantined");
                return c => c.Status == status;
            default:
                var hint = NameSuggestion.Closest(key, Keys) is { } close ? $" (did you mean `{close}:`?)" : "";
                throw Bad($"found unknown term '{term}'{hint}, {Expected}");
        }
    }

    private static Func<GoldenCase, bool> SeverityTerm(string term, string value)
    {
        // Severity compares by rank: P0 is the most severe, so <=P1 means P0 or P1.
        string[] operators = ["<=", ">=", "<", ">", "="];
        var op = operators.FirstOrDefault(o => value.StartsWith(o, StringComparison.Ordinal)) ?? "=";
        var level = value.StartsWith(op, StringComparison.Ordinal) ? value[op.Length..].Trim() : value;
        if (!Enum.TryParse<Severity>(level, ignoreCase: true, out var severity) || !Enum.IsDefined(severity) || !level.StartsWith('P') && !level.StartsWith('p'))
            throw Bad($"found '{term}', expected severity:P0..P3, optionally with <=, >=, < or >, e.g. severity:<=P1");
        return op switch
        {
            "<=" => c => c.Severity <= severity,
            ">=" => c => c.Severity >= severity,
            "<" => c => c.Severity < severity,
            ">" => c => c.Severity > severity,
            _ => c => c.Severity == severity,
        };
    }

    private static InputException Bad(string message) => new(new Problem(new SourceLocation(Option), "", message));
}
