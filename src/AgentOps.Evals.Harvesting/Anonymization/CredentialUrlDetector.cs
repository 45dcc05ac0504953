using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>The secret parts of URLs: the password in <c>user:pass@</c> and token-like query parameters. The rest of the URL stays.</summary>
internal sealed partial class CredentialUrlDetector : IPiiDetector
{
    public void Detect(string text, List<PiiSpan> found)
    {
        if (!text.Contains("://", StringComparison.Ordinal)) return;
        foreach (Match url in Url().Matches(text))
        {
            var userInfo = UserInfo().Match(url.Value);
            if (userInfo.Success)
            {
                var password = userInfo.Groups["password"];
                found.Add(new PiiSpan(url.Index + password.Index, url.Index + password.Index + password.Length, PiiType.CredentialUrl, "URL_PASSWORD"));
            }
            foreach (Match parameter in TokenParameter().Matches(url.Value))
            {
                var value = parameter.Groups["value"];
                found.Add(new PiiSpan(url.Index + value.Index, url.Index + value.Index + value.Length, PiiType.CredentialUrl, "URL_TOKEN"));
            }
        }
    }

    [GeneratedRegex(@"\b[a-zA-Z][a-zA-Z0-9+.\-]{1,15}://[^\s""'<>`]+", RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"^[^:/]+://[^\s/:@]+:(?<password>[^\s/@]+)@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"(?i)[?&#;](?:access_token|id_token|refresh_token|token|auth|auth_token|api_key|apikey|key|sig|signature|password|pwd|secret|client_secret|x-amz-signature|x-amz-security-token|sv|session_token)=(?<value>[^&\s#""'<>]{6,})", RegexOptions.CultureInvariant)]
    private static partial Regex TokenParameter();
}
