namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>The population stability index of one dimension (language, length, tools, model, prompt, intent mix) against a reference.</summary>
/// <param name="Against"><c>previous</c> (the window before) or <c>golden</c> (the golden set's inputs).</param>
public sealed record DimensionShift(string Dimension, string Against, double Psi, double Threshold, IReadOnlyList<ShareBin> Bins)
{
    public bool Exceeded => Psi > Threshold;
}

/// <summary>One histogram bin: its label and its share in this window and in the reference.</summary>
public sealed record ShareBin(string Label, double Current, double Reference);
