using System.Text;

namespace AgentOps.Evals.Reporting;

/// <summary>Writes one report file so that its failure costs nothing else: the report is rendered in memory first (a
/// writer that throws leaves no half file), then written through a temp file; the error names the file.</summary>
public static class ReportFile
{
    /// <summary>Renders with <paramref name="render"/> and writes to <paramref name="path"/>; null on success, else why it failed.</summary>
    public static string? TryWrite(string path, Action<TextWriter> render)
    {
        string? temp = null;
        try
        {
            using var text = new StringWriter();
            render(text);
            var full = Path.GetFullPath(path);
            if (Path.GetDirectoryName(full) is { } folder) Directory.CreateDirectory(folder);
            temp = full + ".tmp";
            File.WriteAllText(temp, text.ToString(), new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (temp is not null)
                try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            return $"could not write {path}: {e.Message}";
        }
    }

    /// <summary>Like <see cref="TryWrite"/>, but throws an <see cref="IOException"/> naming the file when it cannot be written.</summary>
    public static void Write(string path, Action<TextWriter> render)
    {
        if (TryWrite(path, render) is { } error) throw new IOException(error);
    }
}
