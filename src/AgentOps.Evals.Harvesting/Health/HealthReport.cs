namespace AgentOps.Evals.Harvesting.Health;

/// <summary>The eval program's own dashboard: coverage growth, production-sourced share, time to eval, backlog, debt, incidents, drift coverage.</summary>
public sealed record HealthReport
{
    /// <summary>When the report was computed.</summary>
    public DateTimeOffset At { get; init; }
    /// <summary>Cases in the golden set now.</summary>
    public int Cases { get; init; }
    /// <summary>Per ISO week from the golden set's git history, oldest first (empty without history).</summary>
    public IReadOnlyList<WeekFigures> Weeks { get; init; } = [];
    /// <summary>Feedback → case and → active hours per feedback category and severity.</summary>
    public IReadOnlyList<TimeToEvalRow> TimeToEval { get; init; } = [];

    /// <summary>Harvest runs per week from the store (harvest_runs): cases written and feedback → case hours, as each run measured them.</summary>
    public IReadOnlyList<HarvestWeek> HarvestWeeks { get; init; } = [];
    /// <summary>The P0 feedback → active target (health config), in hours.</summary>
    public double P0TargetHours { get; init; }

    /// <summary>P0 cases promoted within the target, of P0 cases promoted (null: none promoted yet).</summary>
    public double? P0WithinTarget { get; init; }

    /// <summary>Cases waiting in status needs-label.</summary>
    public int Backlog { get; init; }
    /// <summary>Median days since the backlog cases were created (null: no creation time known).</summary>
    public double? BacklogMedianAgeDays { get; init; }
    /// <summary>Days since the oldest backlog case was created (null: no creation time known).</summary>
    public double? BacklogMaxAgeDays { get; init; }
    /// <summary>Cases in status quarantined, with since when.</summary>
    public IReadOnlyList<DebtCase> Quarantined { get; init; } = [];
    /// <summary>Cases whose trials both passed and failed within one of the newest stored runs.</summary>
    public IReadOnlyList<DebtCase> Flaky { get; init; } = [];
    /// <summary>Listed incident ids no case names in its source.</summary>
    public IReadOnlyList<string> IncidentsWithoutCases { get; init; } = [];
    /// <summary>Incidents listed in the health config (inline and file).</summary>
    public int IncidentsListed { get; init; }

    /// <summary>Share of traffic in clusters with no case, from the last stored drift run (null: drift never ran on this store).</summary>
    public double? NoCaseTrafficShare { get; init; }
    /// <summary>Clusters the last stored drift run flagged (null: no drift run).</summary>
    public int? FlaggedClusters { get; init; }
    /// <summary>When the last stored drift run ran (null: none).</summary>
    public DateTimeOffset? LastDriftAt { get; init; }
}

/// <summary>One ISO week: cases existing at its end per suite and severity, and how many are production-sourced.</summary>
public sealed record WeekFigures(string Week, int Cases, int ProductionSourced, int Added, IReadOnlyDictionary<string, int> BySuite, IReadOnlyDictionary<string, int> BySeverity)
{
    /// <summary>Production-sourced cases ÷ cases at the week's end (0 with no cases).</summary>
    public double ProductionShare => Cases == 0 ? 0 : (double)ProductionSourced / Cases;
}

/// <summary>
/// One ISO week of stored harvest runs: runs, cases written, the production-sourced share of that week's intake (cases
/// harvest wrote ÷ cases added to the golden set's history; null with no history), and feedback → case hours (median
/// of the runs' medians, max of their maxima; cases weigh each run equally).
/// </summary>
public sealed record HarvestWeek(string Week, int Runs, int CasesWritten, double? ProductionShareOfAdded, int FeedbackCases, double? MedianHoursToCase,
    double? MaxHoursToCase, int Promoted, double? MedianHoursToPromotion);

/// <summary>Hours from feedback to case creation and to promotion (status active), per feedback category and severity.</summary>
public sealed record TimeToEvalRow(string Category, string Severity, int Cases, double? MedianHoursToCase, int Promoted, double? MedianHoursToActive, double? MaxHoursToActive);

/// <summary>A case in debt (quarantined or flaky) and since when.</summary>
public sealed record DebtCase(string CaseId, DateTimeOffset? Since, double? Days, string Detail);
