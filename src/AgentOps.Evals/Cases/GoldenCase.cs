using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Cases;

/// <summary>One golden case, as loaded from <c>golden-set/&lt;suite&gt;/&lt;id&gt;.yaml</c>.</summary>
public sealed record GoldenCase
{
    public required string Id { get; init; }
    public string Title { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public Severity Severity { get; init; } = Severity.P2;
    public CaseStatus Status { get; init; } = CaseStatus.Active;
    public string? Source { get; init; }
    public DateOnly? Created { get; init; }
    public string? Owner { get; init; }
    public required CaseInput Input { get; init; }
    public IReadOnlyList<AssertionSpec> Expect { get; init; } = [];
    public ConsistencyOverride? Consistency { get; init; }

    /// <summary>Why a harvested case exists: flags, counts, pseudonymous trace ids, model and prompt ids.</summary>
    public System.Text.Json.Nodes.JsonObject? Evidence { get; init; }

    /// <summary>A human label for judge calibration (<c>expect-judge: pass|fail</c>), if any.</summary>
    public bool? ExpectJudge { get; init; }

    /// <summary>The suite: the case file's folder relative to the golden-set root ("" at the root).</summary>
    public string Suite { get; init; } = "";

    /// <summary>Where the case was loaded from.</summary>
    public SourceLocation Location { get; init; } = new("");
}
