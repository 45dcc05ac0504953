using System.Diagnostics;

namespace AgentOps.Evals.Tests.Robustness;

/// <summary>Makes a folder and its files read-only for a test: chmod for a normal user, chattr +i for root (whom
/// permissions do not stop), undone on dispose.</summary>
internal sealed class ReadOnlyFolder : IDisposable
{
    private readonly string _folder;
    private readonly bool _immutable;

    private ReadOnlyFolder(string folder, bool immutable)
    {
        _folder = folder;
        _immutable = immutable;
    }

    public static ReadOnlyFolder Protect(string folder)
    {
        var root = Environment.UserName == "root";
        foreach (var path in Directory.GetFiles(folder).Append(folder))
        {
            if (root) Run("chattr", "+i", path);
            else if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, path == folder
                ? UnixFileMode.UserRead | UnixFileMode.UserExecute
                : UnixFileMode.UserRead);
        }
        return new ReadOnlyFolder(folder, root);
    }

    /// <summary>True when writing still works (the protection could not be applied).</summary>
    public static bool StillWritable(string folder)
    {
        try
        {
            File.WriteAllText(Path.Combine(folder, ".probe"), "x");
            File.Delete(Path.Combine(folder, ".probe"));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        foreach (var path in Directory.GetFiles(_folder).Append(_folder))
        {
            if (_immutable) Run("chattr", "-i", path);
            else if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, path == _folder
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(info)!;
            p.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no chattr: StillWritable tells the test to skip
        }
    }
}
