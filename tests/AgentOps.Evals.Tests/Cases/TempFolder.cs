using System.Text;

namespace AgentOps.Evals.Tests.Cases;

/// <summary>A scratch folder for test files, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "agentops-loader-" + Guid.NewGuid().ToString("N")[..12]);

    public string Write(string relativePath, string content) => Write(relativePath, new UTF8Encoding(false).GetBytes(content));

    public string Write(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
