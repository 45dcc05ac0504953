using System.Text;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Reporting;

/// <summary>Writes one report file so that its failure costs nothing else: the report is rendered in memory first (a
/// writer that throws leaves no half file), then written through a temp file; the error names the file.</summary>
public static class ReportFile
{
    /// <summary>Renders with <paramref name="render"/> and writes to <paramref name="path"/>; null on success, else why it failed.</summary>
    public static string? TryWrite(string path, Action<TextWriter> render) =>
        WhyNotWritten(path, render) is { } reason ? $"could not write {path}: {reason}" : null;

    private static string? WhyNotWritten(string path, Action<TextWriter> render)
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
            return Reason(path, e);
        }
    }

    /// <summary>Why <paramref name="path"/> cannot be written, in the user's terms: the exception's own text names the temp file.</summary>
    private static string Reason(string path, Exception e)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) return "it is a folder; give a file path";
        for (var parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
            if (File.Exists(parent)) return $"{parent} is a file, not a folder";
        return e switch
        {
            UnauthorizedAccessException => "permission denied; choose a writable place",
            DirectoryNotFoundException => "its folder does not exist and cannot be created",
            _ => e.Message.Replace(full + ".tmp", full, StringComparison.Ordinal),
        };
    }

    /// <summary>Like <see cref="TryWrite(string, Action{TextWriter})"/>, but <c>-</c> renders to <paramref name="stdout"/> (a command's
    /// standard output) instead of a file, and a null path (the output was not asked for) writes nothing.</summary>
    public static string? TryWrite(string? path, Action<TextWriter> render, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (path is null) return null;
        if (path != StandardOutput) return TryWrite(path, render);
        render(stdout);
        return null;
    }

    /// <summary>Like <see cref="TryWrite(string, Action{TextWriter}, TextWriter)"/>, but throws an <see cref="InputException"/> (bad input: the
    /// user chose the path) naming the file when it cannot be written.</summary>
    public static void Write(string? path, Action<TextWriter> render, TextWriter stdout)
    {
        if (path is not null && path != StandardOutput) Write(path, render);
        else TryWrite(path, render, stdout);
    }

    /// <summary>The path that means "standard output" on the command line.</summary>
    public const string StandardOutput = "-";

    /// <summary>Like <see cref="TryWrite(string, Action{TextWriter})"/>, but throws an <see cref="InputException"/> naming the file when it cannot be written.</summary>
    public static void Write(string path, Action<TextWriter> render)
    {
        if (WhyNotWritten(path, render) is { } reason) throw new InputException(new Problem(new SourceLocation(path), "", "could not write it: " + reason));
    }
}
