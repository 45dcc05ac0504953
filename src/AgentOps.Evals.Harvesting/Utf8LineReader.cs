using System.Buffers;

namespace AgentOps.Evals.Harvesting;

/// <summary>Reads a stream as UTF-8 lines without decoding to strings, so a multi-GB file streams in a buffer the size of its longest line.</summary>
internal static class Utf8LineReader
{
    /// <summary>Each line's bytes (without the line break) and its 1-based number; the memory is valid until the next item.</summary>
    public static IEnumerable<(int Line, ReadOnlyMemory<byte> Bytes)> Read(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var start = 0;
            var end = 0;
            var line = 0;
            var eof = false;
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline >= 0)
                {
                    line++;
                    var length = newline - start;
                    if (length > 0 && buffer[newline - 1] == '\r') length--;
                    yield return (line, new ReadOnlyMemory<byte>(buffer, start, length));
                    start = newline + 1;
                    continue;
                }
                if (eof)
                {
                    if (end > start) yield return (line + 1, new ReadOnlyMemory<byte>(buffer, start, end - start));
                    yield break;
                }
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0) eof = true;
                end += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
