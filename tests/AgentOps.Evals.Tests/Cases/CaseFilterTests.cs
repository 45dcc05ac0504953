using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Tests.Cases;

public sealed class CaseFilterTests
{
    private static readonly GoldenCase[] Cases =
    [
        Case("refunds-eu-012", "refunds/eu", Severity.P0, CaseStatus.Active, "refunds", "locale:de-DE"),
        Case("refunds-us-003", "refunds", Severity.P1, CaseStatus.Active, "refunds", "locale:en-US"),
        Case("shipping-001", "shipping", Severity.P2, CaseStatus.Quarantined, "shipping"),
        Case("harvest-7", "harvested", Severity.P3, CaseStatus.NeedsLabel),
    ];

    private static GoldenCase Case(string id, string suite, Severity severity, CaseStatus status, params string[] tags) => new()
    {
        Id = id, Suite = suite, Severity = severity, Status = status, Tags = tags, Input = new CaseInput([], new Dictionary<string, string>(), [], []),
    };

    private static string[] Select(string expression)
    {
        var filter = CaseFilter.Parse(expression);
        return Cases.Where(filter.Matches).Select(c => c.Id).ToArray();
    }

    [Theory]
    [InlineData("refunds-*", new[] { "refunds-eu-012", "refunds-us-003" })]
    [InlineData("id:refunds-??-0*", new[] { "refunds-eu-012", "refunds-us-003" })]
    [InlineData("ID-NOT-A-KEY", new string[0])]
    [InlineData("tag:locale:de-*", new[] { "refunds-eu-012" })]
    [InlineData("tag:LOCALE:*", new[] { "refunds-eu-012", "refunds-us-003" })]
    [InlineData("suite:refunds", new[] { "refunds-us-003" })]
    [InlineData("suite:refunds*", new[] { "refunds-eu-012", "refunds-us-003" })]
    [InlineData("severity:P0", new[] { "refunds-eu-012" })]
    [InlineData("severity:<=P1", new[] { "refunds-eu-012", "refunds-us-003" })]
    [InlineData("severity:>P1", new[] { "shipping-001", "harvest-7" })]
    [InlineData("status:needs-label", new[] { "harvest-7" })]
    [InlineData("tag:refunds+severity:P1", new[] { "refunds-us-003" })]
    [InlineData("shipping-*,status:needs-label", new[] { "shipping-001", "harvest-7" })]
    [InlineData("tag:refunds+severity:P0, suite:ship*", new[] { "refunds-eu-012", "shipping-001" })]
    [InlineData("*", new[] { "refunds-eu-012", "refunds-us-003", "shipping-001", "harvest-7" })]
    public void Selects_the_cases_the_expression_names(string expression, string[] expected) =>
        Assert.Equal(expected, Select(expression));

    [Theory]
    [InlineData("", "empty expression")]
    [InlineData("tag:a,,tag:b", "empty term")]
    [InlineData("tag:a+", "empty term")]
    [InlineData("tags:refunds", "did you mean `tag:`?")]
    [InlineData("severity:P7", "expected severity:P0..P3")]
    [InlineData("severity:high", "expected severity:P0..P3")]
    [InlineData("status:done", "expected status:active")]
    [InlineData("id:", "nothing after ':'")]
    public void Rejects_bad_expressions_naming_the_option(string expression, string expected)
    {
        var e = Assert.Throws<InputException>(() => CaseFilter.Parse(expression));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("--filter", problem.Location.File);
        Assert.Contains(expected, problem.Message);
    }

    [Theory]
    [InlineData("a*c", "abc", true)]
    [InlineData("a*c", "ac", true)]
    [InlineData("a*c", "abd", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("*b*", "abc", true)]
    [InlineData("**", "", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    public void Globs_match_star_and_question_mark(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new Glob(pattern).IsMatch(text));
}
