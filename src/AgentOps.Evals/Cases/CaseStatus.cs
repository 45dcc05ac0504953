namespace AgentOps.Evals.Cases;

/// <summary>Lifecycle of a golden case: only active cases gate.</summary>
public enum CaseStatus { Active, NeedsLabel, Quarantined }

/// <summary>YAML spellings of <see cref="CaseStatus"/>.</summary>
public static class CaseStatusNames
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
