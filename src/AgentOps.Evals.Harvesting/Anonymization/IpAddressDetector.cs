using System.Net;
using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>IPv4 and IPv6 addresses, except loopback and unspecified ones (they identify nobody).</summary>
internal sealed partial class IpAddressDetector : IPiiDetector
{
    public void Detect(string text, List<PiiSpan> found)
    {
        if (text.Contains('.'))
        {
            foreach (var match in V4().EnumerateMatches(text))
            {
                var value = text.AsSpan(match.Index, match.Length);
                if (value is "127.0.0.1" or "0.0.0.0" or "255.255.255.255") continue;
                found.Add(new PiiSpan(match.Index, match.Index + match.Length, PiiType.IpAddress));
            }
        }
        if (text.Contains(':'))
        {
            foreach (var match in V6().EnumerateMatches(text))
            {
                var value = text.AsSpan(match.Index, match.Length);
                var colons = value.Count(':');
                if (!(value.Contains("::", StringComparison.Ordinal) || colons == 7) || value is "::" or "::1") continue;
                if (colons < 2 || !IPAddress.TryParse(value, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) continue;
                // "a::b" shapes in prose (C++ scopes, timestamps) need at least three hex groups to count.
                if (value.Contains("::", StringComparison.Ordinal) && value.ToString().Split(':', StringSplitOptions.RemoveEmptyEntries).Length < 3) continue;
                found.Add(new PiiSpan(match.Index, match.Index + match.Length, PiiType.IpAddress, "ipv6"));
            }
        }
    }

    [GeneratedRegex(@"(?<![\w.\-])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w\-]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex V4();

    [GeneratedRegex(@"(?<![\w:.])(?:[0-9A-Fa-f]{1,4}:|:)(?::?[0-9A-Fa-f]{1,4}|:){1,7}(?![\w:])", RegexOptions.CultureInvariant)]
    private static partial Regex V6();
}
