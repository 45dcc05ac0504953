namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>Finds one kind of personal data or secret in a text. Pure: same text, same spans.</summary>
internal interface IPiiDetector
{
    /// <summary>Adds every span found in <paramref name="text"/> to <paramref name="found"/>.</summary>
    void Detect(string text, List<PiiSpan> found);
}
