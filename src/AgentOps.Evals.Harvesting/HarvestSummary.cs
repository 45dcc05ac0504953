namespace AgentOps.Evals.Harvesting;

/// <summary>What a harvest run did: counts, every skipped line with file:line, the cases written and the triage queue.</summary>
public sealed record HarvestSummary
{
    /// <summary>Trace files read.</summary>
    public int TraceFiles { get; init; }
    /// <summary>Spans read.</summary>
    public long Spans { get; init; }
    /// <summary>Sessions (traces) read.</summary>
    public int SessionsRead { get; init; }
    /// <summary>Feedback events read.</summary>
    public int FeedbackEvents { get; init; }

    /// <summary>Flagged sessions per flag name (a session may carry several flags).</summary>
    public IReadOnlyDictionary<string, int> FlaggedByFlag { get; init; } = new Dictionary<string, int>();

    /// <summary>Every line that could not be read, with file:line and why (the rest was harvested).</summary>
    public IReadOnlyList<SkippedLine> Skipped { get; init; } = [];

    /// <summary>Paths of case files written by this run.</summary>
    public IReadOnlyList<string> CasesWritten { get; init; } = [];

    /// <summary>Cases this run selected whose file already existed (left untouched).</summary>
    public IReadOnlyList<string> CasesAlreadyPresent { get; init; } = [];

    /// <summary>Sessions folded into another case as duplicates.</summary>
    public int DuplicatesCollapsed { get; init; }

    /// <summary>Flagged sessions that had no user turn to replay.</summary>
    public int SessionsWithoutConversation { get; init; }

    /// <summary>Hours from feedback to case, and to promotion.</summary>
    public TimeToEvalStats TimeToEval { get; init; } = new(0, null, null, null, 0, null);

    /// <summary>The triage queue as Markdown, when written.</summary>
    public string? TriageMarkdown { get; init; }
    /// <summary>The triage queue as JSON, when written.</summary>
    public string? TriageJson { get; init; }

    /// <summary>Whether pseudonym → original rows went to the mapping store.</summary>
    public bool MappingStoreWritten { get; init; }
}

/// <summary>Hours from the feedback event to the case's creation (new cases), and to promotion (cases already active).</summary>
/// <param name="Cases">Cases with a feedback time.</param>
/// <param name="MedianHours">Median hours from feedback to case.</param>
/// <param name="P90Hours">90th percentile of the same.</param>
/// <param name="MaxHours">The longest.</param>
/// <param name="PromotedCases">Cases already promoted to active.</param>
/// <param name="MedianHoursToPromotion">Median hours from feedback to promotion.</param>
public sealed record TimeToEvalStats(int Cases, double? MedianHours, double? P90Hours, double? MaxHours, int PromotedCases, double? MedianHoursToPromotion);
