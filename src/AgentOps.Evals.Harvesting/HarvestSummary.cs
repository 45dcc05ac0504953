namespace AgentOps.Evals.Harvesting;

/// <summary>What a harvest run did: counts, every skipped line with file:line, the cases written and the triage queue.</summary>
public sealed record HarvestSummary
{
    public int TraceFiles { get; init; }
    public long Spans { get; init; }
    public int SessionsRead { get; init; }
    public int FeedbackEvents { get; init; }

    /// <summary>Flagged sessions per flag name (a session may carry several flags).</summary>
    public IReadOnlyDictionary<string, int> FlaggedByFlag { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<SkippedLine> Skipped { get; init; } = [];

    /// <summary>Paths of case files written by this run.</summary>
    public IReadOnlyList<string> CasesWritten { get; init; } = [];

    /// <summary>Cases this run selected whose file already existed (left untouched).</summary>
    public IReadOnlyList<string> CasesAlreadyPresent { get; init; } = [];

    /// <summary>Sessions folded into another case as duplicates.</summary>
    public int DuplicatesCollapsed { get; init; }

    /// <summary>Flagged sessions that had no user turn to replay.</summary>
    public int SessionsWithoutConversation { get; init; }

    public TimeToEvalStats TimeToEval { get; init; } = new(0, null, null, null, 0, null);

    public string? TriageMarkdown { get; init; }
    public string? TriageJson { get; init; }

    /// <summary>Whether pseudonym → original rows went to the mapping store.</summary>
    public bool MappingStoreWritten { get; init; }
}

/// <summary>Hours from the feedback event to the case's creation (new cases), and to promotion (cases already active).</summary>
public sealed record TimeToEvalStats(int Cases, double? MedianHours, double? P90Hours, double? MaxHours, int PromotedCases, double? MedianHoursToPromotion);
