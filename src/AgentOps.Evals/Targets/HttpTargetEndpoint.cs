using System.Net.Http.Headers;
using System.Text;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Targets;

/// <summary>Where the http target POSTs and what it sends besides the body: the endpoint with <c>${VAR}</c> filled in and
/// <c>user:pass@</c> taken out of it (sent as Basic auth instead), and the provider's <c>headers:</c> with their variables filled in.
/// <see cref="Display"/> is the only form ever printed, stored or reported: it has no credentials and no header values.</summary>
public sealed class HttpTargetEndpoint
{
    private HttpTargetEndpoint(Uri uri, IReadOnlyList<KeyValuePair<string, string>> headers, string display)
    {
        Uri = uri;
        Headers = headers;
        Display = display;
    }

    /// <summary>The URL requests go to, without user info.</summary>
    public Uri Uri { get; }

    /// <summary>Headers added to every request (values may be secrets: never print them).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The endpoint as it may be shown: scheme, host, port and path; user info replaced by <c>***@</c>.</summary>
    public string Display { get; }

    /// <summary>The redacted <see cref="Display"/> form, so logging the endpoint never prints user info.</summary>
    public override string ToString() => Display;

    /// <summary>Resolves <paramref name="provider"/>'s endpoint and headers; an unset variable or a bad URL is bad input (exit 2) naming the config file and field.</summary>
    public static HttpTargetEndpoint From(ProviderConfig provider, string configFile)
    {
        var field = $"providers.{provider.Name}.endpoint";
        if (string.IsNullOrWhiteSpace(provider.Endpoint))
            throw new InputException(configFile, field, "missing; an http target needs the URL to POST cases to");
        var text = EnvironmentExpansion.Expand(provider.Endpoint, configFile, field, $"names the endpoint of provider '{provider.Name}'");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            // The expanded value may carry credentials from the environment, so only the written form is echoed.
            throw new InputException(configFile, field, $"'{Redact(provider.Endpoint)}' does not expand to an absolute http(s) URL");

        var headers = new List<KeyValuePair<string, string>>();
        if (uri.UserInfo.Length > 0)
        {
            var credentials = Uri.UnescapeDataString(uri.UserInfo);
            headers.Add(new("Authorization", new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))).ToString()));
            uri = new UriBuilder(uri) { UserName = "", Password = "" }.Uri;
        }
        foreach (var (name, value) in provider.Headers)
        {
            var expanded = EnvironmentExpansion.Expand(value, configFile, $"providers.{provider.Name}.headers.{name}", $"is used in header {name} of provider '{provider.Name}'");
            headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
            headers.Add(new(name, expanded));
        }
        return new HttpTargetEndpoint(uri, headers, Redact(uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)));
    }

    /// <summary>A URL text with any <c>user:pass@</c> replaced by <c>***@</c>.</summary>
    public static string Redact(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return url;
        var hostStart = scheme + 3;
        var hostEnd = url.IndexOfAny(['/', '?', '#'], hostStart);
        var at = url.LastIndexOf('@', hostEnd < 0 ? url.Length - 1 : hostEnd - 1);
        return at >= hostStart ? url[..hostStart] + "***" + url[at..] : url;
    }
}
