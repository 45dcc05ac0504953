using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>Secrets with a vendor's known prefix: cloud keys and GitHub, Slack, Stripe, OpenAI, Anthropic and Google tokens.</summary>
internal sealed partial class KnownSecretDetector : IPiiDetector
{
    private static readonly (string Label, Regex Pattern)[] Patterns =
    [
        ("ANTHROPIC_KEY", Anthropic()),
        ("OPENAI_KEY", OpenAi()),
        ("AWS_ACCESS_KEY", AwsAccessKey()),
        ("GITHUB_TOKEN", GitHub()),
        ("SLACK_TOKEN", Slack()),
        ("SLACK_WEBHOOK", SlackWebhook()),
        ("STRIPE_KEY", Stripe()),
        ("GOOGLE_API_KEY", Google()),
        ("HUGGINGFACE_TOKEN", HuggingFace()),
        ("AZURE_STORAGE_KEY", AzureStorageKey()),
    ];

    public void Detect(string text, List<PiiSpan> found)
    {
        foreach (var (label, pattern) in Patterns)
        {
            foreach (var match in pattern.EnumerateMatches(text))
                found.Add(new PiiSpan(match.Index, match.Index + match.Length, PiiType.Secret, label));
        }
    }

    [GeneratedRegex(@"(?<![\w\-])sk-ant-(?:api|admin|oat)\d{2}-[A-Za-z0-9_\-]{20,}", RegexOptions.CultureInvariant)]
    private static partial Regex Anthropic();

    [GeneratedRegex(@"(?<![\w\-])sk-(?!ant-)(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_\-]{20,}", RegexOptions.CultureInvariant)]
    private static partial Regex OpenAi();

    [GeneratedRegex(@"(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}(?![A-Z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex AwsAccessKey();

    [GeneratedRegex(@"(?<![\w])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})", RegexOptions.CultureInvariant)]
    private static partial Regex GitHub();

    [GeneratedRegex(@"(?<![\w\-])xox[abposr]-[A-Za-z0-9\-]{10,}", RegexOptions.CultureInvariant)]
    private static partial Regex Slack();

    [GeneratedRegex(@"https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"(?<![\w])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|(?<![\w])whsec_[A-Za-z0-9]{24,}", RegexOptions.CultureInvariant)]
    private static partial Regex Stripe();

    [GeneratedRegex(@"(?<![\w\-])AIza[0-9A-Za-z_\-]{35}(?![\w\-])", RegexOptions.CultureInvariant)]
    private static partial Regex Google();

    [GeneratedRegex(@"(?<![\w])hf_[A-Za-z0-9]{30,}", RegexOptions.CultureInvariant)]
    private static partial Regex HuggingFace();

    [GeneratedRegex(@"AccountKey=[A-Za-z0-9+/]{80,}={0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex AzureStorageKey();
}
