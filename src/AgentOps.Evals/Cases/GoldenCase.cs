using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Cases;

/// <summary>One golden case, as loaded from <c>golden-set/&lt;suite&gt;/&lt;id&gt;.yaml</c>.</summary>
public sealed record GoldenCase
{
    /// <summary>The case id: unique in the golden set, and the file name without <c>.yaml</c>.</summary>
    public required string Id { get; init; }
    /// <summary>A one-line description for people.</summary>
    public string Title { get; init; } = "";
    /// <summary>Free tags (<c>refunds</c>, <c>locale:de-DE</c>); the gate slices by them and filters select on them.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>How bad a regression on this case is; a P0 regression fails the gate.</summary>
    public Severity Severity { get; init; } = Severity.P2;
    /// <summary>Only active cases run by default; needs-label and quarantined cases wait.</summary>
    public CaseStatus Status { get; init; } = CaseStatus.Active;
    /// <summary>Where the case came from (e.g. <c>production</c>, <c>harvest</c>, <c>promptfoo</c>), if said.</summary>
    public string? Source { get; init; }
    /// <summary>When the case was written, if said.</summary>
    public DateOnly? Created { get; init; }
    /// <summary>Who answers for the case, if said.</summary>
    public string? Owner { get; init; }
    /// <summary>What the candidate is given: messages, context, tools, turns.</summary>
    public required CaseInput Input { get; init; }
    /// <summary>The assertions every trial is scored by, bound when the case loaded.</summary>
    public IReadOnlyList<AssertionSpec> Expect { get; init; } = [];
    /// <summary>This case's own trial count and consistency bar, when it overrides the config's.</summary>
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
