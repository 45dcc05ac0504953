namespace AgentOps.Evals.Cases;

/// <summary>Lifecycle of a golden case: only active cases gate.</summary>
public enum CaseStatus
{
    /// <summary>Runs and gates (<c>active</c>).</summary>
    Active,
    /// <summary>Waits for a person to write its expectations (<c>needs-label</c>); harvested cases start here.</summary>
    NeedsLabel,
    /// <summary>Kept but not run (<c>quarantined</c>), e.g. while flaky.</summary>
    Quarantined,
}

/// <summary>YAML spellings of <see cref="CaseStatus"/>.</summary>
internal static class CaseStatusNames
{
    public static string ToYaml(this CaseStatus status) => status switch
    {
        CaseStatus.Active => "active",
        CaseStatus.NeedsLabel => "needs-label",
        CaseStatus.Quarantined => "quarantined",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? text, out CaseStatus status)
    {
        switch (text)
        {
            case "active": status = CaseStatus.Active; return true;
            case "needs-label": status = CaseStatus.NeedsLabel; return true;
            case "quarantined": status = CaseStatus.Quarantined; return true;
            default: status = default; return false;
        }
    }
}
